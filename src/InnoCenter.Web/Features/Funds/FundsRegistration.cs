using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Funds;

public static class FundsRegistration
{
    public static IServiceCollection AddFundsModule(this IServiceCollection services)
    {
        services.AddScoped<FundsAccess>();
        services.AddScoped<FundFigures>();
        services.AddScoped<IKeptFigures, FundTotalsKeeper>();
        services.AddScoped<IKeptFigures, FundGrantSumsKeeper>();
        services.AddKeptFigures();
        services.AddScoped<FundYearFigures>();
        services.AddScoped<Assessment.IReportPrefill, FundsReportPrefill>();
        services.AddScoped<FundWarnings>();
        services.AddScoped<FundWarningSweep>();
        services.AddScoped<FundWarningBoard>();
        services.AddHostedService<FundWarningJob>();
        services.AddScoped<GrantHandlers>();
        services.AddScoped<TrancheHandlers>();
        services.AddScoped<ExpenditureHandlers>();
        services.AddScoped<ExpenditureImport>();
        services.AddScoped<AcceptanceHandlers>();
        services.AddScoped<FundsExport>();
        services.AddScoped<FundsDashboard>();
        services.AddScoped<FundsDocuments>();
        services.AddScoped<FundsSheetExport>();
        foreach (var owner in new[] { FundsAccess.GrantOwner, FundsAccess.ReceiptOwner, FundsAccess.ExpenditureOwner, FundsAccess.TargetOwner })
        {
            services.AddScoped<IAttachmentAccess>(sp => new FundsAttachmentAccess(sp.GetRequiredService<AppDbContext>(), owner));
        }

        services.AddWorkbenchSource<FundsWorkbenchSource>();
        return services;
    }
}
