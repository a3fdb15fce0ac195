using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InnoCenter.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry for an operator: request, EF Core, Npgsql and job metrics on a Prometheus endpoint (<c>/metrics</c>,
/// for the local machine, or for anyone presenting <c>Metrics:Token</c> as a bearer token; off with
/// <c>Metrics:Enabled=false</c>), and traces with metrics sent by OTLP to <c>Otel:Endpoint</c> when it is set. Nothing
/// leaves the process unless that setting names a collector. Logs carry the request id (ASP.NET Core's scope) and the
/// signed-in user's id (ours).
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddAppObservability(this IServiceCollection services, IConfiguration config)
    {
        var endpoint = config["Otel:Endpoint"] is { Length: > 0 } e ? new Uri(e) : null;
        var metricsOn = config.GetValue("Metrics:Enabled", true);
        if (endpoint is null && !metricsOn)
        {
            return services;
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(AppTelemetry.Name, serviceInstanceId: Jobs.JobLeases.Me))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(AppTelemetry.Name, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Server.Kestrel");
                if (metricsOn)
                {
                    m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = config.GetValue("Metrics:CacheMilliseconds", 1000));
                }

                if (endpoint is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });

        // Traces are only worth their cost when a collector receives them.
        if (endpoint is not null)
        {
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments(MetricsPath))
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddSource(AppTelemetry.Name)
                .AddOtlpExporter(o => o.Endpoint = endpoint));
        }

        return services;
    }

    /// <summary>The Prometheus endpoint, refused (403) to anyone not on this machine and without the metrics token.</summary>
    public static IApplicationBuilder UseMetricsEndpoint(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Metrics:Enabled", true))
        {
            return app;
        }

        var token = app.Configuration["Metrics:Token"];
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments(MetricsPath), branch => branch.Use(async (ctx, next) =>
        {
            if (!MayScrape(ctx, token))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                ctx.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.Response.WriteAsync("Metrics are served to the local machine or with Metrics:Token. / 指标仅向本机或持有指标令牌者提供。");
                return;
            }

            await next();
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    /// <summary>Puts the signed-in user's id into every log line of the request (the request id is ASP.NET Core's).</summary>
    public static IApplicationBuilder UseUserLogScope(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var logger = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("InnoCenter.Request");
        var userId = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier);
        using (logger.BeginScope(new Dictionary<string, object?> { ["UserId"] = userId, ["RequestId"] = ctx.TraceIdentifier }))
        {
            await next();
        }
    });

    private static bool MayScrape(HttpContext ctx, string? token)
    {
        if (ctx.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip))
        {
            return true;
        }

        var auth = ctx.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(token) || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(auth[7..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
