using System.Text.Json.Serialization;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// 试点目标: what the plan aims to have built by the end of its pilot period — for Tianjin, 3–4 municipal centers and
/// 1–2 recommended to national level within three years (力争三年建成3-4家……争取国家制造业创新中心1-2家). The dashboard
/// tracks each target against the centers on record.
/// </summary>
public sealed record PilotTargets
{
    /// <summary>The day the plan took effect; the pilot window opens here.</summary>
    public required DateOnly StartsOn { get; init; }

    public required int Years { get; init; }

    public IReadOnlyList<PilotTarget> Targets { get; init; } = [];

    /// <summary>The first day after the window.</summary>
    public DateOnly EndsOn => StartsOn.AddYears(Years);

    public IReadOnlyList<Error> Validate()
    {
        const string at = "pilot";
        var errors = new List<Error>();
        if (Years is < 1 or > 20)
        {
            errors.Add(new Error("policy.assessment.out_of_range", $"{at}.years", 1, 20));
        }

        if (Targets.Count == 0)
        {
            errors.Add(new Error("policy.assessment.required", $"{at}.targets"));
        }

        for (var i = 0; i < Targets.Count; i++)
        {
            var t = Targets[i];
            var path = $"{at}.targets[{i}]";
            if (string.IsNullOrWhiteSpace(t.Code) || string.IsNullOrWhiteSpace(t.Zh) || string.IsNullOrWhiteSpace(t.En))
            {
                errors.Add(new Error("policy.assessment.required", path));
            }

            if (t.Min < 0 || t.Max < t.Min)
            {
                errors.Add(new Error("policy.assessment.out_of_range", $"{path}.max", t.Min, t.Max));
            }
        }

        foreach (var code in Targets.GroupBy(t => t.Code).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(new Error("policy.assessment.duplicate_code", $"{at}.targets", code));
        }

        return errors;
    }

    /// <summary>Where a target stands on a day, given how many centers count towards it.</summary>
    public PilotProgress Progress(PilotTarget target, int achieved, DateOnly today) =>
        achieved >= target.Min ? PilotProgress.Met
        : today >= EndsOn ? PilotProgress.Missed
        : PilotProgress.InProgress;
}

/// <summary>One count the plan aims at, with what counts towards it.</summary>
public sealed record PilotTarget(string Code, string Zh, string En, PilotMeasure Counts, int Min, int Max)
{
    public string Label(bool english) => english ? En : Zh;
}

/// <summary>What counts towards a pilot target.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PilotMeasure>))]
public enum PilotMeasure
{
    /// <summary>Centers recognised within the window and not revoked since (建成).</summary>
    Recognised,

    /// <summary>Centers recommended to national level or recognised as national ones (推荐/获批国家级).</summary>
    NationalRecommended,

    /// <summary>Centers recognised as national ones (获批国家级).</summary>
    National,
}

public enum PilotProgress
{
    InProgress,
    Met,
    Missed,
}
