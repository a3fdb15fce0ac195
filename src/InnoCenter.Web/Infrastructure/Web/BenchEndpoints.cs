using InnoCenter.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// What only the benchmark configuration (<c>Bench:Enabled=true</c>, set by <c>bench/run.sh</c>) adds: the floor
/// endpoint every read is compared with. Without that setting nothing here is mapped.
/// </summary>
public static class BenchEndpoints
{
    public static bool IsEnabled(IConfiguration config) => config.GetValue("Bench:Enabled", false);

    public static void MapBenchEndpoints(this IEndpointRouteBuilder app, IConfiguration config)
    {
        if (!IsEnabled(config))
        {
            return;
        }

        // The floor: one primary-key read through the same pipeline (middleware, EF Core, JSON) and nothing more.
        app.MapGet("/bench/floor/{id:guid}", Floor).AllowAnonymous().ExcludeFromDescription();
    }

    public sealed record FloorDto(Guid Id, string CreditCode, string Name, int Version);

    private static async Task<Results<Ok<FloorDto>, NotFound>> Floor(Guid id, AppDbContext db, CancellationToken ct)
    {
        var row = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new FloorDto(o.Id, o.CreditCode, o.Name, o.Version))
            .FirstOrDefaultAsync(ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(row);
    }
}
