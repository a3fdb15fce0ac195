using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Plans;

public sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> b)
    {
        b.ToTable("PlanRevisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.Property(x => x.DecisionNote).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.LastYear);
        // Two proposals racing for one number: the index keeps one, the other is told to reload.
        b.HasIndex(x => new { x.CenterId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.Status, x.ProposedAt });
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
