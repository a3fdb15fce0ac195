using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("Applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.CenterName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.LeadName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.KeyArea).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.IndustryDivision).HasMaxLength(8).IsRequired();
        b.Property(x => x.PlanSummary).HasMaxLength(FieldLengths.LongText).IsRequired();
        b.Property(x => x.Goals).HasMaxLength(FieldLengths.LongText).IsRequired();
        b.Property(x => x.PolicyCode).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.DecisionNumber).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.DecisionReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.ApprovalNumber).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.PlaqueNumber).HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => x.ApprovalNumber).IsUnique();
        b.HasIndex(x => x.PlaqueNumber).IsUnique();
        // Covers the stage clocks' rebuild, which reads the versions and stages among the applications (ApplicationStageClocks).
        b.HasIndex(x => new { x.Status, x.StatusChangedAt, x.PolicyCode, x.PolicyVersion });
        // The pipeline lists the latest moves first: in this order a page is read from the index, not sorted.
        b.HasIndex(x => new { x.StatusChangedAt, x.Id }).IsDescending(true, false);
        b.HasIndex(x => x.LeadOrganizationId);
        // The public notices, newest first, read in this order from the index.
        b.HasIndex(x => new { x.NoticeStartsOn, x.Id }).IsDescending(true, false);
        // …and by status first: the public list's count (two statuses) is read from this index alone, and its page sorts
        // index entries instead of visiting every public notice's row.
        b.HasIndex(x => new { x.Status, x.NoticeStartsOn, x.Id }).IsDescending(false, true, false);
        // The pipeline's text search counts its matches by scanning this narrow index instead of the whole table.
        b.HasIndex(x => new { x.CenterName, x.LeadName, x.Status });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ConsortiumMemberConfiguration : IEntityTypeConfiguration<ConsortiumMember>
{
    public void Configure(EntityTypeBuilder<ConsortiumMember> b)
    {
        b.ToTable("ApplicationMembers");
        b.HasKey(x => x.Id);
        // Keys are made by the domain; a new member found through the application's collection is therefore an insert.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Region).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.EquitySharePercent).HasPrecision(9, 4);
        b.HasIndex(x => new { x.ApplicationId, x.OrganizationId }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlannedIndicatorConfiguration : IEntityTypeConfiguration<PlannedIndicator>
{
    public void Configure(EntityTypeBuilder<PlannedIndicator> b)
    {
        b.ToTable("ApplicationIndicators");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(32).IsRequired();
        b.Property(x => x.Figure).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Year1).HasPrecision(18, 4);
        b.Property(x => x.Year2).HasPrecision(18, 4);
        b.Property(x => x.Year3).HasPrecision(18, 4);
    }
}

public sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("ApplicationEvents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.ActorName).HasMaxLength(FieldLengths.Email);
        b.HasIndex(x => new { x.ApplicationId, x.At });
    }
}

public sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("Objections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName).IsRequired();
        b.Property(x => x.Contact).HasMaxLength(FieldLengths.Email).IsRequired();
        b.Property(x => x.Content).HasMaxLength(FieldLengths.LongText).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Resolution).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => new { x.ApplicationId, x.Status });
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Holder).HasMaxLength(200).IsRequired();
    }
}
