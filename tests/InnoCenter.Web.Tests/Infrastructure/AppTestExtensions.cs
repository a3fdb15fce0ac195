using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Reminders;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Infrastructure;

/// <summary>What tests of jobs and deadlines ask of the app: one run of the reminder job, a text as a notification says it, the clock moved to a day.</summary>
public static class AppTestExtensions
{
    /// <summary>One run of the reminder job, as the timer would; returns how many reminders went out.</summary>
    public static async Task<int> RunRemindersAsync(this AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderHandlers>().RunAsync(CancellationToken.None);
    }

    /// <summary>A string in one language, as the notifier writes it.</summary>
    public static string Text(this AppFactory factory, string culture, string key, params object[] args)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Bilingual>().In(culture, key, args);
    }

    /// <summary>Moves the app's clock to 09:00 Beijing on the day (only forward).</summary>
    public static void MoveTo(this AppFactory factory, DateOnly day)
    {
        var target = BeijingTime.At(day, TimeSpan.FromHours(9));
        if (target > factory.Clock.GetUtcNow())
        {
            factory.Clock.Advance(target - factory.Clock.GetUtcNow());
        }
    }
}
