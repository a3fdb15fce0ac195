using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Funds;

/// <summary>Kept figures per grant; derived data (no audit, no foreign keys), rebuilt from the entries at will.</summary>
public sealed class FundGrantSumConfiguration : IEntityTypeConfiguration<FundGrantSum>
{
    public void Configure(EntityTypeBuilder<FundGrantSum> b)
    {
        b.ToTable("FundGrantSums");
        b.HasKey(x => new { x.GrantId, x.Kind, x.Code });
        b.Property(x => x.Kind).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Code).HasMaxLength(FieldLengths.Code);
    }
}
