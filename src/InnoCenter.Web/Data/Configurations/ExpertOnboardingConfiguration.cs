using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ExpertInvitationConfiguration : IEntityTypeConfiguration<ExpertInvitation>
{
    public void Configure(EntityTypeBuilder<ExpertInvitation> b)
    {
        b.ToTable("ExpertInvitations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ExpertId).IsUnique();
        b.Property(x => x.Email).HasMaxLength(FieldLengths.Email).IsRequired();
        b.Property(x => x.Culture).HasMaxLength(FieldLengths.Culture).IsRequired();
        b.Property(x => x.TokenHash).HasMaxLength(FieldLengths.Code).IsRequired();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => new { x.Status, x.ExpiresAt });
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed class ExpertStandingConflictConfiguration : IEntityTypeConfiguration<ExpertStandingConflict>
{
    public void Configure(EntityTypeBuilder<ExpertStandingConflict> b)
    {
        b.ToTable("ExpertStandingConflicts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.Property(x => x.OrganizationName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.HasIndex(x => new { x.ExpertId, x.CreditCode }).IsUnique();
        b.HasIndex(x => x.CreditCode);
    }
}

public sealed class ExpertAffiliationChangeConfiguration : IEntityTypeConfiguration<ExpertAffiliationChange>
{
    public void Configure(EntityTypeBuilder<ExpertAffiliationChange> b)
    {
        b.ToTable("ExpertAffiliationChanges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.Property(x => x.OrganizationName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.PastJson).HasMaxLength(FieldLengths.LongText).IsRequired();
        b.Property(x => x.Note).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.DecisionReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => new { x.ExpertId, x.Status });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Past);
    }
}
