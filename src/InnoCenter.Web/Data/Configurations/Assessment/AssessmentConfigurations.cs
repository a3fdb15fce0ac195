using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Assessment;

public sealed class AssessmentCycleConfiguration : IEntityTypeConfiguration<AssessmentCycle>
{
    public void Configure(EntityTypeBuilder<AssessmentCycle> b)
    {
        b.ToTable("AssessmentCycles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // One cycle per year: the index refuses a second one even when two Admins open it at the same moment.
        b.HasIndex(x => x.Year).IsUnique();
        b.Property(x => x.PolicyCode).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.RulesJson).IsRequired();
        b.Property(x => x.ExclusionsJson).IsRequired();
        b.Property(x => x.DeadlineChangesJson).IsRequired().HasDefaultValue("[]");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Rules);
        b.Ignore(x => x.Exclusions);
        b.Ignore(x => x.DeadlineChanges);
        b.Ignore(x => x.IsPublished);
        b.Ignore(x => x.AcceptsFiling);
    }
}

public sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("AnnualReports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CycleId, x.CenterId }).IsUnique();
        b.HasIndex(x => new { x.CenterId, x.Year });
        b.HasIndex(x => new { x.CycleId, x.Status });
        b.HasOne<AssessmentCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.ReturnReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsEditable);
        b.HasMany(x => x.Values).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ReportValueConfiguration : IEntityTypeConfiguration<ReportValue>
{
    public void Configure(EntityTypeBuilder<ReportValue> b)
    {
        b.ToTable("AnnualReportValues");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ReportId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.LedgerValue).HasPrecision(20, 6);
        b.Property(x => x.Value).HasPrecision(20, 6);
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason);
        b.Ignore(x => x.IsCorrected);
    }
}

public sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable("AssessmentResults");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CycleId, x.CenterId }).IsUnique();
        b.HasIndex(x => new { x.CenterId, x.Year });
        b.HasIndex(x => x.ReportId).IsUnique();
        b.HasOne<AssessmentCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AnnualReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Total).HasPrecision(7, 4);
        b.Property(x => x.Grade).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.DetailJson).IsRequired();
        b.Ignore(x => x.Detail);
        b.Ignore(x => x.IsPublished);
    }
}

/// <summary>The kept statistics of a cycle, one row per scored cycle (derived from its results, not audited).</summary>
public sealed class CycleStatisticsConfiguration : IEntityTypeConfiguration<CycleStatistics>
{
    public void Configure(EntityTypeBuilder<CycleStatistics> b)
    {
        b.ToTable("AssessmentCycleStatistics");
        b.HasKey(x => x.CycleId);
        b.Property(x => x.CycleId).ValueGeneratedNever();
        b.Property(x => x.FiguresJson).IsRequired();
        b.Ignore(x => x.Figures);
        b.HasOne<AssessmentCycle>().WithOne().HasForeignKey<CycleStatistics>(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssessmentDecisionConfiguration : IEntityTypeConfiguration<AssessmentDecision>
{
    public void Configure(EntityTypeBuilder<AssessmentDecision> b)
    {
        b.ToTable("AssessmentDecisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CycleId, x.CenterId }).IsUnique();
        b.HasIndex(x => new { x.CenterId, x.Year });
        b.HasOne<AssessmentCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Grade).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.StandingAfter).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.PolicyCode).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Ignore(x => x.RemovesTitle);
    }
}
