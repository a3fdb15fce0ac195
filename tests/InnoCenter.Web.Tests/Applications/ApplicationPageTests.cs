using InnoCenter.Domain.Applications;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Applications;

public sealed class ApplicationPageTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Days_in_stage_are_whole_days_while_a_case_runs_and_a_dash_once_it_has_ended()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var running = await flow.SubmittedAsync();
        var ended = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(ended, ApplicationStatus.Approved);
        factory.Clock.Advance(TimeSpan.FromHours(36));

        var runningPage = await flow.Admin.GetStringAsync($"/Applications/Details/{running}");
        var endedPage = await flow.Admin.GetStringAsync($"/Applications/Details/{ended}");

        Assert.Contains("本阶段天数：1", runningPage);
        Assert.DoesNotContain("本阶段天数：1.5", runningPage);
        Assert.Contains("本阶段天数：—", endedPage);
    }
}
