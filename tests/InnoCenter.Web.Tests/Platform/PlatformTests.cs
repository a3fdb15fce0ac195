using System.Net;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Platform;

public sealed class PlatformTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Healthz_answers_when_the_database_does()
    {
        var response = await factory.AnonymousClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_chinese_is_not_entity_encoded()
    {
        var response = await factory.AnonymousClient().GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("登录", html);
        Assert.DoesNotContain("&#x", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_into_english()
    {
        var client = factory.AnonymousClient();

        var switched = await client.GetAsync("/culture/en-US?returnUrl=/Account/Login");
        var html = await client.GetStringAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/Login", switched.Headers.Location?.OriginalString);
        Assert.Contains("Sign in", html);
        Assert.Contains("lang=\"en\"", html);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        var response = await factory.AnonymousClient().GetAsync("/culture/en-US?returnUrl=//evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var json = await factory.AnonymousClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/organizations", json);
        Assert.Contains("/api/v1/audit/verify", json);
    }

    [Fact]
    public async Task Pages_need_a_sign_in_and_admin_pages_need_an_admin()
    {
        var anonymous = await factory.AnonymousClient().GetAsync("/Organizations");
        var (expert, _) = await factory.CreateUserAsync(Roles.Expert, password: "ExpertPw2026x");
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(expert.Email!, "ExpertPw2026x");

        var audit = await browser.GetAsync("/Audit");
        var create = await browser.GetAsync("/Organizations/Create");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);
        Assert.Contains("/Account/AccessDenied", audit.Headers.Location?.OriginalString);
        Assert.Contains("/Account/AccessDenied", create.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var response = await factory.AnonymousClient().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AppFactory.AdminEmail,
            ["Input.Password"] = AppFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_document_not_an_html_page()
    {
        var client = await factory.ClientFor(Roles.Admin);

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_first_admin_from_configuration_can_sign_in()
    {
        var browser = factory.AnonymousClient();

        var response = await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("审计日志", await browser.GetStringAsync("/"));
    }
}
