using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Infrastructure.Imports;

/// <summary>Called as an import goes through its rows, with how many are done of how many.</summary>
public delegate Task ImportProgress(int done, int total, CancellationToken ct);

/// <summary>
/// Something a spreadsheet can be imported into in the background (a kind of the ledger, say). The runner calls it in a
/// scope signed in as the person who started the import, in their language, so its checks and its audit rows are theirs.
/// </summary>
public interface IImportTarget
{
    /// <summary>The start of the job kinds this target runs, e.g. <c>ledger:</c>.</summary>
    string Prefix { get; }

    /// <summary>Whether the signed-in user may import this kind into this scope, checked before the upload is kept.</summary>
    Task<Result<bool>> CanStartAsync(string kind, Guid? scopeId, CancellationToken ct);

    Task<Result<ImportReport>> RunAsync(string kind, Guid? scopeId, Stream content, ImportProgress progress, CancellationToken ct);

    /// <summary>The localised name of what is imported, for the job's page.</summary>
    string Title(string kind);

    /// <summary>Where the imported records are listed.</summary>
    string? Link(string kind, Guid? scopeId);
}
