using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>人才: people of a policy category (领军人才, 海外高层次人才, 创新团队…) brought in during a year.</summary>
public sealed class TalentLedger(LedgerServices s) : LedgerKind<TalentRecord, TalentRequest>(s)
{
    public const string Key = "talent";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("year", FieldType.Year, true),
        new("category", FieldType.Choice, true) { LabelKey = "ledger.field.talentCategory", Options = Categories },
        new("headcount", FieldType.Integer, true),
        new("description", FieldType.LongText) { LabelKey = "ledger.field.talentDescription" },
    ];

    public override string? TypeLabelKey => "ledger.field.talentCategory";

    public override IReadOnlyList<Option> TypeOptions => Categories();

    protected override IQueryable<TalentRecord> Records => Db.LedgerTalent;

    protected override IQueryable<TalentRecord> Search(IQueryable<TalentRecord> q, string text) =>
        q.Where(x => x.Description != null && x.Description.Contains(text));

    protected override IQueryable<TalentRecord> OfType(IQueryable<TalentRecord> q, string type) => q.Where(x => x.Category == type);

    protected override Task<Result<TalentRecord>> BuildAsync(LedgerScope scope, TalentRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        return Task.FromResult<Result<TalentRecord>>(d.IsSuccess ? TalentRecord.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!);
    }

    protected override Task<Result<TalentRecord>> ApplyAsync(LedgerScope scope, TalentRecord record, TalentRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        if (d.IsSuccess)
        {
            record.Apply(d.Value, S.Now);
        }

        return Task.FromResult<Result<TalentRecord>>(d.IsSuccess ? record : d.Failure!);
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(TalentRecord x) => new Dictionary<string, object?>
    {
        ["year"] = x.Year,
        ["category"] = x.Category,
        ["headcount"] = x.Headcount,
        ["description"] = x.Description,
    };

    private IReadOnlyList<Option> Categories() =>
        S.PolicyOptions(S.Policy.Ledger.TalentCategories.Select(c => (c.Code, c.Zh, c.En)));

    private Result<TalentDetails> Check(LedgerScope scope, TalentRequest r)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var year = c.Year(r.Year, "year");
        var category = c.PolicyCode(r.Category, "category", S.Policy.Ledger.TalentCategories.Select(t => t.Code));
        var headcount = c.Count(r.Headcount, "headcount", 1);
        var description = c.Text(r.Description, "description", FieldLengths.Reason, required: false);
        return c.Ok ? new TalentDetails(year!.Value, category!, headcount!.Value, description) : c.Failure;
    }
}
