using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Centers;

public sealed class CenterConfiguration : IEntityTypeConfiguration<Center>
{
    public void Configure(EntityTypeBuilder<Center> b)
    {
        b.ToTable("Centers");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.ApplicationId).IsUnique();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        // The ledger's center choices (all 1,000 for an Admin, in name order) read from the index alone, without a sort.
        b.HasIndex(x => new { x.Name, x.Id });
        b.Property(x => x.KeyArea).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.ApprovalNumber).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.PlaqueNumber).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.LegalEntityName).HasMaxLength(FieldLengths.OrganizationName);
        b.Property(x => x.LegalEntityCreditCode).HasMaxLength(FieldLengths.CreditCode);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        // The lists' order (latest recognised first, then by name), with and without a status filter.
        b.HasIndex(x => new { x.Status, x.ApprovedOn, x.Name, x.Id }).IsDescending(false, true, false, false);
        b.HasIndex(x => new { x.ApprovedOn, x.Name, x.Id }).IsDescending(true, false, false);
        b.HasIndex(x => x.LeadOrganizationId);
        b.HasIndex(x => x.LegalEntityOrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.LegalEntityOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Memberships).WithOne().HasForeignKey(m => m.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.AllowedNext);
        b.Ignore(x => x.LifeStart);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed class CenterMembershipConfiguration : IEntityTypeConfiguration<CenterMembership>
{
    public void Configure(EntityTypeBuilder<CenterMembership> b)
    {
        b.ToTable("CenterMemberships");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Region).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.EquitySharePercent).HasPrecision(5, 2);
        b.HasIndex(x => new { x.CenterId, x.OrganizationId, x.JoinedOn });
        b.HasIndex(x => new { x.OrganizationId, x.LeftOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CenterStatusChangeConfiguration : IEntityTypeConfiguration<CenterStatusChange>
{
    public void Configure(EntityTypeBuilder<CenterStatusChange> b)
    {
        b.ToTable("CenterStatusChanges");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Basis).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Reference).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.HasIndex(x => new { x.CenterId, x.RecordedAt });
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GovernanceSeatConfiguration : IEntityTypeConfiguration<GovernanceSeat>
{
    public void Configure(EntityTypeBuilder<GovernanceSeat> b)
    {
        b.ToTable("GovernanceSeats");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Body).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.PersonName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        b.Property(x => x.Position).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Affiliation).HasMaxLength(FieldLengths.OrganizationName);
        b.HasIndex(x => new { x.CenterId, x.Body });
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.RepresentedOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
