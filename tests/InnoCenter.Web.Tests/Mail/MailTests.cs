using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Outbox;
using InnoCenter.Web.Features.Users;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Infrastructure.Mail;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace InnoCenter.Web.Tests.Mail;

/// <summary>Mail that leaves: SMTP to an in-process server, retries and the dead state, the pickup folder, the outbox, and the accounts' own mails.</summary>
public abstract class MailTests<TFactory> : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string PublicUrl = "https://innocenter.example.gov.cn";

    private readonly TFactory _factory;
    private readonly SmtpFixture _smtp;

    protected MailTests(TFactory factory, SmtpFixture smtp)
    {
        _factory = factory;
        _smtp = smtp;
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Smtp:Security"] = "None";
        factory.Settings["Smtp:From"] = "平台 <noreply@innocenter.example.gov.cn>";
        factory.Settings["App:PublicUrl"] = PublicUrl;
    }

    [ProviderFact]
    public async Task Each_recipient_gets_the_mail_in_their_own_language_with_an_absolute_link()
    {
        var (zh, _) = await _factory.CreateUserAsync(Roles.Expert);
        var (en, _) = await _factory.CreateUserAsync(Roles.Expert);
        await _factory.WithDbAsync(db => db.Users.Where(u => u.Id == en.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        var link = $"/Reviews/Subject/{Guid.NewGuid()}";

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([zh.Id, en.Id], "reviews.notify.invited", link, CancellationToken.None, "智能传感课题");
            await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().SaveChangesAsync();
        }

        Assert.True(await DeliverAsync() >= 2);

        var english = Assert.Single(await _smtp.MessagesToAsync(en.Email!));
        Assert.Equal("You have been drawn to review “智能传感课题”; please answer.", english.Subject);
        Assert.Contains(PublicUrl + link, english.TextBody);
        Assert.DoesNotContain("评审专家", english.TextBody);
        var chinese = Assert.Single(await _smtp.MessagesToAsync(zh.Email!));
        Assert.Equal("您被抽选为“智能传感课题”的评审专家，请确认。", chinese.Subject);
        Assert.Contains(PublicUrl + link, chinese.TextBody);
        Assert.Equal("noreply@innocenter.example.gov.cn", chinese.From.Mailboxes.Single().Address);

        var rows = await _factory.WithDbAsync(db => db.OutboxEmails.Where(m => m.To == en.Email || m.To == zh.Email).ToListAsync());
        Assert.All(rows, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.All(rows, m => Assert.Equal(1, m.Attempts));
        Assert.Equal("en-US", rows.Single(m => m.To == en.Email).Culture);
        // The in-app message stays in both languages whatever the mail's language.
        var note = await _factory.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == en.Id));
        Assert.Contains("智能传感课题", note.TitleZh);
        Assert.StartsWith("You have been drawn", note.TitleEn);
    }

    [ProviderFact]
    public async Task A_failing_server_is_retried_with_growing_waits_then_the_mail_is_dead_until_an_admin_resends_it()
    {
        var to = $"unreachable-{Guid.NewGuid():N}@test.local";
        var id = await QueueAsync(to, "测试邮件");
        var dead = new MailSettings { Host = "127.0.0.1", Port = ClosedPort(), Security = SmtpSecurity.None, MaxAttempts = 3, RetryBaseSeconds = 60, RetryMaxSeconds = 3600 };

        await DeliverWithAsync(dead, new SmtpMailTransport(dead));
        var first = await MailAsync(id);
        Assert.Equal((OutboxState.Pending, 1), (first.State, first.Attempts));
        Assert.False(string.IsNullOrEmpty(first.LastError));
        Assert.True(first.NextAttemptAt > _factory.Clock.GetUtcNow().AddSeconds(50));

        // Not due yet: a run before the back-off has passed leaves it alone.
        await DeliverWithAsync(dead, new SmtpMailTransport(dead));
        Assert.Equal(1, (await MailAsync(id)).Attempts);

        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await DeliverWithAsync(dead, new SmtpMailTransport(dead));
        var second = await MailAsync(id);
        Assert.Equal((OutboxState.Pending, 2), (second.State, second.Attempts));
        Assert.True(second.NextAttemptAt > _factory.Clock.GetUtcNow().AddSeconds(110), "the second wait doubles the first");

        _factory.Clock.Advance(TimeSpan.FromSeconds(121));
        await DeliverWithAsync(dead, new SmtpMailTransport(dead));
        var third = await MailAsync(id);
        Assert.Equal((OutboxState.Dead, 3), (third.State, third.Attempts));
        Assert.Null(third.NextAttemptAt);
        Assert.False(string.IsNullOrEmpty(third.LastError));

        var admin = await _factory.ClientFor(Roles.Admin);
        var list = await admin.GetFromJsonAsync<PagedResult<OutboxRow>>($"/api/v1/outbox?state=Dead&recipient={Uri.EscapeDataString(to)}", Json.Options);
        var row = Assert.Single(list!.Items);
        Assert.Equal(id, row.Id);
        Assert.Equal("发送失败", row.StateLabel);
        Assert.Equal(third.LastError, row.LastError);

        var resent = await admin.PostAsync($"/api/v1/outbox/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/outbox/{id}/resend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/resend", null)).StatusCode);

        await DeliverAsync();
        Assert.Single(await _smtp.MessagesToAsync(to));
        var sent = await MailAsync(id);
        Assert.Equal((OutboxState.Sent, 1), (sent.State, sent.Attempts));
    }

    [ProviderFact]
    public async Task Only_an_admin_reads_the_outbox_and_its_page_speaks_both_languages()
    {
        var to = $"page-{Guid.NewGuid():N}@test.local";
        await QueueAsync(to, "页面测试邮件");
        var center = await _factory.ClientFor(Roles.CenterUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await center.GetAsync("/api/v1/outbox")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await center.GetAsync("/Outbox")).StatusCode);

        var zh = await (await _factory.ClientFor(Roles.Admin)).GetStringAsync($"/Outbox?recipient={to}&state=Pending");
        Assert.Contains("发件箱", zh);
        Assert.Contains(to, zh);
        Assert.Contains("待发送", zh);
        var en = await (await _factory.ClientFor(Roles.Admin, culture: "en-US")).GetStringAsync($"/Outbox?recipient={to}");
        Assert.Contains("Outbox", en);
        Assert.Contains("Pending", en);

        var bad = await (await _factory.ClientFor(Roles.Admin, culture: "en-US")).GetAsync("/api/v1/outbox?state=Lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [ProviderFact]
    public async Task With_no_smtp_host_each_mail_is_written_to_the_pickup_folder_as_an_eml_file()
    {
        var folder = Path.Combine(_factory.FilesRoot, "pickup-" + Guid.NewGuid().ToString("N"));
        var settings = new MailSettings { PickupDirectory = folder };
        Assert.False(settings.UsesSmtp);
        var to = $"pickup-{Guid.NewGuid():N}@test.local";
        var id = await QueueAsync(to, "拾取目录测试");

        await DeliverWithAsync(settings, new PickupMailTransport(settings));

        var messages = Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var mine = Assert.Single(messages, m => m.To.Mailboxes.Any(b => b.Address == to));
        Assert.Equal("拾取目录测试", mine.Subject);
        Assert.Equal(OutboxState.Sent, (await MailAsync(id)).State);

        var unconfigured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:From"] = "a@b.c" }).Build();
        Assert.False(MailSettings.Read(unconfigured, _factory.Services.GetRequiredService<IHostEnvironment>()).UsesSmtp);
    }

    [ProviderFact]
    public async Task A_forgotten_password_is_reset_once_with_the_token_from_the_mail_and_unknown_addresses_get_the_same_answer()
    {
        var (user, token) = await _factory.CreateUserAsync(Roles.CenterUser);
        var own = _factory.AnonymousClient();
        own.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var prefs = await own.PutAsJsonAsync("/api/v1/account/preferences", new PreferencesRequest("en-US"));
        Assert.Equal(HttpStatusCode.OK, prefs.StatusCode);

        var anonymous = _factory.AnonymousClient();
        var known = await anonymous.PostAsJsonAsync("/api/v1/account/password/forgot", new ForgotPasswordRequest(user.Email));
        var unknownAddress = $"nobody-{Guid.NewGuid():N}@test.local";
        var unknown = await anonymous.PostAsJsonAsync("/api/v1/account/password/forgot", new ForgotPasswordRequest(unknownAddress));
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.False(await _factory.WithDbAsync(db => db.OutboxEmails.AnyAsync(m => m.To == unknownAddress)));

        await DeliverAsync();
        var mail = Assert.Single(await _smtp.MessagesToAsync(user.Email!));
        Assert.Equal("Reset your platform password", mail.Subject);
        var link = Regex.Match(mail.TextBody ?? string.Empty, @"https://\S+").Value;
        Assert.StartsWith(PublicUrl + "/Account/ResetPassword?", link);
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        var reset = new ResetPasswordRequest(Guid.Parse(query["userId"]!), query["token"], "BrandNew2026pw");

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", reset)).StatusCode);
        Assert.True(await CheckPasswordAsync(user.Id, "BrandNew2026pw"));

        var again = await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", reset with { NewPassword = "Another2026pw" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("account.reset.invalid_token", await again.Content.ReadAsStringAsync());
        Assert.True(await CheckPasswordAsync(user.Id, "BrandNew2026pw"));
    }

    [ProviderFact]
    public async Task Wrong_reset_tokens_count_towards_the_lockout()
    {
        var (user, _) = await _factory.CreateUserAsync(Roles.CenterUser);
        var anonymous = _factory.AnonymousClient("en-US");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await anonymous.PostAsJsonAsync("/api/v1/account/password/reset", new ResetPasswordRequest(user.Id, "bm90LWEtdG9rZW4", "BrandNew2026pw"));
        }

        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("login.locked_out", await last.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task A_new_address_takes_effect_only_from_the_link_mailed_to_it()
    {
        var (user, token) = await _factory.CreateUserAsync(Roles.MemberUser);
        var own = _factory.AnonymousClient();
        own.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var newEmail = $"moved-{Guid.NewGuid():N}@test.local";

        Assert.Equal(HttpStatusCode.BadRequest, (await own.PostAsJsonAsync("/api/v1/account/email", new EmailChangeRequest("not-an-address"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await own.PostAsJsonAsync("/api/v1/account/email", new EmailChangeRequest(newEmail))).StatusCode);
        Assert.Equal(user.Email, (await own.GetFromJsonAsync<PreferencesDto>("/api/v1/account/preferences", Json.Options))!.Email);

        await DeliverAsync();
        var mail = Assert.Single(await _smtp.MessagesToAsync(newEmail));
        Assert.Equal("请确认您的新邮箱", mail.Subject);
        var link = Regex.Match(mail.TextBody ?? string.Empty, @"https://\S+").Value;
        Assert.StartsWith(PublicUrl + "/Account/ConfirmEmail?", link);
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        var confirm = new EmailChangeConfirmation(Guid.Parse(query["userId"]!), query["email"], query["token"]);

        var anonymous = _factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/account/email/confirm", confirm)).StatusCode);
        var saved = await _factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((newEmail, newEmail), (saved.Email, saved.UserName));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/v1/account/email/confirm", confirm)).StatusCode);
    }

    [ProviderFact]
    public async Task The_mail_language_is_chosen_at_sign_up_and_by_the_admin_and_an_unknown_one_is_refused()
    {
        var admin = await _factory.ClientFor(Roles.Admin);
        var org = await admin.CreateOrganizationAsync(TestData.Organization());
        var anonymous = _factory.AnonymousClient();

        var registered = await anonymous.PostAsJsonAsync("/api/v1/registrations",
            new RegistrationRequest($"reg-{Guid.NewGuid():N}@test.local", "注册人", "TestUser2026x", org.CreditCode, Roles.CenterUser) { PreferredCulture = "en-US" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("en-US", (await registered.Content.ReadFromJsonAsync<UserDto>(Json.Options))!.PreferredCulture);

        var refused = await anonymous.PostAsJsonAsync("/api/v1/registrations",
            new RegistrationRequest($"reg-{Guid.NewGuid():N}@test.local", "注册人", "TestUser2026x", org.CreditCode, Roles.CenterUser) { PreferredCulture = "fr-FR" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("preferredCulture", out _));

        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new UserCreateRequest($"made-{Guid.NewGuid():N}@test.local", "专家", "TestUser2026x", Roles.Expert, null) { PreferredCulture = "en-US" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("en-US", (await created.Content.ReadFromJsonAsync<UserDto>(Json.Options))!.PreferredCulture);
    }

    private async Task<int> DeliverAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDelivery>().RunAsync(CancellationToken.None);
    }

    private async Task DeliverWithAsync(MailSettings settings, IMailTransport transport)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using (transport)
        {
            await new MailDelivery(sp.GetRequiredService<Data.AppDbContext>(), sp.GetRequiredService<JobLeases>(), transport, settings,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MailDelivery>>()).RunAsync(CancellationToken.None);
        }
    }

    private async Task<Guid> QueueAsync(string to, string subject)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var mail = scope.ServiceProvider.GetRequiredService<MailComposer>().Queue(to, "zh-CN", subject, "正文", "/Outbox");
        await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().SaveChangesAsync();
        return mail.Id;
    }

    private Task<OutboxEmail> MailAsync(Guid id) => _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(m => m.Id == id));

    private async Task<bool> CheckPasswordAsync(Guid userId, string password)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(userId.ToString()))!, password);
    }

    /// <summary>A local port nobody listens on, so every connection is refused.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class SqliteMailTests(SqliteAppFactory factory, SmtpFixture smtp) : MailTests<SqliteAppFactory>(factory, smtp), IClassFixture<SmtpFixture>;

[PostgresSuite]
public sealed class PostgresMailTests(PostgresAppFactory factory, SmtpFixture smtp) : MailTests<PostgresAppFactory>(factory, smtp), IClassFixture<SmtpFixture>;
