using InnoCenter.Domain.Common;
using InnoCenter.Domain.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Portal;

public sealed class PortalDocumentRevisionConfiguration : IEntityTypeConfiguration<PortalDocumentRevision>
{
    public void Configure(EntityTypeBuilder<PortalDocumentRevision> b)
    {
        b.ToTable("PortalDocumentRevisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<PortalDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.DocumentNumber).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Publisher).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.Body).HasMaxLength(PortalLengths.Body).IsRequired();
        b.Property(x => x.BodyHtml).IsRequired();
    }
}
