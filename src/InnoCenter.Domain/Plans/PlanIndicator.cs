using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Plans;

/// <summary>
/// One indicator of a plan revision (建设目标与预期指标): linked to a ledger figure, whose actual the kept roll-up gives,
/// or free, whose actual the center reports with evidence.
/// </summary>
public sealed class PlanIndicator : IAudited
{
    private PlanIndicator()
    {
    }

    internal PlanIndicator(Guid revisionId, int position, PlanIndicatorInput input)
    {
        Id = Guid.CreateVersion7();
        RevisionId = revisionId;
        Position = position;
        Name = input.Name!.Trim();
        Unit = input.Unit!.Trim();
        Figure = string.IsNullOrWhiteSpace(input.Figure) ? null : input.Figure.Trim();
        Year1 = input.Year1;
        Year2 = input.Year2;
        Year3 = input.Year3;
    }

    public Guid Id { get; private set; }

    public Guid RevisionId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Unit { get; private set; } = string.Empty;

    /// <summary>The ledger figure it names; null for a free indicator.</summary>
    public string? Figure { get; private set; }

    public decimal? Year1 { get; private set; }

    public decimal? Year2 { get; private set; }

    public decimal? Year3 { get; private set; }
}
