using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Plans;

/// <summary>
/// The actual value of a free planned indicator in a year, as the center reports it, with the evidence it rests on
/// (the ledger gives the actual of a linked one). Keyed by the indicator's name, so it survives a plan revision that keeps the name.
/// </summary>
public sealed class PlanActual : IAudited, IVersioned
{
    private PlanActual()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    public int Year { get; private set; }

    public string IndicatorName { get; private set; } = string.Empty;

    public decimal Value { get; private set; }

    /// <summary>佐证: what the value rests on (documents, contracts, acceptance records).</summary>
    public string Evidence { get; private set; } = string.Empty;

    /// <summary>The uploaded evidence file (a stored file owned by this actual), beside or instead of the text.</summary>
    public Guid? EvidenceFileId { get; private set; }

    public Guid? ReportedBy { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public int Version { get; set; }

    public static Result<PlanActual> Report(Guid centerId, int year, string? name, decimal? value, string? evidence, Guid? by, DateTimeOffset now, bool fileComing = false)
    {
        var actual = new PlanActual { Id = Guid.CreateVersion7(), CenterId = centerId, Year = year, IndicatorName = (name ?? string.Empty).Trim() };
        var changed = actual.Change(value, evidence, by, now, fileComing);
        return changed.IsSuccess ? actual : changed.Failure!;
    }

    /// <summary>
    /// The value with its evidence: a text, an uploaded file (<paramref name="fileComing"/>: one is being attached with
    /// this change), or one attached before.
    /// </summary>
    public Result<PlanActual> Change(decimal? value, string? evidence, Guid? by, DateTimeOffset now, bool fileComing = false)
    {
        var errors = new List<Error>();
        if (value is null)
        {
            errors.Add(new Error("validation.required", "value"));
        }
        else if (value < 0)
        {
            errors.Add(new Error("plans.value_negative", "value"));
        }

        if (string.IsNullOrWhiteSpace(evidence))
        {
            if (!fileComing && EvidenceFileId is null)
            {
                errors.Add(new Error("plans.evidence_required", "evidence"));
            }
        }
        else if (evidence.Trim().Length > FieldLengths.LongText)
        {
            errors.Add(new Error("validation.max_length", "evidence", FieldLengths.LongText));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        Value = value!.Value;
        Evidence = evidence?.Trim() ?? string.Empty;
        ReportedBy = by;
        ReportedAt = now;
        return this;
    }

    /// <summary>The file just stored for this actual's evidence; the earlier one stays as an older version.</summary>
    public void AttachEvidence(Guid fileId) => EvidenceFileId = fileId;
}
