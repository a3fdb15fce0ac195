using InnoCenter.Web.Features.Applications;

namespace InnoCenter.Web.Features.Notices;

/// <summary>
/// The public notices (公示) of applications proposed for recognition: their pages, documents and objections, and the
/// job that closes the windows that have ended. Applications resolves objections through its own
/// <see cref="IObjectionResolution"/>, implemented here.
/// </summary>
public static class NoticesRegistration
{
    public static IServiceCollection AddNoticesModule(this IServiceCollection services)
    {
        services.AddScoped<NoticeQueries>();
        services.AddScoped<NoticeDocuments>();
        services.AddScoped<NoticeHandlers>();
        services.AddScoped<IObjectionResolution>(sp => sp.GetRequiredService<NoticeHandlers>());
        services.AddHostedService<NoticeClosingJob>();
        return services;
    }
}
