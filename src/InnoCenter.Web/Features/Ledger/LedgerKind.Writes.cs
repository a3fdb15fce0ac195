using System.Text.Json;
using System.Text.Json.Nodes;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>Create, edit and delete of every ledger kind: the center's editors only, a stale version a 409, nothing half-saved.</summary>
public abstract partial class LedgerKind<TEntity, TRequest>
    where TEntity : LedgerRecord
    where TRequest : LedgerRequest
{
    public async Task<Result<LedgerItem>> CreateAsync(TRequest r, CancellationToken ct)
    {
        if (r.CenterId is not { } centerId)
        {
            return Failure.Validation(new Error("validation.required", "centerId"));
        }

        if (!await S.Access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        var scope = await ScopeAsync(centerId, ct);
        var built = await BuildAsync(scope, r, ct);
        if (!built.IsSuccess)
        {
            return built.Failure!;
        }

        Db.Add(built.Value);
        return await SaveThenGetAsync(built.Value.Id, ct);
    }

    public async Task<Result<LedgerItem>> UpdateAsync(Guid id, TRequest r, CancellationToken ct)
    {
        var visible = await VisibleCenterOfAsync(id, ct);
        if (visible is not { } centerId)
        {
            return Failure.NotFound("ledger.not_found");
        }

        if (!await S.Access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        if (r.CenterId is { } requested && requested != centerId)
        {
            return Failure.Validation(new Error("ledger.center_immutable", "centerId"));
        }

        if (r.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        var record = await Records.FirstAsync(x => x.Id == id, ct);
        if (record.Version != r.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var applied = await ApplyAsync(await ScopeAsync(centerId, ct), record, r, ct);
        if (!applied.IsSuccess)
        {
            return applied.Failure!;
        }

        return await SaveThenGetAsync(id, ct);
    }

    public async Task<Result<LedgerItem>> SaveValuesAsync(
        Guid? id, Guid centerId, int? version, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        var errors = new List<Error>();
        var request = (TRequest)(RequestFrom(values, errors) with { CenterId = centerId, Version = version });
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return id is { } existing ? await UpdateAsync(existing, request, ct) : await CreateAsync(request, ct);
    }

    /// <summary>Deletes a record read at <paramref name="version"/>; a record changed since then is a 409, never a lost update.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid id, int? version, CancellationToken ct)
    {
        var visible = await VisibleCenterOfAsync(id, ct);
        if (visible is not { } centerId)
        {
            return Failure.NotFound("ledger.not_found");
        }

        if (!await S.Access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        if (version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        var record = await Records.FirstAsync(x => x.Id == id, ct);
        if (record.Version != version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        if (await RefuseDeleteAsync(record, ct) is { } refused)
        {
            return refused;
        }

        Removing(record);
        Db.Remove(record);
        if (await Db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return true;
    }

    protected TRequest RequestFrom(IReadOnlyDictionary<string, object?> values, List<Error> errors)
    {
        var json = FieldCodec.ToJson(Fields, values, errors);
        try
        {
            return json.Deserialize<TRequest>(RequestJson) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            errors.Add(new Error("request.invalid"));
            return new JsonObject().Deserialize<TRequest>(RequestJson)!;
        }
    }

    protected async Task<LedgerScope> ScopeAsync(Guid centerId, CancellationToken ct)
    {
        var center = await Db.Centers.AsNoTracking().Include(c => c.Memberships).FirstAsync(c => c.Id == centerId, ct);
        return new LedgerScope(center, S.Access.Today);
    }

    private async Task<Result<LedgerItem>> SaveThenGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            if (await Db.SaveVersionedAsync(ct) is { } lost)
            {
                return lost;
            }
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A unique index caught what the checks could not see: another writer saved the same key first.
            return Failure.Conflict("ledger.duplicate");
        }

        Db.ChangeTracker.Clear();
        return await GetAsync(id, ct);
    }
}
