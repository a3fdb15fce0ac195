namespace InnoCenter.Domain.Policy;

/// <summary>
/// The pack's one rule for "cross-region" (跨区域), which eligibility, the application lists, the center's membership
/// view and the ledger roll-up all ask: a member, a partner or a consortium is cross-region by the same rule everywhere.
/// </summary>
/// <param name="Home">The region whose organisations carry one of the pack's districts; null for a programme without a home city.</param>
/// <param name="CrossCodes">
/// The regions that make a member cross-region; null when the pack has neither a home nor a list, and then a consortium
/// is cross-region when its members sit in more than one region.
/// </param>
public sealed record RegionScope(string? Home, IReadOnlyList<string>? CrossCodes)
{
    public bool IsCrossRegion(string region) => CrossCodes is not null && CrossCodes.Contains(region, StringComparer.Ordinal);

    public bool IsCrossRegionConsortium(IEnumerable<string> memberRegions) =>
        CrossCodes is null ? memberRegions.Distinct(StringComparer.Ordinal).Skip(1).Any() : memberRegions.Any(IsCrossRegion);

    /// <summary>Organisations of the home region name their district (区); others do not.</summary>
    public bool NeedsDistrict(string region) => Home is not null && region == Home;
}
