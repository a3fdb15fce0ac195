using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>An indicator's weight and the numbers of its rule an Admin may change (only those its rule has).</summary>
public sealed record IndicatorWeightRequest
{
    public decimal? Weight { get; init; }

    /// <summary>Linear rules: the value that scores 0 and the value that scores full marks.</summary>
    public decimal? ZeroAt { get; init; }

    public decimal? FullAt { get; init; }

    /// <summary>Per-unit rules: points per unit and the cap.</summary>
    public decimal? PointsPerUnit { get; init; }

    public decimal? Cap { get; init; }
}

/// <summary>
/// A change to the indicator system of the pack in force, against the version the Admin read: dimension points,
/// indicator weights and thresholds, grade bands' minimum totals — each by code; what is not named stays.
/// </summary>
public sealed record WeightsRequest
{
    public int? BaseVersion { get; init; }

    public Dictionary<string, decimal?>? DimensionPoints { get; init; }

    public Dictionary<string, IndicatorWeightRequest>? Indicators { get; init; }

    public Dictionary<string, decimal?>? GradeMinimums { get; init; }
}

public sealed record DimensionWeightDto(string Code, string Label, decimal Points, bool IsDefault);

public sealed record IndicatorWeightDto(
    string Code, string Label, string Dimension, string Kind, string RuleType, decimal Weight, decimal? ZeroAt, decimal? FullAt,
    decimal? PointsPerUnit, decimal? Cap, bool IsDefault);

public sealed record GradeMinimumDto(string Code, string Label, decimal Min, bool IsDefault);

public sealed record WeightsDto(
    string PolicyCode, int Version, IReadOnlyList<DimensionWeightDto> Dimensions, IReadOnlyList<IndicatorWeightDto> Indicators,
    IReadOnlyList<GradeMinimumDto> Grades);

