using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Imports;

namespace InnoCenter.Web.Features.Experts;

/// <summary>The expert pool (专家库): records, import, invitations and the experts' own profiles.</summary>
public static class ExpertsRegistration
{
    public static IServiceCollection AddExpertsModule(this IServiceCollection services)
    {
        services.AddScoped<ExpertHandlers>();
        services.AddScoped<ExpertImport>();
        services.AddExpertOnboarding();
        services.AddScoped<IImportTarget, ExpertImportTarget>();
        services.AddScoped<IKeptFigures, ExpertTagKeeper>();
        services.AddKeptFigures();
        return services;
    }
}
