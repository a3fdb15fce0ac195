using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Experts;

public sealed class EditModel(ExpertHandlers handlers, PolicyProvider policy, Text text) : ExpertFormModel(handlers, policy, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override bool IsEdit => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await Handlers.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var e = found.Value;
        Input = new ExpertInput
        {
            Name = e.Name,
            Title = e.Title,
            AffiliationCreditCode = e.AffiliationCreditCode,
            AffiliationName = e.AffiliationName,
            AffiliatedSince = e.AffiliatedSince,
            Domains = e.Domains.ToList(),
            KeyAreas = e.KeyAreas.ToList(),
            Expertise = e.Expertise,
            Phone = e.Phone,
            Email = e.Email,
            UserEmail = e.UserEmail,
            IsActive = e.IsActive,
            PastAffiliations = e.PastAffiliations
                .Select(a => new AffiliationInput { CreditCode = a.CreditCode, OrganizationName = a.OrganizationName, StartedOn = a.StartedOn, EndedOn = a.EndedOn })
                .ToList(),
            Version = e.Version,
        };
        PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => Outcome(await Handlers.UpdateAsync(Id, Input.ToRequest(), ct));
}
