using InnoCenter.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Resources;

/// <summary>Kept yearly availability; derived data (no audit, no foreign keys), recomputed from the resources at will.</summary>
public sealed class ResourceYearAvailabilityConfiguration : IEntityTypeConfiguration<ResourceYearAvailability>
{
    public void Configure(EntityTypeBuilder<ResourceYearAvailability> b)
    {
        b.ToTable("ResourceYearAvailabilities");
        b.HasKey(x => new { x.ResourceId, x.Year });

        // The per-center and per-owner sums of a year.
        b.HasIndex(x => new { x.Year, x.CenterId });
        b.HasIndex(x => new { x.Year, x.OwnerOrganizationId });
    }
}
