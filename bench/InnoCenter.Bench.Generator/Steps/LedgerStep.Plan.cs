using System.Diagnostics;
using System.Globalization;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>The ledger of one run: every center's records over its life, and the tally of what was written.</summary>
public sealed partial class LedgerStep
{
    private sealed class Plan(GeneratorContext context, Random r)
    {
        private readonly List<OrgRef> _enterprises = context.Organizations.Where(o => o.Type == OrganizationType.Enterprise).ToList();
        private readonly List<OrgRef> _all = context.Organizations;
        private readonly Dictionary<(int Year, char Kind), int> _serials = [];
        private readonly Dictionary<string, int> _counts = [];
        private readonly string[] _talent = context.Policy.Ledger.TalentCategories.Select(c => c.Code).ToArray();
        private readonly string[] _sme = context.Policy.Ledger.SmeServiceKinds.Select(c => c.Code).ToArray();
        private readonly Dictionary<(Guid Center, Guid Org), int> _statement = [];
        private int _incubated;
        private (Guid Center, int Ip) _richest;

        public async Task RunAsync(CancellationToken ct)
        {
            var scale = context.Scale;
            var centers = context.Centers;
            var weights = centers.ToDictionary(c => c.Id, c => Math.Max(30, context.Today.DayNumber - c.LifeStart.DayNumber) * (0.3 + r.NextDouble()));
            var sum = weights.Values.Sum();
            var receipts = (int)(scale.Deals * 1.1);
            var staff = centers.Sum(c => context.Today.Year - c.LifeStart.Year + 1);
            var rest = Math.Max(0, scale.LedgerRows - scale.IpRecords - scale.Deals - receipts - staff);

            var clock = Stopwatch.StartNew();
            var batch = new List<object>();
            var pending = 0;
            var done = 0;
            foreach (var center in centers)
            {
                var share = weights[center.Id] / sum;
                var n = new Counts(
                    Ip: Quota(scale.IpRecords * share),
                    Deals: Quota(scale.Deals * share),
                    Projects: Quota(rest * 0.20 * share),
                    Standards: Quota(rest * 0.10 * share),
                    Incubated: Quota(rest * 0.05 * share),
                    Talent: Quota(rest * 0.15 * share),
                    Training: Quota(rest * 0.15 * share),
                    Intl: Quota(rest * 0.05 * share),
                    Sme: Quota(rest * 0.30 * share));
                pending += Center(center, n, batch);
                done++;
                if (pending >= 20_000 || done == centers.Count)
                {
                    await context.SaveBatchAsync(batch, ct);
                    batch.Clear();
                    pending = 0;
                    GeneratorContext.Progress("ledger (centers)", done, centers.Count, clock);
                }
            }

            foreach (var (kind, count) in _counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {kind,-26} {count,9:N0}");
            }

            Console.WriteLine($"  {"ledger records in all",-26} {_counts.Where(c => !c.Key.StartsWith("  ", StringComparison.Ordinal)).Sum(c => c.Value),9:N0}");
            var codes = context.Organizations.ToDictionary(o => o.Id, o => o.CreditCode);
            var (statementCenter, statementOrg) = _statement.OrderByDescending(s => s.Value).ThenBy(s => codes[s.Key.Org], StringComparer.Ordinal).First().Key;
            context.Sample("LEDGER_CENTER_ID", _richest.Center);
            context.Sample("LEDGER_YEAR", context.Today.Year - 1);
            context.Sample("IP_SEARCH", "检测");
            context.Sample("STATEMENT_CENTER_ID", statementCenter);
            context.Sample("STATEMENT_ORGANIZATION_ID", statementOrg);
        }

        /// <summary>A whole count whose expectation is <paramref name="x"/>, so small centers get their fractional share on average.</summary>
        private int Quota(double x) => (int)x + (r.NextDouble() < x - Math.Floor(x) ? 1 : 0);

