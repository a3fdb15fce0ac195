using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Ledger.Kinds;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Imports;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The centers' ledgers (台账): ten record kinds, their evidence and import, receipts, and the kept roll-up.</summary>
public static class LedgerRegistration
{
    public static IServiceCollection AddLedgerModule(this IServiceCollection services)
    {
        services.AddScoped<LedgerServices>();
        AddLedgerKind<ProjectLedger>(services);
        AddLedgerKind<IpLedger>(services);
        AddLedgerKind<DealLedger>(services);
        AddLedgerKind<StandardLedger>(services);
        AddLedgerKind<IncubatedLedger>(services);
        AddLedgerKind<TalentLedger>(services);
        AddLedgerKind<StaffLedger>(services);
        AddLedgerKind<TrainingLedger>(services);
        AddLedgerKind<IntlLedger>(services);
        AddLedgerKind<SmeLedger>(services);
        services.AddScoped<LedgerKinds>();
        services.AddSingleton<LedgerTotalsSnapshot>();
        services.AddScoped<LedgerEvidence>();
        services.AddScoped<ReceiptHandlers>();
        services.AddScoped<LedgerRollup>();
        services.AddScoped<LedgerRollupHandlers>();
        services.AddLedgerRollupKeeping();
        services.AddScoped<IKeptFigures, LedgerRecordCountsKeeper>();
        services.AddScoped<IImportTarget, LedgerImportTarget>();
        services.AddWorkbenchSource<LedgerWorkbenchSource>();
        return services;
    }

    /// <summary>A ledger kind serves the API by its type, the pages by its slug, and the file download by its owner type.</summary>
    private static void AddLedgerKind<TKind>(IServiceCollection services)
        where TKind : class, ILedgerKind
    {
        services.AddScoped<TKind>();
        services.AddScoped<ILedgerKind>(sp => sp.GetRequiredService<TKind>());
        services.AddScoped<IAttachmentAccess>(sp => new LedgerAttachmentAccess(sp.GetRequiredService<TKind>()));
    }
}
