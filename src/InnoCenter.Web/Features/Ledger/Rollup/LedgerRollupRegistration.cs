using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Rollup;

public static class LedgerRollupRegistration
{
    /// <summary>Adds the keeper (run by the kept-figures interceptor on the app's context) and the rebuild.</summary>
    public static IServiceCollection AddLedgerRollupKeeping(this IServiceCollection services)
    {
        services.AddScoped<IKeptFigures, LedgerRollupKeeper>();
        services.AddScoped<LedgerRollupRebuild>();
        services.AddKeptFigures();
        return services;
    }
}
