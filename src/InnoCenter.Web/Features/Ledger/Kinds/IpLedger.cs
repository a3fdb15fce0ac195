using System.Linq.Expressions;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>知识产权: patents (numbers checked by their check digit), copyrights and layouts, co-owned by members.</summary>
public sealed class IpLedger(LedgerServices s) : LedgerKind<IpRecord, IpRequest>(s)
{
    public const string Key = "ip";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("kind", FieldType.Choice, true) { LabelKey = "ledger.field.ipKind", Options = () => S.EnumOptions<IpKind>("ledger.ipkind") },
        new("number", FieldType.Text, true) { LabelKey = "ledger.field.ipNumber", HelpKey = "ledger.field.ipNumber.help" },
        new("title", FieldType.Text, true) { LabelKey = "ledger.field.ipTitle" },
        new("filingDate", FieldType.Date, true),
        new("grantDate", FieldType.Date),
        new("coOwners", FieldType.Shares, true) { HelpKey = "ledger.field.coOwners.help" },
    ];

    public override string? TypeLabelKey => "ledger.field.ipKind";

    public override IReadOnlyList<Option> TypeOptions => S.EnumOptions<IpKind>("ledger.ipkind");

    protected override IQueryable<IpRecord> Records => Db.LedgerIp.Include(x => x.CoOwners);

    protected override string IndexedAs => SearchKinds.LedgerIp;

    // The index keeps the title and the number, which Search looks in.
    protected override bool IndexDecides => true;

    protected override IQueryable<IpRecord> Search(IQueryable<IpRecord> q, string text) =>
        q.Where(x => x.Title.Contains(text) || x.Number.Contains(text.ToUpper()));

    protected override IQueryable<IpRecord> OfType(IQueryable<IpRecord> q, string type) =>
        Enum.TryParse<IpKind>(type, true, out var kind) ? q.Where(x => x.Kind == kind) : q.Where(_ => false);

    protected override Expression<Func<IpRecord, bool>> Concerning(Guid organizationId) =>
        x => x.CoOwners.Any(o => o.OrganizationId == organizationId);

    protected override IOrderedQueryable<IpRecord> Ordered(IQueryable<IpRecord> q) =>
        q.OrderByDescending(x => x.FilingDate).ThenBy(x => x.Number);

    protected override IEnumerable<string?> CreditCodesIn(IpRequest r) => (r.CoOwners ?? []).Select(c => c.CreditCode);

    protected override async Task<Result<IpRecord>> BuildAsync(LedgerScope scope, IpRequest r, CancellationToken ct)
    {
        var checkedRequest = await CheckAsync(scope, r, null, ct);
        return checkedRequest.IsSuccess ? IpRecord.Create(scope.Center.Id, checkedRequest.Value, S.Now) : checkedRequest.Failure!;
    }

    protected override async Task<Result<IpRecord>> ApplyAsync(LedgerScope scope, IpRecord record, IpRequest r, CancellationToken ct)
    {
        var checkedRequest = await CheckAsync(scope, r, record, ct);
        if (!checkedRequest.IsSuccess)
        {
            return checkedRequest.Failure!;
        }

        record.Apply(checkedRequest.Value, S.Now);
        return record;
    }

    protected override async Task<Failure?> RefuseDeleteAsync(IpRecord record, CancellationToken ct) =>
        await Db.LedgerDealIps.AnyAsync(d => d.IpRecordId == record.Id, ct) ? Failure.Conflict("ledger.ip_in_use") : null;

    protected override Task PrepareAsync(IReadOnlyList<IpRecord> records, CancellationToken ct) =>
        S.Orgs.PreloadIdsAsync(records.SelectMany(r => r.CoOwners.Select(o => o.OrganizationId)), ct);

    protected override IReadOnlyDictionary<string, object?> ValuesOf(IpRecord x) => new Dictionary<string, object?>
    {
        ["kind"] = x.Kind.ToString(),
        ["number"] = x.Number,
        ["title"] = x.Title,
        ["filingDate"] = x.FilingDate,
        ["grantDate"] = x.GrantDate,
        ["coOwners"] = x.CoOwners.OrderByDescending(o => o.SharePercent)
            .Select(o => new ShareLine { CreditCode = S.Orgs.CodeOf(o.OrganizationId), SharePercent = o.SharePercent }).ToList(),
    };

    private async Task<Result<IpDetails>> CheckAsync(LedgerScope scope, IpRequest r, IpRecord? existing, CancellationToken ct)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var kind = c.Choice<IpKind>(r.Kind, "kind");
        string? number = null;
        if (kind is { } k)
        {
            number = IpNumbers.Normalize(k, r.Number, out var numberError);
            if (numberError is not null)
            {
                c.Add(numberError, "number");
            }
        }

        var title = c.Text(r.Title, "title", FieldLengths.Title);
        var filed = c.Date(r.FilingDate, "filingDate");
        var granted = c.Date(r.GrantDate, "grantDate", required: false);
        if (kind is { } k2 && filed is { } f)
        {
            c.Errors.AddRange(IpRecord.Check(k2, f, granted));
        }

        // A co-owner is one of the center's members, at the filing or since.
        var owners = await c.SharesAsync(r.CoOwners, "coOwners", filed ?? scope.Today, ct);
        if (!c.Ok)
        {
            return c.Failure;
        }

        if (await IsDuplicateAsync(scope, number!, existing, ct))
        {
            return Failure.Conflict("ledger.ip_duplicate", "number", number!);
        }

        return new IpDetails(kind!.Value, number!, title!, filed!.Value, granted, owners);
    }

    private async Task<bool> IsDuplicateAsync(LedgerScope scope, string number, IpRecord? existing, CancellationToken ct)
    {
        const string cacheKey = "ip.numbers";
        if (!scope.Cache.TryGetValue(cacheKey, out var cached))
        {
            var centerId = scope.Center.Id;
            cached = (await Db.LedgerIp.AsNoTracking().Where(x => x.CenterId == centerId).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
                .ToDictionary(x => x.Number, x => x.Id);
            scope.Cache[cacheKey] = cached;
        }

        var numbers = (Dictionary<string, Guid>)cached;
        if (numbers.TryGetValue(number, out var owner) && owner != existing?.Id)
        {
            return true;
        }

        // Within one import, the first row with a number claims it.
        return existing is null && !scope.Claimed.Add("ip:" + number);
    }
}
