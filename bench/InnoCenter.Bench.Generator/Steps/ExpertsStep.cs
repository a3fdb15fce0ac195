using System.Globalization;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// The expert pool (专家库) with domains, key areas, employers and past employers (credit codes of generated
/// organisations); a review subject for every application that passed the formal check, with its consortium's credit
/// codes, as the app registers one; and for the newest of them (<see cref="Scale.ReviewPanels"/>) the expert review
/// itself: a seeded draw through <see cref="PanelDrawing"/> from the pool of the day (conflicted, inactive and capped
/// experts left out by the domain rules), answers, a replacement draw where someone declined, score sheets, the
/// leader's panel opinion, and the site inspection — as far as each application's timeline had gone.
/// <para>
/// Why only the newest: a draw records its whole eligible pool (<see cref="DrawSnapshot"/>), about 95 bytes per
/// expert, so at 5,000 experts every draw stores ≈ 0.5 MB; a panel for each of the ≈ 6,000 national applications that
/// reached expert review would be ≈ 3 GB of snapshots. Applications still under review come first, then the newest.
/// </para>
/// </summary>
public sealed class ExpertsStep : IGeneratorStep
{
    private static readonly string[] TitlesTech = ["教授", "研究员", "教授级高级工程师", "高级工程师", "副教授", "副研究员"];
    private static readonly string[] TitlesEcon = ["教授", "高级经济师", "注册会计师", "研究员"];
    private static readonly string[] TitlesLaw = ["律师", "教授", "高级律师"];
    private static readonly string[] TitlesMgmt = ["教授", "高级经济师", "正高级工程师", "研究员"];

    private static readonly string[] Comments =
    [
        "技术路线清晰，联合体产学研结合紧密，建议加强知识产权运营机制设计。", "建设方案目标明确，共性技术定位准确，中试平台建设需进一步细化。",
        "牵头单位行业影响力强，成员单位覆盖产业链上下游，资金来源基本落实。", "研发基础较好，但成果转移转化机制不够具体，建议补充量化目标。",
        "治理结构完整，需进一步明确成员单位出资和收益分配方式。", "与现有平台存在一定重复，建议聚焦细分领域的关键共性技术。",
    ];

    private static readonly string[] DeclineReasons = ["时间冲突，无法参加评审会。", "近期出差在外，无法按时完成评审。", "身体原因，申请回避本次评审。"];

    private static readonly string[] DeclaredReasons = ["本人曾参与该牵头单位的项目合作。", "与联合体成员单位负责人存在亲属关系。", "近三年为该成员单位提供过咨询服务。"];

    public int Order => 40;

    public string Name => "experts, review subjects, panels, scores and site inspections";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var count = context.Scale.Experts;
        if (count == 0 || context.Organizations.Count == 0)
        {
            return;
        }

        var experts = Pool(context, random, count);
        await context.InsertAsync("experts", experts.Count, experts, ct);
        var withHistory = experts.Where(e => e.PastAffiliations.Count > 0).OrderByDescending(e => e.PastAffiliations.Count).ThenBy(e => e.Name, StringComparer.Ordinal).First();
        context.Sample("EXPERT_ID", withHistory.Id);
        context.Sample("EXPERT_SEARCH", withHistory.Name[..1]);

