using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerType).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Slot).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(8).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
        b.Property(x => x.OriginalName).HasMaxLength(FieldLengths.FileName).IsRequired();
        b.HasIndex(x => new { x.OwnerType, x.OwnerId, x.Slot, x.Version }).IsUnique();
    }
}
