using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using OtpNet;

namespace InnoCenter.Web.Tests.Security;

/// <summary>Two-factor sign-in through the pages: set up with the shown key, sign in with a code or a recovery code, lockout.</summary>
public abstract partial class TwoFactorTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Password = "TwoFactor2026x";

    [ProviderFact]
    public async Task After_setting_up_an_authenticator_sign_in_asks_for_its_code_after_the_password()
    {
        var (user, _) = await factory.CreateUserAsync(Roles.CenterUser, password: Password);
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(user.Email!, Password);
        var key = await KeyShownAsync(browser);

        var wrong = await PostSetupAsync(browser, "Enable", new Dictionary<string, string> { ["Code"] = "000000" });
        var enabled = await PostSetupAsync(browser, "Enable", new Dictionary<string, string> { ["Code"] = Code(key) });
        var codes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());
        await SignOutAsync(browser);

        var password = await browser.SignInAsync(user.Email!, Password);
        var meBeforeCode = await browser.GetAsync("/api/v1/account/me");
        var second = await browser.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Code(key) });
        var me = await browser.GetAsync("/api/v1/account/me");

        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, meBeforeCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [ProviderFact]
    public async Task A_recovery_code_signs_in_once_and_personal_access_tokens_keep_working()
    {
        var (user, token) = await factory.CreateUserAsync(Roles.Expert, password: Password);
        var browser = factory.AnonymousClient("en-US");
        await browser.SignInAsync(user.Email!, Password);
        var key = await KeyShownAsync(browser);
        var codes = RecoveryCodes(await (await PostSetupAsync(browser, "Enable",
            new Dictionary<string, string> { ["Code"] = Code(key) })).Content.ReadAsStringAsync());
        await SignOutAsync(browser);

        await browser.SignInAsync(user.Email!, Password);
        var first = await browser.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = codes[0] });
        await SignOutAsync(browser);
        await browser.SignInAsync(user.Email!, Password);
        var reused = await browser.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = codes[0] });
        var api = factory.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("The code is wrong", await reused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [ProviderFact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords()
    {
        var (user, _) = await factory.CreateUserAsync(Roles.CenterUser, password: Password);
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(user.Email!, Password);
        var key = await KeyShownAsync(browser);
        await PostSetupAsync(browser, "Enable", new Dictionary<string, string> { ["Code"] = Code(key) });
        await SignOutAsync(browser);

        await browser.SignInAsync(user.Email!, Password);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await browser.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = "12345" + (i % 2) });
        }

        var rightCodeTooLate = await browser.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Code(key) });

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCodeTooLate.StatusCode);
        Assert.Contains("账号已暂时锁定", await rightCodeTooLate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [ProviderFact]
    public async Task Turning_it_off_needs_the_password_and_then_the_password_alone_signs_in()
    {
        var (user, _) = await factory.CreateUserAsync(Roles.CenterUser, password: Password);
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(user.Email!, Password);
        var key = await KeyShownAsync(browser);
        await PostSetupAsync(browser, "Enable", new Dictionary<string, string> { ["Code"] = Code(key) });

        var refused = await PostSetupAsync(browser, "Disable", new Dictionary<string, string> { ["Password"] = "NotMine2026x" });
        var disabled = await PostSetupAsync(browser, "Disable", new Dictionary<string, string> { ["Password"] = Password });
        await SignOutAsync(browser);
        var signIn = await browser.SignInAsync(user.Email!, Password);

        Assert.Contains("密码不正确", await refused.Content.ReadAsStringAsync());
        Assert.Contains("两步验证已关闭", await disabled.Content.ReadAsStringAsync());
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    /// <summary>The key as the setup page shows it, in the form an authenticator app takes.</summary>
    private static async Task<string> KeyShownAsync(HttpClient browser)
    {
        var html = await browser.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("data:image/png;base64,", html);
        return KeyPattern().Match(html).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
    }

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static List<string> RecoveryCodes(string html) =>
        RecoveryPattern().Matches(html[html.IndexOf("recovery-codes", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Posts one of the setup page's forms, with the token the page itself gives.</summary>
    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient browser, string handler, Dictionary<string, string> fields)
    {
        var token = await browser.AntiforgeryTokenAsync("/Account/TwoFactor");
        return await browser.PostAsync($"/Account/TwoFactor?handler={handler}",
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    private static Task SignOutAsync(HttpClient browser) => browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>());

    [GeneratedRegex("<code id=\"tf-key\"[^>]*>([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li class=\"col\"><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryPattern();
}

public sealed class SqliteTwoFactorTests(SqliteAppFactory factory) : TwoFactorTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresTwoFactorTests(PostgresAppFactory factory) : TwoFactorTests<PostgresAppFactory>(factory);

/// <summary>With the setting on, an administrator signed in by the cookie sets up two-factor sign-in before anything else.</summary>
public sealed class TwoFactorRequiredTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _factory;

    public TwoFactorRequiredTests(SqliteAppFactory factory)
    {
        _factory = factory;
        _factory.Settings["Security:RequireTwoFactorForAdmins"] = "true";
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_set_it_up_and_a_token_still_works_for_the_api()
    {
        var (admin, token) = await _factory.CreateUserAsync(Roles.Admin, password: "AdminTwoFa2026x");
        var (staff, _) = await _factory.CreateUserAsync(Roles.CenterUser, password: "StaffTwoFa2026x");
        var browser = _factory.AnonymousClient();
        await browser.SignInAsync(admin.Email!, "AdminTwoFa2026x");
        var staffBrowser = _factory.AnonymousClient();
        await staffBrowser.SignInAsync(staff.Email!, "StaffTwoFa2026x");
        var api = _factory.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var page = await browser.GetAsync("/Organizations");
        var apiByCookie = await browser.GetAsync("/api/v1/organizations");
        var setup = await browser.GetAsync("/Account/TwoFactor");
        var staffPage = await staffBrowser.GetAsync("/Organizations");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/TwoFactor", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, apiByCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organizations")).StatusCode);
    }
}
