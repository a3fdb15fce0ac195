using InnoCenter.Domain.Common;
using InnoCenter.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Plans;

public sealed class PlanIndicatorConfiguration : IEntityTypeConfiguration<PlanIndicator>
{
    public void Configure(EntityTypeBuilder<PlanIndicator> b)
    {
        b.ToTable("PlanIndicators");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(FieldLengths.Unit).IsRequired();
        b.Property(x => x.Figure).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Year1).HasPrecision(18, 4);
        b.Property(x => x.Year2).HasPrecision(18, 4);
        b.Property(x => x.Year3).HasPrecision(18, 4);
        b.HasIndex(x => new { x.RevisionId, x.Position });
    }
}
