namespace InnoCenter.Web.Features.Reminders;

/// <summary>The reminders and deadlines (催办提醒) of work that waits on someone, sent by a job that holds a lease.</summary>
public static class RemindersRegistration
{
    public static IServiceCollection AddRemindersModule(this IServiceCollection services)
    {
        services.AddScoped<ReminderHandlers>();
        services.AddHostedService<ReminderJob>();
        return services;
    }
}
