using InnoCenter.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Ledger;

public sealed class LedgerRollupRowConfiguration : IEntityTypeConfiguration<LedgerRollupRow>
{
    /// <summary>Longest raw figure name (<c>family/detail/value</c>).</summary>
    public const int FigureLength = 64;

    public void Configure(EntityTypeBuilder<LedgerRollupRow> b)
    {
        b.ToTable("LedgerRollupRows");
        b.HasKey(x => new { x.CenterId, x.Year, x.Figure });
        b.Property(x => x.Figure).HasMaxLength(FigureLength);

        // The all-centers read takes one year's rows and the running rows up to it.
        b.HasIndex(x => new { x.Year, x.Running });
        b.HasIndex(x => new { x.Running, x.Year });
    }
}
