using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>知识产权: a patent, copyright or layout design, owned by members in shares that total 100 %.</summary>
public sealed class IpRecord : LedgerRecord
{
    private readonly List<IpCoOwner> _coOwners = [];

    private IpRecord()
    {
    }

    public IpKind Kind { get; private set; }

    /// <summary>The canonical number (申请号/登记号), unique within a center.</summary>
    public string Number { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>申请日 (for copyrights and layouts: 登记日).</summary>
    public DateOnly FilingDate { get; private set; }

    /// <summary>授权日</summary>
    public DateOnly? GrantDate { get; private set; }

    public IReadOnlyList<IpCoOwner> CoOwners => _coOwners;

    public static IpRecord Create(Guid centerId, IpDetails d, DateTimeOffset now)
    {
        var ip = new IpRecord();
        ip.Created(centerId, now);
        ip.Apply(d, now);
        return ip;
    }

    public void Apply(IpDetails d, DateTimeOffset now)
    {
        if (!Centers.Shares.TotalsWhole(d.CoOwners.Select(c => c.SharePercent)))
        {
            throw new InvalidOperationException("Co-owner shares must total 100 %.");
        }

        Kind = d.Kind;
        Number = d.Number;
        Title = d.Title;
        FilingDate = d.FilingDate;
        GrantDate = d.GrantDate;
        Year = d.FilingDate.Year;
        // Kept rows are updated in place: an owner row is identified by (record, organisation).
        _coOwners.RemoveAll(x => d.CoOwners.All(c => c.OrganizationId != x.OrganizationId));
        foreach (var c in d.CoOwners)
        {
            var existing = _coOwners.FirstOrDefault(x => x.OrganizationId == c.OrganizationId);
            if (existing is null)
            {
                _coOwners.Add(new IpCoOwner(Id, c.OrganizationId, c.SharePercent));
            }
            else
            {
                existing.SharePercent = c.SharePercent;
            }
        }
        UpdatedAt = now;
    }

    /// <summary>The rules between kind and dates.</summary>
    public static IEnumerable<Common.Error> Check(IpKind kind, DateOnly filingDate, DateOnly? grantDate)
    {
        if (kind == IpKind.InventionGrant && grantDate is null)
        {
            yield return new Common.Error("ledger.grant_date_required", "grantDate");
        }

        if (kind is IpKind.InventionApplication or IpKind.Pct && grantDate is not null)
        {
            yield return new Common.Error("ledger.grant_date_not_for_kind", "grantDate");
        }

        if (grantDate is { } g && g < filingDate)
        {
            yield return new Common.Error("ledger.grant_before_filing", "grantDate");
        }
    }
}

public sealed record IpDetails(IpKind Kind, string Number, string Title, DateOnly FilingDate, DateOnly? GrantDate, IReadOnlyList<ShareOf> CoOwners);

/// <summary>An organisation's percent share.</summary>
public sealed record ShareOf(Guid OrganizationId, decimal SharePercent);

/// <summary>A co-owner (共有人) of an IP record and its share; a change of share is audited, as it decides the revenue split.</summary>
public sealed class IpCoOwner : Common.IAudited
{
    private IpCoOwner()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public IpCoOwner(Guid ipRecordId, Guid organizationId, decimal sharePercent)
    {
        IpRecordId = ipRecordId;
        OrganizationId = organizationId;
        SharePercent = sharePercent;
    }

    public Guid IpRecordId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public decimal SharePercent { get; internal set; }
}
