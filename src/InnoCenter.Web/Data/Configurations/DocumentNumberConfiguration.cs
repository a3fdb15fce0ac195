using InnoCenter.Domain.Common;
using InnoCenter.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class DocumentNumberConfiguration : IEntityTypeConfiguration<DocumentNumber>
{
    public void Configure(EntityTypeBuilder<DocumentNumber> b)
    {
        b.ToTable("DocumentNumbers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(40).IsRequired();
        b.Property(x => x.Series).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Number).HasMaxLength(FieldLengths.Code).IsRequired();

        // One number per document, one document per serial, and one number string however the patterns overlap.
        b.HasIndex(x => new { x.Kind, x.SubjectId }).IsUnique();
        b.HasIndex(x => new { x.Series, x.Year, x.Serial }).IsUnique();
        b.HasIndex(x => x.Number).IsUnique();
    }
}
