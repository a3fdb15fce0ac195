using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> b)
    {
        b.ToTable("ScoreSheets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // One sheet per seat: a second submission, even a concurrent one, is refused by the database too.
        b.HasIndex(x => x.PanelMemberId).IsUnique();
        b.HasIndex(x => x.PanelId);
        b.HasOne<PanelMember>().WithMany().HasForeignKey(x => x.PanelMemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Comment).HasMaxLength(FieldLengths.LongText).IsRequired();
        b.Property(x => x.Recommendation).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Ignore(x => x.Total);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ScoreItemConfiguration : IEntityTypeConfiguration<ScoreItem>
{
    public void Configure(EntityTypeBuilder<ScoreItem> b)
    {
        b.ToTable("ScoreItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CriterionCode).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Points).HasPrecision(9, 2);
        b.HasIndex(x => new { x.SheetId, x.CriterionCode }).IsUnique();
    }
}
