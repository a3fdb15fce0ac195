using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Features.Audit;
using InnoCenter.Web.Features.Dashboard;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Imports;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Features.Policy;
using InnoCenter.Web.Features.Files;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Features.Notices;
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
    /// <summary>
    /// The platform's shared services first (files, notifications, jobs, audit, mail, imports), then each module's own
    /// registration, in the order of the arrows between them.
    /// </summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        services.AddAuditChain();
        services.AddScoped<BackupService>();
        services.AddHostedService<BackupJob>();
        services.AddSingleton<IFileStore, DiskFileStore>();
        services.AddScoped<Attachments>();
        services.AddScoped<Notifier>();
        services.AddSingleton<PublicLinks>();
        services.AddScoped<JobLeases>();
        services.AddScoped<Infrastructure.Documents.DocumentNumbers>();
        services.AddOptions<Infrastructure.Web.ImportLimits>().BindConfiguration(Infrastructure.Web.ImportLimits.Section);
        services.AddBackgroundImports();
        services.AddMail();

        services.AddOrganizationsModule();
        services.AddPolicyModule();
        services.AddAuditModule();
        services.AddAccountModule();
        services.AddUsersModule();
        services.AddNotificationsModule();
        services.AddOutboxModule();
        services.AddRemindersModule();
        services.AddWorkbenchModule();
        services.AddApplicationsModule();
        services.AddNoticesModule();
        services.AddExpertsModule();
        services.AddReviewsModule();
        services.AddCentersModule();
        services.AddLedgerModule();
        services.AddAssessmentModule();
        services.AddDashboardModule();
        services.AddResourcesModule();
        services.AddPlansModule();
        services.AddFundsModule();
        services.AddPortalModule();
        return services;
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
        app.MapNoticeEndpoints();
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
