using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

public sealed record SearchHit(string Kind, Guid Id, string Title, string Link, string? Detail);

/// <summary>What the public search found, per kind, each capped.</summary>
public sealed record PortalSearchResult(string Query, bool TooShort, IReadOnlyList<SearchHit> Notices, IReadOnlyList<SearchHit> Cases, IReadOnlyList<SearchHit> Centers, IReadOnlyList<SearchHit> Documents)
{
    public int Count => Notices.Count + Cases.Count + Centers.Count + Documents.Count;
}

/// <summary>
/// The public search (站内搜索) over published things only: notices, typical cases, recognised centers and policy
/// documents, each through the bigram index (a two-character Chinese word is one term), then checked against the text.
/// </summary>
public sealed class PortalSearch(AppDbContext db)
{
    public const string CaseKind = "portal.case";
    public const string DocumentKind = "portal.document";
    public const int Take = 20;

    public static IServiceCollection AddPortalSearchKinds(IServiceCollection services) => services
        .AddSearchKind<TypicalCase>(CaseKind, c => [c.PublicTitle, c.PublicSummary])
        .AddSearchKind<PortalDocument>(DocumentKind, d => [d.Title, d.DocumentNumber, d.IndexNumber]);

    public async Task<PortalSearchResult> SearchAsync(string? q, CancellationToken ct)
    {
        var text = (q ?? string.Empty).Trim();
        var cases = SearchIndex.Matching(db, CaseKind, text);
        var docs = SearchIndex.Matching(db, DocumentKind, text);
        var apps = SearchIndex.Matching(db, SearchKinds.Application, text);
        var centers = SearchIndex.Matching(db, SearchKinds.Center, text);
        if (cases is null || docs is null || apps is null || centers is null)
        {
            return new PortalSearchResult(text, true, [], [], [], []);
        }

        var caseHits = await db.PortalCases.AsNoTracking()
            .Where(c => cases.Contains(c.Id) && c.Status == CaseStatus.Published && (c.PublicTitle!.Contains(text) || c.PublicSummary!.Contains(text)))
            .OrderByDescending(c => c.PublishedAt).Take(Take)
            .Select(c => new SearchHit("case", c.Id, c.PublicTitle!, "/Portal/Cases/" + c.Id, c.PublicSummary)).ToListAsync(ct);
        var docHits = await db.PortalDocuments.AsNoTracking()
            .Where(d => docs.Contains(d.Id) && d.WithdrawnAt == null && (d.Title.Contains(text) || (d.DocumentNumber != null && d.DocumentNumber.Contains(text)) || d.IndexNumber.Contains(text)))
            .OrderByDescending(d => d.PublishedAt).Take(Take)
            .Select(d => new SearchHit("document", d.Id, d.Title, "/Portal/Documents/" + d.Id, d.DocumentNumber)).ToListAsync(ct);
        var noticeHits = await db.Applications.AsNoTracking()
            .Where(a => apps.Contains(a.Id) && (a.Status == ApplicationStatus.PublicNotice || a.Status == ApplicationStatus.Approved) && a.NoticeStartsOn != null
                        && (a.CenterName.Contains(text) || a.LeadName.Contains(text)))
            .OrderByDescending(a => a.NoticeStartsOn).Take(Take)
            .Select(a => new SearchHit("notice", a.Id, a.CenterName, "/Notices/Details/" + a.Id, a.LeadName)).ToListAsync(ct);
        var centerHits = await db.Centers.AsNoTracking()
            .Where(c => centers.Contains(c.Id) && c.Status != CenterStatus.Revoked && c.Name.Contains(text))
            .OrderBy(c => c.Name).Take(Take)
            .Select(c => new SearchHit("center", c.Id, c.Name, "/Centers/Public/Details/" + c.Id, null)).ToListAsync(ct);
        return new PortalSearchResult(text, false, noticeHits, caseHits, centerHits, docHits);
    }

    public static void MapPortalSearch(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/portal/search", Search).AllowAnonymous().WithTags("Portal").WithName("PortalSearch")
            .WithSummary("Search published notices, typical cases, recognised centers and policy documents (two characters or more)");

    private static async Task<Ok<PortalSearchResult>> Search(string? q, PortalSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.SearchAsync(q, ct));
}
