namespace InnoCenter.Web.Infrastructure.Localization;

public static class BeijingClock
{
    /// <summary>Today's date in Beijing, whatever the server's zone: calendar dates of the programme are Beijing dates.</summary>
    public static DateOnly TodayInBeijing(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), LocalizationSetup.Beijing).DateTime);
}
