using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>The annual assessment (年度考核): cycles, reports, scoring, publication and its consequences.</summary>
public static class AssessmentRegistration
{
    public static IServiceCollection AddAssessmentModule(this IServiceCollection services)
    {
        services.AddScoped<ReportFigures>();
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
        services.AddWorkbenchSource<AssessmentWorkbenchSource>();
        return services;
    }
}
