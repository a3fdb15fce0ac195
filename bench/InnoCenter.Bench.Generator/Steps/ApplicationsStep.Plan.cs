using System.Globalization;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>The applications of one run, walked through the aggregate's transitions, with their objections and material files.</summary>
public sealed partial class ApplicationsStep
{
    private sealed class Plan(GeneratorContext context, Random r, string blobSha)
    {
        private readonly PolicyPack _pack = context.Policy;
        private readonly WorkingDays _workingDays = new(context.Policy.Applications.Holidays, context.Policy.Applications.AdjustedWorkdays);
        private readonly List<Guid> _leads = [.. context.ApplicantUsers.Keys];
        private readonly Dictionary<Guid, OrgRef> _orgs = context.Organizations.ToDictionary(o => o.Id);
        private readonly List<OrgRef> _academia = context.Organizations
            .Where(o => o.Type is OrganizationType.University or OrganizationType.ResearchInstitute).ToList();
        private readonly List<OrgRef> _others = context.Organizations
            .Where(o => o.Type is not (OrganizationType.University or OrganizationType.ResearchInstitute)).ToList();
        private readonly Dictionary<int, int> _approvalsPerYear = [];
        private readonly Actor _officer = new(ApplicationActor.Admin, context.AdminUserId, context.AdminName);
        private int _decisions;
        private int _richestEvents;

        public List<Objection> Objections { get; } = [];

        public List<StoredFile> Files { get; } = [];

        public Guid? RichestApproved { get; private set; }

        public Guid? OpenNotice { get; private set; }

        public Guid? AnyId { get; private set; }

        public IEnumerable<Application> Applications(int total)
        {
            // Every state at least once, however small the scale; then approvals as many as centers, the rest by weight.
            var approved = Math.Max(1, Math.Min(context.Scale.Centers, total - Spread.Length));
            var targets = Spread.Select(s => s.Status)
                .Concat(Enumerable.Repeat(ApplicationStatus.Approved, approved))
                .Concat(Enumerable.Range(0, Math.Max(0, total - approved - Spread.Length)).Select(_ => Weighted()))
                .Take(total)
                .OrderBy(_ => r.Next())
                .ToList();
            foreach (var target in targets)
            {
                var app = Build(target);
                AnyId ??= app.Id;
                yield return app;
            }
        }

        private ApplicationStatus Weighted()
        {
            var roll = r.Next(Spread.Sum(s => s.Weight));
            foreach (var (status, weight) in Spread)
            {
                if ((roll -= weight) < 0)
                {
                    return status;
                }
            }

            return ApplicationStatus.Rejected;
        }

        private Application Build(ApplicationStatus target)
        {
            var leadId = _leads[r.Next(_leads.Count)];
            var lead = _orgs[leadId];
            var (userId, userName) = context.ApplicantUsers[leadId];
            var applicant = new Actor(ApplicationActor.Applicant, userId, userName);
            var steps = Path(target);
            var times = Times(target, steps);

            var area = Names.Pick(r, _pack.KeyAreas);
            var details = new ApplicationDetails(
                $"{(lead.Region == "Tianjin" ? "天津市" : string.Empty)}{Names.IndustryWord(r)}制造业创新中心",
                area.Code,
                "C" + r.Next(13, 44).ToString(CultureInfo.InvariantCulture),
                $"以{lead.Name}为牵头单位，联合高校、科研院所和产业链上下游企业，围绕{area.Zh}领域共性关键技术开展研发、转移扩散和首次商业化应用，建设中试验证平台。",
                $"三年内突破共性关键技术{r.Next(3, 12)}项，申请发明专利{r.Next(20, 120)}项，主导或参与制定标准{r.Next(2, 10)}项，服务中小企业{r.Next(50, 400)}家。");
            var app = Application.Start(leadId, lead.Name, details, _pack.Code, _pack.Version, userId, times[0]);
            app.SetMembers(Members(lead));
            app.SetIndicators(Indicators());

            DateOnly? approvedWindowEnd = null;
            for (var i = 0; i < steps.Count; i++)
            {
                var at = times[i + 1];
                var moved = steps[i] switch
                {
                    ApplicationAction.Submit => app.Submit(applicant, at),
                    ApplicationAction.BeginFormalCheck => app.BeginFormalCheck(_officer, at),
                    ApplicationAction.PassFormalCheck => app.PassFormalCheck(_officer, at, "材料齐全，符合申报条件。"),
                    ApplicationAction.ReturnForRevision => app.ReturnForRevision(_officer, at, Names.Pick(r, ReturnReasons)),
                    ApplicationAction.CompleteExpertReview => app.CompleteExpertReview(_officer, at, $"专家组评审得分 {r.Next(68, 95)} 分。"),
                    ApplicationAction.CompleteSiteInspection => app.CompleteSiteInspection(_officer, at, "现场考察情况与申报材料相符。"),
                    ApplicationAction.Approve => Approve(app, at, target, out approvedWindowEnd),
                    ApplicationAction.Reject => app.Reject(_officer, at, Decision(at, Names.Pick(r, RejectReasons))),
                    ApplicationAction.UpholdObjection => Uphold(app, at),
                    ApplicationAction.CloseNotice => Close(app, approvedWindowEnd!.Value),
                    ApplicationAction.Withdraw => app.Withdraw(applicant, at, Names.Pick(r, WithdrawReasons)),
                    _ => throw new InvalidOperationException($"No generator for {steps[i]}."),
                };
                if (!moved.IsSuccess)
                {
                    throw new InvalidOperationException(
                        $"The generator walked an illegal path ({string.Join(" → ", steps)}) at {steps[i]}: {string.Join(", ", moved.Failure!.Errors)}");
                }
            }

            Materials(app, times[0], app.SubmittedAt);
            Remember(app);
            return app;
        }

