using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Ledger;

/// <summary>Kept record counts per ledger kind and center; derived data (no audit, no foreign keys), rebuilt from the records at will.</summary>
public sealed class LedgerRecordCountConfiguration : IEntityTypeConfiguration<LedgerRecordCount>
{
    public void Configure(EntityTypeBuilder<LedgerRecordCount> b)
    {
        b.ToTable("LedgerRecordCounts");
        b.HasKey(x => new { x.Kind, x.CenterId });
        b.Property(x => x.Kind).HasMaxLength(FieldLengths.Code);
        // A kind's total over all centers summed from the index alone.
        b.HasIndex(x => new { x.Kind, x.Count });
    }
}
