using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Centers;

public sealed class PilotTargetsTests
{
    private static readonly PilotTargets Tianjin = new()
    {
        StartsOn = new DateOnly(2020, 1, 1),
        Years = 3,
        Targets = [new PilotTarget("municipal-centers", "市级制造业创新中心", "Municipal centers", PilotMeasure.Recognised, 3, 4)],
    };

    [Theory]
    [InlineData(2, "2022-12-31", PilotProgress.InProgress)]
    [InlineData(2, "2023-01-01", PilotProgress.Missed)]
    [InlineData(3, "2021-05-01", PilotProgress.Met)]
    [InlineData(5, "2030-01-01", PilotProgress.Met)]
    public void A_target_is_met_at_its_minimum_and_missed_only_once_the_window_has_closed(int achieved, string today, PilotProgress expected) =>
        Assert.Equal(expected, Tianjin.Progress(Tianjin.Targets[0], achieved, DateOnly.Parse(today)));

    [Fact]
    public void The_window_ends_the_given_number_of_years_after_it_starts() =>
        Assert.Equal(new DateOnly(2023, 1, 1), Tianjin.EndsOn);

    [Fact]
    public void Targets_without_years_with_a_maximum_below_the_minimum_or_twice_the_same_code_are_refused()
    {
        var bad = Tianjin with
        {
            Years = 0,
            Targets =
            [
                new PilotTarget("a", "甲", "A", PilotMeasure.Recognised, 4, 3),
                new PilotTarget("a", "乙", "B", PilotMeasure.National, 1, 2),
            ],
        };

        var errors = bad.Validate();

        Assert.Contains(errors, e => e.Field == "pilot.years");
        Assert.Contains(errors, e => e.Field == "pilot.targets[0].max");
        Assert.Contains(errors, e => e.Code == "policy.assessment.duplicate_code");
        Assert.Empty(Tianjin.Validate());
    }
}
