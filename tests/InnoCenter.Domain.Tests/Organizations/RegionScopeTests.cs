using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Organizations;

/// <summary>One cross-region rule (跨区域), read from the pack: the same answer for eligibility, lists, membership and the ledger.</summary>
public sealed class RegionScopeTests
{
    [Fact]
    public void Tianjin_counts_Beijing_and_Hebei_as_cross_region_and_nothing_else()
    {
        var scope = TestPacks.Tianjin.RegionScope;

        Assert.Equal("Tianjin", scope.Home);
        Assert.True(scope.IsCrossRegion("Beijing"));
        Assert.True(scope.IsCrossRegion("Hebei"));
        // 京津冀 is the plan's cross-region: a Shanghai partner is welcome but does not make the consortium 京津冀.
        Assert.False(scope.IsCrossRegion("OtherProvince"));
        Assert.False(scope.IsCrossRegion("Tianjin"));
        Assert.True(scope.IsCrossRegionConsortium(["Tianjin", "Tianjin", "Hebei"]));
        Assert.False(scope.IsCrossRegionConsortium(["Tianjin", "OtherProvince"]));
        Assert.True(scope.NeedsDistrict("Tianjin"));
        Assert.False(scope.NeedsDistrict("Beijing"));
    }

    [Fact]
    public void The_national_pack_has_no_home_and_calls_a_consortium_over_two_regions_cross_region()
    {
        var scope = TestPacks.National.RegionScope;

        Assert.Null(scope.Home);
        Assert.False(scope.NeedsDistrict("Beijing"));
        Assert.True(scope.IsCrossRegionConsortium(["Beijing", "Hebei"]));
        Assert.False(scope.IsCrossRegionConsortium(["Beijing", "Beijing"]));
    }

    [Fact]
    public void An_empty_cross_region_list_with_a_home_means_every_other_region()
    {
        var scope = (TestPacks.Tianjin with { CrossRegions = [] }).RegionScope;

        Assert.True(scope.IsCrossRegion("OtherProvince"));
        Assert.True(scope.IsCrossRegion("Abroad"));
        Assert.False(scope.IsCrossRegion("Tianjin"));
    }

    [Fact]
    public void A_version_stored_before_the_setting_reads_its_list_from_the_ledger_section_and_its_home_from_the_first_region()
    {
        var old = TestPacks.Tianjin with { HomeRegion = null, CrossRegions = null, Ledger = TestPacks.Tianjin.Ledger with { CrossRegionCodes = ["Beijing", "Hebei"] } };

        Assert.Equal("Tianjin", old.RegionScope.Home);
        Assert.Equal(["Beijing", "Hebei"], old.RegionScope.CrossCodes);
    }

    [Fact]
    public void A_pack_naming_regions_it_does_not_list_is_refused_with_the_field()
    {
        var bad = TestPacks.Tianjin with { HomeRegion = "Shanghai", CrossRegions = ["Beijing", "Jiangsu"] };
        var noHome = TestPacks.Tianjin with { HomeRegion = null };

        var errors = bad.Validate();

        Assert.Contains(errors, e => e.Field == "homeRegion" && e.Code == "policy.unknown_code");
        Assert.Contains(errors, e => e.Field == "crossRegions[1]");
        Assert.DoesNotContain(errors, e => e.Field == "crossRegions[0]");
        // Districts belong to a home region: a pack with districts and no home cannot say whose they are.
        Assert.Contains(noHome.Validate(), e => e.Field == "homeRegion" && e.Code == "validation.required");
        Assert.Empty(TestPacks.Tianjin.Validate());
        Assert.Empty(TestPacks.National.Validate());
    }
}
