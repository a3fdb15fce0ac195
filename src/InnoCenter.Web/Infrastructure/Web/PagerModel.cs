using Microsoft.AspNetCore.WebUtilities;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>What the shared pager partial needs: where we are, and how to link to another page with the same filters.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public bool TotalCapped { get; init; }

    public static PagerModel For<T>(PagedResult<T> result, HttpRequest request) =>
        new(result.Page, result.PageCount, result.Total, request.Path,
            request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString()))
        {
            TotalCapped = result.TotalCapped,
        };

    public string UrlFor(int page) =>
        QueryHelpers.AddQueryString(Path, Query.Append(new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
