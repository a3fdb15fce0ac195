using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>孵化企业: enterprises the center incubated, by credit code, with the money they raised.</summary>
public sealed class IncubatedLedger(LedgerServices s) : LedgerKind<IncubatedEnterprise, IncubatedRequest>(s)
{
    public const string Key = "incubated";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("name", FieldType.Text, true) { LabelKey = "ledger.field.enterpriseName" },
        new("creditCode", FieldType.Text, true) { LabelKey = "organization.creditCode" },
        new("foundedOn", FieldType.Date, true),
        new("moneyRaised", FieldType.Money),
    ];

    protected override IQueryable<IncubatedEnterprise> Records => Db.LedgerIncubated;

    protected override IQueryable<IncubatedEnterprise> Search(IQueryable<IncubatedEnterprise> q, string text) =>
        q.Where(x => x.Name.Contains(text) || x.CreditCode == text.ToUpper());

    protected override async Task<Result<IncubatedEnterprise>> BuildAsync(LedgerScope scope, IncubatedRequest r, CancellationToken ct)
    {
        var d = await CheckAsync(scope, r, null, ct);
        return d.IsSuccess ? IncubatedEnterprise.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!;
    }

    protected override async Task<Result<IncubatedEnterprise>> ApplyAsync(LedgerScope scope, IncubatedEnterprise record, IncubatedRequest r, CancellationToken ct)
    {
        var d = await CheckAsync(scope, r, record, ct);
        if (!d.IsSuccess)
        {
            return d.Failure!;
        }

        record.Apply(d.Value, S.Now);
        return record;
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(IncubatedEnterprise x) => new Dictionary<string, object?>
    {
        ["name"] = x.Name,
        ["creditCode"] = x.CreditCode,
        ["foundedOn"] = x.FoundedOn,
        ["moneyRaised"] = Money.ToYuan(x.MoneyRaisedFen),
    };

    private async Task<Result<IncubatedDetails>> CheckAsync(LedgerScope scope, IncubatedRequest r, IncubatedEnterprise? existing, CancellationToken ct)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var name = c.Text(r.Name, "name", FieldLengths.OrganizationName);
        Uscc.TryParse(r.CreditCode, out var code, out var codeError);
        if (codeError is not null)
        {
            c.Add(codeError, "creditCode");
        }

        var founded = c.Date(r.FoundedOn, "foundedOn");
        var raised = c.Money(r.MoneyRaised ?? 0m, "moneyRaised");
        if (!c.Ok)
        {
            return c.Failure;
        }

        var centerId = scope.Center.Id;
        var taken = await Db.LedgerIncubated.AnyAsync(x => x.CenterId == centerId && x.CreditCode == code!.Value && x.Id != (existing == null ? Guid.Empty : existing.Id), ct);
        if (taken || (existing is null && !scope.Claimed.Add("incubated:" + code!.Value)))
        {
            return Failure.Conflict("ledger.incubated_duplicate", "creditCode", code!.Value);
        }

        return new IncubatedDetails(name!, code!.Value, founded!.Value, raised!.Value);
    }
}
