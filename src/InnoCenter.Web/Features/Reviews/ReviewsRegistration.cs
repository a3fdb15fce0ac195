using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>Expert review (专家评审): panels drawn without conflicts, scoring, opinions and site inspections.</summary>
public static class ReviewsRegistration
{
    public static IServiceCollection AddReviewsModule(this IServiceCollection services)
    {
        services.AddScoped<ConflictService>();
        services.AddScoped<ReviewSubjectHandlers>();
        services.AddScoped<PanelHandlers>();
        services.AddScoped<ScoringHandlers>();
        services.AddScoped<SiteInspectionHandlers>();
        services.AddScoped<IAttachmentAccess, SiteInspectionFileAccess>();
        services.AddWorkbenchSource<ReviewWorkbenchSource>();
        return services;
    }
}
