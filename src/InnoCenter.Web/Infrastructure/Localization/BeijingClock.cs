namespace InnoCenter.Web.Infrastructure.Localization;

public static class BeijingClock
{
    /// <summary>Today's date in Beijing, whatever the server's zone: calendar dates of the programme are Beijing dates.</summary>
    public static DateOnly TodayInBeijing(this TimeProvider clock) => clock.GetUtcNow().BeijingDate();

    /// <summary>The Beijing calendar date of an instant (a notice's number year, a reminder's due day).</summary>
    public static DateOnly BeijingDate(this DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, LocalizationSetup.Beijing).DateTime);
}
