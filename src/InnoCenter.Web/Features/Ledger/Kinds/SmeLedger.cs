using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>服务中小企业: services given to enterprises (kinds from the policy pack), counted by distinct enterprise.</summary>
public sealed class SmeLedger(LedgerServices s) : LedgerKind<SmeService, SmeRequest>(s)
{
    public const string Key = "sme";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("enterpriseName", FieldType.Text, true) { LabelKey = "ledger.field.enterpriseName" },
        new("enterpriseCreditCode", FieldType.Text) { LabelKey = "organization.creditCode" },
        new("serviceKind", FieldType.Choice, true) { Options = Kinds },
        new("servedOn", FieldType.Date, true),
        new("description", FieldType.LongText) { LabelKey = "ledger.field.serviceDescription", InList = false },
    ];

    public override string? TypeLabelKey => "ledger.field.serviceKind";

    public override IReadOnlyList<Option> TypeOptions => Kinds();

    protected override IQueryable<SmeService> Records => Db.LedgerSmeServices;

    protected override IQueryable<SmeService> Search(IQueryable<SmeService> q, string text) =>
        q.Where(x => x.EnterpriseName.Contains(text) || x.EnterpriseCreditCode == text.ToUpper());

    protected override IQueryable<SmeService> OfType(IQueryable<SmeService> q, string type) => q.Where(x => x.Kind == type);

    protected override Task<Result<SmeService>> BuildAsync(LedgerScope scope, SmeRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        return Task.FromResult<Result<SmeService>>(d.IsSuccess ? SmeService.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!);
    }

    protected override Task<Result<SmeService>> ApplyAsync(LedgerScope scope, SmeService record, SmeRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        if (d.IsSuccess)
        {
            record.Apply(d.Value, S.Now);
        }

        return Task.FromResult<Result<SmeService>>(d.IsSuccess ? record : d.Failure!);
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(SmeService x) => new Dictionary<string, object?>
    {
        ["enterpriseName"] = x.EnterpriseName,
        ["enterpriseCreditCode"] = x.EnterpriseCreditCode,
        ["serviceKind"] = x.Kind,
        ["servedOn"] = x.ServedOn,
        ["description"] = x.Description,
    };

    private IReadOnlyList<Option> Kinds() => S.PolicyOptions(S.Policy.Ledger.SmeServiceKinds.Select(k => (k.Code, k.Zh, k.En)));

    private Result<SmeServiceDetails> Check(LedgerScope scope, SmeRequest r)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var name = c.Text(r.EnterpriseName, "enterpriseName", FieldLengths.OrganizationName);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(r.EnterpriseCreditCode))
        {
            Uscc.TryParse(r.EnterpriseCreditCode, out var parsed, out var error);
            if (error is not null)
            {
                c.Add(error, "enterpriseCreditCode");
            }

            code = parsed?.Value;
        }

        var kind = c.PolicyCode(r.ServiceKind, "serviceKind", S.Policy.Ledger.SmeServiceKinds.Select(k => k.Code));
        var served = c.Date(r.ServedOn, "servedOn");
        var description = c.Text(r.Description, "description", FieldLengths.Reason, required: false);
        return c.Ok ? new SmeServiceDetails(name!, code, kind!, served!.Value, description) : c.Failure;
    }
}
