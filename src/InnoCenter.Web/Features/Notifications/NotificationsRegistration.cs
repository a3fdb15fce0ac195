namespace InnoCenter.Web.Features.Notifications;

/// <summary>The signed-in user's in-app notifications (the notifier that writes them is shared infrastructure).</summary>
public static class NotificationsRegistration
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddScoped<NotificationHandlers>();
        return services;
    }
}
