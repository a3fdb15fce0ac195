using System.Globalization;
using System.Text.Json;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Imports;

/// <summary>
/// Starts background imports and tells where they stand. Starting checks who may import what where, the file's size
/// and type — all before anything is kept — then keeps the upload with the job and hands it to this node's runner.
/// </summary>
public sealed class ImportJobs(
    AppDbContext db, CurrentUser user, IEnumerable<IImportTarget> targets, ImportQueue queue, Attachments attachments,
    TimeProvider clock, Text text, IConfiguration config)
{
    internal static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    /// <summary>An import whose node has said nothing for this long was cut off (the node stopped); it wrote nothing.</summary>
    public TimeSpan Silence => TimeSpan.FromMinutes(config.GetValue("Imports:StaleMinutes", 10));

    public IImportTarget? TargetOf(string kind) => targets.FirstOrDefault(t => kind.StartsWith(t.Prefix, StringComparison.Ordinal));

    public async Task<Result<ImportJobDto>> StartAsync(string kind, Guid? scopeId, IFormFile? file, CancellationToken ct)
    {
        if (user.Id is not { } userId || TargetOf(kind) is not { } target)
        {
            return Failure.NotFound();
        }

        var allowed = await target.CanStartAsync(kind, scopeId, ct);
        if (!allowed.IsSuccess)
        {
            return allowed.Failure!;
        }

        if (file is null || file.Length == 0)
        {
            return Failure.Validation(new Error("file.empty", "file"));
        }

        if (file.Length > attachments.MaxBytes)
        {
            return Failure.Validation(new Error("file.too_large", "file", attachments.MaxBytes / (1024 * 1024)));
        }

        await using var stream = file.OpenReadStream();
        if (FileTypes.Detect(stream) != FileTypes.Xlsx)
        {
            return Failure.Validation(new Error("imports.not_xlsx", "file"));
        }

        stream.Position = 0;
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer, ct);
        var job = ImportJob.Queue(kind, scopeId, userId, CultureInfo.CurrentUICulture.Name, Path.GetFileName(file.FileName),
            buffer.ToArray(), JobLeases.Me, clock.GetUtcNow());
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return Dto(job);
    }

    /// <summary>One import, for the person who started it or an Admin; to anyone else it does not exist.</summary>
    public async Task<Result<ImportJobDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || (job.UserId != user.Id && !user.IsAdmin))
        {
            return Failure.NotFound();
        }

        return Dto(job);
    }

    private ImportJobDto Dto(ImportJob job)
    {
        var target = TargetOf(job.Kind);
        var stale = job.IsStale(clock.GetUtcNow(), Silence);
        var errors = job.ReportJson is { } json
            ? JsonSerializer.Deserialize<List<ImportRowError>>(json, ReportJson) ?? []
            : [];
        var percent = job.State == ImportJobState.Succeeded ? 100 : job.Total == 0 ? 0 : (int)(100L * job.Processed / job.Total);
        return new ImportJobDto(
            job.Id, job.Kind, target?.Title(job.Kind) ?? job.Kind, job.FileName,
            stale ? ImportJobState.Failed : job.State, job.Total, job.Processed, job.Imported, percent,
            stale || job.State == ImportJobState.Failed ? text["imports.interrupted"] : job.Message, errors, job.CreatedAt, job.StartedAt, job.FinishedAt,
            target?.Link(job.Kind, job.ScopeId));
    }
}
