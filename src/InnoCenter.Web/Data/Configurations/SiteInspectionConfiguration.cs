using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class SiteInspectionConfiguration : IEntityTypeConfiguration<SiteInspection>
{
    public void Configure(EntityTypeBuilder<SiteInspection> b)
    {
        b.ToTable("SiteInspections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.SubjectId).IsUnique();
        b.HasOne<ReviewSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Place).HasMaxLength(FieldLengths.Address).IsRequired();
        b.Property(x => x.Conclusion).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.ConclusionNote).HasMaxLength(FieldLengths.LongText);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class InspectionParticipantConfiguration : IEntityTypeConfiguration<InspectionParticipant>
{
    public void Configure(EntityTypeBuilder<InspectionParticipant> b)
    {
        b.ToTable("InspectionParticipants");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName).IsRequired();
        b.Property(x => x.Affiliation).HasMaxLength(FieldLengths.OrganizationName);
    }
}

public sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> b)
    {
        b.ToTable("InspectionFindings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ItemCode).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.ItemZh).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.ItemEn).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => new { x.InspectionId, x.ItemCode }).IsUnique();
    }
}
