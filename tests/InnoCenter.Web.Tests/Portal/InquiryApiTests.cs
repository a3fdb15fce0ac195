using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Portal;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Tests.Portal;

/// <summary>Public inquiries (留言咨询); run once per provider.</summary>
public abstract class InquiryApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    private static InquiryRequest Ask(string subject, bool consent = true, string? website = null) =>
        new(subject, "申报条件中的“牵头单位”指什么？", "王先生", "wang@example.cn", consent, website);

    [ProviderFact]
    public async Task An_inquiry_is_due_in_the_packs_working_days_and_waits_on_the_admins_workbench()
    {
        var subject = "咨询" + Guid.NewGuid().ToString("N")[..6];

        var response = await factory.AnonymousClient().PostAsJsonAsync("/api/v1/portal/inquiries", Ask(subject), Json.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var pack = factory.Services.GetRequiredService<PolicyProvider>().Current;
        var today = factory.Services.GetRequiredService<TimeProvider>().TodayInBeijing();
        var expected = pack.Applications.Calendar().Window(today, pack.Portal.InquiryAnswerWorkingDays).End;
        Assert.Equal(expected, await factory.WithDbAsync(db => db.PortalInquiries.Where(i => i.Subject == subject).Select(i => i.DueOn).SingleAsync()));
        Assert.True(expected.DayNumber - today.DayNumber >= pack.Portal.InquiryAnswerWorkingDays);
        var admin = await factory.ClientFor(Roles.Admin);
        Assert.Contains("/Portal/Manage/Inquiries", await admin.GetStringAsync("/api/v1/workbench"));
    }

    [ProviderFact]
    public async Task An_answer_is_published_only_with_the_askers_consent()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var anon = factory.AnonymousClient();
        await anon.PostAsJsonAsync("/api/v1/portal/inquiries", Ask("同意" + tag), Json.Options);
        await anon.PostAsJsonAsync("/api/v1/portal/inquiries", Ask("不同意" + tag, consent: false), Json.Options);
        var admin = await factory.ClientFor(Roles.Admin);
        var ids = await factory.WithDbAsync(db => db.PortalInquiries.Where(i => i.Subject.EndsWith(tag)).Select(i => new { i.Id, i.Version }).ToListAsync());

        foreach (var i in ids)
        {
            var answered = await admin.PostAsJsonAsync($"/api/v1/portal/manage/inquiries/{i.Id}/answer", new InquiryAnswerRequest("指申报主体中的企业法人。", i.Version), Json.Options);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var page = await anon.GetStringAsync("/Portal/Inquiries");
        Assert.Contains("同意" + tag, page);
        Assert.DoesNotContain("不同意" + tag, page);
        Assert.DoesNotContain("wang@example.cn", page);
        var again = await admin.PostAsJsonAsync($"/api/v1/portal/manage/inquiries/{ids[0].Id}/answer", new InquiryAnswerRequest("再答", null), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [ProviderFact]
    public async Task An_empty_question_is_refused_and_a_filled_honeypot_keeps_nothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var anon = factory.AnonymousClient();

        var empty = await anon.PostAsJsonAsync("/api/v1/portal/inquiries", Ask("空" + tag) with { Question = " " }, Json.Options);
        var bot = await anon.PostAsJsonAsync("/api/v1/portal/inquiries", Ask("机器人" + tag, website: "http://spam"), Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bot.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.PortalInquiries.AnyAsync(i => i.Subject.EndsWith(tag))));
    }

    [ProviderFact]
    public async Task Inquiries_are_rate_limited_per_address_like_the_other_public_forms()
    {
        await using var own = await OwnApp<TFactory>.StartAsync(f => f.Settings["Security:PublicFormsPerMinute"] = "2");
        var anon = own.Factory.AnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await anon.PostAsJsonAsync("/api/v1/portal/inquiries", Ask("限流" + i), Json.Options)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, await own.Factory.WithDbAsync(db => db.PortalInquiries.CountAsync()));
    }
}

public sealed class SqliteInquiryApiTests(SqliteAppFactory factory) : InquiryApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresInquiryApiTests(PostgresAppFactory factory) : InquiryApiTests<PostgresAppFactory>(factory);

/// <summary>The freshness warning (国办秘函〔2019〕19号), on a database of its own so nothing else is published in it.</summary>
public abstract class PortalFreshnessTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task The_admins_workbench_warns_when_nothing_was_published_for_the_packs_days_and_stops_after_a_case()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var admin = await own.Factory.ClientFor(Roles.Admin);
        Assert.Contains("portal.workbench.stale", await TitlesAsync(own.Factory, admin));

        var w = await CaseWriter.StartAsync(own.Factory);
        await w.PublishedAsync();

        Assert.DoesNotContain("portal.workbench.stale", await TitlesAsync(own.Factory, admin));
    }

    private static async Task<string> TitlesAsync(AppFactory factory, HttpClient admin)
    {
        _ = factory;
        return System.Text.RegularExpressions.Regex.Unescape(await admin.GetStringAsync("/api/v1/workbench"));
    }
}

public sealed class SqlitePortalFreshnessTests : PortalFreshnessTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresPortalFreshnessTests : PortalFreshnessTests<PostgresAppFactory>;
