namespace InnoCenter.Web.Infrastructure.Imports;

public static class ImportRegistration
{
    /// <summary>Background imports: the queue and runner of this node, and the service pages and endpoints start them with.</summary>
    public static IServiceCollection AddBackgroundImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportQueue>();
        services.AddScoped<ImportJobs>();
        services.AddHostedService<ImportRunner>();
        return services;
    }
}
