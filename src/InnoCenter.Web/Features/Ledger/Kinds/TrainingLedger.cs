using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>培训: trainings given, in person-times (人次).</summary>
public sealed class TrainingLedger(LedgerServices s) : LedgerKind<TrainingRecord, TrainingRequest>(s)
{
    public const string Key = "training";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("title", FieldType.Text, true) { LabelKey = "ledger.field.trainingTitle" },
        new("heldOn", FieldType.Date, true),
        new("personTimes", FieldType.Integer, true),
    ];

    protected override IQueryable<TrainingRecord> Records => Db.LedgerTraining;

    protected override IQueryable<TrainingRecord> Search(IQueryable<TrainingRecord> q, string text) => q.Where(x => x.Title.Contains(text));

    protected override Task<Result<TrainingRecord>> BuildAsync(LedgerScope scope, TrainingRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        return Task.FromResult<Result<TrainingRecord>>(d.IsSuccess ? TrainingRecord.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!);
    }

    protected override Task<Result<TrainingRecord>> ApplyAsync(LedgerScope scope, TrainingRecord record, TrainingRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        if (d.IsSuccess)
        {
            record.Apply(d.Value, S.Now);
        }

        return Task.FromResult<Result<TrainingRecord>>(d.IsSuccess ? record : d.Failure!);
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(TrainingRecord x) => new Dictionary<string, object?>
    {
        ["title"] = x.Title,
        ["heldOn"] = x.HeldOn,
        ["personTimes"] = x.PersonTimes,
    };

    private Result<TrainingDetails> Check(LedgerScope scope, TrainingRequest r)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var title = c.Text(r.Title, "title", FieldLengths.Title);
        var held = c.Date(r.HeldOn, "heldOn");
        var times = c.Count(r.PersonTimes, "personTimes", 1);
        return c.Ok ? new TrainingDetails(title!, held!.Value, times!.Value) : c.Failure;
    }
}
