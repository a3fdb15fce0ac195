using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Security;

/// <summary>The Prometheus endpoint is for the local machine or the metrics token only.</summary>
public sealed class MetricsTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _factory;

    public MetricsTests(SqliteAppFactory factory)
    {
        _factory = factory;
        _factory.Settings["Metrics:Token"] = "scrape-secret-2026";
        _factory.Settings["Metrics:CacheMilliseconds"] = "0";
    }

    [Fact]
    public async Task Metrics_are_served_to_loopback_and_the_token_and_refused_to_others()
    {
        var local = Client("127.0.0.1");
        var remote = Client("203.0.113.9");
        var remoteWithToken = Client("203.0.113.9");
        remoteWithToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-2026");
        var remoteWrongToken = Client("203.0.113.9");
        remoteWrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        await local.GetAsync("/healthz");

        var byLocal = await local.GetAsync("/metrics");
        var body = await byLocal.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, byLocal.StatusCode);
        Assert.Contains("http_server_request_duration", body);
        Assert.Equal(HttpStatusCode.Forbidden, (await remote.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await remoteWrongToken.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await remoteWithToken.GetAsync("/metrics")).StatusCode);
    }

    private HttpClient Client(string peer) =>
        _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new Peer(peer))))
            .CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

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
