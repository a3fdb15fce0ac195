using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ReviewPanelConfiguration : IEntityTypeConfiguration<ReviewPanel>
{
    public void Configure(EntityTypeBuilder<ReviewPanel> b)
    {
        b.ToTable("ReviewPanels");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.SubjectId).IsUnique();
        b.HasOne<ReviewSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.QuotasJson).IsRequired();
        b.Property(x => x.FormJson).IsRequired();
        b.Property(x => x.AggregationJson).IsRequired();
        b.Property(x => x.Opinion).HasMaxLength(FieldLengths.LongText);
        b.Property(x => x.OpinionRecommendation).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ActiveMembers);
        b.Ignore(x => x.Leader);
        b.Ignore(x => x.Vacancies);
        b.Ignore(x => x.Quotas);
        b.Ignore(x => x.Form);
        b.Ignore(x => x.Aggregation);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.PanelId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Draws).WithOne().HasForeignKey(d => d.PanelId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Draws).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> b)
    {
        b.ToTable("PanelMembers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.PanelId, x.ExpertId }).IsUnique();
        b.HasIndex(x => new { x.ExpertId, x.Status });
        // A panel's seats still taken are counted from the index alone (the Admins' workbench asks it of every open subject).
        b.HasIndex(x => new { x.PanelId, x.Status });
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.DeclineReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.RemovedReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsActive);
    }
}

public sealed class PanelDrawRecordConfiguration : IEntityTypeConfiguration<PanelDrawRecord>
{
    public void Configure(EntityTypeBuilder<PanelDrawRecord> b)
    {
        b.ToTable("PanelDraws");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Seed).HasMaxLength(16).IsRequired();
        b.Property(x => x.Algorithm).HasMaxLength(FieldLengths.Code).IsRequired();
        b.HasOne<ExpertPoolSnapshot>().WithMany().HasForeignKey(x => x.PoolSnapshotId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PoolSnapshotId);
        b.Property(x => x.SnapshotSha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.Drawn).IsRequired();
        b.Ignore(x => x.DrawnIds);
    }
}

public sealed class ExpertPoolSnapshotConfiguration : IEntityTypeConfiguration<ExpertPoolSnapshot>
{
    public void Configure(EntityTypeBuilder<ExpertPoolSnapshot> b)
    {
        b.ToTable("ExpertPoolSnapshots");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Format).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.Sha256).IsUnique();
        b.Property(x => x.Content).IsRequired();
        b.Ignore(x => x.Intact);
    }
}
