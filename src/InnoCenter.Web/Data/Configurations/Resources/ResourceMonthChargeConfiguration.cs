using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Resources;

/// <summary>Kept monthly charges per payer; derived data (no audit, no foreign keys), rebuilt from the bookings at will.</summary>
public sealed class ResourceMonthChargeConfiguration : IEntityTypeConfiguration<ResourceMonthCharge>
{
    public void Configure(EntityTypeBuilder<ResourceMonthCharge> b)
    {
        b.ToTable("ResourceMonthCharges");

        // A month's statements are read by (year, month): the key is their index.
        b.HasKey(x => new { x.Year, x.Month, x.PayerOrganizationId });
        b.Property(x => x.PayerName).HasMaxLength(FieldLengths.OrganizationName);

        // A page of the month's list, one payment group at a time in name order, read from the index alone.
        b.HasIndex(x => new { x.Year, x.Month, x.Paid, x.PayerName, x.PayerOrganizationId });
    }
}
