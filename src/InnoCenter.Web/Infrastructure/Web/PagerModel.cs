using Microsoft.AspNetCore.WebUtilities;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>What the shared pager partial needs: where we are, and how to link to another page with the same filters.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public bool TotalCapped { get; init; }

    /// <summary>The query parameter that carries the page number: "page", or another where a page shows two paged tables.</summary>
    public string PageParameter { get; init; } = "page";

    public static PagerModel For<T>(PagedResult<T> result, HttpRequest request, string pageParameter = "page") =>
        new(result.Page, result.PageCount, result.Total, request.Path,
            request.Query.Where(q => q.Key != pageParameter).ToDictionary(q => q.Key, q => (string?)q.Value.ToString()))
        {
            TotalCapped = result.TotalCapped,
            PageParameter = pageParameter,
        };

    public string UrlFor(int page) =>
        QueryHelpers.AddQueryString(Path, Query.Append(new KeyValuePair<string, string?>(PageParameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
