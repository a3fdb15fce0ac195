using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Assessment;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// The Funds module's part of the annual report, through the assessment's one seam: the year's fund figures
/// (<see cref="FundFigureKeys"/>) beside the ledger's roll-up, which a pack's <c>{ "funds": "execution_rate" }</c>
/// source scores, as it did when the assessment read them itself. It fills no manual indicator.
/// </summary>
public sealed class FundsReportPrefill(FundYearFigures figures) : IReportPrefill
{
    public IReadOnlyCollection<string> CodesFor(PolicyPack pack) => [];

    public Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ValuesAsync(
        PolicyPack pack, int year, IReadOnlyCollection<Guid> centerIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>>(new Dictionary<Guid, IReadOnlyDictionary<string, decimal>>());

    public IReadOnlyCollection<string> FigureKeys => FundFigureKeys.Ordered;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> FiguresAsync(int year, Guid? centerId, CancellationToken ct) =>
        centerId is { } id
            ? new Dictionary<Guid, IReadOnlyDictionary<string, decimal>> { [id] = await figures.ForCenterYearAsync(id, year, ct) }
            : await figures.ForYearAsync(year, ct);
}
