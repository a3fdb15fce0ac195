using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Web.Features.Applications;

/// <summary>Field rules of an application; consortium members are checked against the register by the handler.</summary>
public static class ApplicationValidator
{
    public const int MaxMembers = 100;
    public const int MaxIndicators = 50;

    /// <summary>GB/T 4754-2017 manufacturing divisions (门类 C).</summary>
    public static readonly IReadOnlyList<string> IndustryDivisions =
        Enumerable.Range(13, 31).Select(n => "C" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static Result<(ApplicationDetails Details, List<PlannedIndicator> Indicators)> Validate(ApplicationRequest r, PolicyPack policy)
    {
        var errors = new List<Error>();
        Checks.Required(r.CenterName, FieldLengths.OrganizationName, "centerName", errors);
        Checks.Required(r.PlanSummary, FieldLengths.LongText, "planSummary", errors);
        Checks.Required(r.Goals, FieldLengths.LongText, "goals", errors);
        if (string.IsNullOrWhiteSpace(r.KeyArea))
        {
            errors.Add(new Error("validation.required", "keyArea"));
        }
        else if (policy.KeyAreas.All(k => k.Code != r.KeyArea))
        {
            errors.Add(new Error("applications.key_area_unknown", "keyArea", r.KeyArea));
        }

        if (string.IsNullOrWhiteSpace(r.IndustryDivision))
        {
            errors.Add(new Error("validation.required", "industryDivision"));
        }
        else if (!IndustryDivisions.Contains(r.IndustryDivision.Trim().ToUpperInvariant()))
        {
            errors.Add(new Error("applications.industry_unknown", "industryDivision", r.IndustryDivision));
        }

        if (r.Members.Count > MaxMembers)
        {
            errors.Add(new Error("applications.too_many_members", "members", MaxMembers));
        }

        ShareInRange(r.LeadEquitySharePercent, "leadEquitySharePercent", errors);
        for (var i = 0; i < r.Members.Count; i++)
        {
            ShareInRange(r.Members[i].EquitySharePercent, $"members[{i}].equitySharePercent", errors);
        }

        var indicators = new List<PlannedIndicator>();
        if (r.Indicators.Count > MaxIndicators)
        {
            errors.Add(new Error("applications.too_many_indicators", "indicators", MaxIndicators));
        }

        for (var i = 0; i < Math.Min(r.Indicators.Count, MaxIndicators); i++)
        {
            var ind = r.Indicators[i];
            if (string.IsNullOrWhiteSpace(ind.Name) && string.IsNullOrWhiteSpace(ind.Unit) && string.IsNullOrWhiteSpace(ind.Figure) && ind.Year1 is null && ind.Year2 is null && ind.Year3 is null)
            {
                continue;
            }

            Checks.Required(ind.Name, FieldLengths.Title, $"indicators[{i}].name", errors);
            Checks.Required(ind.Unit, FieldLengths.Unit, $"indicators[{i}].unit", errors);
            if (!string.IsNullOrWhiteSpace(ind.Figure) && !Domain.Assessment.LedgerRollupKeys.All.Contains(ind.Figure.Trim()))
            {
                errors.Add(new Error("plans.unknown_figure", $"indicators[{i}].figure", ind.Figure));
            }

            if (errors.Count == 0)
            {
                indicators.Add(new PlannedIndicator(ind.Name!, ind.Unit!, ind.Year1, ind.Year2, ind.Year3, ind.Figure));
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return (new ApplicationDetails(r.CenterName!, r.KeyArea!, r.IndustryDivision!.Trim().ToUpperInvariant(), r.PlanSummary!, r.Goals!), indicators);
    }

    private static void ShareInRange(decimal? share, string field, List<Error> errors)
    {
        if (share is { } s && (s <= 0 || s > 100))
        {
            errors.Add(new Error("applications.share_range", field));
        }
    }
}
