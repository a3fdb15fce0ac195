using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("ImportJobs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Culture).HasMaxLength(FieldLengths.Culture).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(FieldLengths.FileName).IsRequired();
        b.Property(x => x.Node).HasMaxLength(200).IsRequired();
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Message).HasMaxLength(ImportJob.MaxMessageLength);
        b.Ignore(x => x.IsFinished);
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasIndex(x => new { x.State, x.Node });
    }
}
