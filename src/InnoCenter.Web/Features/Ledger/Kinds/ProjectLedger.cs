using System.Linq.Expressions;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>研发项目: frontier or common key technology, with budget, participating members and TRL at start, target and reached.</summary>
public sealed class ProjectLedger(LedgerServices s) : LedgerKind<RdProject, ProjectRequest>(s)
{
    public const string Key = "projects";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("title", FieldType.Text, true) { LabelKey = "ledger.field.projectTitle" },
        new("type", FieldType.Choice, true) { LabelKey = "ledger.field.projectType", Options = () => S.EnumOptions<ProjectType>("ledger.projecttype") },
        new("budget", FieldType.Money, true),
        new("participants", FieldType.Members) { InList = false },
        new("trlStart", FieldType.Integer, true) { HelpKey = "ledger.field.trl.help" },
        new("trlTarget", FieldType.Integer, true),
        new("trlReached", FieldType.Integer),
        new("status", FieldType.Choice, true) { LabelKey = "ledger.field.projectStatus", Options = () => S.EnumOptions<ProjectStatus>("ledger.projectstatus") },
        new("startedOn", FieldType.Date, true),
        new("endedOn", FieldType.Date),
    ];

    public override string? TypeLabelKey => "ledger.field.projectType";

    public override IReadOnlyList<Option> TypeOptions => S.EnumOptions<ProjectType>("ledger.projecttype");

    protected override IQueryable<RdProject> Records => Db.LedgerProjects.Include(x => x.Participants);

    protected override IQueryable<RdProject> Search(IQueryable<RdProject> q, string text) => q.Where(x => x.Title.Contains(text));

    protected override IQueryable<RdProject> OfType(IQueryable<RdProject> q, string type) =>
        Enum.TryParse<ProjectType>(type, true, out var t) ? q.Where(x => x.Type == t) : q.Where(_ => false);

    protected override Expression<Func<RdProject, bool>> Concerning(Guid organizationId) =>
        x => x.Participants.Any(p => p.OrganizationId == organizationId);

    protected override IEnumerable<string?> CreditCodesIn(ProjectRequest r) => r.Participants ?? [];

    protected override async Task<Result<RdProject>> BuildAsync(LedgerScope scope, ProjectRequest r, CancellationToken ct)
    {
        var d = await CheckAsync(scope, r, ct);
        return d.IsSuccess ? RdProject.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!;
    }

    protected override async Task<Result<RdProject>> ApplyAsync(LedgerScope scope, RdProject record, ProjectRequest r, CancellationToken ct)
    {
        var d = await CheckAsync(scope, r, ct);
        if (!d.IsSuccess)
        {
            return d.Failure!;
        }

        record.Apply(d.Value, S.Now);
        return record;
    }

    protected override Task PrepareAsync(IReadOnlyList<RdProject> records, CancellationToken ct) =>
        S.Orgs.PreloadIdsAsync(records.SelectMany(r => r.Participants.Select(p => p.OrganizationId)), ct);

    protected override IReadOnlyDictionary<string, object?> ValuesOf(RdProject x) => new Dictionary<string, object?>
    {
        ["title"] = x.Title,
        ["type"] = x.Type.ToString(),
        ["budget"] = Money.ToYuan(x.BudgetFen),
        ["participants"] = x.Participants.Select(p => S.Orgs.CodeOf(p.OrganizationId)).Order().ToList(),
        ["trlStart"] = x.TrlStart,
        ["trlTarget"] = x.TrlTarget,
        ["trlReached"] = x.TrlReached,
        ["status"] = x.Status.ToString(),
        ["startedOn"] = x.StartedOn,
        ["endedOn"] = x.EndedOn,
    };

    private async Task<Result<RdProjectDetails>> CheckAsync(LedgerScope scope, ProjectRequest r, CancellationToken ct)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var title = c.Text(r.Title, "title", FieldLengths.Title);
        var type = c.Choice<ProjectType>(r.Type, "type");
        var budget = c.Money(r.Budget, "budget");
        var started = c.Date(r.StartedOn, "startedOn");
        var ended = c.Date(r.EndedOn, "endedOn", required: false);
        var status = c.Choice<ProjectStatus>(r.Status, "status");
        var start = c.Count(r.TrlStart, "trlStart", 1);
        var target = c.Count(r.TrlTarget, "trlTarget", 1);
        var participants = await c.MembersAsync(r.Participants, "participants", started ?? scope.Today, ct);
        if (started is { } s1 && status is { } st && start is { } t1 && target is { } t2)
        {
            c.Errors.AddRange(RdProject.Check(t1, t2, r.TrlReached, st, s1, ended));
        }

        if (!c.Ok)
        {
            return c.Failure;
        }

        return new RdProjectDetails(title!, type!.Value, budget!.Value, start!.Value, target!.Value, r.TrlReached, status!.Value, started!.Value, ended, participants);
    }
}
