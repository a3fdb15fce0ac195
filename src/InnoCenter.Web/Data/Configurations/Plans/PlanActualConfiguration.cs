using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Plans;

public sealed class PlanActualConfiguration : IEntityTypeConfiguration<PlanActual>
{
    public void Configure(EntityTypeBuilder<PlanActual> b)
    {
        b.ToTable("PlanActuals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.IndicatorName).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Evidence).HasMaxLength(FieldLengths.LongText).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CenterId, x.Year, x.IndicatorName }).IsUnique();
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
    }
}
