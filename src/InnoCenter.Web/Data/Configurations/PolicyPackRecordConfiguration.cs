using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class PolicyPackRecordConfiguration : IEntityTypeConfiguration<PolicyPackRecord>
{
    public void Configure(EntityTypeBuilder<PolicyPackRecord> b)
    {
        b.ToTable("PolicyPacks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(FieldLengths.Code).IsRequired();
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        b.Property(x => x.Json).IsRequired();
    }
}
