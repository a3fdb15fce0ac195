using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// 科研资源开放共享: the categories of shared resources and the booking rules every center's resources follow —
/// longest booking, how far ahead, cancellation deadline, how long a pending request holds its slot, who may book,
/// and what a no-show or a late cancellation costs.
/// </summary>
public sealed record ResourceRules
{
    /// <summary>资源类别: instrument, pilot line, lab, test service, data set, software.</summary>
    public IReadOnlyList<CodeItem> Categories { get; init; } = [];

    /// <summary>The longest single booking, in hours.</summary>
    public int MaxBookingHours { get; init; } = 24;

    /// <summary>No pack may allow a longer booking, so a read of a period needs no booking that started earlier than this before it.</summary>
    public const int LongestBookingHours = 24 * 31;

    /// <summary>How many days ahead a slot may be booked.</summary>
    public int MaxAdvanceDays { get; init; } = 60;

    /// <summary>A cancellation later than this many hours before the start is a late cancellation.</summary>
    public int CancellationDeadlineHours { get; init; } = 24;

    /// <summary>A pending request not decided this many hours after it was made expires and frees its slot.</summary>
    public int PendingExpiryHours { get; init; } = 48;

    /// <summary>Whether enterprises that are not members of the center may book what is open to outside users.</summary>
    public bool OutsideEnterprisesMayBook { get; init; } = true;

    /// <summary>Whether a new resource needs the owner's approval of each booking unless its owner says otherwise.</summary>
    public bool DefaultNeedsApproval { get; init; } = true;

    /// <summary>A no-show is charged this percentage of the booked hours' fee.</summary>
    public decimal NoShowChargePercent { get; init; } = 100m;

    /// <summary>A late cancellation is charged this percentage of the booked hours' fee.</summary>
    public decimal LateCancelChargePercent { get; init; } = 50m;

    /// <summary>Bookings start and end on multiples of this many minutes.</summary>
    public int SlotMinutes { get; init; } = 30;

    /// <summary>The most occurrences one series of bookings (周期预约) may hold.</summary>
    public int MaxSeriesOccurrences { get; init; } = 12;

    /// <summary>The assessment indicators this module's figures fill in the annual report; none in a pack written before.</summary>
    public IReadOnlyList<ResourceReportIndicator> ReportIndicators { get; init; } = [];

    /// <summary>
    /// How many days (Beijing dates) before its start the booker of an approved booking is reminded; 0 sends no reminder.
    /// </summary>
    public int ReminderDaysBefore { get; init; } = 1;

    /// <summary>A monthly statement not paid this many days after it was issued (the month's end) is overdue (逾期).</summary>
    public int PaymentDaysAfterIssue { get; init; } = 30;

    /// <summary>The most photos (设备照片) one resource's catalogue entry shows.</summary>
    public int MaxPhotosPerResource { get; init; } = 8;

    /// <summary>
    /// The national SME classification (中小企业划型标准) an organisation declares itself against for the SME rate, by
    /// industry; empty in a pack written before, where no declaration can be made.
    /// </summary>
    public IReadOnlyList<SmeIndustry> SmeIndustries { get; init; } = [];

    public IReadOnlyList<Error> Validate()
    {
        const string at = "resources";
        var errors = new List<Error>();
        PolicyChecks.CodeTable(Categories, $"{at}.categories", errors, required: true);
        SmeIndustry.Validate(SmeIndustries, $"{at}.smeIndustries", errors);
        Range(MaxBookingHours, 1, LongestBookingHours, "maxBookingHours");
        Range(MaxAdvanceDays, 1, 730, "maxAdvanceDays");
        Range(CancellationDeadlineHours, 0, 24 * 30, "cancellationDeadlineHours");
        Range(PendingExpiryHours, 1, 24 * 30, "pendingExpiryHours");
        Range(MaxSeriesOccurrences, 2, 366, "maxSeriesOccurrences");
        Range(ReminderDaysBefore, 0, 14, "reminderDaysBefore");
        Range(PaymentDaysAfterIssue, 1, 365, "paymentDaysAfterIssue");
        Range(MaxPhotosPerResource, 1, 50, "maxPhotosPerResource");
        if (SlotMinutes is < 5 or > 240 || 1440 % SlotMinutes != 0)
        {
            errors.Add(new Error("policy.resources.slot_minutes", $"{at}.slotMinutes"));
        }

        Percent(NoShowChargePercent, "noShowChargePercent");
        Percent(LateCancelChargePercent, "lateCancelChargePercent");
        return errors;

        void Range(int value, int min, int max, string field)
        {
            if (value < min || value > max)
            {
                errors.Add(new Error("policy.assessment.out_of_range", $"{at}.{field}", min, max));
            }
        }

        void Percent(decimal value, string field)
        {
            if (value is < 0 or > 100)
            {
                errors.Add(new Error("policy.assessment.out_of_range", $"{at}.{field}", 0, 100));
            }
        }
    }
}
