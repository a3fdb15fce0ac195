namespace InnoCenter.Domain.Portal;

/// <summary>
/// What a center writes in one version of a case: title, summary, Markdown body (and its cleaned HTML, rendered once
/// when saved), the seed task it illustrates and the ledger records it cites (<c>kind/id</c>) as evidence.
/// </summary>
public sealed record CaseContent(string Title, string Summary, string Body, string BodyHtml, string Task, IReadOnlyList<string> Evidence);