        private int Center(CenterRef c, Counts n, List<object> batch)
        {
            var now = CentersStep.At(context.Today.AddDays(-1));
            var start = c.LifeStart;
            var span = Math.Max(1, context.Today.DayNumber - 1 - start.DayNumber);
            DateOnly AnyDay() => start.AddDays(r.Next(0, span));
            List<MemberPeriod> On(DateOnly day) => c.Members.Where(m => m.JoinedOn <= day && (m.LeftOn is null || day < m.LeftOn)).ToList();
            List<MemberPeriod> OnOrFounding(DateOnly day)
            {
                var members = On(day);
                return members.Count > 0 ? members : c.Members.Where(m => m.JoinedOn == c.ApprovedOn).ToList();
            }

            var before = batch.Count;

            // IP, oldest first, so that deals can name IP filed before they were signed.
            var ips = new List<(IpRecord Ip, List<ShareOf> Owners)>(n.Ip);
            for (var i = 0; i < n.Ip; i++)
            {
                var filed = AnyDay();
                var kind = Weighted(IpKinds);
                DateOnly? granted = null;
                switch (kind)
                {
                    case IpKind.InventionGrant:
                        var g = filed.AddDays(r.Next(300, 1000));
                        if (g >= context.Today)
                        {
                            kind = IpKind.InventionApplication;
                        }
                        else
                        {
                            granted = g;
                        }

                        break;
                    case IpKind.UtilityModel or IpKind.Design:
                        var u = filed.AddDays(r.Next(90, 300));
                        granted = u < context.Today && r.Next(100) < 80 ? u : null;
                        break;
                }

                var number = Number(kind, filed);
                var owners = Owners(OnOrFounding(filed));
                var details = new IpDetails(kind, number, Title(), filed, granted, owners);
                if (IpNumbers.Normalize(kind, number, out var error) != number || IpRecord.Check(kind, filed, granted).Any())
                {
                    throw new InvalidOperationException($"A generated IP record would be refused: {kind} {number} {error}");
                }

                ips.Add((IpRecord.Create(c.Id, details, now), owners));
            }

            ips.Sort((a, b) => a.Ip.FilingDate.CompareTo(b.Ip.FilingDate));
            batch.AddRange(ips.Select(x => x.Ip));
            Tally("ip records", ips.Count);
            Tally("  ip co-owners", ips.Sum(x => x.Owners.Count));
            if (ips.Count > _richest.Ip)
            {
                _richest = (c.Id, ips.Count);
            }

            for (var i = 0; i < n.Deals; i++)
            {
                var signed = AnyDay();
                var kind = r.Next(100) switch { < 35 => DealKind.Licence, < 55 => DealKind.Assignment, < 65 => DealKind.EquityContribution, _ => DealKind.TechnicalService };
                var available = ips.TakeWhile(x => x.Ip.FilingDate <= signed).ToList();
                if (available.Count == 0)
                {
                    kind = DealKind.TechnicalService;
                }

                var named = kind == DealKind.TechnicalService && (available.Count == 0 || r.Next(100) < 70)
                    ? []
                    : Enumerable.Range(0, r.Next(1, 3)).Select(_ => available[available.Count - 1 - r.Next(Math.Min(available.Count, 40))]).DistinctBy(x => x.Ip.Id).ToList();
                var counterparty = r.Next(100) < 85 && _enterprises.Count > 0 ? _enterprises[r.Next(_enterprises.Count)] : _all[r.Next(_all.Count)];
                var value = r.Next(5, 500) * 10_000L * 100 + r.Next(0, 100) * 100L;
                var deal = TransferDeal.Create(c.Id, new DealDetails(
                    kind, $"{Names.Pick(r, Objects)}技术{Label(kind)}", counterparty.Id,
                    counterparty.Type == OrganizationType.Enterprise && r.Next(100) < 60, r.Next(100) < 15, value, signed,
                    named.Select(x => x.Ip.Id).ToList()), now);
                batch.Add(deal);
                Tally("deals", 1);
                Tally("  deal ips", named.Count);

                // Receipts: none yet for some, one to three instalments for the others, never more than the contract.
                var instalments = r.Next(100) switch { < 25 => 0, < 60 => 1, < 85 => 2, _ => 3 };
                var left = value;
                var on = signed;
                for (var k = 0; k < instalments && left > 0; k++)
                {
                    on = on.AddDays(r.Next(10, 200));
                    if (on >= context.Today)
                    {
                        break;
                    }

                    var amount = k == instalments - 1 ? left : Math.Max(100, left * r.Next(20, 70) / 100);
                    var receipt = deal.Receive(on, amount, Names.Pick(r, ReceiptNotes), named.Select(x => (IReadOnlyList<ShareOf>)x.Owners).ToList(), now);
                    left -= amount;
                    batch.Add(receipt);
                    Tally("receipts", 1);
                    Tally("  revenue shares", receipt.Shares.Count);
                    foreach (var s in receipt.Shares)
                    {
                        _statement[(c.Id, s.OrganizationId)] = _statement.GetValueOrDefault((c.Id, s.OrganizationId)) + 1;
                    }
                }
            }

            for (var i = 0; i < n.Projects; i++)
            {
                var started = AnyDay();
                var type = r.Next(100) < 70 ? ProjectType.CommonKey : ProjectType.Frontier;
                var trlStart = r.Next(2, 6);
                var trlTarget = Math.Min(RdProject.TrlMax, trlStart + r.Next(1, 4));
                var age = context.Today.DayNumber - started.DayNumber;
                var status = age switch
                {
                    > 900 => r.Next(100) < 85 ? ProjectStatus.Completed : ProjectStatus.Terminated,
                    > 300 => r.Next(100) < 30 ? ProjectStatus.Completed : ProjectStatus.InProgress,
                    _ => r.Next(100) < 30 ? ProjectStatus.Planned : ProjectStatus.InProgress,
                };
                DateOnly? ended = status is ProjectStatus.Completed or ProjectStatus.Terminated ? started.AddDays(r.Next(200, Math.Max(201, age))) : null;
                int? reached = status == ProjectStatus.Completed ? Math.Max(trlStart, trlTarget - (r.Next(100) < 75 ? 0 : 1))
                    : status == ProjectStatus.Terminated ? trlStart : null;
                if (RdProject.Check(trlStart, trlTarget, reached, status, started, ended).FirstOrDefault() is { } refused)
                {
                    throw new InvalidOperationException($"A generated project would be refused: {refused}");
                }

                var members = OnOrFounding(started);
                var participants = members.OrderBy(_ => r.Next()).Take(r.Next(1, Math.Min(5, members.Count + 1))).Select(m => m.OrganizationId).ToList();
                batch.Add(RdProject.Create(c.Id, new RdProjectDetails(
                    $"{Names.Pick(r, Objects)}{(type == ProjectType.CommonKey ? "共性关键技术研究" : "前沿技术探索")}", type,
                    r.Next(50, 3000) * 10_000L * 100, trlStart, trlTarget, reached, status, started, ended, participants), now));
                Tally("projects", 1);
                Tally("  project participants", participants.Count);
            }

            for (var i = 0; i < n.Standards; i++)
            {
                var level = r.Next(100) switch { < 5 => StandardLevel.International, < 25 => StandardLevel.National, < 50 => StandardLevel.Industry, < 65 => StandardLevel.Local, _ => StandardLevel.Group };
                var stage = r.Next(100) switch { < 30 => StandardStage.Proposed, < 50 => StandardStage.Approved, _ => StandardStage.Published };
                var day = AnyDay();
                var serial = r.Next(10_000, 99_999);
                var number = stage == StandardStage.Proposed ? null : level switch
                {
                    StandardLevel.International => $"ISO/IEC {serial}:{day.Year}",
                    StandardLevel.National => $"GB/T {serial}-{day.Year}",
                    StandardLevel.Industry => $"JB/T {serial % 20_000}-{day.Year}",
                    StandardLevel.Local => $"DB12/T {serial % 2_000}-{day.Year}",
                    _ => $"T/TJMIC {serial % 1_000:D3}-{day.Year}",
                };
                batch.Add(StandardRecord.Create(c.Id, new StandardDetails(
                    $"{Names.Pick(r, Objects)}{Names.Pick(r, ["通用技术条件", "技术规范", "试验方法", "评价指南"])}", number, level,
                    r.Next(100) < 30 ? StandardRole.Lead : StandardRole.Participant, stage, day), now));
                Tally("standards", 1);
            }

            for (var i = 0; i < n.Incubated; i++)
            {
                var code = Uscc.Compose("91", "120116", "MB" + CentersStep.Base31(++_incubated, 6));
                batch.Add(IncubatedEnterprise.Create(c.Id, new IncubatedDetails(
                    $"天津{Names.Pick(r, ["启航", "智芯", "链创", "云帆", "精工", "新材", "海创"])}{Names.IndustryWord(r)}科技有限公司（孵化{_incubated}）",
                    code.Value, AnyDay(), r.Next(0, 5000) * 10_000L * 100), now));
                Tally("incubated enterprises", 1);
            }

            for (var i = 0; i < n.Talent; i++)
            {
                var year = AnyDay().Year;
                batch.Add(TalentRecord.Create(c.Id, new TalentDetails(year, _talent[r.Next(_talent.Length)], r.Next(1, 20), $"{Names.Person(r)}等"), now));
                Tally("talent", 1);
            }

            for (var year = start.Year; year <= context.Today.Year; year++)
            {
                var all = r.Next(60, 300);
                batch.Add(StaffYear.Create(c.Id, new StaffDetails(year, all, all * r.Next(30, 70) / 100), now));
                Tally("staff years", 1);
            }

            for (var i = 0; i < n.Training; i++)
            {
                batch.Add(TrainingRecord.Create(c.Id, new TrainingDetails($"{Names.Pick(r, Topics)}专题培训班", AnyDay(), r.Next(20, 300)), now));
                Tally("training", 1);
            }

            for (var i = 0; i < n.Intl; i++)
            {
                var (partner, country) = Partners[r.Next(Partners.Length)];
                var kind = (CooperationKind)r.Next(Enum.GetValues<CooperationKind>().Length);
                if (IsoCountries.Find(country) is null)
                {
                    throw new InvalidOperationException($"Unknown country {country}.");
                }

                batch.Add(IntlCooperation.Create(c.Id, new IntlDetails($"{Names.Pick(r, Objects)}国际合作", partner, country, kind, AnyDay()), now));
                Tally("international cooperation", 1);
            }

            for (var i = 0; i < n.Sme; i++)
            {
                var withCode = _enterprises.Count > 0 && r.Next(100) < 80;
                var e = withCode ? _enterprises[r.Next(_enterprises.Count)] : null;
                batch.Add(SmeService.Create(c.Id, new SmeServiceDetails(
                    e?.Name ?? $"天津{Names.IndustryWord(r)}小微企业{r.Next(1, 999)}号", e?.CreditCode, _sme[r.Next(_sme.Length)], AnyDay(),
                    "为企业提供技术诊断和解决方案。"), now));
                Tally("sme services", 1);
            }

            return batch.Count - before;
        }

