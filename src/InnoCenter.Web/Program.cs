using InnoCenter.Web;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Observability;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Startup;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;

// backup / restore are operator commands: they run and exit before the web host is built.
if (InnoCenter.Web.Infrastructure.Backup.OpsCommands.IsCommand(args))
{
    return await InnoCenter.Web.Infrastructure.Backup.OpsCommands.RunAsync(args);
}

var timings = new StartupTimings();
var (demo, settings) = LaunchArgs.Split(args);
var builder = WebApplication.CreateBuilder(settings);
if (demo)
{
    builder.Configuration["Seed:Demo"] = "true";
}

builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:5080");
// Uploads are capped by Files:MaxBytes (checked per file with a clear message); the transport allows a little more.
var maxUpload = builder.Configuration.GetValue("Files:MaxBytes", InnoCenter.Web.Infrastructure.Files.Attachments.DefaultMaxBytes) + 1024 * 1024;
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = maxUpload);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxUpload);

var services = builder.Services;
services.AddSingleton(TimeProvider.System);
services.AddHttpContextAccessor();
services.AddAppDatabase(builder.Configuration, builder.Environment);
services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("InnoCenter");
services.AddAppLocalization();
services.AddAppAuth(builder.Configuration);
services.AddPolicy();
services.AddProblemDetails();
services.AddExceptionHandler<AppExceptionHandler>();
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
services.AddApiDocument();
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features";
        o.Conventions.AuthorizeFolder("/");
        o.Conventions.AllowAnonymousToPage("/Home/Index");
        o.Conventions.AllowAnonymousToPage("/Error");
        o.Conventions.AllowAnonymousToFolder("/Notices");
        o.Conventions.AllowAnonymousToPage("/Account/Login");
        o.Conventions.AllowAnonymousToPage("/Account/Register");
        o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
        o.Conventions.AllowAnonymousToPage("/Account/Logout");
        o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
        o.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
        o.Conventions.AllowAnonymousToPage("/Account/ConfirmEmail");
        o.Conventions.AllowAnonymousToFolder("/Centers/Public");
        o.Conventions.AllowAnonymousToFolder("/Resources/Public");
        o.Conventions.AllowAnonymousToFolder("/Portal/Cases");
        o.Conventions.AllowAnonymousToFolder("/Portal/Documents");
        o.Conventions.AllowAnonymousToFolder("/Portal/Inquiries");
        o.Conventions.AllowAnonymousToFolder("/Portal/Search");
        o.Conventions.AuthorizeFolder("/Audit", Duties.Audit);
        o.Conventions.AuthorizeFolder("/Users", Duties.Accounts);
        o.Conventions.AuthorizeFolder("/Dashboard", Roles.Admin);
        o.Conventions.AuthorizeFolder("/Experts", Roles.Admin);
        o.Conventions.AuthorizeFolder("/Outbox", Roles.Admin);
        o.Conventions.AddPageRoute("/Home/Index", "/");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
services.AddAntiforgery(o => o.Cookie.Name = "innocenter.af");
services.AddFeatureHandlers();
services.AddProxySupport(builder.Configuration);
services.AddAppObservability(builder.Configuration);

var app = builder.Build();
timings.Mark("host");

try
{
    await DatabaseSetup.MigrateAsync(app.Services, timings: timings);
    await PolicyPackLoader.LoadAsync(app.Services);
    // The applications' kept stage clocks read each one's pack version, so their backfill waits for the packs.
    await InnoCenter.Web.Features.Applications.ApplicationStageClocks.RunIfPendingAsync(app.Services);
    timings.Mark("policy");
    await AdminBootstrap.EnsureAsync(app.Services);
    timings.Mark("admin");
    if (app.Configuration.GetValue("Seed:Demo", false))
    {
        await DemoSeeder.SeedAsync(app.Services);
        timings.Mark("demo data");
    }
}
catch (Exception ex)
{
    // A database that is not migrated, or a policy that does not load, must stop the start, loudly.
    Console.Error.WriteLine($"InnoCenter could not start / 平台无法启动: {ex.GetType().Name}: {ex.Message}");
    throw;
}

app.UseProxySupport();
// Before the error and status pages: they run after the rest of the pipeline has returned, and must still answer in
// the caller's language (a culture set further in does not flow back out to them).
app.UseRequestLocalization();
app.UseMetricsEndpoint();
app.UseExceptionHandler("/Error");
// A page that does not exist answers 404 itself (the error page is rendered in place, not redirected to).
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
app.UseStatusCodePages(async ctx =>
{
    var http = ctx.HttpContext;
    if (http.Request.Path.StartsWithSegments("/api"))
    {
        var text = http.RequestServices.GetRequiredService<Text>();
        var status = http.Response.StatusCode;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = text[$"status.{status}"] },
        });
    }
});
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorRequirement();
app.UseUserLogScope();
app.UseAntiforgery();
app.UseApiWriteRule();

app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapApiDocs();
app.MapCultureSwitch();
app.MapFeatureEndpoints();
app.MapBenchEndpoints(app.Configuration);
app.MapRazorPages();

timings.Mark("pipeline");
app.Lifetime.ApplicationStarted.Register(() =>
{
    timings.Mark("listening");
    timings.Log(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("InnoCenter.Startup"));
});
await app.RunAsync();
return 0;

public partial class Program;
