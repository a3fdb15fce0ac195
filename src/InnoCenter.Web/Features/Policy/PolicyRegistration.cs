namespace InnoCenter.Web.Features.Policy;

/// <summary>The policy packs (政策包) as versions that Admins read, propose, compare and apply.</summary>
public static class PolicyRegistration
{
    public static IServiceCollection AddPolicyModule(this IServiceCollection services)
    {
        services.AddScoped<PolicyHandlers>();
        return services;
    }
}
