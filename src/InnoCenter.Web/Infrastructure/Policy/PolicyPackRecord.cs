namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>A stored version of a policy pack. The JSON is kept as loaded, so a past decision can name the rules it used.</summary>
public sealed class PolicyPackRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Code { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Json { get; set; } = string.Empty;

    public bool IsActive { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}
