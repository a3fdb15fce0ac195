using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Organizations;

/// <summary>What the create and edit pages share: the form's fields, the code tables, and how a save's outcome is shown.</summary>
public abstract class OrganizationFormModel(OrganizationHandlers handlers, PolicyProvider policy, Text text) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public PolicyPack Policy => policy.Current;

    public abstract bool IsEdit { get; }

    protected OrganizationHandlers Handlers => handlers;

    protected IActionResult Outcome(InnoCenter.Domain.Common.Result<OrganizationSaved> result)
    {
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return Page();
        }

        var saved = result.Value;
        TempData["Flash"] = string.Join(" ", new[] { text["common.saved"] }.Concat(saved.Warnings));
        return Redirect($"/Organizations/Details/{saved.Organization.Id}");
    }

    public sealed class OrganizationInput
    {
        public string? CreditCode { get; set; }

        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? Region { get; set; }

        public string? DistrictCode { get; set; }

        public string? Address { get; set; }

        public string? ContactName { get; set; }

        public string? ContactPhone { get; set; }

        public int? Version { get; set; }

        public OrganizationRequest ToRequest() => new()
        {
            CreditCode = CreditCode,
            Name = Name,
            Type = Type,
            Region = Region,
            DistrictCode = DistrictCode,
            Address = Address,
            ContactName = ContactName,
            ContactPhone = ContactPhone,
            Version = Version,
        };
    }
}
