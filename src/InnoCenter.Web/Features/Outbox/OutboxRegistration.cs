namespace InnoCenter.Web.Features.Outbox;

/// <summary>The Admin's view of the mail outbox: what was queued, sent or failed, and sending again.</summary>
public static class OutboxRegistration
{
    public static IServiceCollection AddOutboxModule(this IServiceCollection services)
    {
        services.AddScoped<OutboxHandlers>();
        return services;
    }
}
