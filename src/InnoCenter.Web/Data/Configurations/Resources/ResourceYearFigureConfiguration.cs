using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Resources;

/// <summary>Kept yearly sums of bookings; derived data (no audit, no foreign keys), rebuilt from the bookings at will.</summary>
public sealed class ResourceYearFigureConfiguration : IEntityTypeConfiguration<ResourceYearFigure>
{
    public void Configure(EntityTypeBuilder<ResourceYearFigure> b)
    {
        b.ToTable("ResourceYearFigures");
        b.HasKey(x => new { x.ResourceId, x.OwnerOrganizationId, x.Year });

        // The all-centers and one-center reads of a year.
        b.HasIndex(x => new { x.Year, x.CenterId });
        b.HasIndex(x => new { x.Year, x.OwnerOrganizationId });

        // A page's resources summed over their rows of the year: without it SQLite reads the year by another index.
        b.HasIndex(x => new { x.Year, x.ResourceId });

        // The page of all resources' figures (the statement page), most used first, then by name: read in order from here.
        b.Property(x => x.ResourceName).HasMaxLength(FieldLengths.Title).IsRequired();
        b.HasIndex(x => new { x.Year, x.Lead, x.ResourceUsedMinutes, x.ResourceName, x.ResourceId })
            .IsDescending(false, false, true, false, false);
    }
}
