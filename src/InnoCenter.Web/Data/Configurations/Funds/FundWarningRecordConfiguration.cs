using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Funds;

public sealed class FundWarningRecordConfiguration : IEntityTypeConfiguration<FundWarningRecord>
{
    public void Configure(EntityTypeBuilder<FundWarningRecord> b)
    {
        b.ToTable("FundWarnings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.SubjectZh).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.SubjectEn).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Figure).HasPrecision(18, 2);
        b.Property(x => x.MessageZh).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.Property(x => x.MessageEn).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.Property(x => x.FollowUp).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
        b.Property(x => x.CenterName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.GrantTitle).HasMaxLength(FieldLengths.Title).IsRequired();
        // The board reads open warnings, all or of a kind, in its order from this index alone (no sort of every open
        // warning joined to its grant and center); the sweep reads every open one.
        b.HasIndex(x => new { x.ResolvedAt, x.Kind, x.CenterName, x.GrantTitle, x.Id });
        b.HasIndex(x => x.GrantId);
        b.HasOne<Grant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
    }
}
