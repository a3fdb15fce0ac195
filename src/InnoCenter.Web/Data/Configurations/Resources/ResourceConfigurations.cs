using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Resources;

public sealed class ResearchResourceConfiguration : IEntityTypeConfiguration<ResearchResource>
{
    public void Configure(EntityTypeBuilder<ResearchResource> b)
    {
        b.ToTable("ResearchResources");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Category).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Model).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Location).HasMaxLength(FieldLengths.Address);
        b.Property(x => x.Description).HasMaxLength(FieldLengths.LongText);
        b.Property(x => x.OpeningHoursText).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.Property(x => x.FeeUnit).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.MemberFee).HasPrecision(18, 2);
        b.Property(x => x.OutsideFee).HasPrecision(18, 2);
        b.Property(x => x.SmeFee).HasPrecision(18, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.OpeningHours);
        b.HasIndex(x => new { x.CenterId, x.Category });
        b.HasIndex(x => x.OwnerOrganizationId);
        b.HasIndex(x => new { x.Category, x.Name, x.Id });

        // The free-slot search's candidates of a category in id order, with their hours, read from the index alone (the
        // first 500 of the 1,500 instruments at national, without visiting or sorting the rows).
        b.HasIndex(x => new { x.Category, x.Id, x.IsRetired, x.OpeningHoursText });
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResourceBlackoutConfiguration : IEntityTypeConfiguration<ResourceBlackout>
{
    public void Configure(EntityTypeBuilder<ResourceBlackout> b)
    {
        b.ToTable("ResourceBlackouts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.HasIndex(x => new { x.ResourceId, x.Starts });
        b.HasOne<ResearchResource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResourceTrainingConfiguration : IEntityTypeConfiguration<ResourceTraining>
{
    public void Configure(EntityTypeBuilder<ResourceTraining> b)
    {
        b.ToTable("ResourceTrainings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ResourceId, x.UserId }).IsUnique();
        b.HasOne<ResearchResource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrganizationSmeStatusConfiguration : IEntityTypeConfiguration<OrganizationSmeStatus>
{
    public void Configure(EntityTypeBuilder<OrganizationSmeStatus> b)
    {
        b.ToTable("ResourceSmeStatuses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.OrganizationId).IsUnique();
        b.Property(x => x.Industry).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.AnnualRevenue).HasPrecision(18, 2);
        b.Property(x => x.RejectionReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Bookings. The rule that no two active bookings of a resource overlap lives in the database, not here: the migration
/// adds an exclusion constraint (PostgreSQL) or two triggers (SQLite), both named <see cref="OverlapConstraint"/>.
/// </summary>
public sealed class ResourceBookingConfiguration : IEntityTypeConfiguration<ResourceBooking>
{
    public const string OverlapConstraint = "resource_booking_overlap";

    public void Configure(EntityTypeBuilder<ResourceBooking> b)
    {
        b.ToTable("ResourceBookings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.BookerKind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Rate).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.FeeUnit).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.UnitFee).HasPrecision(18, 2);
        b.Property(x => x.Charge).HasPrecision(18, 2);
        b.Property(x => x.Purpose).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.DecisionReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.BookedFee);
        b.HasIndex(x => new { x.ResourceId, x.Starts });
        b.HasIndex(x => new { x.BookerUserId, x.Starts });
        b.HasIndex(x => new { x.BookerOrganizationId, x.Starts });
        b.HasIndex(x => new { x.CenterId, x.Status });
        b.HasIndex(x => new { x.OwnerOrganizationId, x.Status });
        b.HasIndex(x => x.SeriesId);

        // The approval queue (pending, by start) and a month's statements (charged states, by start) across all centers.
        b.HasIndex(x => new { x.Status, x.Starts });
        b.HasOne<ResearchResource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResourceFeedTokenConfiguration : IEntityTypeConfiguration<ResourceFeedToken>
{
    public void Configure(EntityTypeBuilder<ResourceFeedToken> b)
    {
        b.ToTable("ResourceFeedTokens");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.UserId, x.ResourceId });
    }
}
