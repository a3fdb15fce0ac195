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
        b.Property(x => x.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ProposedBy).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.AppliedBy).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => new { x.Code, x.EffectiveFrom });
    }
}
