using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Features.Audit;
using InnoCenter.Web.Features.Dashboard;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Features.Imports;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Features.Ledger.Kinds;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Features.Policy;
using InnoCenter.Web.Features.Files;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Features.Notifications;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Features.Users;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Audit;
using InnoCenter.Web.Infrastructure.Backup;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Mail;
using InnoCenter.Web.Features.Outbox;
using InnoCenter.Web.Features.Reminders;
using InnoCenter.Web.Features.Plans;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Features.Portal;

namespace InnoCenter.Web.Features;

/// <summary>Each module's handlers and endpoints, registered in one place so Program stays short.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        services.AddScoped<OrganizationHandlers>();
        services.AddScoped<PolicyHandlers>();
        services.AddScoped<AuditHandlers>();
        services.AddAuditChain();
        services.AddHostedService<AuditSealingJob>();
        services.AddScoped<BackupService>();
        services.AddHostedService<BackupJob>();
        services.AddScoped<TokenHandlers>();
        services.AddScoped<UserHandlers>();
        services.AddSingleton<IFileStore, DiskFileStore>();
        services.AddScoped<Attachments>();
        services.AddScoped<Notifier>();
        services.AddSingleton<PublicLinks>();
        services.AddScoped<NotificationHandlers>();
        services.AddScoped<JobLeases>();
        services.AddScoped<ApplicationHandlers>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<ApplicationDocuments>();
        services.AddScoped<Infrastructure.Documents.DocumentNumbers>();
        services.AddScoped<NoticeHandlers>();
        services.AddScoped<IApplicationReview, ApplicationReview>();
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ICenterFounding, ApplicationCenterFounding>();
        services.AddScoped<IAttachmentAccess, ApplicationAttachmentAccess>();
        services.AddHostedService<NoticeClosingJob>();
        services.AddScoped<ExpertHandlers>();
        services.AddOptions<Infrastructure.Web.ImportLimits>().BindConfiguration(Infrastructure.Web.ImportLimits.Section);
        services.AddExpertOnboarding();
        services.AddScoped<ConflictService>();
        services.AddScoped<ReviewSubjectHandlers>();
        services.AddScoped<PanelHandlers>();
        services.AddScoped<ScoringHandlers>();
        services.AddScoped<SiteInspectionHandlers>();
        services.AddScoped<IAttachmentAccess, SiteInspectionFileAccess>();
        services.AddScoped<CenterAccess>();
        services.AddScoped<OrganizationLookup>();
        services.AddScoped<CenterHandlers>();
        services.AddScoped<CenterStatusHandlers>();
        services.AddScoped<MembershipHandlers>();
        services.AddScoped<GovernanceHandlers>();
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
        services.AddScoped<LedgerEvidence>();
        services.AddScoped<ReceiptHandlers>();
        services.AddScoped<LedgerRollup>();
        services.AddScoped<ReportFigures>();
        services.AddScoped<LedgerRollupHandlers>();
        services.AddLedgerRollupKeeping();
        services.AddBackgroundImports();
        services.AddScoped<IImportTarget, LedgerImportTarget>();
        services.AddScoped<IImportTarget, ExpertImportTarget>();
        services.AddScoped<AssessmentAccess>();
        services.AddScoped<IAttachmentAccess, AnnualReportAttachmentAccess>();
        services.AddScoped<CycleHandlers>();
        services.AddScoped<CycleDeadlineHandlers>();
        services.AddScoped<ReportHandlers>();
        services.AddScoped<ReportPrefiller>();
        services.AddScoped<CycleScorer>();
        services.AddScoped<ResultHandlers>();
        services.AddScoped<CyclePublisher>();
        services.AddScoped<ScorecardQueries>();
        services.AddScoped<AssessmentDocuments>();
        services.AddScoped<WeightsHandlers>();
        services.AddSingleton<DashboardSnapshots>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DashboardHandlers>();
        services.AddScoped<WorkbenchHandlers>();
        services.AddWorkbenchSource<ApplicationWorkbenchSource>();
        services.AddWorkbenchSource<ReviewWorkbenchSource>();
        services.AddWorkbenchSource<AssessmentWorkbenchSource>();
        services.AddWorkbenchSource<LedgerWorkbenchSource>();
        services.AddMail();
        services.AddAccountRecovery();
        services.AddScoped<OutboxHandlers>();
        services.AddScoped<ReminderHandlers>();
        services.AddHostedService<ReminderJob>();
        services.AddResourcesModule();
        services.AddPlansModule();
        services.AddFundsModule();
        services.AddPortalModule();
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

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOrganizationEndpoints();
        app.MapPolicyEndpoints();
        app.MapAuditEndpoints();
        app.MapAccountEndpoints();
        app.MapUserEndpoints();
        app.MapFileEndpoints();
        app.MapNotificationEndpoints();
        app.MapApplicationEndpoints();
        app.MapExpertEndpoints();
        app.MapExpertOnboardingEndpoints();
        app.MapReviewEndpoints();
        app.MapCenterEndpoints();
        app.MapLedgerEndpoints();
        app.MapImportEndpoints();
        app.MapAssessmentEndpoints();
        app.MapDashboardEndpoints();
        app.MapWorkbenchEndpoints();
        app.MapAccountRecoveryEndpoints();
        app.MapOutboxEndpoints();
        app.MapResourceEndpoints();
        app.MapPlanEndpoints();
        app.MapFundsEndpoints();
        app.MapPortalEndpoints();
    }
}
