using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Workbench;

namespace InnoCenter.Web.Features.Plans;

public static class PlansRegistration
{
    public static IServiceCollection AddPlansModule(this IServiceCollection services)
    {
        services.AddSingleton<PlanBehindSnapshots>();
        services.AddScoped<PlanProgressQueries>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanRevisionHandlers>();
        services.AddScoped<PlanActualHandlers>();
        services.AddScoped<Infrastructure.Files.IAttachmentAccess, PlanActualAttachmentAccess>();
        services.AddScoped<IReportPrefill, PlanReportPrefill>();
        services.AddWorkbenchSource<PlanWorkbenchSource>();
        return services;
    }
}
