using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Funds;

/// <summary>Kept yearly totals of receipts and expenditures; derived data (no audit, no foreign keys), rebuilt from the entries at will.</summary>
public sealed class FundYearTotalConfiguration : IEntityTypeConfiguration<FundYearTotal>
{
    public void Configure(EntityTypeBuilder<FundYearTotal> b)
    {
        b.ToTable("FundYearTotals");
        b.HasKey(x => new { x.Year, x.Kind, x.Code });
        b.Property(x => x.Kind).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Code).HasMaxLength(FieldLengths.Code);
    }
}
