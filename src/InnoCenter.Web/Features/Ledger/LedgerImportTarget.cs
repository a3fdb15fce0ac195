using InnoCenter.Domain.Common;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The ledger's kinds as background imports: job kind <c>ledger:{slug}</c>, scope the center.</summary>
public sealed class LedgerImportTarget(LedgerKinds kinds, CenterAccess access, Text text) : IImportTarget
{
    public const string KindPrefix = "ledger:";

    public string Prefix => KindPrefix;

    public static string KindOf(ILedgerKind kind) => KindPrefix + kind.Slug;

    public async Task<Result<bool>> CanStartAsync(string kind, Guid? scopeId, CancellationToken ct)
    {
        if (Find(kind) is null || scopeId is not { } centerId)
        {
            return Failure.NotFound();
        }

        return await access.CanEditAsync(centerId, ct) ? Result<bool>.Ok(true) : Failure.Forbidden("ledger.edit_forbidden");
    }

    public async Task<Result<ImportReport>> RunAsync(string kind, Guid? scopeId, Stream content, ImportProgress progress, CancellationToken ct)
    {
        if (Find(kind) is not { } ledgerKind || scopeId is not { } centerId)
        {
            return Failure.NotFound();
        }

        return await ledgerKind.ImportAsync(centerId, content, ct, progress);
    }

    public string Title(string kind) => Find(kind) is { } k ? text["ledger.import_title", text[k.TitleKey]] : kind;

    public string? Link(string kind, Guid? scopeId) => Find(kind) is { } k ? $"/Ledger/{k.Slug}?centerId={scopeId}" : null;

    private ILedgerKind? Find(string kind) => kind.StartsWith(KindPrefix, StringComparison.Ordinal) ? kinds.Find(kind[KindPrefix.Length..]) : null;
}