        private void Remember(Application app)
        {
            if (app.Status == ApplicationStatus.Approved && app.Events.Count > _richestEvents)
            {
                _richestEvents = app.Events.Count;
                RichestApproved = app.Id;
            }

            if (app.Status == ApplicationStatus.PublicNotice && app.NoticeStartsOn <= context.Today)
            {
                OpenNotice ??= app.Id;
            }
        }

        /// <summary>The actions that lead from a draft to the target state, with a return-and-resubmit loop now and then.</summary>
        private List<ApplicationAction> Path(ApplicationStatus target)
        {
            var full = new List<ApplicationAction> { ApplicationAction.Submit };
            if (target is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.ReturnedForRevision) && r.Next(5) == 0)
            {
                full.AddRange([ApplicationAction.BeginFormalCheck, ApplicationAction.ReturnForRevision, ApplicationAction.Submit]);
            }

            full.AddRange([ApplicationAction.BeginFormalCheck, ApplicationAction.PassFormalCheck, ApplicationAction.CompleteExpertReview,
                ApplicationAction.CompleteSiteInspection]);
            List<ApplicationAction> UpTo(int count) => full.Take(count).ToList();
            int Index(ApplicationAction a) => full.IndexOf(a) + 1;

            switch (target)
            {
                case ApplicationStatus.Draft:
                    return [];
                case ApplicationStatus.Submitted:
                    return [ApplicationAction.Submit];
                case ApplicationStatus.ReturnedForRevision:
                    return r.Next(2) == 0
                        ? [ApplicationAction.Submit, ApplicationAction.ReturnForRevision]
                        : [ApplicationAction.Submit, ApplicationAction.BeginFormalCheck, ApplicationAction.ReturnForRevision];
                case ApplicationStatus.FormalReview:
                    return UpTo(full.LastIndexOf(ApplicationAction.BeginFormalCheck) + 1);
                case ApplicationStatus.ExpertReview:
                    return UpTo(Index(ApplicationAction.PassFormalCheck));
                case ApplicationStatus.SiteInspection:
                    return UpTo(Index(ApplicationAction.CompleteExpertReview));
                case ApplicationStatus.Deliberation:
                    return full;
                case ApplicationStatus.PublicNotice:
                    return [.. full, ApplicationAction.Approve];
                case ApplicationStatus.Rejected:
                    return [.. full, ApplicationAction.Reject];
                case ApplicationStatus.Approved:
                    return r.Next(7) == 0
                        ? [.. full, ApplicationAction.Approve, ApplicationAction.UpholdObjection, ApplicationAction.Approve, ApplicationAction.CloseNotice]
                        : [.. full, ApplicationAction.Approve, ApplicationAction.CloseNotice];
                case ApplicationStatus.Withdrawn:
                    return [.. UpTo(r.Next(0, full.Count + 1)), ApplicationAction.Withdraw];
                default:
                    throw new InvalidOperationException($"No path to {target}.");
            }
        }

