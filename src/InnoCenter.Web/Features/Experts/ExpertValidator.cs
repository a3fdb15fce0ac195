using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;

namespace InnoCenter.Web.Features.Experts;

/// <summary>Checks an <see cref="ExpertRequest"/> against the field rules, the credit-code rules and the policy's code tables.</summary>
public static class ExpertValidator
{
    public const int MaxPastAffiliations = 20;

    /// <summary>The profile (without its sign-in, which the handler resolves) and the normalised sign-in e-mail, if any.</summary>
    public static Result<(ExpertProfile Profile, string? UserEmail)> Validate(ExpertRequest r, PolicyPack policy, DateOnly today)
    {
        var errors = new List<Error>();
        Required(r.Name, FieldLengths.PersonName, "name", errors);
        MaxLength(r.Title, FieldLengths.PersonName, "title", errors);

        Uscc.TryParse(r.AffiliationCreditCode, out var code, out var codeError);
        if (codeError is not null)
        {
            errors.Add(new Error(codeError, "affiliationCreditCode"));
        }

        Required(r.AffiliationName, FieldLengths.OrganizationName, "affiliationName", errors);
        if (r.AffiliatedSince is { } since && since > today)
        {
            errors.Add(new Error("experts.date_future", "affiliatedSince"));
        }

        var domains = (r.Domains ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct().ToList();
        if (domains.Count == 0)
        {
            errors.Add(new Error("experts.domains_required", "domains"));
        }

        foreach (var d in domains.Where(d => policy.ExpertDomains.All(x => x.Code != d)))
        {
            errors.Add(new Error("experts.domain_unknown", "domains", d));
        }

        var keyAreas = (r.KeyAreas ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct().ToList();
        foreach (var k in keyAreas.Where(k => policy.KeyAreas.All(x => x.Code != k)))
        {
            errors.Add(new Error("experts.key_area_unknown", "keyAreas", k));
        }

        MaxLength(r.Expertise, FieldLengths.Reason, "expertise", errors);
        MaxLength(r.Phone, FieldLengths.Phone, "phone", errors);
        EmailShape(r.Email, "email", errors);
        EmailShape(r.UserEmail, "userEmail", errors);

        var past = new List<AffiliationPeriod>();
        var pastRequests = r.PastAffiliations ?? [];
        if (pastRequests.Count > MaxPastAffiliations)
        {
            errors.Add(new Error("experts.too_many_affiliations", "pastAffiliations", MaxPastAffiliations));
        }

        for (var i = 0; i < Math.Min(pastRequests.Count, MaxPastAffiliations); i++)
        {
            var a = pastRequests[i];
            var field = $"pastAffiliations[{i}]";
            var countBefore = errors.Count;
            Uscc.TryParse(a.CreditCode, out var pastCode, out var pastError);
            if (pastError is not null)
            {
                errors.Add(new Error(pastError, field + ".creditCode"));
            }

            Required(a.OrganizationName, FieldLengths.OrganizationName, field + ".organizationName", errors);
            if (a.EndedOn is null)
            {
                errors.Add(new Error("validation.required", field + ".endedOn"));
            }
            else if (a.EndedOn > today)
            {
                errors.Add(new Error("experts.date_future", field + ".endedOn"));
            }
            else if (a.StartedOn is { } started && started > a.EndedOn)
            {
                errors.Add(new Error("experts.period_order", field + ".startedOn"));
            }

            if (errors.Count == countBefore)
            {
                past.Add(new AffiliationPeriod(pastCode!.Value, a.OrganizationName!.Trim(), a.StartedOn, a.EndedOn!.Value));
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var profile = new ExpertProfile(
            null, r.Name!.Trim(), r.Title, code!.Value, r.AffiliationName!.Trim(), r.AffiliatedSince, domains, keyAreas,
            r.Expertise, r.Phone, r.Email, r.IsActive ?? true, past);
        var userEmail = string.IsNullOrWhiteSpace(r.UserEmail) ? null : r.UserEmail.Trim();
        return (profile, userEmail);
    }

    private static void Required(string? value, int max, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Error("validation.required", field));
        }
        else
        {
            MaxLength(value, max, field, errors);
        }
    }

    private static void MaxLength(string? value, int max, string field, List<Error> errors)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new Error("validation.too_long", field, max));
        }
    }

    private static void EmailShape(string? value, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var v = value.Trim();
        var at = v.IndexOf('@');
        if (v.Length > FieldLengths.Email)
        {
            errors.Add(new Error("validation.too_long", field, FieldLengths.Email));
        }
        else if (at <= 0 || at != v.LastIndexOf('@') || at == v.Length - 1 || v.Any(char.IsWhiteSpace))
        {
            errors.Add(new Error("experts.email_invalid", field));
        }
    }
}
