namespace InnoCenter.Web.Features.Account;

/// <summary>Signing in, two-factor, account recovery and the personal access tokens of the signed-in user.</summary>
public static class AccountRegistration
{
    public static IServiceCollection AddAccountModule(this IServiceCollection services)
    {
        services.AddScoped<TokenHandlers>();
        services.AddAccountRecovery();
        return services;
    }
}
