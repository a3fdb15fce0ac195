using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// Behind a TLS-terminating proxy the app sees plain HTTP; the proxy's <c>X-Forwarded-Proto</c>/<c>-For</c> tell it the
/// truth, but only when they come from a proxy it trusts: loopback always, plus the addresses in
/// <c>ForwardedHeaders:KnownProxies</c> and the networks in <c>ForwardedHeaders:KnownNetworks</c> (CIDR). Once the
/// request is known to be HTTPS, the sign-in and antiforgery cookies are <c>Secure</c> (their policy follows the
/// request) and HSTS is sent (outside Development; <c>Security:HstsDays</c>, 365 by default).
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(config.GetValue("Security:HstsDays", 365));
            o.IncludeSubDomains = false;
        });
        return services;
    }

    public static IApplicationBuilder UseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