        var review = new Review(context, random, experts);
        await review.RunAsync(ct);
    }

    /// <summary>The pool: most experts were there from the start of the history, the rest joined over the five years.</summary>
    private static List<Expert> Pool(GeneratorContext context, Random r, int count)
    {
        var domains = context.Policy.ExpertDomains.Select(d => d.Code).ToList();
        var areas = context.Policy.KeyAreas;
        var academia = context.Organizations.Where(o => o.Type is OrganizationType.University or OrganizationType.ResearchInstitute).ToList();
        var others = context.Organizations.Where(o => o.Type is not (OrganizationType.University or OrganizationType.ResearchInstitute)).ToList();
        var start = context.Now.AddYears(-6);
        var experts = new List<Expert>(count);
        for (var i = 0; i < count; i++)
        {
            // Technology most, law least; a third hold a second domain. Every domain the quotas need is well covered.
            var primary = Weighted(r, domains, [10, 45, 25, 13, 7]);
            var held = new List<string> { primary };
            if (r.Next(3) == 0)
            {
                held.Add(domains[r.Next(domains.Count)]);
            }

            var employer = academia.Count > 0 && r.Next(100) < 45 ? Names.Pick(r, academia) : Names.Pick(r, others);
            var past = new List<AffiliationPeriod>();
            var pastCount = r.Next(100) switch { < 50 => 0, < 85 => 1, _ => 2 };
            var cursor = context.Today.AddDays(-r.Next(30, 9 * 365));
            for (var p = 0; p < pastCount; p++)
            {
                var before = r.Next(2) == 0 && academia.Count > 0 ? Names.Pick(r, academia) : Names.Pick(r, others);
                if (before.Id == employer.Id || past.Any(x => x.CreditCode == before.CreditCode))
                {
                    continue;
                }

                var ended = cursor;
                var began = ended.AddDays(-r.Next(2 * 365, 10 * 365));
                past.Add(new AffiliationPeriod(before.CreditCode, before.Name, began, ended));
                cursor = began;
            }

            var since = past.Count > 0 ? past.Max(p => p.EndedOn) : context.Today.AddDays(-r.Next(365, 15 * 365));
            var area = Names.Pick(r, areas);
            var second = r.Next(2) == 0 ? Names.Pick(r, areas) : area;
            var title = primary switch
            {
                "technology" or "industry" => Names.Pick(r, TitlesTech),
                "economics" => Names.Pick(r, TitlesEcon),
                "law" => Names.Pick(r, TitlesLaw),
                _ => Names.Pick(r, TitlesMgmt),
            };
            var domainZh = context.Policy.ExpertDomains.First(d => d.Code == primary).Zh;
            var profile = new ExpertProfile(
                null, Names.Person(r), title, employer.CreditCode, employer.Name, since, held, new[] { area.Code, second.Code }.Distinct().ToList(),
                $"{area.Zh}领域{domainZh}方向，长期从事{Names.IndustryWord(r)}相关研究与评审工作。",
                "1" + (30 + r.Next(0, 60)).ToString(CultureInfo.InvariantCulture) + r.Next(1000_0000, 9999_9999).ToString(CultureInfo.InvariantCulture),
                r.Next(3) == 0 ? $"expert{i + 1:D5}@experts.bench.local" : null,
                r.Next(100) >= 6,
                past);
            var joined = r.Next(100) < 70 ? start.AddDays(-r.Next(0, 365)) : start.AddDays(r.Next(0, 6 * 365 - 30));
            experts.Add(Expert.Create(profile, joined));
        }

        return experts;
    }

    private static string Weighted(Random r, List<string> items, int[] weights)
    {
        var roll = r.Next(weights.Take(items.Count).Sum());
        for (var i = 0; i < items.Count; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, LocalizationSetup.Beijing).DateTime);

    /// <summary>The review of the applications, in the order their formal checks passed, so that yearly loads count as they did.</summary>
    private sealed class Review(GeneratorContext context, Random r, List<Expert> experts)
    {
        private readonly ReviewRules _rules = context.Policy.Review;
        private readonly ScoringForm _form = context.Policy.Review.FormFor(nameof(ReviewSubjectKind.Application))
                                             ?? throw new InvalidOperationException("The policy pack has no scoring form for applications.");
        private readonly List<Expert> _byJoining = experts.OrderBy(e => e.CreatedAt).ToList();
        private readonly Dictionary<Guid, Expert> _experts = experts.ToDictionary(e => e.Id);
        private readonly Dictionary<(Guid Expert, int Year), int> _load = [];
        private readonly Dictionary<string, List<Expert>> _byCode = experts
            .SelectMany(e => e.PastAffiliations.Select(a => a.CreditCode).Append(e.AffiliationCreditCode).Distinct().Select(c => (c, e)))
            .GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.Select(x => x.e).ToList());

        private readonly Guid? _admin = context.AdminUserId == Guid.Empty ? null : context.AdminUserId;
        private readonly List<ReviewSubject> _subjects = [];
        private readonly List<ConflictDeclaration> _declarations = [];
        private readonly List<ReviewPanel> _panels = [];
        private readonly List<ScoreSheet> _sheets = [];
        private readonly List<SiteInspection> _inspections = [];
        private int _replacements;

        public async Task RunAsync(CancellationToken ct)
        {
            var db = context.Db;
            var apps = await db.Applications.AsNoTracking().AsSplitQuery().Include(a => a.Members).Include(a => a.Events)
                .Where(a => a.Events.Any(e => e.Action == ApplicationAction.PassFormalCheck))
                .ToListAsync(ct);
            var codes = context.Organizations.ToDictionary(o => o.Id, o => o.CreditCode);
            var names = context.Organizations.ToDictionary(o => o.Id, o => o.Name);
            var items = apps
                .Select(a => new Item(a, a.Events.First(e => e.Action == ApplicationAction.PassFormalCheck).At,
                    a.Events.FirstOrDefault(e => e.Action == ApplicationAction.CompleteExpertReview)?.At,
                    a.Events.FirstOrDefault(e => e.Action == ApplicationAction.CompleteSiteInspection)?.At))
                .OrderBy(i => i.PassedAt).ThenBy(i => i.App.CenterName, StringComparer.Ordinal).ThenBy(i => i.App.CreatedAt)
                .ToList();

            // Which get a panel: those under review now first, then the newest; the harness's sample application always.
            var sample = context.SampleOf("APPLICATION_ID");
            var chosen = items
                .OrderByDescending(i => i.App.Id.ToString() == sample)
                .ThenByDescending(i => i.App.Status is ApplicationStatus.ExpertReview or ApplicationStatus.SiteInspection or ApplicationStatus.Deliberation or ApplicationStatus.PublicNotice)
                .ThenByDescending(i => i.PassedAt)
                .Take(context.Scale.ReviewPanels)
                .Select(i => i.App.Id)
                .ToHashSet();

            ReviewSubject? richest = null;
            var richestScore = -1;
            foreach (var item in items)
            {
                var app = item.App;
                var parties = app.Members.Select(m => codes[m.OrganizationId]).Append(codes[app.LeadOrganizationId]).Distinct().ToList();
                var subject = ReviewSubject.Create(
                    ReviewSubjectKind.Application, app.Id, app.CenterName, app.KeyArea, TimeZoneInfo.ConvertTime(item.PassedAt, LocalizationSetup.Beijing).Year,
                    parties, item.PassedAt);
                _subjects.Add(subject);
                if (!chosen.Contains(app.Id))
                {
                    continue;
                }

                var declared = new HashSet<Guid>();
                if (r.Next(100) < 8)
                {
                    var who = experts[r.Next(experts.Count)];
                    _declarations.Add(ConflictDeclaration.Create(subject.Id, who.Id, Names.Pick(r, DeclaredReasons), true, _admin, item.PassedAt.AddHours(2)));
                    declared.Add(who.Id);
                }

                var panel = Panel(item, subject, parties, declared);
                if (panel is null)
                {
                    continue;
                }

                if (item.InspectedAt is not null || (app.Status == ApplicationStatus.SiteInspection && r.Next(2) == 0))
                {
                    _inspections.Add(Inspection(item, subject, panel, names[app.LeadOrganizationId]));
                }

                var score = (item.ReviewedAt is null ? 0 : 10) + (item.InspectedAt is null ? 0 : 10) + app.Members.Count
                            + (app.Id.ToString() == sample ? 100 : 0);
                if (score > richestScore)
                {
                    richestScore = score;
                    richest = subject;
                }
            }

            await context.InsertAsync("review subjects", _subjects.Count, _subjects, ct, batchSize: 2_000);
            await context.InsertAsync("conflict declarations", _declarations.Count, _declarations, ct);
            await context.InsertAsync("panels (with draws)", _panels.Count, _panels, ct, batchSize: 50);
            await context.InsertAsync("score sheets", _sheets.Count, _sheets, ct, batchSize: 2_000);
            await context.InsertAsync("site inspections", _inspections.Count, _inspections, ct, batchSize: 1_000);
            Console.WriteLine($"  replacement draws          {_replacements,9:N0}");
            if (richest is not null)
            {
                context.Sample("REVIEW_SUBJECT_ID", richest.Id);
                context.Sample("REVIEW_APPLICATION_ID", richest.ReferenceId);
            }
        }

        private ReviewPanel? Panel(Item item, ReviewSubject subject, List<string> parties, HashSet<Guid> declared)
        {
            var app = item.App;
            var end = item.ReviewedAt ?? context.Now.AddHours(-1);
            var drawAt = item.PassedAt.AddHours(r.Next(4, 72));
            if (drawAt >= end)
            {
                drawAt = item.PassedAt + (end - item.PassedAt) / 4;
            }

            var today = Day(drawAt);
            var year = subject.Year;
            var inConflict = parties.Where(_byCode.ContainsKey).SelectMany(c => _byCode[c]).Distinct()
                .Where(e => ConflictRules.Judge(e.Affiliations(), parties, today, _rules.Conflict.LookbackYears, false, []).InConflict)
                .Select(e => e.Id)
                .Concat(declared)
                .ToHashSet();
            var size = r.Next(100) < 15 && _rules.Panel.MaxSize >= 7 ? 7 : _rules.Panel.DefaultSize;
            var (snapshot, excluded) = PanelDrawing.Prepare(Candidates(drawAt, year, inConflict), size, _rules.Panel.Quotas, _rules.Load.MaxPanelsPerYear, app.KeyArea, [], []);
            var seed = (ulong)r.NextInt64();
            var outcome = PanelDrawing.Run(snapshot, seed);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The draw for {app.CenterName} was refused: {outcome.Refusal}");
            }

            var panel = ReviewPanel.Create(subject.Id, size, _rules.Panel.Quotas, _form, _rules.Aggregation, _admin, drawAt);
            var draw = panel.RecordDraw(PanelDrawRecord.Create(panel.Id, PanelDrawKind.Initial, seed, snapshot, excluded, outcome.Drawn, null, _admin, drawAt));
            foreach (var id in outcome.Drawn)
            {
                panel.AddMember(id, PanelMemberSource.Drawn, draw.Id, null, drawAt);
                Count(id, year, 1);
            }

            // Answers: everyone accepts within days, except now and then one who declines and is replaced by a new draw.
            var finished = item.ReviewedAt is not null;
            var window = end - drawAt;
            DateTimeOffset Within(double from, double to) => drawAt + window * (from + (to - from) * r.NextDouble());
            if (r.Next(100) < 12)
            {
                var leaving = panel.Members[r.Next(panel.Members.Count)];
                var declinedAt = Within(0.02, 0.15);
                leaving.Decline(Names.Pick(r, DeclineReasons), declinedAt);
                Count(leaving.ExpertId, year, -1);
                var kept = panel.ActiveMembers.Select(m => _experts[m.ExpertId])
                    .Select(e => new PoolEntry(e.Id, e.Domains.Order(StringComparer.Ordinal).ToList(), false)).ToList();
                var (again, excludedAgain) = PanelDrawing.Prepare(
                    Candidates(declinedAt, year, inConflict), panel.Size, panel.Quotas, _rules.Load.MaxPanelsPerYear, app.KeyArea, kept,
                    panel.Members.Select(m => m.ExpertId).ToList());
                var seed2 = (ulong)r.NextInt64();
                var refill = PanelDrawing.Run(again, seed2);
                if (!refill.Succeeded)
                {
                    throw new InvalidOperationException($"The replacement draw for {app.CenterName} was refused: {refill.Refusal}");
                }

                var redraw = panel.RecordDraw(PanelDrawRecord.Create(panel.Id, PanelDrawKind.Replacement, seed2, again, excludedAgain, refill.Drawn, leaving.Id, _admin, declinedAt.AddHours(3)));
                foreach (var id in refill.Drawn)
                {
                    panel.AddMember(id, PanelMemberSource.Replacement, redraw.Id, leaving.Id, declinedAt.AddHours(3));
                    Count(id, year, 1);
                }

                _replacements++;
            }

            foreach (var m in panel.Members.Where(m => m.Status == PanelMemberStatus.Invited))
            {
                if (finished || r.Next(100) < 80)
                {
                    m.Accept(Max(m.InvitedAt.AddHours(1), Within(0.05, 0.3)));
                }
            }

            var accepted = panel.Members.Where(m => m.Status == PanelMemberStatus.Accepted).ToList();
            if (accepted.Count == 0)
            {
                _panels.Add(panel);
                return panel;
            }

            var leader = accepted[0];
            panel.SetLeader(leader.Id);

            // Scores: the application's quality decides the level, each expert varies around it.
            var quality = 0.55 + r.NextDouble() * 0.4;
            var totals = new List<decimal>();
            foreach (var m in accepted)
            {
                if (!finished && r.Next(100) < 40)
                {
                    continue;
                }

                var points = _form.Criteria.ToDictionary(
                    c => c.Code,
                    c => (decimal?)Math.Clamp(Math.Round((decimal)((quality + (r.NextDouble() - 0.5) * 0.2) * (double)c.MaxPoints) * 2m) / 2m, 0m, c.MaxPoints));
                var total = points.Values.Sum(v => v!.Value);
                var share = total / _form.MaxTotal;
                var recommendation = share >= 0.8m ? Recommendation.Approve : share >= 0.65m ? Recommendation.ApproveWithConditions : Recommendation.Reject;
                var sheet = ScoreSheet.Submit(m, _form, points, Names.Pick(r, Comments), recommendation.ToString(), Max(m.RespondedAt!.Value.AddHours(2), Within(0.4, 0.9)));
                if (!sheet.IsSuccess)
                {
                    throw new InvalidOperationException($"A generated score sheet was refused: {string.Join(", ", sheet.Failure!.Errors)}");
                }

                _sheets.Add(sheet.Value);
                totals.Add(total);
            }

            if (finished || (totals.Count == accepted.Count && totals.Count == panel.Size && r.Next(2) == 0))
            {
                var mean = totals.Count == 0 ? 0 : totals.Average();
                var share = mean / _form.MaxTotal;
                var recommendation = app.Status == ApplicationStatus.Rejected && share < 0.8m ? Recommendation.ApproveWithConditions
                    : share >= 0.75m ? Recommendation.Approve : share >= 0.6m ? Recommendation.ApproveWithConditions : Recommendation.Reject;
                panel.WriteOpinion(leader, $"专家组经审阅材料、听取汇报和质询，平均得分 {mean:F1} 分。{Names.Pick(r, Comments)}", recommendation, Within(0.92, 0.99));
            }

            _panels.Add(panel);
            return panel;
        }

        private SiteInspection Inspection(Item item, ReviewSubject subject, ReviewPanel panel, string leadName)
        {
            var start = item.ReviewedAt ?? item.PassedAt;
            var end = item.InspectedAt ?? context.Now.AddHours(-2);
            var at = start + (end - start) * (0.3 + 0.6 * r.NextDouble());
            var pass = item.App.Status != ApplicationStatus.Rejected || r.Next(3) > 0;
            var participants = panel.Members.Where(m => m.Status == PanelMemberStatus.Accepted).Take(3)
                .Select(m => new ParticipantDetails(ParticipantKind.Expert, m.ExpertId, _experts[m.ExpertId].Name, _experts[m.ExpertId].AffiliationName))
                .Append(new ParticipantDetails(ParticipantKind.Staff, null, Names.Person(r), "市工业和信息化局科技处"))
                .Append(new ParticipantDetails(ParticipantKind.Staff, null, Names.Person(r), "区工业和信息化局"))
                .ToList();
            var findings = _rules.SiteInspectionChecklist
                .Select(c =>
                {
                    var roll = r.Next(100);
                    var result = pass ? (roll < 80 ? FindingResult.Met : FindingResult.PartlyMet) : (roll < 40 ? FindingResult.Met : roll < 75 ? FindingResult.PartlyMet : FindingResult.NotMet);
                    return new FindingDetails(c.Code, c.Zh, c.En, result, result == FindingResult.Met ? null : "现场核查发现部分条件尚未完全到位。");
                })
                .ToList();
            var conclusion = !pass ? InspectionConclusion.Fail : findings.Any(f => f.Result != FindingResult.Met) ? InspectionConclusion.PassWithConditions : InspectionConclusion.Pass;
            var details = new SiteInspectionDetails(
                Day(at), $"{leadName}研发中心", participants, findings, conclusion,
                conclusion switch
                {
                    InspectionConclusion.PassWithConditions => "请于三个月内完成中试线设备安装并报送整改情况。",
                    InspectionConclusion.Fail => "研发场地和人员与申报材料不符。",
                    _ => null,
                });
            return SiteInspection.Record(subject.Id, details, _admin, at.AddHours(6));
        }

        /// <summary>The pool as a draw at <paramref name="at"/> sees it: experts who had joined by then, with their load that year.</summary>
        private IEnumerable<DrawCandidate> Candidates(DateTimeOffset at, int year, HashSet<Guid> inConflict)
        {
            foreach (var e in _byJoining)
            {
                if (e.CreatedAt > at)
                {
                    yield break;
                }

                yield return new DrawCandidate(e.Id, e.Domains, e.KeyAreas, e.IsActive, inConflict.Contains(e.Id), _load.GetValueOrDefault((e.Id, year)));
            }
        }

        private void Count(Guid expert, int year, int by) => _load[(expert, year)] = _load.GetValueOrDefault((expert, year)) + by;

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }

    private sealed record Item(Application App, DateTimeOffset PassedAt, DateTimeOffset? ReviewedAt, DateTimeOffset? InspectedAt);
}
