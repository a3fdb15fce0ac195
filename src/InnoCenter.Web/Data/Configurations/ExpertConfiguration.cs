using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("Experts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName).IsRequired();
        b.HasIndex(x => x.Name);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.AffiliationCreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.HasIndex(x => x.AffiliationCreditCode);
        b.Property(x => x.AffiliationName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.PrimitiveCollection(x => x.Domains).IsRequired();
        b.PrimitiveCollection(x => x.KeyAreas).IsRequired();
        b.Property(x => x.Expertise).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Phone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.Email).HasMaxLength(FieldLengths.Email);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.IsActive);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.PastAffiliations).WithOne().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.PastAffiliations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ExpertAffiliationConfiguration : IEntityTypeConfiguration<ExpertAffiliation>
{
    public void Configure(EntityTypeBuilder<ExpertAffiliation> b)
    {
        b.ToTable("ExpertAffiliations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.Property(x => x.OrganizationName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.HasIndex(x => x.CreditCode);
    }
}
