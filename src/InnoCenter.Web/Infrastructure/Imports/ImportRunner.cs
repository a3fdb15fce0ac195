using System.Globalization;
using System.Text.Json;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Imports;

/// <summary>
/// Runs the imports this node accepted, one at a time, each in a scope signed in as the person who started it and in
/// their language. Progress is written to the job in a scope of its own (at most twice a second), so the import's
/// transaction stays all or nothing; at the end the person is told, in the app and by mail. At start it closes the
/// imports whose node fell silent, so nobody waits for one that will never finish.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ImportQueue queue, TimeProvider clock, ILogger<ImportRunner> logger) : BackgroundService
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await CloseSilentAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not close the imports cut off by a stopped node");
        }

        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Import {ImportId} failed", id);
                await EndAsync(id, job => job.Fail(ex.GetType().Name, clock.GetUtcNow()), "imports.notify_failed", CancellationToken.None);
            }
        }
    }

    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var work = scopes.CreateAsyncScope();
        var sp = work.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.State != ImportJobState.Queued || job.Content is null)
        {
            return;
        }

        job.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var content = job.Content;
        var (kind, scopeId, culture, userId) = (job.Kind, job.ScopeId, job.Culture, job.UserId);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var person = await users.FindByIdAsync(userId.ToString());
        if (person is null || !person.IsActive)
        {
            await EndAsync(id, j => j.Fail("inactive", clock.GetUtcNow()), "imports.notify_failed", ct);
            return;
        }

        var accessor = sp.GetRequiredService<IHttpContextAccessor>();
        var (culturePrevious, uiPrevious) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        accessor.HttpContext = new DefaultHttpContext
        {
            User = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(person),
            RequestServices = sp,
        };
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var target = sp.GetRequiredService<ImportJobs>().TargetOf(kind)
                ?? throw new InvalidOperationException($"No import target runs {kind}.");
            var last = DateTimeOffset.MinValue;
            async Task Progress(int done, int total, CancellationToken token)
            {
                var now = clock.GetUtcNow();
                if (now - last < ProgressEvery && done < total)
                {
                    return;
                }

                last = now;
                await using var status = scopes.CreateAsyncScope();
                var statusDb = status.ServiceProvider.GetRequiredService<AppDbContext>();
                var running = await statusDb.ImportJobs.FirstAsync(j => j.Id == id, token);
                running.Report(done, total, now);
                await statusDb.SaveChangesAsync(token);
            }

            await using var stream = new MemoryStream(content, writable: false);
            var result = await target.RunAsync(kind, scopeId, stream, Progress, ct);
            var text = sp.GetRequiredService<Text>();
            var now = clock.GetUtcNow();
            if (!result.IsSuccess)
            {
                var message = string.Join(" ", result.Failure!.Errors.Select(text.Of));
                await EndAsync(id, j => j.Refuse(message, null, j.Total, now), "imports.notify_refused", ct);
            }
            else if (!result.Value.Succeeded)
            {
                var report = result.Value;
                await EndAsync(id, j => j.Refuse(null, JsonSerializer.Serialize(report.Errors, ImportJobs.ReportJson), report.Rows, now), "imports.notify_refused", ct);
            }
            else
            {
                await EndAsync(id, j => j.Succeed(result.Value.Rows, result.Value.Imported, now), "imports.notify_done", ct);
            }
        }
        finally
        {
            accessor.HttpContext = null;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culturePrevious, uiPrevious);
        }
    }

    /// <summary>Ends the job in a scope of its own (the import's may hold a refused change) and tells its starter.</summary>
    private async Task EndAsync(Guid id, Action<ImportJob> end, string noticeKey, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.IsFinished)
        {
            return;
        }

        end(job);
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([job.UserId], noticeKey, $"/Imports/{id}", ct, job.FileName);
        await db.SaveChangesAsync(ct);
    }

    private async Task CloseSilentAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var silence = sp.GetRequiredService<ImportJobs>().Silence;
        var unfinished = await db.ImportJobs
            .Where(j => j.State == ImportJobState.Queued || j.State == ImportJobState.Running)
            .Select(j => new { j.Id, j.HeartbeatAt })
            .ToListAsync(ct);
        foreach (var j in unfinished.Where(j => now - j.HeartbeatAt > silence))
        {
            await EndAsync(j.Id, job => job.Fail("interrupted", now), "imports.notify_failed", ct);
        }
    }
}
