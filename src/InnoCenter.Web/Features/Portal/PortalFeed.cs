using System.ServiceModel.Syndication;
using System.Xml;
using InnoCenter.Web.Features.Notices;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// The portal's Atom feed (/feed/portal.atom): public notices (公示), results notices, published typical cases and
/// policy documents in force (a withdrawn one leaves it),
/// newest first, with absolute links from <c>App:PublicUrl</c>. Only published things are in it.
/// </summary>
public static class PortalFeed
{
    public const int Take = 20;

    public static void MapPortalFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/feed/portal.atom", WriteAsync).AllowAnonymous().WithTags("Portal").WithName("PortalFeed")
            .WithSummary("Atom feed of public notices, results notices, published typical cases and policy documents")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");

    private static async Task WriteAsync(
        HttpContext http, NoticeQueries notices, ScorecardQueries assessment, PublicCaseQueries cases,
        PublicDocumentQueries documents, PublicLinks links, Text text, CancellationToken ct)
    {
        var items = new List<SyndicationItem>();
        foreach (var n in await notices.LatestHeadingsAsync(Take, ct))
        {
            var link = links.Absolute($"/Notices/Details/{n.ApplicationId}");
            var at = new DateTimeOffset(n.StartsOn.ToDateTime(TimeOnly.MinValue), LocalizationSetup.Beijing.BaseUtcOffset);
            items.Add(Item($"notice-{n.ApplicationId}", text["portal.home.noticeTitle", n.CenterName], text["portal.feed.notice"], link, at));
        }

        foreach (var r in (await assessment.NoticeListAsync(ct)).Take(Take))
        {
            items.Add(Item($"result-{r.CycleId}", r.Title, text["portal.feed.result"], links.Absolute($"/Notices/Assessment/{r.CycleId}"), r.PublishedAt));
        }

        foreach (var c in await cases.LatestAsync(Take, ct))
        {
            var item = Item($"case-{c.Id}", c.Title, text["portal.feed.case"], links.Absolute(CaseHandlers.Links.Public(c.Id)), c.PublishedAt);
            item.Summary = new TextSyndicationContent(c.Summary);
            items.Add(item);
        }

        foreach (var d in await documents.LatestAsync(Take, ct))
        {
            items.Add(Item($"document-{d.Id}", d.Title, text["portal.feed.document"], links.Absolute($"/Portal/Documents/{d.Id}"), d.PublishedAt));
        }

        var ordered = items.OrderByDescending(i => i.LastUpdatedTime).Take(Take * 2).ToList();
        var feed = new SyndicationFeed(text["portal.feed.title"], text["app.name"], new Uri(links.Absolute("/")), links.Absolute("/feed/portal.atom"),
            ordered.Count > 0 ? ordered[0].LastUpdatedTime : DateTimeOffset.UnixEpoch)
        {
            Items = ordered,
            Language = LocalizationSetup.IsEnglish ? "en" : "zh-CN",
        };
        feed.Links.Add(new SyndicationLink(new Uri(links.Absolute("/feed/portal.atom")), "self", null, "application/atom+xml", 0));
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }

    private static SyndicationItem Item(string id, string title, string category, string link, DateTimeOffset at)
    {
        var item = new SyndicationItem(title, (SyndicationContent?)null, new Uri(link), "urn:innocenter:" + id, at.ToUniversalTime()) { PublishDate = at.ToUniversalTime() };
        item.Categories.Add(new SyndicationCategory(category));
        return item;
    }
}
