namespace InnoCenter.Web.Features.Reminders;

/// <summary>
/// A reminder (提醒) that has gone out: one per kind, subject and due date, kept by a unique index and written in the same
/// transaction as its notifications, so a job that runs twice (or on two nodes) never reminds anyone twice.
/// </summary>
public sealed class SentReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>One of <see cref="ReminderKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The application, annual report, panel seat, resource booking or (for a statement) paying organisation the reminder is about.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The Beijing date the thing fell (or falls) due; a new deadline is a new reminder.</summary>
    public DateOnly DueOn { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

public static class ReminderKinds
{
    public const string StageOverdue = "stage-overdue";
    public const string ReturnedUnanswered = "returned-unanswered";
    public const string ReportDue = "report-due";
    public const string ReportOverdue = "report-overdue";
    public const string AssignmentNotAccepted = "assignment-not-accepted";
    public const string AssignmentNotScored = "assignment-not-scored";
    public const string BookingDayBefore = "booking-day-before";

    /// <summary>
    /// A resource statement fallen overdue: the subject is the paying organisation and the date the statement's issue
    /// date (the first day after its month), so each statement month is mailed once even should a later pack move its due date.
    /// </summary>
    public const string StatementOverdue = "statement-overdue";
}
