using InnoCenter.Domain.Common;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// The roll-up as callers outside the module read it, each read checking who asks: one center's figures for an Admin
/// or that center's own users, all centers' figures for an Admin only. <see cref="LedgerRollup"/> itself computes
/// without asking, for the module's own admin-only flows (assessment, dashboard) that have checked already.
/// </summary>
public sealed class LedgerRollupHandlers(LedgerRollup rollup, CenterAccess access)
{
    public async Task<Result<IReadOnlyDictionary<string, decimal>>> CenterYearAsync(Guid centerId, int year, CancellationToken ct)
    {
        if (!access.IsAdmin && !await access.CanEditAsync(centerId, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        if (LedgerRollup.CheckYear(year) is { } bad)
        {
            return Failure.Validation(bad);
        }

        return Result<IReadOnlyDictionary<string, decimal>>.Ok(await rollup.ForCenterYearAsync(centerId, year, ct));
    }

    public async Task<Result<PagedResult<CenterYearRollup>>> AllCentersAsync(int year, int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (LedgerRollup.CheckYear(year) is { } bad)
        {
            return Failure.Validation(bad);
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        return await rollup.PageForYearAsync(year, p, size, ct);
    }
}
