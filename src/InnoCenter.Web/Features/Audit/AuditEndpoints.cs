using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").RequireAuthorization(Duties.Audit).WithTags("Audit");
        group.MapGet("/", List).WithName("ListAuditEntries")
            .WithSummary("The sealed audit rows, newest first, and how many rows wait for the sealer");
        group.MapPost("/verify", Verify).WithName("VerifyAuditChain")
            .WithSummary("Walks the keyed chain and compares it with the signed heads: every break, and a truncated tail");
    }

    private static async Task<Ok<AuditPage>> List([AsParameters] AuditFilter filter, AuditHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(filter, ct));

    private static async Task<Ok<AuditVerification>> Verify(AuditHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.VerifyAsync(ct));
}