        /// <summary>
        /// When the application was created (index 0) and when each step happened. An application still in progress ends
        /// its history a stage's worth of days before today (some overdue); a closed one ends somewhere in the last five years.
        /// </summary>
        private List<DateTimeOffset> Times(ApplicationStatus target, List<ApplicationAction> steps)
        {
            var gaps = steps.Select(Gap).ToList();
            var span = TimeSpan.FromDays(r.Next(3, 40)) + gaps.Aggregate(TimeSpan.Zero, (a, b) => a + b);
            DateTimeOffset end;
            if (target == ApplicationStatus.PublicNotice)
            {
                // Decided a few working days ago, so the notice window is open today.
                end = context.Now.AddDays(-r.Next(1, 3)).AddHours(-r.Next(1, 10));
            }
            else if (ApplicationLifecycle.IsFinal(target))
            {
                end = context.Now.AddDays(-r.Next(40, 5 * 365 - (int)span.TotalDays));
            }
            else
            {
                var stage = _pack.Applications.StageDays.TryGetValue(target.ToString(), out var d) ? d : 30;
                end = context.Now.AddHours(-r.Next(2, (int)(stage * 24 * 1.6)));
            }

            var start = end - span;
            var times = new List<DateTimeOffset> { start.AddDays(-r.Next(0, 5)) };
            var t = end - gaps.Aggregate(TimeSpan.Zero, (a, b) => a + b);
            foreach (var gap in gaps)
            {
                t += gap;
                times.Add(t);
            }

            return times;
        }

        private TimeSpan Gap(ApplicationAction a)
        {
            var days = a switch
            {
                ApplicationAction.Submit => r.Next(2, 30),
                ApplicationAction.BeginFormalCheck => r.Next(1, 5),
                ApplicationAction.ReturnForRevision => r.Next(2, 9),
                ApplicationAction.PassFormalCheck => r.Next(2, 10),
                ApplicationAction.CompleteExpertReview => r.Next(10, 35),
                ApplicationAction.CompleteSiteInspection => r.Next(7, 28),
                ApplicationAction.Approve or ApplicationAction.Reject => r.Next(5, 18),
                ApplicationAction.UpholdObjection => r.Next(1, 3),
                ApplicationAction.CloseNotice => 0,
                _ => r.Next(1, 30),
            };
            return TimeSpan.FromDays(days) + TimeSpan.FromMinutes(r.Next(0, 8 * 60));
        }

