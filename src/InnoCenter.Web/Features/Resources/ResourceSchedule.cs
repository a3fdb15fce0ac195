using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>What the schedule asks for: the catalogue's filter, a week (any day of it) and a page of resources.</summary>
public sealed record ScheduleFilter
{
    public string? Q { get; init; }

    public string? Category { get; init; }

    public Guid? CenterId { get; init; }

    public bool? OpenToOutside { get; init; }

    /// <summary>Any day of the week to show (Beijing); this week when empty.</summary>
    public DateOnly? Week { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    /// <summary>Resources per page, at most <see cref="ResourceSchedule.MaxResources"/>.</summary>
    public int? PageSize { get; init; }
}

/// <summary>One resource's row of the schedule: its bookings and closures that touch the week.</summary>
public sealed record ScheduleRowDto(ResourceDto Resource, IReadOnlyList<BookingDto> Bookings, IReadOnlyList<BlackoutDto> Blackouts);

/// <summary>A week (Monday, Beijing) of a page of resources.</summary>
public sealed record ResourceScheduleDto(DateOnly Monday, PagedResult<ScheduleRowDto> Rows);

/// <summary>
/// The week view across several resources (多资源周视图): a page of the catalogue, as its filter selects it, with each
/// resource's bookings and closures of one week — three queries for the whole page, whatever its size.
/// </summary>
public sealed class ResourceSchedule(ResourceHandlers resources, BookingQueries bookings, AppDbContext db, TimeProvider clock)
{
    /// <summary>A page of the schedule shows at most this many resources, so one request stays bounded.</summary>
    public const int MaxResources = 50;

    public async Task<ResourceScheduleDto> WeekAsync(ScheduleFilter f, CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        var monday = BeijingTime.MondayOf(f.Week ?? today);
        var from = BeijingTime.At(monday, TimeSpan.Zero);
        var to = from.AddDays(7);
        var page = await resources.ListAsync(new ResourceFilter
        {
            Q = f.Q, Category = f.Category, CenterId = f.CenterId, OpenToOutside = f.OpenToOutside,
            Page = f.Page, PageSize = Math.Clamp(f.PageSize ?? 20, 1, MaxResources),
        }, ct);
        var ids = page.Items.Select(r => r.Id).ToList();
        var booked = (await bookings.CalendarAsync(ids, from, to, ct)).ToLookup(b => b.ResourceId);
        var closed = (await db.ResourceBlackouts.AsNoTracking()
            .Where(b => ids.Contains(b.ResourceId) && b.Starts < to && b.Ends > from)
            .OrderBy(b => b.Starts)
            .Select(b => new { b.ResourceId, Dto = new BlackoutDto(b.Id, b.Starts, b.Ends, b.Reason) })
            .ToListAsync(ct)).ToLookup(b => b.ResourceId, b => b.Dto);
        var rows = page.Items.Select(r => new ScheduleRowDto(r, booked[r.Id].ToList(), closed[r.Id].ToList())).ToList();
        return new ResourceScheduleDto(monday, new PagedResult<ScheduleRowDto>(rows, page.Page, page.PageSize, page.Total, page.TotalCapped));
    }
}
