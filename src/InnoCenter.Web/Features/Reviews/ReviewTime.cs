using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Reviews;

public static class ReviewTime
{
    /// <summary>Today's calendar date in Beijing: conflict windows and inspection dates are judged by it.</summary>
    public static DateOnly BeijingToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), LocalizationSetup.Beijing).DateTime);
}
