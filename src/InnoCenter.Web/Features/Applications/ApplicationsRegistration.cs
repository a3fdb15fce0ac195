using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Applications;

/// <summary>The recognition pipeline (认定申报); its public notices (公示) and objections are the Notices module's.</summary>
public static class ApplicationsRegistration
{
    public static IServiceCollection AddApplicationsModule(this IServiceCollection services)
    {
        services.AddScoped<ApplicationHandlers>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<ApplicationCaseRules>();
        services.AddScoped<IKeptFigures, ApplicationStageClockKeeper>();
        services.AddKeptFigures();
        services.AddScoped<ApplicationEligibility>();
        services.AddScoped<ApplicationDocuments>();
        services.AddScoped<IApplicationReview, ApplicationReview>();
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ICenterFounding, ApplicationCenterFounding>();
        services.AddScoped<IAttachmentAccess, ApplicationAttachmentAccess>();
        services.AddWorkbenchSource<ApplicationWorkbenchSource>();
        return services;
    }
}
