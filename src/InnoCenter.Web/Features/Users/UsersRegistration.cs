namespace InnoCenter.Web.Features.Users;

/// <summary>The Admin's user management: accounts, roles and organisations.</summary>
public static class UsersRegistration
{
    public static IServiceCollection AddUsersModule(this IServiceCollection services)
    {
        services.AddScoped<UserHandlers>();
        return services;
    }
}
