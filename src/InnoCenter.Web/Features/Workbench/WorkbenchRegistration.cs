namespace InnoCenter.Web.Features.Workbench;

/// <summary>The workbench (工作台): every module's waiting work, gathered through the registered IWorkbenchSource of each.</summary>
public static class WorkbenchRegistration
{
    public static IServiceCollection AddWorkbenchModule(this IServiceCollection services)
    {
        services.AddScoped<WorkbenchHandlers>();
        return services;
    }

    /// <summary>A module's source of waiting work, called from that module's own registration.</summary>
    public static IServiceCollection AddWorkbenchSource<TSource>(this IServiceCollection services)
        where TSource : class, IWorkbenchSource =>
        services.AddScoped<IWorkbenchSource, TSource>();
}
