using System.Text;
using InnoCenter.Web.Infrastructure.Localization;
using QRCoder;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>
/// Two-factor sign-in (TOTP, by ASP.NET Core Identity's authenticator token provider). Optional for everyone; with
/// <c>Security:RequireTwoFactorForAdmins</c> (true by default in Production, as 等保 2.0 asks two factors of
/// administrators) an Admin, system administrator or audit administrator signed in by the cookie is sent to set it up
/// before anything else. Personal access tokens are a factor of their own and keep working for the API.
/// </summary>
public static class TwoFactor
{
    /// <summary>Put into the principal when the account has two-factor sign-in on, so the requirement needs no query.</summary>
    public const string EnabledClaim = "two_factor";

    public const string SetupPath = "/Account/TwoFactor";

    public const int RecoveryCodeCount = 10;

    public const string Issuer = "InnoCenter";

    public static bool RequiredForAdmins(IConfiguration config, IHostEnvironment env) =>
        config.GetValue("Security:RequireTwoFactorForAdmins", env.IsProduction());

    /// <summary>The otpauth URI authenticator apps read from the QR code.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The QR code as a PNG data URI: shown by an img element, no script and nothing fetched.</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The key in groups of four, easier to type by hand.</summary>
    public static string Readable(string key)
    {
        var b = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            b.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return b.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>A code as typed (spaces, hyphens) reduced to what the providers compare.</summary>
    public static string Clean(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();

    /// <summary>
    /// Administrators signed in by the cookie without two-factor sign-in may only set it up (or sign out) while the
    /// setting requires it: pages redirect to the setup page, API calls get 403.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this WebApplication app)
    {
        if (!RequiredForAdmins(app.Configuration, app.Environment))
        {
            return app;
        }

        return app.Use(async (ctx, next) =>
        {
            var user = ctx.User;
            if (user.Identity?.IsAuthenticated != true
                || ApiWriteRule.IsBearer(ctx.Request)
                || user.HasClaim(EnabledClaim, "true")
                || !Duties.Separated.Any(user.IsInRole)
                || IsAllowed(ctx.Request.Path))
            {
                await next();
                return;
            }

            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                var text = ctx.RequestServices.GetRequiredService<Text>();
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx,
                    ProblemDetails = { Status = 403, Title = text["status.403"], Detail = text["twofactor.required"] },
                });
                return;
            }

            ctx.Response.Redirect(SetupPath);
        });
    }

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/Account/Logout") || path.StartsWithSegments("/Error")
        || path.StartsWithSegments("/culture") || path.StartsWithSegments("/healthz");
}
