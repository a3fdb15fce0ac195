using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Resources;

public sealed class StatementPaymentConfiguration : IEntityTypeConfiguration<StatementPayment>
{
    public void Configure(EntityTypeBuilder<StatementPayment> b)
    {
        b.ToTable("ResourceStatementPayments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();

        // One payment record per statement: two first recordings racing end in a unique violation, answered 409.
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.Month }).IsUnique();
        b.HasIndex(x => new { x.Year, x.Month, x.Status });
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Reference).HasMaxLength(FieldLengths.TokenName);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
