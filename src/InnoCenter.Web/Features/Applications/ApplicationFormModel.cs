using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Applications;

/// <summary>The create and edit pages of an application: the fields, a few blank rows for new members and indicators.</summary>
public abstract class ApplicationFormModel(ApplicationHandlers handlers, PolicyProvider policy, Text text) : PageModel
{
    public const int BlankRows = 3;

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public PolicyPack Policy => policy.Current;

    protected ApplicationHandlers Handlers => handlers;

    protected void PadRows()
    {
        while (Input.Members.Count(m => string.IsNullOrWhiteSpace(m.CreditCode)) < BlankRows)
        {
            Input.Members.Add(new MemberInput());
        }

        while (Input.Indicators.Count(i => string.IsNullOrWhiteSpace(i.Name)) < BlankRows)
        {
            Input.Indicators.Add(new IndicatorInput());
        }
    }

    protected IActionResult Outcome(Result<Guid> result)
    {
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            PadRows();
            return Page();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Applications/Details/{result.Value}");
    }

    public sealed class FormInput
    {
        public string? CenterName { get; set; }

        public string? KeyArea { get; set; }

        public string? IndustryDivision { get; set; }

        public string? PlanSummary { get; set; }

        public string? Goals { get; set; }

        public decimal? LeadEquitySharePercent { get; set; }

        public int? Version { get; set; }

        public List<MemberInput> Members { get; set; } = [];

        public List<IndicatorInput> Indicators { get; set; } = [];

        /// <summary>Blank rows are the form's spare lines, not members; only filled rows are sent on.</summary>
        public ApplicationRequest ToRequest() => new()
        {
            CenterName = CenterName,
            KeyArea = KeyArea,
            IndustryDivision = IndustryDivision,
            PlanSummary = PlanSummary,
            Goals = Goals,
            LeadEquitySharePercent = LeadEquitySharePercent,
            Version = Version,
            Members = Members.Where(m => !string.IsNullOrWhiteSpace(m.CreditCode))
                .Select(m => new MemberRequest
                {
                    CreditCode = m.CreditCode, Name = m.Name, Kind = m.Kind, Region = m.Region, DistrictCode = m.DistrictCode,
                    EquitySharePercent = m.EquitySharePercent,
                }).ToList(),
            Indicators = Indicators.Select(i => new IndicatorRequest(i.Name, i.Unit, i.Year1, i.Year2, i.Year3, i.Figure)).ToList(),
        };
    }

    public sealed class MemberInput
    {
        public string? CreditCode { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Region { get; set; }

        public string? DistrictCode { get; set; }

        public decimal? EquitySharePercent { get; set; }
    }

    public sealed class IndicatorInput
    {
        public string? Name { get; set; }

        public string? Unit { get; set; }

        /// <summary>The ledger figure it names; empty for a free indicator.</summary>
        public string? Figure { get; set; }

        public decimal? Year1 { get; set; }

        public decimal? Year2 { get; set; }

        public decimal? Year3 { get; set; }
    }
}
