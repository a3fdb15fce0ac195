using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>标准: international, national, industry, local or group standards the center leads or joins.</summary>
public sealed class StandardLedger(LedgerServices s) : LedgerKind<StandardRecord, StandardRequest>(s)
{
    public const string Key = "standards";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("title", FieldType.Text, true) { LabelKey = "ledger.field.standardTitle" },
        new("standardNumber", FieldType.Text) { HelpKey = "ledger.field.standardNumber.help" },
        new("level", FieldType.Choice, true) { LabelKey = "ledger.field.standardLevel", Options = () => S.EnumOptions<StandardLevel>("ledger.standardlevel") },
        new("role", FieldType.Choice, true) { LabelKey = "ledger.field.standardRole", Options = () => S.EnumOptions<StandardRole>("ledger.standardrole") },
        new("stage", FieldType.Choice, true) { LabelKey = "ledger.field.standardStage", Options = () => S.EnumOptions<StandardStage>("ledger.standardstage") },
        new("stageDate", FieldType.Date, true),
    ];

    public override string? TypeLabelKey => "ledger.field.standardLevel";

    public override IReadOnlyList<Option> TypeOptions => S.EnumOptions<StandardLevel>("ledger.standardlevel");

    protected override IQueryable<StandardRecord> Records => Db.LedgerStandards;

    protected override IQueryable<StandardRecord> Search(IQueryable<StandardRecord> q, string text) =>
        q.Where(x => x.Title.Contains(text) || (x.Number != null && x.Number.Contains(text)));

    protected override IQueryable<StandardRecord> OfType(IQueryable<StandardRecord> q, string type) =>
        Enum.TryParse<StandardLevel>(type, true, out var level) ? q.Where(x => x.Level == level) : q.Where(_ => false);

    protected override Task<Result<StandardRecord>> BuildAsync(LedgerScope scope, StandardRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        return Task.FromResult<Result<StandardRecord>>(d.IsSuccess ? StandardRecord.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!);
    }

    protected override Task<Result<StandardRecord>> ApplyAsync(LedgerScope scope, StandardRecord record, StandardRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        if (d.IsSuccess)
        {
            record.Apply(d.Value, S.Now);
        }

        return Task.FromResult<Result<StandardRecord>>(d.IsSuccess ? record : d.Failure!);
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(StandardRecord x) => new Dictionary<string, object?>
    {
        ["title"] = x.Title,
        ["standardNumber"] = x.Number,
        ["level"] = x.Level.ToString(),
        ["role"] = x.Role.ToString(),
        ["stage"] = x.Stage.ToString(),
        ["stageDate"] = x.StageDate,
    };

    private Result<StandardDetails> Check(LedgerScope scope, StandardRequest r)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var title = c.Text(r.Title, "title", FieldLengths.Title);
        var number = c.Text(r.StandardNumber, "standardNumber", FieldLengths.Code, required: false);
        var level = c.Choice<StandardLevel>(r.Level, "level");
        var role = c.Choice<StandardRole>(r.Role, "role");
        var stage = c.Choice<StandardStage>(r.Stage, "stage");
        var date = c.Date(r.StageDate, "stageDate");
        if (stage == StandardStage.Published && number is null && string.IsNullOrWhiteSpace(r.StandardNumber))
        {
            c.Add("ledger.standard_number_required", "standardNumber");
        }

        return c.Ok ? new StandardDetails(title!, number, level!.Value, role!.Value, stage!.Value, date!.Value) : c.Failure;
    }
}
