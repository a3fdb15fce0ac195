namespace InnoCenter.Domain.Plans;

/// <summary>
/// A planned indicator as proposed: its name and unit, the ledger figure it names (a key of
/// <see cref="Assessment.LedgerRollupKeys"/>) or null for a free indicator, and its targets for the plan's three years.
/// </summary>
public sealed record PlanIndicatorInput(string? Name, string? Unit, string? Figure, decimal? Year1, decimal? Year2, decimal? Year3);
