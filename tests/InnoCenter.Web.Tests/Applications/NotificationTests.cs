using System.Net.Http.Json;
using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Notifications;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Applications;

public sealed class NotificationTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task A_return_tells_the_applicant_in_the_app_and_queues_an_email_and_only_the_applicant_reads_it()
    {
        var flow = await ApplicationFlow.StartAsync(factory, "en-US");
        var id = await flow.SubmittedAsync();
        await flow.ActAsync(flow.Admin, id, "begin-formal-check");
        (await flow.ActAsync(flow.Admin, id, "return", new TransitionRequest { Reason = "补充审计报告" })).EnsureSuccessStatusCode();
        var other = await ApplicationFlow.StartAsync(factory);

        var mine = await flow.Applicant.GetFromJsonAsync<PagedResult<NotificationDto>>("/api/v1/notifications", Json.Options);
        var theirs = await other.Applicant.GetFromJsonAsync<PagedResult<NotificationDto>>("/api/v1/notifications", Json.Options);
        var marked = await (await flow.Applicant.PostAsync("/api/v1/notifications/read", null)).Content.ReadFromJsonAsync<MarkedRead>(Json.Options);
        var after = await flow.Applicant.GetFromJsonAsync<PagedResult<NotificationDto>>("/api/v1/notifications", Json.Options);

        var returned = Assert.Single(mine!.Items, n => n.Title.StartsWith("Your application was returned for revision"));
        Assert.Equal($"/Applications/Details/{id}", returned.Link);
        Assert.False(returned.Read);
        Assert.DoesNotContain(theirs!.Items, n => n.Link == returned.Link);
        Assert.Equal(mine.Items.Count(n => !n.Read), marked!.Count);
        Assert.All(after!.Items, n => Assert.True(n.Read));
        var email = (await flow.Applicant.GetFromJsonAsync<MeDto>("/api/v1/account/me", Json.Options))!.Email;
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == email && e.Subject.Contains("退回修改") && e.SentAt == null)));
    }
}
