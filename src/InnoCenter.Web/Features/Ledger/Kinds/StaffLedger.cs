using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>人员情况: all staff and R&amp;D staff of the center, one row per year.</summary>
public sealed class StaffLedger(LedgerServices s) : LedgerKind<StaffYear, StaffRequest>(s)
{
    public const string Key = "staff";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("year", FieldType.Year, true),
        new("allStaff", FieldType.Integer, true),
        new("rdStaff", FieldType.Integer, true),
    ];

    protected override IQueryable<StaffYear> Records => Db.LedgerStaff;

    protected override IQueryable<StaffYear> Search(IQueryable<StaffYear> q, string text) =>
        int.TryParse(text, out var year) ? q.Where(x => x.Year == year) : q.Where(_ => false);

    protected override async Task<Result<StaffYear>> BuildAsync(LedgerScope scope, StaffRequest r, CancellationToken ct)
    {
        var d = await CheckAsync(scope, r, null, ct);
        return d.IsSuccess ? StaffYear.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!;
    }

    protected override async Task<Result<StaffYear>> ApplyAsync(LedgerScope scope, StaffYear record, StaffRequest r, CancellationToken ct)
    {
        var d = await CheckAsync(scope, r, record, ct);
        if (!d.IsSuccess)
        {
            return d.Failure!;
        }

        record.Apply(d.Value, S.Now);
        return record;
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(StaffYear x) => new Dictionary<string, object?>
    {
        ["year"] = x.Year,
        ["allStaff"] = x.AllStaff,
        ["rdStaff"] = x.RdStaff,
    };

    private async Task<Result<StaffDetails>> CheckAsync(LedgerScope scope, StaffRequest r, StaffYear? existing, CancellationToken ct)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var year = c.Year(r.Year, "year");
        var all = c.Count(r.AllStaff, "allStaff");
        var rd = c.Count(r.RdStaff, "rdStaff");
        if (all is { } a && rd is { } d && d > a)
        {
            c.Add("ledger.rd_staff_above_all", "rdStaff");
        }

        if (!c.Ok)
        {
            return c.Failure;
        }

        var centerId = scope.Center.Id;
        var taken = await Db.LedgerStaff.AnyAsync(x => x.CenterId == centerId && x.Year == year && x.Id != (existing == null ? Guid.Empty : existing.Id), ct);
        if (taken || (existing is null && !scope.Claimed.Add("staff:" + year)))
        {
            return Failure.Conflict("ledger.staff_year_duplicate", "year", year!.Value);
        }

        return new StaffDetails(year!.Value, all!.Value, rd!.Value);
    }
}
