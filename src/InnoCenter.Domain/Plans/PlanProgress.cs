namespace InnoCenter.Domain.Plans;

/// <summary>A planned indicator's standing in one year: its target, its actual (null where a free one is unreported), how far it is done.</summary>
public sealed record PlanLine(string Name, string Unit, string? Figure, decimal Target, decimal? Actual, decimal? CompletionPercent, bool BehindSchedule)
{
    public bool IsLinked => Figure is not null;
}

/// <summary>
/// Plan against actuals (规划实施): the completion rate of a year's target and whether the center is behind schedule.
/// A year not yet begun is not judged; the current year is judged against the share of the target due by today
/// (the days gone), a past year against the whole target; the pack says how far below that is behind.
/// </summary>
public static class PlanProgress
{
    /// <summary>The share of a year's target due by <paramref name="today"/>.</summary>
    public static decimal DueShare(int year, DateOnly today)
    {
        if (year < today.Year)
        {
            return 1m;
        }

        if (year > today.Year)
        {
            return 0m;
        }

        return (decimal)today.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365);
    }

    /// <param name="behindPercent">From the pack: below this percentage of what is due is behind schedule.</param>
    public static PlanLine Evaluate(string name, string unit, string? figure, decimal target, decimal? actual, int year, DateOnly today, decimal behindPercent)
    {
        decimal? completion = target > 0 && actual is { } a ? Math.Round(a / target * 100m, 1, MidpointRounding.AwayFromZero) : null;
        var due = target * DueShare(year, today);
        var behind = due > 0 && (actual ?? 0m) < due * behindPercent / 100m;
        return new PlanLine(name, unit, figure, target, actual, completion, behind);
    }

    /// <summary>
    /// The year's plan completion (规划完成率) the assessment reads: the mean of the lines' completion rates, each capped
    /// at <paramref name="capPercent"/> so that one indicator far over its target does not hide others behind; an
    /// unreported free indicator counts 0. Null where the year has no target.
    /// </summary>
    public static decimal? Completion(IReadOnlyCollection<PlanLine> lines, decimal capPercent)
    {
        var judged = lines.Where(l => l.Target > 0).ToList();
        if (judged.Count == 0)
        {
            return null;
        }

        return Math.Round(judged.Average(l => Math.Min(l.CompletionPercent ?? 0m, capPercent)), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The target of plan year 1–3 that falls on <paramref name="year"/>, or null outside the plan or where none is set.</summary>
    public static decimal? TargetFor(int firstYear, int year, decimal? year1, decimal? year2, decimal? year3) => (year - firstYear) switch
    {
        0 => year1,
        1 => year2,
        2 => year3,
        _ => null,
    };

    /// <summary>
    /// Which approved revision is in force for a year: the latest (by number) counting from that year or before; null
    /// means the approved application's plan.
    /// </summary>
    public static T? InForce<T>(IEnumerable<T> approved, int year, Func<T, int> number, Func<T, int> effectiveFrom)
        where T : class =>
        approved.Where(r => effectiveFrom(r) <= year).OrderByDescending(number).FirstOrDefault();
}
