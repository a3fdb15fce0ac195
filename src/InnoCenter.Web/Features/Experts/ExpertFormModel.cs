using System.Text.RegularExpressions;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Experts;

/// <summary>What the create and edit pages share: the fields, the code tables, and how a save's outcome is shown.</summary>
public abstract partial class ExpertFormModel(ExpertHandlers handlers, PolicyProvider policy, Text text) : PageModel
{
    /// <summary>Blank rows offered for earlier employers.</summary>
    public const int SpareAffiliationRows = 3;

    [BindProperty]
    public ExpertInput Input { get; set; } = new();

    public PolicyPack Policy => policy.Current;

    public abstract bool IsEdit { get; }

    protected ExpertHandlers Handlers => handlers;

    protected IActionResult Outcome(Result<ExpertDto> result)
    {
        if (!result.IsSuccess)
        {
            // The request lists only the filled rows; put each error back on the row it came from.
            var rows = Input.FilledRowIndexes();
            ModelState.AddFailureDeep(result.Failure!, text, remap: f => RowIndex().Replace(f, m => $"pastAffiliations[{rows[int.Parse(m.Groups[1].Value)]}]"));
            PadRows();
            return Page();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Experts/Details/{result.Value.Id}");
    }

    protected void PadRows()
    {
        while (Input.PastAffiliations.Count(a => a.IsBlank) < SpareAffiliationRows)
        {
            Input.PastAffiliations.Add(new AffiliationInput());
        }
    }

    [GeneratedRegex(@"^pastAffiliations\[(\d+)\]")]
    private static partial Regex RowIndex();

    public sealed class ExpertInput
    {
        public string? Name { get; set; }

        public string? Title { get; set; }

        public string? AffiliationCreditCode { get; set; }

        public string? AffiliationName { get; set; }

        public DateOnly? AffiliatedSince { get; set; }

        public List<string> Domains { get; set; } = [];

        public List<string> KeyAreas { get; set; } = [];

        public string? Expertise { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? UserEmail { get; set; }

        public bool IsActive { get; set; } = true;

        public List<AffiliationInput> PastAffiliations { get; set; } = [];

        public int? Version { get; set; }

        public List<int> FilledRowIndexes() =>
            PastAffiliations.Select((a, i) => (a, i)).Where(x => !x.a.IsBlank).Select(x => x.i).ToList();

        public ExpertRequest ToRequest() => new()
        {
            Name = Name,
            Title = Title,
            AffiliationCreditCode = AffiliationCreditCode,
            AffiliationName = AffiliationName,
            AffiliatedSince = AffiliatedSince,
            Domains = Domains,
            KeyAreas = KeyAreas,
            Expertise = Expertise,
            Phone = Phone,
            Email = Email,
            UserEmail = UserEmail,
            IsActive = IsActive,
            PastAffiliations = PastAffiliations.Where(a => !a.IsBlank)
                .Select(a => new AffiliationRequest(a.CreditCode, a.OrganizationName, a.StartedOn, a.EndedOn)).ToList(),
            Version = Version,
        };
    }

    public sealed class AffiliationInput
    {
        public string? CreditCode { get; set; }

        public string? OrganizationName { get; set; }

        public DateOnly? StartedOn { get; set; }

        public DateOnly? EndedOn { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(CreditCode) && string.IsNullOrWhiteSpace(OrganizationName) && StartedOn is null && EndedOn is null;
    }
}
