using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations.Funds;

public sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> b)
    {
        b.ToTable("FundGrants");
        b.HasKey(x => x.Id);
        // The domain makes its ids, so a record reached through a navigation is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.DocumentNumber).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Source).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Form).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.PolicyCode).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Verdict).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CenterId, x.PeriodFrom });
        b.HasIndex(x => new { x.Status, x.PeriodTo });
        // The Admins' workbench counts the grants whose self-evaluation waits for a verdict from the index alone.
        b.HasIndex(x => new { x.Status, x.EvaluationSubmittedAt });
        b.HasOne<Center>().WithMany().HasForeignKey(x => x.CenterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Targets).WithOne().HasForeignKey(t => t.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Changes).WithOne().HasForeignKey(c => c.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.IsClosed);
        b.Ignore(x => x.EvaluationSubmitted);
    }
}

public sealed class GrantLineConfiguration : IEntityTypeConfiguration<GrantLine>
{
    public void Configure(EntityTypeBuilder<GrantLine> b)
    {
        b.ToTable("FundGrantLines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Category).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasIndex(x => new { x.GrantId, x.Category }).IsUnique();
        b.HasMany(x => x.Shares).WithOne().HasForeignKey(s => s.LineId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Shares).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class GrantLineShareConfiguration : IEntityTypeConfiguration<GrantLineShare>
{
    public void Configure(EntityTypeBuilder<GrantLineShare> b)
    {
        b.ToTable("FundGrantLineShares");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Source).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasIndex(x => new { x.LineId, x.Source }).IsUnique();
        b.HasIndex(x => new { x.GrantId, x.Source });
    }
}

public sealed class GrantTargetConfiguration : IEntityTypeConfiguration<GrantTarget>
{
    public void Configure(EntityTypeBuilder<GrantTarget> b)
    {
        b.ToTable("FundGrantTargets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Indicator).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.TargetValue).HasPrecision(18, 4);
        b.Property(x => x.ActualValue).HasPrecision(18, 4);
        b.Property(x => x.Comment).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Verdict).HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => x.GrantId);
    }
}

public sealed class GrantEventConfiguration : IEntityTypeConfiguration<GrantEvent>
{
    public void Configure(EntityTypeBuilder<GrantEvent> b)
    {
        b.ToTable("FundGrantEvents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => new { x.GrantId, x.At });
    }
}

public sealed class GrantChangeConfiguration : IEntityTypeConfiguration<GrantChange>
{
    public void Configure(EntityTypeBuilder<GrantChange> b)
    {
        b.ToTable("FundGrantChanges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.Property(x => x.DecisionReason).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => new { x.Status, x.RequestedAt });
        b.HasIndex(x => x.GrantId);
    }
}

public sealed class TrancheConfiguration : IEntityTypeConfiguration<Tranche>
{
    public void Configure(EntityTypeBuilder<Tranche> b)
    {
        b.ToTable("FundTranches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.GrantId, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.Status, x.PlannedOn });
        b.HasOne<Grant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FundReceiptConfiguration : IEntityTypeConfiguration<FundReceipt>
{
    public void Configure(EntityTypeBuilder<FundReceipt> b)
    {
        b.ToTable("FundReceipts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Source).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => new { x.GrantId, x.Source, x.ReceivedOn });
        b.HasIndex(x => new { x.ReceivedOn, x.Source, x.AmountFen });
        b.HasIndex(x => x.TrancheId).IsUnique();
        b.HasOne<Grant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ClawbackConfiguration : IEntityTypeConfiguration<Clawback>
{
    public void Configure(EntityTypeBuilder<Clawback> b)
    {
        b.ToTable("FundClawbacks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.GrantId, x.SettledOn });
        b.HasOne<Grant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ExpenditureConfiguration : IEntityTypeConfiguration<Expenditure>
{
    public void Configure(EntityTypeBuilder<Expenditure> b)
    {
        b.ToTable("FundExpenditures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Category).HasMaxLength(FieldLengths.Code).IsRequired();
        b.Property(x => x.Payee).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(x => x.Purpose).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        // One reversal per entry, however many clients try at once.
        b.HasIndex(x => x.ReversesId).IsUnique();
        b.HasIndex(x => new { x.GrantId, x.LineId, x.SpentOn });
        b.HasIndex(x => new { x.CenterId, x.SpentOn });

        // Lists of a period across grants and the dashboard's sums per year and category read this index alone.
        b.HasIndex(x => new { x.SpentOn, x.Category, x.AmountFen });
        b.HasOne<Grant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GrantLine>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Restrict);
    }
}
