namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>One page of a list, with what a pager needs.</summary>
/// <param name="TotalCapped">True when <see cref="Total"/> is a floor (a text search counted no further, see <c>SearchIndex.CountCappedAsync</c>).</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalCapped = false)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>Page numbers start at 1; sizes are capped so no request can ask for an unbounded list.</summary>
    public static (int Page, int Size) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
