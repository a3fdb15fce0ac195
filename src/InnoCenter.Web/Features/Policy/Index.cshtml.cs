using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Policy;

/// <summary>The policy pack in force, the calendar years it lacks, and every stored version with its state and actions.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(PolicyProvider policy, PolicyHandlers handlers, TimeProvider clock) : PageModel
{
    public PolicyPack Pack => policy.Current;

    public Guid InForceId => policy.CurrentRecordId;

    public IReadOnlyList<PolicyVersionRow> Versions { get; private set; } = [];

    /// <summary>This year and the next when the pack has no calendar for them: notice windows into them are refused or counted as weekdays.</summary>
    public IReadOnlyList<int> MissingCalendarYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await handlers.ListAsync(null, ct);
        Versions = result.IsSuccess ? result.Value : [];
        var today = clock.TodayInBeijing();
        MissingCalendarYears = Pack.Applications.Calendar().UncoveredYears(today, today.AddYears(1));
    }
}
