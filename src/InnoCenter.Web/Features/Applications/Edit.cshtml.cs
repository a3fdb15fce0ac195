using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Applications;

[Authorize(Roles = Roles.CenterUser)]
public sealed class EditModel(ApplicationHandlers handlers, ApplicationQueries queries, PolicyProvider policy, Text text)
    : ApplicationFormModel(handlers, policy, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await queries.GetAsync(Id, ct);
        if (!found.IsSuccess || !found.Value.Editable)
        {
            return NotFound();
        }

        var a = found.Value;
        Input = new FormInput
        {
            CenterName = a.Summary.CenterName,
            KeyArea = a.Summary.KeyArea,
            IndustryDivision = a.IndustryDivision,
            PlanSummary = a.PlanSummary,
            Goals = a.Goals,
            Version = a.Summary.Version,
            LeadEquitySharePercent = a.Members.FirstOrDefault(m => m.IsLead)?.EquitySharePercent,
            Members = a.Members.Where(m => !m.IsLead).Select(m => new MemberInput
            {
                CreditCode = m.CreditCode, Name = m.Name, Kind = m.Kind, Region = m.Region, EquitySharePercent = m.EquitySharePercent,
            }).ToList(),
            Indicators = a.Indicators.Select(i => new IndicatorInput { Name = i.Name, Unit = i.Unit, Figure = i.Figure, Year1 = i.Year1, Year2 = i.Year2, Year3 = i.Year3 }).ToList(),
        };
        PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => Outcome(await Handlers.UpdateAsync(Id, Input.ToRequest(), ct));
}
