using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Ledger;

/// <summary>What every ledger table shares: its key, its center, its year, its version.</summary>
internal static class LedgerTable
{
    public static void Configure<T>(EntityTypeBuilder<T> b, string table)
        where T : LedgerRecord
    {
        b.ToTable(table);
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CenterId, x.Year });
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    /// <summary>
    /// For the kinds listed newest year first (LedgerKind's default order): a list of every center's records reads its
    /// page from this index instead of sorting the table.
    /// </summary>
    public static void ListedByYear<T>(EntityTypeBuilder<T> b)
        where T : LedgerRecord =>
        b.HasIndex(x => new { x.Year, x.CreatedAt, x.Id }).IsDescending(true, true, false);
}

public sealed class RdProjectConfiguration : IEntityTypeConfiguration<RdProject>
{
    public void Configure(EntityTypeBuilder<RdProject> b)
    {
        LedgerTable.Configure(b, "LedgerProjects");
        LedgerTable.ListedByYear(b);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => new { x.StartedOn, x.EndedOn });
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.IsBreakthrough);
    }
}

public sealed class RdProjectParticipantConfiguration : IEntityTypeConfiguration<RdProjectParticipant>
{
    public void Configure(EntityTypeBuilder<RdProjectParticipant> b)
    {
        b.ToTable("LedgerProjectParticipants");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ProjectId, x.OrganizationId }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IpRecordConfiguration : IEntityTypeConfiguration<IpRecord>
{
    public void Configure(EntityTypeBuilder<IpRecord> b)
    {
        LedgerTable.Configure(b, "LedgerIp");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Number).HasMaxLength(FieldLengths.Code).IsRequired();
        b.HasIndex(x => new { x.CenterId, x.Number }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.HasIndex(x => new { x.Kind, x.FilingDate });
        // With the center in it, the roll-up counts a year's grants from the index alone, for one center or all.
        b.HasIndex(x => new { x.Kind, x.GrantDate, x.CenterId });
        // The list's order (newest filing first), read from the index; with the center and kind in it, the yearly
        // roll-up counts a year's filings from the index alone; with the title in it, a search of all centers that walks
        // this order (TextSearch, order first) decides each row from the index without reading the record: 4.6 ms → 0.5 ms
        // for the second page of "检测" among 300,000 records.
        b.HasIndex(x => new { x.FilingDate, x.Number, x.CenterId, x.Kind, x.Title }).IsDescending(true, false, false, false, false);
        b.HasMany(x => x.CoOwners).WithOne().HasForeignKey(o => o.IpRecordId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.CoOwners).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class IpCoOwnerConfiguration : IEntityTypeConfiguration<IpCoOwner>
{
    public void Configure(EntityTypeBuilder<IpCoOwner> b)
    {
        b.ToTable("LedgerIpCoOwners");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.IpRecordId, x.OrganizationId }).IsUnique();
        b.Property(x => x.SharePercent).HasPrecision(5, 2);
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TransferDealConfiguration : IEntityTypeConfiguration<TransferDeal>
{
    public void Configure(EntityTypeBuilder<TransferDeal> b)
    {
        LedgerTable.Configure(b, "LedgerDeals");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.ContractNumber).HasMaxLength(FieldLengths.Code);
        // One contract is one deal in a center; deals from before the number was asked for (null) are not compared.
        b.HasIndex(x => new { x.CenterId, x.ContractNumber }).IsUnique();
        b.HasIndex(x => x.CounterpartyOrganizationId);
        // The list's order (newest signature first), read from the index.
        b.HasIndex(x => new { x.SignedOn, x.Id }).IsDescending(true, false);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.CounterpartyOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Ips).WithOne().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Ips).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class DealIpConfiguration : IEntityTypeConfiguration<DealIp>
{
    public void Configure(EntityTypeBuilder<DealIp> b)
    {
        b.ToTable("LedgerDealIps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.DealId, x.IpRecordId }).IsUnique();
        b.HasIndex(x => x.IpRecordId);
        b.HasOne<IpRecord>().WithMany().HasForeignKey(x => x.IpRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DealReceiptConfiguration : IEntityTypeConfiguration<DealReceipt>
{
    public void Configure(EntityTypeBuilder<DealReceipt> b)
    {
        b.ToTable("LedgerReceipts");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Note).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => new { x.DealId, x.ReceivedOn });
        b.HasIndex(x => new { x.CenterId, x.Year });
        b.HasOne<TransferDeal>().WithMany().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Shares).WithOne().HasForeignKey(s => s.ReceiptId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Shares).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class RevenueShareConfiguration : IEntityTypeConfiguration<RevenueShare>
{
    public void Configure(EntityTypeBuilder<RevenueShare> b)
    {
        b.ToTable("LedgerRevenueShares");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ReceiptId, x.OrganizationId }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.CenterId, x.Year });
        b.Property(x => x.SharePercent).HasPrecision(7, 4);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StandardRecordConfiguration : IEntityTypeConfiguration<StandardRecord>
{
    public void Configure(EntityTypeBuilder<StandardRecord> b)
    {
        LedgerTable.Configure(b, "LedgerStandards");
        LedgerTable.ListedByYear(b);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Number).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(FieldLengths.Code);
    }
}

public sealed class IncubatedEnterpriseConfiguration : IEntityTypeConfiguration<IncubatedEnterprise>
{
    public void Configure(EntityTypeBuilder<IncubatedEnterprise> b)
    {
        LedgerTable.Configure(b, "LedgerIncubated");
        LedgerTable.ListedByYear(b);
        b.Property(x => x.Name).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode).IsRequired();
        b.HasIndex(x => new { x.CenterId, x.CreditCode }).IsUnique();
    }
}

public sealed class TalentRecordConfiguration : IEntityTypeConfiguration<TalentRecord>
{
    public void Configure(EntityTypeBuilder<TalentRecord> b)
    {
        LedgerTable.Configure(b, "LedgerTalent");
        LedgerTable.ListedByYear(b);
        b.Property(x => x.Category).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Description).HasMaxLength(FieldLengths.Reason);
    }
}

public sealed class StaffYearConfiguration : IEntityTypeConfiguration<StaffYear>
{
    public void Configure(EntityTypeBuilder<StaffYear> b)
    {
        b.ToTable("LedgerStaff");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CenterId, x.Year }).IsUnique();
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        LedgerTable.Configure(b, "LedgerTraining");
        LedgerTable.ListedByYear(b);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
    }
}

public sealed class IntlCooperationConfiguration : IEntityTypeConfiguration<IntlCooperation>
{
    public void Configure(EntityTypeBuilder<IntlCooperation> b)
    {
        LedgerTable.Configure(b, "LedgerIntl");
        LedgerTable.ListedByYear(b);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Partner).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.Country).HasMaxLength(2).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
    }
}

public sealed class SmeServiceConfiguration : IEntityTypeConfiguration<SmeService>
{
    public void Configure(EntityTypeBuilder<SmeService> b)
    {
        LedgerTable.Configure(b, "LedgerSmeServices");
        LedgerTable.ListedByYear(b);
        b.Property(x => x.EnterpriseName).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.EnterpriseCreditCode).HasMaxLength(FieldLengths.CreditCode);
        b.Property(x => x.EnterpriseKey).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Description).HasMaxLength(FieldLengths.Reason);
    }
}
