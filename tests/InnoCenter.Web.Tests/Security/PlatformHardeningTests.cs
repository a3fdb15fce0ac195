using System.Net;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Startup;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace InnoCenter.Web.Tests.Security;

/// <summary>Issue 12 item 8: the API docs in Production, the command line, the proxy, the error log.</summary>
public sealed class ProductionDocsTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _factory;

    public ProductionDocsTests(SqliteAppFactory factory)
    {
        _factory = factory;
        _factory.Settings["environment"] = "Production";
    }

    [Fact]
    public async Task In_production_the_api_docs_are_for_signed_in_users_and_tokens_only()
    {
        var anonymous = _factory.AnonymousClient();
        var expert = await _factory.ClientFor(Roles.Expert);

        var documentAnonymous = await anonymous.GetAsync("/openapi/v1.json");
        var referenceAnonymous = await anonymous.GetAsync("/scalar/v1");
        var documentByToken = await expert.GetAsync("/openapi/v1.json");
        var referenceByToken = await expert.GetAsync("/scalar/v1");
        var html = await referenceByToken.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, documentAnonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, referenceAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, documentByToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, referenceByToken.StatusCode);
        Assert.DoesNotContain("fonts.scalar.com", html);
        Assert.DoesNotContain("cdn.jsdelivr.net", html);
    }
}

public sealed class PublicDocsSettingTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _factory;

    public PublicDocsSettingTests(SqliteAppFactory factory)
    {
        _factory = factory;
        _factory.Settings["environment"] = "Production";
        _factory.Settings["Api:PublicDocs"] = "true";
    }

    [Fact]
    public async Task The_setting_opens_the_api_docs_to_everyone()
    {
        Assert.Equal(HttpStatusCode.OK, (await _factory.AnonymousClient().GetAsync("/openapi/v1.json")).StatusCode);
    }
}

public sealed class ProxyTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Behind_a_trusted_tls_proxy_the_sign_in_cookie_is_secure_and_hsts_is_sent()
    {
        var viaProxy = Client("127.0.0.1");
        var spoofed = Client("203.0.113.9");

        var signedIn = await viaProxy.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var page = await viaProxy.GetAsync("/");
        var spoofedPage = await spoofed.GetAsync("/");

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("innocenter.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        Assert.False(spoofedPage.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>A client whose requests arrive from the given peer address with the proxy's X-Forwarded-Proto: https.</summary>
    private HttpClient Client(string peer)
    {
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new Peer(peer))));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://innocenter.example.gov.cn"),
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        return client;
    }

    private sealed class Peer(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, go) =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return go(ctx);
            });
            next(app);
        };
    }
}

public sealed class LaunchAndLogTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Theory]
    [InlineData("--demo", "--Files:Root=/tmp/x")]
    [InlineData("--Files:Root=/tmp/x", "--demo")]
    [InlineData("--Files:Root", "/tmp/x", "--demo")]
    public void The_demo_flag_works_in_any_position_and_keeps_the_other_settings(params string[] args)
    {
        var (demo, settings) = LaunchArgs.Split(args);
        var config = new ConfigurationBuilder().AddCommandLine(settings).Build();

        Assert.True(demo);
        Assert.Equal("/tmp/x", config["Files:Root"]);
        Assert.Null(config["demo"]);
    }

    [Fact]
    public async Task A_failure_is_logged_under_the_request_that_failed_not_the_error_page()
    {
        var logger = new Capture();
        var handler = new AppExceptionHandler(factory.Services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), logger);
        using var scope = factory.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "GET";
        http.Request.Path = "/Error";
        http.Features.Set<IExceptionHandlerFeature>(new Failed("/Centers/Rollup/abc"));

        await handler.TryHandleAsync(http, new InvalidOperationException("boom"), CancellationToken.None);

        Assert.Contains("/Centers/Rollup/abc", logger.Messages.Single());
        Assert.DoesNotContain("/Error", logger.Messages.Single());
    }

    private sealed class Failed(string path) : IExceptionHandlerFeature
    {
        public Exception Error { get; } = new InvalidOperationException("boom");

        public string Path => path;
    }

    private sealed class Capture : ILogger<AppExceptionHandler>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
