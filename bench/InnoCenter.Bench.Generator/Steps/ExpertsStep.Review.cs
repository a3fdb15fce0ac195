using System.Globalization;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>The review subjects, panels, scores and site inspections of one run, drawn from the generated pool.</summary>
public sealed partial class ExpertsStep
{
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

        // One row per pool version, as the app stores them (PoolVersions): the draws between two joinings share one.
        private readonly Dictionary<string, ExpertPoolSnapshot> _pools = [];
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
            // An included collection comes back in no set order: the first of an action is the earliest by time.
            DateTimeOffset? FirstAt(Application a, ApplicationAction action) =>
                a.Events.Where(e => e.Action == action).OrderBy(e => e.At).FirstOrDefault()?.At;
            var items = apps
                .Select(a => new Item(a, FirstAt(a, ApplicationAction.PassFormalCheck)!.Value,
                    FirstAt(a, ApplicationAction.CompleteExpertReview), FirstAt(a, ApplicationAction.CompleteSiteInspection)))
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
                var parties = app.Members.Select(m => codes[m.OrganizationId]).Append(codes[app.LeadOrganizationId]).Distinct().Order(StringComparer.Ordinal).ToList();
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
            await context.InsertAsync("pool versions", _pools.Count, _pools.Values, ct, batchSize: 20);
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
            var (poolId, terms) = PoolVersion(Candidates(drawAt, year, inConflict), snapshot, app.KeyArea, drawAt);
            var draw = panel.RecordDraw(PanelDrawRecord.Create(panel.Id, PanelDrawKind.Initial, seed, snapshot, poolId, terms, excluded, outcome.Drawn, null, _admin, drawAt));
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

                var (poolAgain, termsAgain) = PoolVersion(Candidates(declinedAt, year, inConflict), again, app.KeyArea, declinedAt.AddHours(3));
                var redraw = panel.RecordDraw(PanelDrawRecord.Create(
                    panel.Id, PanelDrawKind.Replacement, seed2, again, poolAgain, termsAgain, excludedAgain, refill.Drawn, leaving.Id, _admin, declinedAt.AddHours(3)));
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

        /// <summary>The pool version a draw saw (reused when an earlier draw saw the same pool) and the draw's own terms.</summary>
        private (Guid PoolId, DrawTerms Terms) PoolVersion(IEnumerable<DrawCandidate> candidates, DrawSnapshot snapshot, string? keyArea, DateTimeOffset at)
        {
            var (pool, terms) = DrawTerms.Split(candidates, snapshot, keyArea);
            var version = ExpertPoolSnapshot.Of(pool, at);
            if (!_pools.TryGetValue(version.Sha256, out var known))
            {
                _pools[version.Sha256] = known = version;
            }

            return (known.Id, terms);
        }

        private void Count(Guid expert, int year, int by) => _load[(expert, year)] = _load.GetValueOrDefault((expert, year)) + by;

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }

    private sealed record Item(Application App, DateTimeOffset PassedAt, DateTimeOffset? ReviewedAt, DateTimeOffset? InspectedAt);
}
