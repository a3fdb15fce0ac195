using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>国际合作: with a partner abroad, in one of the seed's forms.</summary>
public sealed class IntlCooperation : LedgerRecord
{
    private IntlCooperation()
    {
    }

    public string Title { get; private set; } = string.Empty;

    public string Partner { get; private set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-2 code of the partner's country.</summary>
    public string Country { get; private set; } = string.Empty;

    public CooperationKind Kind { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public static IntlCooperation Create(Guid centerId, IntlDetails d, DateTimeOffset now)
    {
        var c = new IntlCooperation();
        c.Created(centerId, now);
        c.Apply(d, now);
        return c;
    }

    public void Apply(IntlDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        Partner = d.Partner;
        Country = d.Country;
        Kind = d.Kind;
        StartedOn = d.StartedOn;
        Year = d.StartedOn.Year;
        UpdatedAt = now;
    }
}

public sealed record IntlDetails(string Title, string Partner, string Country, CooperationKind Kind, DateOnly StartedOn);
