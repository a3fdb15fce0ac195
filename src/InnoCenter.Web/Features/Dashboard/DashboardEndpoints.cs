using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Features.Dashboard;

public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dashboard").RequireAuthorization(Roles.Admin).WithTags("Dashboard");
        group.MapGet("/", Get).WithName("GetDashboard").WithSummary("The programme dashboard (工作看板): pilot targets, centers, pipeline, ledger trend, grades");
    }

    private static async Task<Ok<DashboardDto>> Get(DashboardHandlers handlers) => TypedResults.Ok(await handlers.GetAsync());
}
