using System.Text.Json;
using System.Text.Json.Nodes;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Policy;

/// <summary>
/// The policy pack as data that Admins edit (DESIGN §2): read the version in force and any stored one, propose a new
/// version (a section at a time, or a whole pack) that the pack's own validation checks, compare two versions, and
/// apply one from a day. A proposal changes nothing until it is applied; a case keeps the version it began under.
/// </summary>
public sealed class PolicyHandlers(AppDbContext db, PolicyProvider policy, PolicyStore store, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The pack's top-level sections an Admin edits one at a time (everything but its code and version).</summary>
    public IReadOnlyList<string> Sections(string json) =>
        JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Where(k => k is not ("code" or "version")).ToList();

    public async Task<Result<PolicyVersionDto>> InForceAsync(CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var id = policy.CurrentRecordId;
        var record = await db.PolicyPacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? await PolicyVersions.InForce(db.PolicyPacks.AsNoTracking(), policy.Current.Code, clock.TodayInBeijing()).FirstOrDefaultAsync(ct);
        return record is null ? Failure.NotFound() : await DtoAsync(record, ct);
    }

    public async Task<Result<IReadOnlyList<PolicyVersionRow>>> ListAsync(string? code, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var q = db.PolicyPacks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(code))
        {
            q = q.Where(p => p.Code == code.Trim());
        }

        // The table holds a handful of versions per code; they are listed whole, newest first.
        var records = await q.OrderBy(p => p.Code).ThenByDescending(p => p.Version).ToListAsync(ct);
        var inForce = await PolicyVersions.InForceIdsAsync(db, clock, ct);
        return records.Select(r => Row(r, inForce)).ToList();
    }

    public async Task<Result<PolicyVersionDto>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var record = await db.PolicyPacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return record is null ? Failure.NotFound() : await DtoAsync(record, ct);
    }

    public async Task<Result<PolicyVersionRow>> ProposeAsync(ProposePolicyRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var errors = new List<Error>();
        if (request.BaseVersion is null)
        {
            errors.Add(new Error("validation.required", "baseVersion"));
        }

        if (string.IsNullOrWhiteSpace(request.Json))
        {
            errors.Add(new Error("validation.required", "json"));
        }

        if (string.IsNullOrWhiteSpace(request.Note))
        {
            errors.Add(new Error("validation.required", "note"));
        }
        else if (request.Note.Length > FieldLengths.Reason)
        {
            errors.Add(new Error("validation.max_length", "note", FieldLengths.Reason));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var current = policy.Current;
        if (request.BaseVersion != current.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var json = request.Json!;
        if (!string.IsNullOrWhiteSpace(request.Section))
        {
            var baseJson = await db.PolicyPacks.AsNoTracking().Where(p => p.Code == current.Code && p.Version == current.Version).Select(p => p.Json).FirstOrDefaultAsync(ct)
                ?? JsonSerializer.Serialize(current, PolicyProvider.JsonOptions);
            var section = request.Section.Trim();
            if (!Sections(baseJson).Contains(section) || section is "code" or "version")
            {
                return Failure.Validation(new Error("policy.unknown_section", "section", section));
            }

            var merged = PolicyStore.WithSection(baseJson, section, json);
            if (!merged.IsSuccess)
            {
                return merged.Failure!;
            }

            json = merged.Value;
        }
        else if (PolicyStore.TryParse(json) is { IsSuccess: true } whole && whole.Value.Code != current.Code)
        {
            return Failure.Validation(new Error("policy.other_code", "json.code", whole.Value.Code, current.Code));
        }

        var proposed = await store.ProposeAsync(json, PolicySource.Admin, user.Name, request.Note!.Trim(), ct);
        if (!proposed.IsSuccess)
        {
            return proposed.Failure!;
        }

        return await SaveAsync(proposed.Value, ct);
    }

    public async Task<Result<PolicyVersionRow>> ApplyAsync(Guid id, ApplyPolicyRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (request.EffectiveFrom is not { } from)
        {
            return Failure.Validation(new Error("validation.required", "effectiveFrom"));
        }

        var record = await db.PolicyPacks.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return Failure.NotFound();
        }

        var applied = await store.ApplyAsync(record, from, user.Name, ct);
        if (!applied.IsSuccess)
        {
            return applied.Failure!;
        }

        var saved = await SaveAsync(record, ct);
        if (saved.IsSuccess)
        {
            store.ActivateHere(record);
        }

        return saved;
    }

    /// <summary>The lines that differ between two versions, with three lines around each change; the JSON of both is laid out alike first, so only content shows.</summary>
    public async Task<Result<PolicyDiffDto>> DiffAsync(Guid fromId, Guid toId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var pair = await db.PolicyPacks.AsNoTracking().Where(p => p.Id == fromId || p.Id == toId).ToListAsync(ct);
        var from = pair.FirstOrDefault(p => p.Id == fromId);
        var to = pair.FirstOrDefault(p => p.Id == toId);
        if (from is null || to is null)
        {
            return Failure.NotFound();
        }

        var model = InlineDiffBuilder.Diff(Layout(from.Json), Layout(to.Json), ignoreWhiteSpace: false);
        var lines = new List<PolicyDiffLine>();
        int fromLine = 0, toLine = 0;
        var all = model.Lines.Select(l =>
        {
            var kind = l.Type switch { ChangeType.Inserted => "inserted", ChangeType.Deleted => "deleted", _ => "unchanged" };
            int? f = kind == "inserted" ? null : ++fromLine;
            int? t = kind == "deleted" ? null : ++toLine;
            return new PolicyDiffLine(kind, f, t, l.Text);
        }).ToList();
        var keep = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Kind != "unchanged")
            {
                for (var j = Math.Max(0, i - 3); j <= Math.Min(all.Count - 1, i + 3); j++)
                {
                    keep[j] = true;
                }
            }
        }

        for (var i = 0; i < all.Count; i++)
        {
            if (keep[i])
            {
                lines.Add(all[i]);
            }
            else if (i > 0 && keep[i - 1])
            {
                lines.Add(new PolicyDiffLine("skipped", null, null, "…"));
            }
        }

        var inForce = await PolicyVersions.InForceIdsAsync(db, clock, ct);
        return new PolicyDiffDto(Row(from, inForce), Row(to, inForce), lines,
            all.Count(l => l.Kind == "inserted"), all.Count(l => l.Kind == "deleted"));
    }

    private static string Layout(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.ToJsonString(Indented);

    private async Task<Result<PolicyVersionRow>> SaveAsync(PolicyPackRecord record, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            if (await db.PolicyPacks.AsNoTracking().AnyAsync(p => p.Code == record.Code && p.Version == record.Version && p.Id != record.Id, ct))
            {
                // Another Admin stored a version with the same number at the same moment; theirs was kept.
                return Failure.Conflict(VersionedSave.ConcurrencyCode);
            }

            throw;
        }

        return Row(record, await PolicyVersions.InForceIdsAsync(db, clock, ct));
    }

    private async Task<PolicyVersionDto> DtoAsync(PolicyPackRecord record, CancellationToken ct) =>
        new(Row(record, await PolicyVersions.InForceIdsAsync(db, clock, ct)), record.Json);

    private PolicyVersionRow Row(PolicyPackRecord r, HashSet<Guid> inForce) =>
        new(r.Id, r.Code, r.Version, StateOf(r, inForce), r.Source.ToString(), r.LoadedAt, r.ProposedBy, r.Note, r.AppliedAt, r.AppliedBy, r.EffectiveFrom);

    private PolicyVersionState StateOf(PolicyPackRecord r, HashSet<Guid> inForce) =>
        inForce.Contains(r.Id) ? PolicyVersionState.InForce
        : r.AppliedAt is null ? PolicyVersionState.Proposed
        : r.EffectiveFrom > clock.TodayInBeijing() ? PolicyVersionState.Scheduled
        : PolicyVersionState.Superseded;
}
