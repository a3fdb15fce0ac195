using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Resources;

public sealed class ResourceRulesValidationTests
{
    private static readonly ResourceRules Valid = new() { Categories = [new CodeItem("instrument", "仪器", "Instrument")] };

    [Fact]
    public void The_defaults_with_a_category_are_valid() => Assert.Empty(Valid.Validate());

    [Theory]
    [InlineData(-1, 30, "resources.reminderDaysBefore")]
    [InlineData(15, 30, "resources.reminderDaysBefore")]
    [InlineData(1, 0, "resources.paymentDaysAfterIssue")]
    [InlineData(1, 366, "resources.paymentDaysAfterIssue")]
    public void A_reminder_or_payment_day_count_out_of_range_is_refused_naming_the_field(int reminderDays, int paymentDays, string field)
    {
        var errors = (Valid with { ReminderDaysBefore = reminderDays, PaymentDaysAfterIssue = paymentDays }).Validate();

        Assert.Contains(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_photo_cap_out_of_range_is_refused_naming_the_field(int max)
    {
        var errors = (Valid with { MaxPhotosPerResource = max }).Validate();

        Assert.Contains(errors, e => e.Field == "resources.maxPhotosPerResource");
    }
}
