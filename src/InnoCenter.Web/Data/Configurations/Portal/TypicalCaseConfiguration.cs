using InnoCenter.Domain.Common;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Portal;

public sealed class TypicalCaseConfiguration : IEntityTypeConfiguration<TypicalCase>
{
    public void Configure(EntityTypeBuilder<TypicalCase> b)
    {
        b.ToTable("PortalCases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.PublicTitle).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.PublicSummary).HasMaxLength(PortalLengths.Summary);
        b.Property(x => x.PublicTask).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.WithdrawnReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The public list (by task, newest first) and the home page's featured cases read these.
        b.HasIndex(x => new { x.Status, x.PublishedAt });
        b.HasIndex(x => new { x.Status, x.PublicTask, x.PublishedAt });
        b.HasIndex(x => new { x.CenterId, x.CreatedAt });
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.Latest);
        b.Ignore(x => x.PublishedVersion);
        b.Ignore(x => x.IsPublic);
    }
}

public sealed class TypicalCaseVersionConfiguration : IEntityTypeConfiguration<TypicalCaseVersion>
{
    public void Configure(EntityTypeBuilder<TypicalCaseVersion> b)
    {
        b.ToTable("PortalCaseVersions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CaseId, x.Number }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Summary).HasMaxLength(PortalLengths.Summary).IsRequired();
        b.Property(x => x.Body).HasMaxLength(PortalLengths.Body).IsRequired();
        b.Property(x => x.BodyHtml).IsRequired();
        b.Property(x => x.Task).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Evidence);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => x.Status);
        b.Property(x => x.Remarks).HasMaxLength(FieldLengths.Reason);
        b.Ignore(x => x.IsEditable);
    }
}

public sealed class PortalDocumentConfiguration : IEntityTypeConfiguration<PortalDocument>
{
    public void Configure(EntityTypeBuilder<PortalDocument> b)
    {
        b.ToTable("PortalDocuments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.IndexNumber).HasMaxLength(PortalLengths.IndexNumber).IsRequired();
        b.HasIndex(x => x.IndexNumber).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.DocumentNumber).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Publisher).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.Body).HasMaxLength(PortalLengths.Body).IsRequired();
        b.Property(x => x.BodyHtml).IsRequired();
        b.HasIndex(x => x.PublishedAt);
        b.Property(x => x.WithdrawnReason).HasMaxLength(FieldLengths.Reason);
        b.Ignore(x => x.IsWithdrawn);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> b)
    {
        b.ToTable("PortalInquiries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Subject).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Question).HasMaxLength(PortalLengths.Question).IsRequired();
        b.Property(x => x.AskerName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        b.Property(x => x.AskerEmail).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.Answer).HasMaxLength(PortalLengths.Question);
        b.HasIndex(x => new { x.IsPublic, x.AnsweredAt });
        b.HasIndex(x => new { x.AnsweredAt, x.DueOn });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsAnswered);
    }
}
