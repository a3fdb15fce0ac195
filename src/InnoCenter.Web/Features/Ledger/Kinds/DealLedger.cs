using System.Linq.Expressions;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>成果转化: licences, assignments, equity contributions and technical services, with the IP they involve.</summary>
public sealed class DealLedger(LedgerServices s) : LedgerKind<TransferDeal, DealRequest>(s)
{
    public const string Key = "deals";

    private readonly Dictionary<Guid, string> _ipNumbers = [];

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("kind", FieldType.Choice, true) { LabelKey = "ledger.field.dealKind", Options = () => S.EnumOptions<DealKind>("ledger.dealkind") },
        new("contractNumber", FieldType.Text, true) { HelpKey = "ledger.field.contractNumber.help" },
        new("title", FieldType.Text, true) { LabelKey = "ledger.field.dealTitle" },
        new("counterpartyCreditCode", FieldType.CreditCode, true),
        new("isSme", FieldType.Bool),
        new("isFirstCommercial", FieldType.Bool),
        new("contractValue", FieldType.Money, true),
        new("revenueReceived", FieldType.Money) { ReadOnly = true },
        new("signedOn", FieldType.Date, true),
        new("ipNumbers", FieldType.IpNumbers) { HelpKey = "ledger.field.ipNumbers.help" },
    ];

    public override string? TypeLabelKey => "ledger.field.dealKind";

    public override IReadOnlyList<Option> TypeOptions => S.EnumOptions<DealKind>("ledger.dealkind");

    protected override IQueryable<TransferDeal> Records => Db.LedgerDeals.Include(x => x.Ips);

    protected override IQueryable<TransferDeal> Search(IQueryable<TransferDeal> q, string text)
    {
        // The counterparty's name is searched in the organisations' index, not copied into the deal's tokens.
        if (SearchIndex.Matching(Db, SearchKinds.LedgerDeal, text) is { } hits
            && SearchIndex.Matching(Db, SearchKinds.Organization, text) is { } parties)
        {
            q = q.Where(x => hits.Contains(x.Id) || parties.Contains(x.CounterpartyOrganizationId));
        }

        return q.Where(x => x.Title.Contains(text) || x.ContractNumber == text || Db.Organizations.Any(o => o.Id == x.CounterpartyOrganizationId && o.Name.Contains(text)));
    }

    protected override IQueryable<TransferDeal> OfType(IQueryable<TransferDeal> q, string type) =>
        Enum.TryParse<DealKind>(type, true, out var kind) ? q.Where(x => x.Kind == kind) : q.Where(_ => false);

    /// <summary>A deal concerns a member that is its counterparty or co-owns IP it transfers.</summary>
    protected override Expression<Func<TransferDeal, bool>> Concerning(Guid organizationId) =>
        x => x.CounterpartyOrganizationId == organizationId
             || x.Ips.Any(i => Db.LedgerIpCoOwners.Any(o => o.IpRecordId == i.IpRecordId && o.OrganizationId == organizationId));

    protected override IOrderedQueryable<TransferDeal> Ordered(IQueryable<TransferDeal> q) =>
        q.OrderByDescending(x => x.SignedOn).ThenBy(x => x.Id);

    protected override IEnumerable<string?> CreditCodesIn(DealRequest r) => [r.CounterpartyCreditCode];

    protected override async Task<Result<TransferDeal>> BuildAsync(LedgerScope scope, DealRequest r, CancellationToken ct)
    {
        var details = await CheckAsync(scope, r, null, ct);
        return details.IsSuccess ? TransferDeal.Create(scope.Center.Id, details.Value, S.Now) : details.Failure!;
    }

    protected override async Task<Result<TransferDeal>> ApplyAsync(LedgerScope scope, TransferDeal record, DealRequest r, CancellationToken ct)
    {
        var details = await CheckAsync(scope, r, record, ct);
        if (!details.IsSuccess)
        {
            return details.Failure!;
        }

        record.Apply(details.Value, S.Now);
        return record;
    }

    protected override async Task<Failure?> RefuseDeleteAsync(TransferDeal record, CancellationToken ct) =>
        await Db.LedgerReceipts.AnyAsync(x => x.DealId == record.Id, ct) ? Failure.Conflict("ledger.deal_has_receipts") : null;

    protected override async Task PrepareAsync(IReadOnlyList<TransferDeal> records, CancellationToken ct)
    {
        await S.Orgs.PreloadIdsAsync(records.Select(r => r.CounterpartyOrganizationId), ct);
        var ids = records.SelectMany(r => r.Ips.Select(i => i.IpRecordId)).Distinct().Where(i => !_ipNumbers.ContainsKey(i)).ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var ip in await Db.LedgerIp.AsNoTracking().Where(x => chunk.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
            {
                _ipNumbers[ip.Id] = ip.Number;
            }
        }
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(TransferDeal x) => new Dictionary<string, object?>
    {
        ["kind"] = x.Kind.ToString(),
        ["contractNumber"] = x.ContractNumber,
        ["title"] = x.Title,
        ["counterpartyCreditCode"] = S.Orgs.CodeOf(x.CounterpartyOrganizationId),
        ["isSme"] = x.IsSme,
        ["isFirstCommercial"] = x.IsFirstCommercial,
        ["contractValue"] = Money.ToYuan(x.ContractValueFen),
        ["revenueReceived"] = Money.ToYuan(x.RevenueReceivedFen),
        ["signedOn"] = x.SignedOn,
        ["ipNumbers"] = x.Ips.Select(i => _ipNumbers.GetValueOrDefault(i.IpRecordId, i.IpRecordId.ToString())).Order().ToList(),
    };

    private async Task<Result<DealDetails>> CheckAsync(LedgerScope scope, DealRequest r, TransferDeal? existing, CancellationToken ct)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var kind = c.Choice<DealKind>(r.Kind, "kind");
        var title = c.Text(r.Title, "title", FieldLengths.Title);
        var contract = c.Text(r.ContractNumber, "contractNumber", FieldLengths.Code);
        if (contract is not null && await ContractTakenAsync(scope, contract, existing, ct))
        {
            c.Add("ledger.deal_contract_taken", "contractNumber", contract);
        }

        var counterparty = await c.OrganizationAsync(r.CounterpartyCreditCode, "counterpartyCreditCode", ct);
        var value = c.Money(r.ContractValue, "contractValue");
        var signed = c.Date(r.SignedOn, "signedOn");

        var numbers = (r.IpNumbers ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => NormalizedOrSelf(n.Trim().ToUpperInvariant())).Distinct().ToList();
        var centerId = scope.Center.Id;
        var found = numbers.Count == 0
            ? []
            : await Db.LedgerIp.AsNoTracking().Where(x => x.CenterId == centerId && numbers.Contains(x.Number)).Select(x => new { x.Id, x.Number }).ToListAsync(ct);
        foreach (var missing in numbers.Where(n => found.All(f => f.Number != n)))
        {
            c.Add("ledger.ip_unknown", "ipNumbers", missing);
        }

        if (kind is { } k && TransferDeal.NeedsIp(k) && numbers.Count == 0)
        {
            c.Add("ledger.deal_needs_ip", "ipNumbers");
        }

        if (existing is not null && signed is { } on)
        {
            var firstReceipt = await Db.LedgerReceipts.Where(x => x.DealId == existing.Id).OrderBy(x => x.ReceivedOn).Select(x => (DateOnly?)x.ReceivedOn).FirstOrDefaultAsync(ct);
            if (firstReceipt is { } first && first < on)
            {
                c.Add("ledger.deal_after_receipt", "signedOn", first.ToString("yyyy-MM-dd"));
            }
        }

        if (!c.Ok)
        {
            return c.Failure;
        }

        return new DealDetails(kind!.Value, title!, counterparty!.Id, r.IsSme ?? false, r.IsFirstCommercial ?? false, value!.Value, signed!.Value,
            found.Select(f => f.Id).ToList())
        {
            ContractNumber = contract,
        };
    }

    /// <summary>
    /// A contract number already registered in the center (by another deal) or claimed by an earlier row of the same
    /// import: the numbers of the center are read once per import, not once per row.
    /// </summary>
    private async Task<bool> ContractTakenAsync(LedgerScope scope, string number, TransferDeal? existing, CancellationToken ct)
    {
        const string cacheKey = "deal-contracts";
        if (!scope.Cache.TryGetValue(cacheKey, out var cached))
        {
            var centerId = scope.Center.Id;
            cached = (await Db.LedgerDeals.AsNoTracking().Where(x => x.CenterId == centerId && x.ContractNumber != null)
                    .Select(x => new { x.Id, x.ContractNumber }).ToListAsync(ct))
                .ToDictionary(x => x.ContractNumber!, x => x.Id, StringComparer.OrdinalIgnoreCase);
            scope.Cache[cacheKey] = cached;
        }

        if (((Dictionary<string, Guid>)cached).TryGetValue(number, out var owner) && owner != existing?.Id)
        {
            return true;
        }

        return existing is null && !scope.Claimed.Add("deal:" + number.ToUpperInvariant());
    }

    /// <summary>Patent numbers may be typed with ZL or without the dot; the stored one is canonical.</summary>
    private static string NormalizedOrSelf(string n) =>
        PatentNumber.TryParse(n, out var p, out _) ? p.Value : n;
}
