using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Rollup;

public static class LedgerRollupRegistration
{
    /// <summary>Adds the keeper to the app's context (whichever provider it is on) and the rebuild.</summary>
    public static IServiceCollection AddLedgerRollupKeeping(this IServiceCollection services)
    {
        services.AddScoped<LedgerRollupKeeper>();
        services.AddScoped<LedgerRollupRebuild>();
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<LedgerRollupKeeper>()));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<LedgerRollupKeeper>()));
        return services;
    }
}