/// <summary>
/// Admins change the weights of the indicator system before a cycle opens: the change is validated by the pack's own
/// rules (points add up to 100, weights positive, bands descending…) and saved as a new version of the pack, which
/// becomes the one in force. Cycles already opened keep the version frozen into them. A value changed by an Admin is no
/// longer marked as a default.
/// </summary>
public sealed class WeightsHandlers(
    AppDbContext db, AssessmentAccess access, PolicyProvider policy, PolicyStore store, CurrentUser user, Text text, TimeProvider clock)
{
    public WeightsDto Current()
    {
        var pack = policy.Current;
        var en = LocalizationSetup.IsEnglish;
        var rules = pack.Assessment;
        return new WeightsDto(
            pack.Code, pack.Version,
            rules.IndicatorSystem.Dimensions.Select(d => new DimensionWeightDto(d.Code, d.Label(en), d.Points, d.IsDefault)).ToList(),
            rules.IndicatorSystem.Indicators.Select(i => new IndicatorWeightDto(
                i.Code, i.Label(en), i.Dimension, i.Kind.ToString(), RuleType(i.Rule), i.Weight,
                (i.Rule as LinearRule)?.ZeroAt, (i.Rule as LinearRule)?.FullAt, (i.Rule as PerUnitRule)?.PointsPerUnit, (i.Rule as PerUnitRule)?.Cap,
                i.IsDefault)).ToList(),
            rules.GradeBands.Select(g => new GradeMinimumDto(g.Code, g.Label(en), g.Min, g.IsDefault)).ToList());
    }

    public async Task<Result<WeightsDto>> SaveAsync(WeightsRequest request, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var pack = policy.Current;
        if (request.BaseVersion is not { } baseVersion)
        {
            return Failure.Validation(new Error("validation.required", "baseVersion"));
        }

        if (baseVersion != pack.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var (rules, errors) = Apply(pack.Assessment, request);
        if (errors.Count == 0 && JsonSerializer.Serialize(rules, PolicyProvider.JsonOptions) == JsonSerializer.Serialize(pack.Assessment, PolicyProvider.JsonOptions))
        {
            return Failure.Validation(new Error("assessment.weights_unchanged"));
        }

        errors.AddRange(rules.Validate().Select(e => e with { Args = [.. e.Args, Describe(e.Field, rules)] }));
        if (errors.Count > 0)
        {
            return Failure.Validation(errors.Select(e => e.Code.StartsWith("policy.assessment.", StringComparison.Ordinal)
                ? new Error("assessment.weights_invalid", e.Field, e.Args[^1], text.Of(e with { Args = e.Args[..^1] }))
                : e));
        }

        var stored = await db.PolicyPacks.AsNoTracking().Where(p => p.Code == pack.Code && p.Version == pack.Version).Select(p => p.Json).FirstOrDefaultAsync(ct);
        var node = JsonNode.Parse(stored ?? JsonSerializer.Serialize(pack, PolicyProvider.JsonOptions))!.AsObject();
        node["assessment"] = JsonSerializer.SerializeToNode(rules, PolicyProvider.JsonOptions);

        // The weights page changes the rules in force at once, as it always did: proposed and applied from today in one step.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var proposed = await store.ProposeAsync(node.ToJsonString(), PolicySource.Admin, user.Name, text["assessment.weights_note"], ct);
        if (!proposed.IsSuccess)
        {
            return proposed.Failure!;
        }

        var applied = await store.ApplyAsync(proposed.Value, clock.TodayInBeijing(), user.Name, ct);
        if (!applied.IsSuccess)
        {
            return applied.Failure!;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another Admin saved a version at the same moment; the unique (code, version) index kept theirs.
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        await tx.CommitAsync(ct);
        store.ActivateHere(applied.Value);
        return Current();
    }

    private static (AssessmentRules Rules, List<Error> Errors) Apply(AssessmentRules rules, WeightsRequest r)
    {
        var errors = new List<Error>();
        var system = rules.IndicatorSystem;
        foreach (var code in (r.DimensionPoints?.Keys ?? Enumerable.Empty<string>()).Where(k => system.Dimensions.All(d => d.Code != k)))
        {
            errors.Add(new Error("assessment.weights_unknown_code", $"dimensionPoints[{code}]", code));
        }

        foreach (var code in (r.Indicators?.Keys ?? Enumerable.Empty<string>()).Where(k => system.Indicators.All(i => i.Code != k)))
        {
            errors.Add(new Error("assessment.weights_unknown_code", $"indicators[{code}]", code));
        }

        foreach (var code in (r.GradeMinimums?.Keys ?? Enumerable.Empty<string>()).Where(k => rules.GradeBands.All(g => g.Code != k)))
        {
            errors.Add(new Error("assessment.weights_unknown_code", $"gradeMinimums[{code}]", code));
        }

        var dimensions = system.Dimensions.Select(d =>
            r.DimensionPoints?.GetValueOrDefault(d.Code) is { } p && p != d.Points ? d with { Points = p, IsDefault = false } : d).ToList();
        var indicators = system.Indicators.Select(i =>
        {
            if (r.Indicators?.GetValueOrDefault(i.Code) is not { } change)
            {
                return i;
            }

            var rule = i.Rule switch
            {
                LinearRule l => l with { ZeroAt = change.ZeroAt ?? l.ZeroAt, FullAt = change.FullAt ?? l.FullAt },
                PerUnitRule u => u with { PointsPerUnit = change.PointsPerUnit ?? u.PointsPerUnit, Cap = change.Cap ?? u.Cap },
                _ => i.Rule,
            };
            var changed = i with { Weight = change.Weight ?? i.Weight, Rule = rule };
            return changed.Weight != i.Weight || !Equals(rule, i.Rule) ? changed with { IsDefault = false } : i;
        }).ToList();
        var bands = rules.GradeBands.Select(g =>
            r.GradeMinimums?.GetValueOrDefault(g.Code) is { } m && m != g.Min ? g with { Min = m, IsDefault = false } : g).ToList();
        return (rules with { IndicatorSystem = system with { Dimensions = dimensions, Indicators = indicators }, GradeBands = bands }, errors);
    }

    /// <summary>What a validation path points at, by name: "assessment.indicatorSystem.indicators[3].weight" is the fourth indicator.</summary>
    private string Describe(string? path, AssessmentRules rules)
    {
        var en = LocalizationSetup.IsEnglish;
        if (path is null)
        {
            return string.Empty;
        }

        if (Regex.Match(path, @"indicators\[(\d+)\]") is { Success: true } i && int.Parse(i.Groups[1].Value) is var n && n < rules.IndicatorSystem.Indicators.Count)
        {
            return rules.IndicatorSystem.Indicators[n].Label(en);
        }

        if (Regex.Match(path, @"dimensions\[(\d+)\]") is { Success: true } d && int.Parse(d.Groups[1].Value) is var m && m < rules.IndicatorSystem.Dimensions.Count)
        {
            return rules.IndicatorSystem.Dimensions[m].Label(en);
        }

        if (Regex.Match(path, @"gradeBands\[(\d+)\]") is { Success: true } g && int.Parse(g.Groups[1].Value) is var k && k < rules.GradeBands.Count)
        {
            return rules.GradeBands[k].Label(en);
        }

        return path.EndsWith("dimensions", StringComparison.Ordinal) ? text["assessment.weights.dimensions"]
            : path.EndsWith("gradeBands", StringComparison.Ordinal) ? text["assessment.weights.grades"]
            : path;
    }

    private static string RuleType(ScoringRule rule) => rule switch
    {
        LinearRule => "linear",
        BandsRule => "bands",
        PerUnitRule => "perUnit",
        ExpertGradeRule => "expertGrade",
        _ => rule.GetType().Name,
    };
}
