using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Experts;

/// <summary>The expert pool's import as a background job (kind <c>experts</c>): an Admin's, thousands of rows at a time.</summary>
public sealed class ExpertImportTarget(ExpertImport import, CurrentUser user, Text text) : IImportTarget
{
    public const string Kind = "experts";

    public string Prefix => Kind;

    public Task<Result<bool>> CanStartAsync(string kind, Guid? scopeId, CancellationToken ct) =>
        Task.FromResult(kind == Kind ? (user.IsAdmin ? Result<bool>.Ok(true) : Failure.Forbidden()) : (Result<bool>)Failure.NotFound());

    public Task<Result<ImportReport>> RunAsync(string kind, Guid? scopeId, Stream content, ImportProgress progress, CancellationToken ct) =>
        import.ImportAsync(content, ct, progress);

    public string Title(string kind) => text["experts.import"];

    public string? Link(string kind, Guid? scopeId) => "/Experts";
}
