using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ExpertTagConfiguration : IEntityTypeConfiguration<ExpertTag>
{
    public const int KindLength = 16;

    public void Configure(EntityTypeBuilder<ExpertTag> b)
    {
        b.ToTable("ExpertTags");
        // The key is the filter's index: (kind, code) range, the expert ids in order.
        b.HasKey(x => new { x.Kind, x.Code, x.ExpertId });
        b.Property(x => x.Kind).HasMaxLength(KindLength);
        b.Property(x => x.Code).HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => x.ExpertId);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
    }
}
