namespace InnoCenter.Web.Infrastructure.Audit;

public static class AuditRegistration
{
    /// <summary>The keyed chain's parts, shared by the web app and the backup/restore commands.</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services)
    {
        services.AddSingleton<AuditKey>();
        services.AddSingleton<AuditHeadStore>();
        services.AddSingleton<AuditSealerState>();
        services.AddScoped<AuditSealer>();
        return services;
    }
}
