using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>
/// The one way a pack version is stored and applied, for a release's pack file at start, an Admin's edit of a section,
/// and the assessment weights: the pack's own validation first (errors name the JSON path), a new version number
/// (the highest stored plus one, so a file's number never clashes with an Admin's edit), and an audited record.
/// </summary>
public sealed class PolicyStore(AppDbContext db, PolicyProvider policy, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new(PolicyProvider.JsonOptions)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Stores <paramref name="json"/> as a new proposed version of its code; refused when it does not parse or validate, or equals a stored version.</summary>
    public async Task<Result<PolicyPackRecord>> ProposeAsync(string json, PolicySource source, string? actor, string? note, CancellationToken ct)
    {
        var parsed = TryParse(json);
        if (!parsed.IsSuccess)
        {
            return parsed.Failure!;
        }

        var pack = parsed.Value;
        var problems = pack.Validate();
        if (problems.Count > 0)
        {
            return Failure.Validation(problems);
        }

        var hash = PolicyProvider.ContentHash(pack);
        if (await db.PolicyPacks.AnyAsync(p => p.Code == pack.Code && p.ContentHash == hash, ct))
        {
            return Failure.Conflict("policy.unchanged", "json");
        }

        var next = (await db.PolicyPacks.Where(p => p.Code == pack.Code).MaxAsync(p => (int?)p.Version, ct) ?? 0) + 1;
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        node["version"] = next;
        var record = new PolicyPackRecord
        {
            Code = pack.Code,
            Version = next,
            Json = node.ToJsonString(Indented),
            ContentHash = hash,
            Source = source,
            LoadedAt = clock.GetUtcNow(),
            ProposedBy = actor,
            Note = note,
        };
        db.PolicyPacks.Add(record);
        return record;
    }

    /// <summary>
    /// Applies a stored version from a day (today or later). A version of the same code scheduled after that day is
    /// unscheduled, so an older edit can never come back into force over this one.
    /// </summary>
    public async Task<Result<PolicyPackRecord>> ApplyAsync(PolicyPackRecord record, DateOnly from, string? actor, CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        if (from < today)
        {
            return Failure.Validation(new Error("policy.effective_in_past", "effectiveFrom", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (record.AppliedAt is not null && record.EffectiveFrom <= today)
        {
            return Failure.Conflict("policy.already_applied", "id", record.Version);
        }

        foreach (var later in await db.PolicyPacks.Where(p => p.Code == record.Code && p.Id != record.Id && p.AppliedAt != null && p.EffectiveFrom > from).ToListAsync(ct))
        {
            later.AppliedAt = null;
            later.AppliedBy = null;
            later.EffectiveFrom = null;
        }

        record.AppliedAt = clock.GetUtcNow();
        record.AppliedBy = actor;
        record.EffectiveFrom = from;
        return record;
    }

    /// <summary>Replaces one top-level section of a pack's JSON; what the section holds is checked by the pack's validation.</summary>
    public static Result<string> WithSection(string packJson, string section, string sectionJson)
    {
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(sectionJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return Failure.Validation(new Error("policy.json_invalid", section, Where(ex)));
        }

        var node = JsonNode.Parse(packJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        node[section] = value;
        return node.ToJsonString(Indented);
    }

    /// <summary>A section of a pack's JSON, indented, for an editor.</summary>
    public static string Section(string packJson, string section)
    {
        var node = JsonNode.Parse(packJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        return node[section]?.ToJsonString(Indented) ?? "null";
    }

    /// <summary>Makes a version the one in force on this node at once (other nodes follow within seconds).</summary>
    public void ActivateHere(PolicyPackRecord record)
    {
        if (record.Code == policy.Code && record.EffectiveFrom <= clock.TodayInBeijing())
        {
            policy.Activate(PolicyProvider.Parse(record.Json), record.Id);
        }
    }

    public static Result<PolicyPack> TryParse(string json)
    {
        try
        {
            return PolicyProvider.Parse(json);
        }
        catch (JsonException ex)
        {
            return Failure.Validation(new Error("policy.json_invalid", ex.Path is { Length: > 0 } p ? p.TrimStart('$', '.') : "json", Where(ex)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            return Failure.Validation(new Error("policy.json_invalid", "json", ex.Message));
        }
    }

    private static string Where(JsonException ex) =>
        ex.LineNumber is { } line ? $"{ex.Path} (line {line + 1})" : ex.Path ?? string.Empty;
}
