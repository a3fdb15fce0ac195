using InnoCenter.Web.Infrastructure.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Infrastructure;

public static class AuditTestExtensions
{
    /// <summary>Runs the sealer once, as the job on the lease holder would, and signs a head.</summary>
    public static async Task<SealOutcome> SealAuditAsync(this AppFactory factory, bool forceHead = true)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync(forceHead, CancellationToken.None);
    }
}