        /// <summary>One owner most often; two or three with whole-percent shares that total 100.</summary>
        private List<ShareOf> Owners(List<MemberPeriod> members)
        {
            var lead = members.FirstOrDefault(m => m.IsLead) ?? members[0];
            var count = Math.Min(members.Count, r.Next(100) switch { < 55 => 1, < 85 => 2, _ => 3 });
            var chosen = new List<Guid> { r.Next(100) < 60 ? lead.OrganizationId : members[r.Next(members.Count)].OrganizationId };
            while (chosen.Count < count)
            {
                var m = members[r.Next(members.Count)].OrganizationId;
                if (!chosen.Contains(m))
                {
                    chosen.Add(m);
                }
            }

            int[] shares = chosen.Count switch
            {
                1 => [100],
                2 => Names.Pick(r, new[] { new[] { 50, 50 }, [60, 40], [70, 30], [80, 20] }),
                _ => Names.Pick(r, new[] { new[] { 50, 30, 20 }, [40, 30, 30], [34, 33, 33], [60, 25, 15] }),
            };
            return chosen.Select((o, i) => new ShareOf(o, shares[i])).ToList();
        }

        /// <summary>Numbers unique by construction: a running serial per year and kind of number.</summary>
        private string Number(IpKind kind, DateOnly filed)
        {
            var digit = kind switch
            {
                IpKind.InventionApplication or IpKind.InventionGrant => '1',
                IpKind.UtilityModel => '2',
                IpKind.Design => '3',
                IpKind.Pct => 'P',
                IpKind.SoftwareCopyright => 'S',
                _ => 'B',
            };
            var serial = _serials[(filed.Year, digit)] = _serials.GetValueOrDefault((filed.Year, digit)) + 1;
            var year = filed.Year.ToString(CultureInfo.InvariantCulture);
            return digit switch
            {
                'P' => $"PCT/CN{year}/{serial:D6}",
                'S' => $"{year}SR{serial + 100_000:D7}",
                'B' => $"BS.{filed.Year % 100:D2}5{serial:D6}",
                _ => PatentNumber.Compose($"{year}{digit}{serial + 1_000_000:D7}").Value,
            };
        }

        private string Title() => $"一种{Names.Pick(r, Methods)}{Names.Pick(r, Objects)}{Names.Pick(r, Endings)}";

        private static string Label(DealKind kind) => kind switch
        {
            DealKind.Licence => "许可",
            DealKind.Assignment => "转让",
            DealKind.EquityContribution => "作价入股",
            _ => "服务",
        };

        private IpKind Weighted((IpKind Kind, int Weight)[] items)
        {
            var roll = r.Next(items.Sum(i => i.Weight));
            foreach (var (kind, weight) in items)
            {
                if ((roll -= weight) < 0)
                {
                    return kind;
                }
            }

            return items[^1].Kind;
        }

        private void Tally(string kind, int n) => _counts[kind] = _counts.GetValueOrDefault(kind) + n;
    }

    private sealed record Counts(int Ip, int Deals, int Projects, int Standards, int Incubated, int Talent, int Training, int Intl, int Sme);
}
