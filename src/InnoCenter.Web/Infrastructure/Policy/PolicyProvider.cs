using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>
/// Holds the policy pack in force on this node. Read on every request, so it is cached; the database is the source of
/// truth, and <see cref="PolicyRefresher"/> brings a version applied on another node (or one whose start date has come)
/// within seconds.
/// </summary>
public sealed class PolicyProvider
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private volatile InForce? _current;

    public PolicyPack Current => _current?.Pack ?? throw new InvalidOperationException("No policy pack has been loaded.");

    /// <summary>The stored version in force here (empty when a pack was activated without one, as some tests do).</summary>
    public Guid CurrentRecordId => _current?.RecordId ?? Guid.Empty;

    /// <summary>The pack code this platform runs on (that of <c>Policy:File</c>).</summary>
    public string? Code => _current?.Pack.Code;

    public void Activate(PolicyPack pack, Guid recordId = default) => _current = new InForce(recordId, pack);

    public static PolicyPack Parse(string json) =>
        JsonSerializer.Deserialize<PolicyPack>(json, JsonOptions)
        ?? throw new InvalidOperationException("The policy pack is empty.");

    /// <summary>The pack's content without its version number, hashed, so two versions with the same rules are known as one.</summary>
    public static string ContentHash(PolicyPack pack) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(pack with { Version = 0 }, JsonOptions))));

    private sealed record InForce(Guid RecordId, PolicyPack Pack);
}

public static class PolicyRegistration
{
    public static IServiceCollection AddPolicy(this IServiceCollection services)
    {
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<PolicyVersionCache>();
        services.AddScoped<PolicyVersions>();
        services.AddScoped<PolicyStore>();
        services.AddSingleton<PolicyRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyRefresher>());
        return services;
    }
}
