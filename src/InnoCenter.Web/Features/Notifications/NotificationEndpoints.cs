using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Features.Notifications;

public sealed record MarkedRead(int Count);

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").RequireAuthorization().WithTags("Notifications");
        group.MapGet("/", List).WithName("ListNotifications").WithSummary("The caller's in-app notifications, newest first");
        group.MapPost("/read", MarkRead).WithName("MarkNotificationsRead").WithSummary("Mark the caller's notifications as read");
    }

    private static async Task<Ok<PagedResult<NotificationDto>>> List(int? page, int? pageSize, NotificationHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(page, pageSize, ct));

    private static async Task<Ok<MarkedRead>> MarkRead(NotificationHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await handlers.MarkAllReadAsync(ct)));
}
