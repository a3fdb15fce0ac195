using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Organizations;

/// <summary>Checks an <see cref="OrganizationRequest"/> against the field rules, the credit-code rules and the policy's code tables.</summary>
public static class OrganizationValidator
{
    public static Result<(OrganizationDetails Details, IReadOnlyList<Error> Warnings)> Validate(OrganizationRequest r, PolicyPack policy)
    {
        var errors = new List<Error>();
        var warnings = new List<Error>();

        Uscc.TryParse(r.CreditCode, out var code, out var codeError);
        if (codeError is not null)
        {
            errors.Add(new Error(codeError, "creditCode"));
        }
        else if (!code!.HasKnownPrefix)
        {
            warnings.Add(new Error("uscc.unknown_prefix", "creditCode", code.Prefix));
        }

        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new Error("validation.required", "name"));
        }
        else if (name.Length > FieldLengths.OrganizationName)
        {
            errors.Add(new Error("validation.too_long", "name", FieldLengths.OrganizationName));
        }

        OrganizationType type = default;
        if (string.IsNullOrWhiteSpace(r.Type))
        {
            errors.Add(new Error("validation.required", "type"));
        }
        else if (!Enum.TryParse(r.Type, ignoreCase: true, out type) || !Enum.IsDefined(type))
        {
            errors.Add(new Error("organization.type_unknown", "type", r.Type));
        }

        var region = r.Region?.Trim() ?? "";
        var scope = policy.RegionScope;
        if (string.IsNullOrWhiteSpace(r.Region))
        {
            errors.Add(new Error("validation.required", "region"));
        }
        else if (policy.Regions.FirstOrDefault(x => string.Equals(x.Code, region, StringComparison.OrdinalIgnoreCase)) is not { } known)
        {
            errors.Add(new Error("organization.region_unknown", "region", r.Region));
        }
        else if (scope.NeedsDistrict(region = known.Code))
        {
            if (string.IsNullOrWhiteSpace(r.DistrictCode))
            {
                errors.Add(new Error("organization.district_required", "districtCode", policy.Regions.LabelOf(region, LocalizationSetup.IsEnglish)));
            }
            else if (policy.FindDistrict(r.DistrictCode.Trim()) is null)
            {
                errors.Add(new Error("organization.district_unknown", "districtCode", r.DistrictCode));
            }
        }

        Checks.MaxLength(r.Address, FieldLengths.Address, "address", errors);
        Checks.MaxLength(r.ContactName, FieldLengths.PersonName, "contactName", errors);
        Checks.MaxLength(r.ContactPhone, FieldLengths.Phone, "contactPhone", errors);

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var details = new OrganizationDetails(
            code!, name!, type, region, scope.NeedsDistrict(region) ? r.DistrictCode?.Trim() : null, r.Address, r.ContactName, r.ContactPhone);
        return (details, warnings);
    }
}
