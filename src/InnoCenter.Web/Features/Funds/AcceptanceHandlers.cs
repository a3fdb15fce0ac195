using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// 验收: an Admin asks for the self-evaluation, the center's staff report each target with evidence and submit, an
/// Admin records the verdicts. Each step is one transaction on the grant's version, with a mail to whoever waits next.
/// </summary>
public sealed class AcceptanceHandlers(
    AppDbContext db, FundsAccess access, PolicyProvider policy, PolicyVersions versions, GrantHandlers grants, Attachments attachments,
    Text text, TimeProvider clock)
{
    private static bool En => LocalizationSetup.IsEnglish;

    public async Task<Result<EvaluationDto>> GetAsync(Guid grantId, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: false, ct);
        return found.IsSuccess ? await ToDtoAsync(found.Value, ct) : found.Failure!;
    }

    /// <summary>要求提交绩效自评: an Admin; the center's staff get a mail and a workbench entry.</summary>
    public async Task<Result<EvaluationDto>> RequestAsync(Guid grantId, int? version, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var found = await LoadAsync(grantId, version, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var done = found.Value.RequestEvaluation(clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        await grants.NotifyCenterAsync("funds.notify.evaluation_requested", found.Value, ct);
        return await SaveAsync(found.Value, ct);
    }

    /// <summary>One target's actual value, comment and further evidence files; the center's own staff only.</summary>
    public async Task<Result<EvaluationDto>> ReportTargetAsync(
        Guid grantId, Guid targetId, decimal? actual, string? comment, IReadOnlyList<IFormFile> evidence, int? version, CancellationToken ct)
    {
        var found = await LoadAsync(grantId, version, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        if (!await access.OwnsCenterAsync(grant.CenterId, ct))
        {
            return Failure.Forbidden("funds.center_only");
        }

        var reported = grant.ReportTarget(targetId, actual, comment);
        if (!reported.IsSuccess)
        {
            return reported.Failure!;
        }

        var existing = await db.StoredFiles.CountAsync(f => f.OwnerType == FundsAccess.TargetOwner && f.OwnerId == targetId && f.IsCurrent, ct);
        for (var i = 0; i < evidence.Count; i++)
        {
            var staged = await attachments.StageAsync(FundsAccess.TargetOwner, targetId, $"evidence-{existing + i + 1}", evidence[i], ct, "evidence");
            if (!staged.IsSuccess)
            {
                return staged.Failure!;
            }
        }

        return await SaveAsync(grant, ct);
    }

    /// <summary>提交: every target reported with evidence, counted by the database; the Admins get a mail and a workbench entry.</summary>
    public async Task<Result<EvaluationDto>> SubmitAsync(Guid grantId, int? version, CancellationToken ct)
    {
        var found = await LoadAsync(grantId, version, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        if (!await access.OwnsCenterAsync(grant.CenterId, ct))
        {
            return Failure.Forbidden("funds.center_only");
        }

        var targetIds = grant.Targets.Select(t => t.Id).ToList();
        var evidence = await db.StoredFiles.AsNoTracking()
            .Where(f => f.OwnerType == FundsAccess.TargetOwner && targetIds.Contains(f.OwnerId) && f.IsCurrent)
            .GroupBy(f => f.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var hasGrantEvidence = await db.StoredFiles.AnyAsync(
            f => f.OwnerType == FundsAccess.GrantOwner && f.OwnerId == grantId && f.Slot == "acceptance" && f.IsCurrent, ct);
        var done = grant.SubmitEvaluation(evidence, hasGrantEvidence, access.UserId, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        await grants.NotifyOtherAdminsAsync("funds.notify.evaluation_submitted", grant, ct);
        return await SaveAsync(grant, ct);
    }

    /// <summary>验收结论: an Admin, after the submission; the grant is accepted and the center told.</summary>
    public async Task<Result<EvaluationDto>> DecideAsync(Guid grantId, VerdictRequest? r, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var found = await LoadAsync(grantId, r?.Version, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        var verdicts = await VerdictsAsync(grant, ct);
        var byTarget = (r?.Targets ?? []).GroupBy(t => t.TargetId).ToDictionary(g => g.Key, g => g.First().Verdict);
        var done = grant.RecordVerdict(r?.Verdict, byTarget, r?.Reason, verdicts, access.UserId, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        await grants.NotifyCenterAsync("funds.notify.evaluation_decided", grant, ct);
        return await SaveAsync(grant, ct);
    }

    private async Task<Result<Grant>> LoadAsync(Guid grantId, int? version, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        if (version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        return version == found.Value.Version ? found.Value : Failure.Conflict(VersionedSave.ConcurrencyCode);
    }

    /// <summary>The verdicts of the grant's own pack version; one stored before acceptance existed has none, so the pack in force names them.</summary>
    private async Task<IReadOnlyList<CodeItem>> VerdictsAsync(Grant grant, CancellationToken ct)
    {
        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        return pack.Funds.Verdicts.Count > 0 ? pack.Funds.Verdicts : policy.Current.Funds.Verdicts;
    }

    private async Task<Result<EvaluationDto>> SaveAsync(Grant grant, CancellationToken ct)
    {
        // A target's value is a change of the grant: its version moves, so two people filing at once cannot both win.
        db.Entry(grant).State = EntityState.Modified;
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await ToDtoAsync(grant, ct);
    }

    private async Task<EvaluationDto> ToDtoAsync(Grant g, CancellationToken ct)
    {
        var pack = await versions.ForCaseAsync(g.PolicyCode, g.PolicyVersion, ct);
        var verdicts = await VerdictsAsync(g, ct);
        var targetIds = g.Targets.Select(t => t.Id).ToList();
        var files = (await db.StoredFiles.AsNoTracking()
                .Where(f => f.OwnerType == FundsAccess.TargetOwner && targetIds.Contains(f.OwnerId) && f.IsCurrent).OrderBy(f => f.UploadedAt)
                .Select(f => new { f.OwnerId, Dto = new VoucherDto(f.Id, f.OriginalName, f.Kind, f.Size) }).ToListAsync(ct))
            .ToLookup(x => x.OwnerId, x => x.Dto);
        var center = await db.Centers.AsNoTracking().Where(c => c.Id == g.CenterId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var indicators = pack.Assessment.IndicatorSystem.Indicators;
        var owns = !access.IsAdmin && await access.OwnsCenterAsync(g.CenterId, ct);
        var running = g.Status == GrantStatus.InExecution;
        var targets = g.Targets.Select(t => new EvaluationTargetDto(
            t.Id, t.Indicator, indicators.FirstOrDefault(i => i.Code == t.Indicator)?.Label(En) ?? t.Indicator, t.TargetValue, t.ActualValue, t.Comment,
            t.Verdict, t.Verdict is null ? null : verdicts.LabelOf(t.Verdict, En), files[t.Id].ToList())).ToList();
        return new EvaluationDto(
            g.Id, g.Title, center, g.Status.ToString(), text[$"funds.status.{g.Status}"], g.Version, g.EvaluationRequestedAt, g.EvaluationSubmittedAt,
            g.Verdict, g.Verdict is null ? null : verdicts.LabelOf(g.Verdict, En), g.VerdictAt,
            access.IsAdmin && running && g.EvaluationRequestedAt is null && !g.EvaluationSubmitted,
            owns && running && !g.EvaluationSubmitted,
            access.IsAdmin && running && g.EvaluationSubmitted,
            targets,
            verdicts.Select(v => new VerdictOption(v.Code, v.Label(En))).ToList());
    }
}
