using Ganss.Xss;
using Markdig;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// Turns a case's or document's Markdown into the HTML the public reads: rendered by Markdig, then cleaned by
/// HtmlSanitizer of anything that runs (script, event handlers, javascript: links) and of the <c>style</c> attribute the
/// CSP would block anyway. What the sanitizer had to remove is reported, so a save can refuse it with a clear reason
/// rather than publish something other than what was written.
/// </summary>
public static class PortalMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public sealed record Rendered(string Html, IReadOnlyList<string> Removed);

    public static Rendered Render(string? markdown)
    {
        var html = Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
        var removed = new List<string>();
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("option");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.RemovingTag += (_, e) => removed.Add("<" + e.Tag.LocalName + ">");
        sanitizer.RemovingAttribute += (_, e) => removed.Add(e.Attribute.Name);
        sanitizer.RemovingStyle += (_, e) => removed.Add("style");
        return new Rendered(sanitizer.Sanitize(html), removed.Distinct().ToList());
    }
}
