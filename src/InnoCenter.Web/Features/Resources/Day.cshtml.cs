using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>资源日视图: one day of a page of the catalogue (or of one resource), each booking with its booker and state.</summary>
public sealed class DayModel(ResourceSchedule schedule, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ScheduleFilter Filter { get; set; } = new();

    public ResourceDayScheduleDto Result { get; private set; } = null!;

    public PolicyPack Policy => policy.Current;

    public async Task OnGetAsync(CancellationToken ct) => Result = await schedule.DayAsync(Filter, ct);

    /// <summary>The address of the same view for another day, keeping the filter.</summary>
    public string DayLink(DateOnly day) => Link(Request.Path, "day", day);

    /// <summary>The week view of the same resources, on the week of the day shown.</summary>
    public string WeekLink() => Link("/Resources/Schedule", "week", BeijingTime.MondayOf(Result.Day));

    private string Link(string path, string key, DateOnly value)
    {
        var query = Request.Query.Where(kv => kv.Key is not ("week" or "day" or "page")).ToDictionary(kv => kv.Key, kv => kv.Value);
        query[key] = value.ToString("yyyy-MM-dd");
        return path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
