namespace InnoCenter.Web.Features.Audit;

/// <summary>The audit log's pages and API, and the job that chains and seals its rows (the rows themselves are written by the interceptor).</summary>
public static class AuditRegistration
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddScoped<AuditHandlers>();
        services.AddHostedService<AuditSealingJob>();
        return services;
    }
}
