using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>多资源周视图: a week of a page of the catalogue, one row per resource and one column per day.</summary>
public sealed class ScheduleModel(ResourceSchedule schedule, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ScheduleFilter Filter { get; set; } = new();

    public ResourceScheduleDto Result { get; private set; } = null!;

    public PolicyPack Policy => policy.Current;

    public async Task OnGetAsync(CancellationToken ct) => Result = await schedule.WeekAsync(Filter, ct);

    /// <summary>The part of a period that falls on one Beijing day, as "HH:mm–HH:mm" (24:00 when it runs past midnight).</summary>
    public static string OnDay(DateTimeOffset starts, DateTimeOffset ends, DateOnly day)
    {
        var dayStart = BeijingTime.At(day, TimeSpan.Zero);
        var from = starts < dayStart ? dayStart : starts;
        var to = ends > dayStart.AddDays(1) ? dayStart.AddDays(1) : ends;
        var end = to == dayStart.AddDays(1) ? "24:00" : to.ToBeijingTime().ToString("HH:mm");
        return $"{from.ToBeijingTime():HH:mm}–{end}";
    }

    /// <summary>The address of the same view for another week, keeping the filter.</summary>
    public string WeekLink(DateOnly monday) => Link(Request.Path, "week", monday);

    /// <summary>The day view (资源日视图) of the same resources on one day of the week.</summary>
    public string DayLink(DateOnly day) => Link("/Resources/Day", "day", day);

    private string Link(string path, string key, DateOnly value)
    {
        var query = Request.Query.Where(kv => kv.Key is not ("week" or "day" or "page")).ToDictionary(kv => kv.Key, kv => kv.Value);
        query[key] = value.ToString("yyyy-MM-dd");
        return path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
