using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

/// <summary>The reason an expert or an Admin gives for a conflict, a declined seat or a refused change: required, and no longer than a reason column.</summary>
public static class ReviewReason
{
    public static Failure? Check(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? Failure.Validation(new Error("reviews.reason_required", "reason"))
        : reason.Trim().Length > FieldLengths.Reason ? Failure.Validation(new Error("validation.too_long", "reason", FieldLengths.Reason))
        : null;
}