        private Domain.Common.Result<ApplicationStatus> Approve(Application app, DateTimeOffset at, ApplicationStatus target, out DateOnly? windowEnd)
        {
            var decided = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, LocalizationSetup.Beijing).DateTime);
            var (start, end) = _workingDays.Window(decided, _pack.Applications.NoticeWorkingDays);
            var moved = app.Approve(_officer, at, Decision(at, "同意认定，予以公示。"), start, end);
            windowEnd = end;
            if (moved.IsSuccess && target == ApplicationStatus.PublicNotice && r.Next(10) < 3 && start < context.Today)
            {
                Objections.Add(Objection.File(app.Id, Names.Person(r), "138" + r.Next(1000_0000, 9999_9999), "对联合体成员出资情况有异议，请核实。",
                    new DateTimeOffset(start.ToDateTime(new TimeOnly(2, 30)), TimeSpan.Zero)));
            }

            return moved;
        }

        private Domain.Common.Result<ApplicationStatus> Uphold(Application app, DateTimeOffset at)
        {
            var objection = Objection.File(app.Id, Names.Person(r), "139" + r.Next(1000_0000, 9999_9999), "牵头单位存在未披露的知识产权纠纷。", at.AddDays(-1));
            objection.Resolve(true, "经核实异议成立，退回审议。", context.AdminUserId, at);
            Objections.Add(objection);
            return app.UpholdObjection(_officer, at, "经核实异议成立，退回审议。");
        }

        private Domain.Common.Result<ApplicationStatus> Close(Application app, DateOnly windowEnd)
        {
            var today = windowEnd.AddDays(1);
            var year = today.Year;
            var seq = _approvalsPerYear[year] = _approvalsPerYear.GetValueOrDefault(year) + 1;
            var rules = _pack.Applications;
            if (r.Next(10) == 0)
            {
                var dismissed = Objection.File(app.Id, Names.Person(r), "137" + r.Next(1000_0000, 9999_9999), "对建设方案的资金安排有疑问。",
                    new DateTimeOffset(windowEnd.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
                dismissed.Resolve(false, "经核实，资金安排符合规定，异议不成立。", context.AdminUserId, dismissed.FiledAt.AddHours(5));
                Objections.Add(dismissed);
            }

            return app.CloseNotice(
                new DateTimeOffset(today.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero), today,
                ApplicationRules.FormatNumber(rules.ApprovalNumberFormat, year, seq),
                ApplicationRules.FormatNumber(rules.PlaqueNumberFormat, year, seq));
        }

        private Decision Decision(DateTimeOffset at, string reason)
        {
            var meeting = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, LocalizationSetup.Beijing).DateTime).AddDays(-r.Next(0, 4));
            return new Decision(meeting, $"审议〔{meeting.Year}〕{++_decisions}号", reason);
        }

        /// <summary>The lead plus 2–6 members, at least one university or institute; shares are whole percents totalling 100.</summary>
        private List<ConsortiumMember> Members(OrgRef lead)
        {
            var chosen = new List<OrgRef> { lead };
            void Take(List<OrgRef> pool)
            {
                for (var tries = 0; tries < 10; tries++)
                {
                    var o = pool[r.Next(pool.Count)];
                    if (!chosen.Contains(o))
                    {
                        chosen.Add(o);
                        return;
                    }
                }
            }

            Take(_academia.Count > 0 ? _academia : _others);
            var extra = r.Next(1, 6);
            for (var i = 0; i < extra; i++)
            {
                Take(r.Next(3) == 0 && _academia.Count > 0 ? _academia : _others);
            }

            var shares = Shares(chosen.Count);
            return chosen.Select((o, i) => new ConsortiumMember(o.Id, o.Type, o.Region, shares[i], isLead: i == 0)).ToList();
        }

        private decimal[] Shares(int n)
        {
            var shares = new decimal[n];
            var lead = r.Next(30, 61);
            shares[0] = lead;
            var rest = 100 - lead;
            var weights = Enumerable.Range(1, n - 1).Select(_ => r.Next(1, 10)).ToArray();
            var sum = weights.Sum();
            var given = 0;
            for (var i = 1; i < n; i++)
            {
                var share = i == n - 1 ? rest - given : Math.Max(1, rest * weights[i - 1] / sum);
                shares[i] = share;
                given += share;
            }

            if (shares.Skip(1).Any(s => s <= 0))
            {
                // Too many members for the remainder: fall back to an even split with the lead taking what is left.
                var each = Math.Max(1, (100 - 30) / (n - 1));
                for (var i = 1; i < n; i++)
                {
                    shares[i] = each;
                }

                shares[0] = 100 - each * (n - 1);
            }

            return shares;
        }

        private List<PlannedIndicator> Indicators() =>
            IndicatorTemplates.OrderBy(_ => r.Next()).Take(r.Next(2, 5))
                .Select(t =>
                {
                    var y1 = t.Base * r.Next(5, 15) / 10m;
                    return new PlannedIndicator(t.Name, t.Unit, y1, Math.Round(y1 * 1.5m), Math.Round(y1 * 2.2m));
                })
                .ToList();

        /// <summary>Every required material before submission (a re-upload now and then); a draft has some of them.</summary>
        private void Materials(Application app, DateTimeOffset created, DateTimeOffset? submitted)
        {
            var until = submitted ?? created.AddDays(2);
            var materials = _pack.RequiredMaterials.Where(m => submitted is not null ? m.Required || r.Next(3) == 0 : r.Next(2) == 0).ToList();
            foreach (var m in materials)
            {
                var versions = r.Next(10) == 0 ? 2 : 1;
                for (var v = 1; v <= versions; v++)
                {
                    Files.Add(new StoredFile
                    {
                        OwnerType = ApplicationHandlers.OwnerType,
                        OwnerId = app.Id,
                        Slot = m.Code,
                        Version = v,
                        IsCurrent = v == versions,
                        Sha256 = blobSha,
                        Size = MaterialPdf.Length,
                        Kind = "pdf",
                        ContentType = "application/pdf",
                        OriginalName = $"{m.Zh}{(v > 1 ? "（修改稿）" : string.Empty)}.pdf",
                        UploadedBy = app.CreatedBy,
                        UploadedAt = until.AddHours(-(versions - v + 1) * r.Next(1, 48)),
                    });
                }
            }
        }
    }
}
