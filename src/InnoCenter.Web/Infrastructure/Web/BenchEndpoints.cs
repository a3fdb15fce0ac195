using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// What only the benchmark configuration (<c>Bench:Enabled=true</c>, set by <c>bench/run.sh</c>) adds: the floor
/// endpoint every read is compared with, and stand-ins for the recognition seams whose modules are not merged yet.
/// Without that setting nothing here is registered or mapped.
/// </summary>
public static class BenchEndpoints
{
    public static bool IsEnabled(IConfiguration config) => config.GetValue("Bench:Enabled", false);

    /// <summary>
    /// Call after the feature registrations. TryAdd: as soon as the experts and centers modules register the real
    /// <see cref="IApplicationReview"/> and <see cref="ICenterFounding"/>, these stand-ins are not used.
    /// </summary>
    public static IServiceCollection AddBench(this IServiceCollection services, IConfiguration config)
    {
        if (IsEnabled(config))
        {
            services.TryAddScoped<IApplicationReview, NoReviewModule>();
            services.TryAddScoped<ICenterFounding, NoCentersModule>();
        }

        return services;
    }

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

    /// <summary>Until the experts module is merged: no panel, no opinion, no inspection; no expert may open anything.</summary>
    private sealed class NoReviewModule : IApplicationReview
    {
        public Task EnsureSubjectAsync(Application application, IReadOnlyCollection<string> partyCreditCodes, CancellationToken ct) =>
            Task.CompletedTask;

        public Task<ApplicationReviewState> StateAsync(Guid applicationId, CancellationToken ct) =>
            Task.FromResult(new ApplicationReviewState(false, false, null, null, false, null, null));

        public Task<bool> ExpertMayOpenAsync(Guid userId, Guid applicationId, CancellationToken ct) => Task.FromResult(false);
    }

    /// <summary>Until the centers module is merged: closing a notice founds nothing (the harness runs no jobs anyway).</summary>
    private sealed class NoCentersModule : ICenterFounding
    {
        public Task<Result<Guid>> FoundAsync(Application application, CancellationToken ct) =>
            Task.FromResult<Result<Guid>>(Failure.Conflict("bench.no_centers_module"));
    }
}
