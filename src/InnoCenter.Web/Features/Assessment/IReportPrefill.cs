using InnoCenter.Domain.Policy;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// A module that fills part of the annual report from what it keeps, so that the center does not type it. Two ways,
/// one seam: values of the assessment's quantitative <c>manual</c> indicators (the plan's completion from the
/// construction plan), and figures beside the ledger's roll-up that a pack's source names (the Funds module's
/// <c>funds.*</c> figures behind <c>{ "funds": "execution_rate" }</c>). Owned here and implemented by the other module,
/// so the arrow points from it to the assessment, and the assessment knows no module that fills it.
/// </summary>
public interface IReportPrefill
{
    /// <summary>The indicator codes it fills under a pack version (the cycle's frozen one); none where that version names none.</summary>
    IReadOnlyCollection<string> CodesFor(PolicyPack pack);

    /// <summary>The values per center and code for the year; a center or code left out is not filled (the center enters it).</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ValuesAsync(
        PolicyPack pack, int year, IReadOnlyCollection<Guid> centerIds, CancellationToken ct);

    /// <summary>The figure keys it adds to a report's figures; none by default.</summary>
    IReadOnlyCollection<string> FigureKeys => [];

    /// <summary>Its figures per center for the year (every center when <paramref name="centerId"/> is null); none by default.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> FiguresAsync(int year, Guid? centerId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>>(new Dictionary<Guid, IReadOnlyDictionary<string, decimal>>());
}
