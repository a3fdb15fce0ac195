using InnoCenter.Domain.Policy;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// A module that works out the value of one of the assessment's quantitative <c>manual</c> indicators from what it
/// keeps (the plan's completion from the construction plan, say), so that the annual report fills it instead of the
/// center typing it. Owned here and implemented by the other module, so the arrow points from it to the assessment.
/// </summary>
public interface IReportPrefill
{
    /// <summary>The indicator codes it fills under a pack version (the cycle's frozen one); none where that version names none.</summary>
    IReadOnlyCollection<string> CodesFor(PolicyPack pack);

    /// <summary>The values per center and code for the year; a center or code left out is not filled (the center enters it).</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ValuesAsync(
        PolicyPack pack, int year, IReadOnlyCollection<Guid> centerIds, CancellationToken ct);
}
