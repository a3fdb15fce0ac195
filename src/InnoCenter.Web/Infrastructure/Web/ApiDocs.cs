using Scalar.AspNetCore;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// The OpenAPI document and the Scalar reference. In Production they are for signed-in users and token clients only,
/// unless <c>Api:PublicDocs</c> opens them; elsewhere they are open (the default of the setting follows the
/// environment). Scalar is told not to fetch its fonts from its CDN, not to send telemetry and not to offer its hosted
/// agent: the platform must work on an isolated network, and the page's CSP allows nothing from outside anyway.
/// </summary>
public static class ApiDocs
{
    public static bool ArePublic(IConfiguration config, IHostEnvironment env) =>
        config.GetValue("Api:PublicDocs", !env.IsProduction());

    public static void MapApiDocs(this WebApplication app)
    {
        var open = ArePublic(app.Configuration, app.Environment);
        var document = app.MapOpenApi();
        var reference = app.MapScalarApiReference(o => o.DisableDefaultFonts().DisableTelemetry().DisableAgent());
        if (open)
        {
            document.AllowAnonymous();
            reference.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization();
            reference.RequireAuthorization();
        }
    }
}
