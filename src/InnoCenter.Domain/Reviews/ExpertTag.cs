namespace InnoCenter.Domain.Reviews;

/// <summary>
/// One code of an expert's domains or key areas as a row, so that "experts of this domain" is an index range instead of
/// a JSON (SQLite) or array (PostgreSQL) column opened per expert. The expert's own lists stay the source: these rows
/// are kept from them in the same transaction by every write of an expert, and built from them by the migration.
/// </summary>
public sealed class ExpertTag
{
    public const string DomainKind = "domain";
    public const string KeyAreaKind = "key-area";

    private ExpertTag()
    {
    }

    /// <summary><see cref="DomainKind"/> or <see cref="KeyAreaKind"/>.</summary>
    public string Kind { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    public Guid ExpertId { get; private set; }

    /// <summary>The rows an expert's lists give: each distinct code once per kind.</summary>
    public static IEnumerable<ExpertTag> Of(Guid expertId, IEnumerable<string> domains, IEnumerable<string> keyAreas) =>
        domains.Distinct(StringComparer.Ordinal).Select(c => new ExpertTag { Kind = DomainKind, Code = c, ExpertId = expertId })
            .Concat(keyAreas.Distinct(StringComparer.Ordinal).Select(c => new ExpertTag { Kind = KeyAreaKind, Code = c, ExpertId = expertId }));
}
