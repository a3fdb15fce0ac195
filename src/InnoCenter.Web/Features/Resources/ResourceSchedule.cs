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

    /// <summary>The day the day view shows (Beijing); today when empty.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>One resource only: the day (or week) of a single resource.</summary>
    public Guid? ResourceId { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    /// <summary>Resources per page, at most <see cref="ResourceSchedule.MaxResources"/>.</summary>
    public int? PageSize { get; init; }
}

/// <summary>What a schedule row shows of a resource (the whole resource is <c>GET /api/v1/resources/{id}</c>).</summary>
public sealed record ScheduleResourceDto(
    Guid Id,
    string Name,
    Guid CenterId,
    string CenterName,
    Guid OwnerOrganizationId,
    string OwnerName,
    string Category,
    string CategoryLabel,
    string OpeningHours,
    bool NeedsApproval,
    bool OpenToOutside);

/// <summary>A busy time on the schedule: when, its state and which organisation booked it — nothing of the booker's own.</summary>
public sealed record ScheduleBookingDto(Guid Id, Guid ResourceId, DateTimeOffset Starts, DateTimeOffset Ends, BookingStatus Status, string BookerOrganizationName);

/// <summary>One resource's row of the schedule: its bookings and closures that touch the week.</summary>
public sealed record ScheduleRowDto(ScheduleResourceDto Resource, IReadOnlyList<ScheduleBookingDto> Bookings, IReadOnlyList<BlackoutDto> Blackouts);

/// <summary>A week (Monday, Beijing) of a page of resources.</summary>
public sealed record ResourceScheduleDto(DateOnly Monday, PagedResult<ScheduleRowDto> Rows);

/// <summary>One day (Beijing) of a page of resources, or of one resource.</summary>
public sealed record ResourceDayScheduleDto(DateOnly Day, PagedResult<ScheduleRowDto> Rows);

/// <summary>
/// The week and day views across several resources (多资源周视图 / 日视图): a page of the catalogue, as its filter selects
/// it, with each resource's bookings and closures of one week or one day — three queries for the whole page, whatever
/// its size. Its rows carry what the views show, not the whole resource or booking: anyone signed in may open them.
/// </summary>
public sealed class ResourceSchedule(ResourceHandlers resources, BookingQueries bookings, AppDbContext db, TimeProvider clock)
{
    /// <summary>A page of the schedule shows at most this many resources, so one request stays bounded.</summary>
    public const int MaxResources = 50;

    public async Task<ResourceScheduleDto> WeekAsync(ScheduleFilter f, CancellationToken ct)
    {
        var monday = BeijingTime.MondayOf(f.Week ?? clock.TodayInBeijing());
        var from = BeijingTime.At(monday, TimeSpan.Zero);
        return new ResourceScheduleDto(monday, await RowsAsync(f, from, from.AddDays(7), ct));
    }

    /// <summary>资源日视图: one Beijing day of the page of resources (or of the one resource asked for).</summary>
    public async Task<ResourceDayScheduleDto> DayAsync(ScheduleFilter f, CancellationToken ct)
    {
        var day = f.Day ?? clock.TodayInBeijing();
        var from = BeijingTime.At(day, TimeSpan.Zero);
        return new ResourceDayScheduleDto(day, await RowsAsync(f, from, from.AddDays(1), ct));
    }

    private async Task<PagedResult<ScheduleRowDto>> RowsAsync(ScheduleFilter f, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var page = await resources.SchedulePageAsync(new ResourceFilter
        {
            Q = f.Q, Category = f.Category, CenterId = f.CenterId, OpenToOutside = f.OpenToOutside, ResourceId = f.ResourceId,
            Page = f.Page, PageSize = Math.Clamp(f.PageSize ?? 20, 1, MaxResources),
        }, ct);
        var ids = page.Items.Select(r => r.Id).ToList();
        var booked = (await bookings.BusyAsync(ids, from, to, ct)).ToLookup(b => b.ResourceId);
        var closed = (await db.ResourceBlackouts.AsNoTracking()
            .Where(b => ids.Contains(b.ResourceId) && b.Starts < to && b.Ends > from)
            .OrderBy(b => b.Starts)
            .Select(b => new { b.ResourceId, Dto = new BlackoutDto(b.Id, b.Starts, b.Ends, b.Reason) })
            .ToListAsync(ct)).ToLookup(b => b.ResourceId, b => b.Dto);
        var rows = page.Items.Select(r => new ScheduleRowDto(r, booked[r.Id].ToList(), closed[r.Id].ToList())).ToList();
        return new PagedResult<ScheduleRowDto>(rows, page.Page, page.PageSize, page.Total, page.TotalCapped);
    }
}
