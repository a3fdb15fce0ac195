using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ReviewSubjectConfiguration : IEntityTypeConfiguration<ReviewSubject>
{
    public void Configure(EntityTypeBuilder<ReviewSubject> b)
    {
        b.ToTable("ReviewSubjects");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => new { x.Kind, x.ReferenceId }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.KeyArea).HasMaxLength(FieldLengths.Code);
        // The list's order (newest year, then newest subject first), read from the index.
        b.HasIndex(x => new { x.Year, x.CreatedAt, x.Id }).IsDescending(true, true, false);
        b.Ignore(x => x.PartyCreditCodes);
        b.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ReviewSubjectPartyConfiguration : IEntityTypeConfiguration<ReviewSubjectParty>
{
    public void Configure(EntityTypeBuilder<ReviewSubjectParty> b)
    {
        b.ToTable("ReviewSubjectParties");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.HasIndex(x => new { x.SubjectId, x.CreditCode }).IsUnique();
        b.HasIndex(x => x.CreditCode);
    }
}

public sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> b)
    {
        b.ToTable("ConflictDeclarations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.HasIndex(x => new { x.SubjectId, x.ExpertId }).IsUnique();
        b.HasOne<ReviewSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ConflictDismissalConfiguration : IEntityTypeConfiguration<ConflictDismissal>
{
    public void Configure(EntityTypeBuilder<ConflictDismissal> b)
    {
        b.ToTable("ConflictDismissals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.HasIndex(x => new { x.SubjectId, x.ExpertId, x.CreditCode }).IsUnique();
        b.HasOne<ReviewSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}
