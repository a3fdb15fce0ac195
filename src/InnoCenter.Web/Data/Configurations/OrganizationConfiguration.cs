using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.HasKey(x => x.Id);
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.HasIndex(x => x.Name);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Region).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.DistrictCode).HasMaxLength(FieldLengths.DistrictCode);
        // The list filters by type, region and district and pages in name order: with the order in the index a page
        // is read from the index, instead of sorting every match of the filter on each request.
        b.HasIndex(x => new { x.Type, x.Region, x.DistrictCode, x.Name, x.Id });
        b.HasIndex(x => new { x.Type, x.Region, x.Name, x.Id });
        b.Property(x => x.Address).HasMaxLength(FieldLengths.Address);
        b.Property(x => x.ContactName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ContactPhone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
