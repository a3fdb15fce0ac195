using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// One center per Approved application, founded exactly as the app founds one when the notice window closes
/// (ApplicationCenterFounding → CenterHandlers.CreateFromApprovedApplicationAsync → <see cref="Center.Found"/>) with the
/// consortium as founding members; most then complete their legal entity (founded before the approval). Membership
/// moves later through <see cref="Center.ChangeMembership"/> — members join (the lead cedes equity), leave (their
/// equity goes back to the lead), shares move between members — so the 100 % rule is checked by the domain on every
/// day. Governance: a decision body of member representatives and, mostly, independent figures; an advisory
/// committee of experts; seats end and are refilled, and follow members who join or leave.
/// </summary>
public sealed class CentersStep : IGeneratorStep
{
    private static readonly string[] Positions = ["理事", "理事", "理事", "副理事长"];

    private static readonly string[] ExpertPositions = ["委员", "委员", "委员", "副主任委员"];

    private static readonly string[] IndependentIndustry = ["中国机械工业联合会", "中国电子信息行业联合会", "天津市工业经济联合会", "中国汽车工业协会", "中国石油和化学工业联合会"];

    private static readonly string[] IndependentScience = ["中国工程院", "中国科学院天津工业生物技术研究所", "天津大学", "南开大学", "清华大学"];

    public int Order => 50;

    public string Name => "centers, membership and equity, governance";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var approved = (await context.Db.Applications.AsNoTracking().AsSplitQuery().Include(a => a.Members)
                .Where(a => a.Status == ApplicationStatus.Approved).ToListAsync(ct))
            .OrderBy(a => a.ApprovedOn).ThenBy(a => a.ApprovalNumber, StringComparer.Ordinal)
            .ToList();
        if (approved.Count == 0)
        {
            Console.WriteLine("  no approved applications: no centers");
            return;
        }

        var orgs = context.Organizations.ToDictionary(o => o.Id);
        var regions = context.Organizations.ToDictionary(o => o.Id, o => o.Region);
        var joiners = context.Organizations.Where(o => o.Type != OrganizationType.Other).ToList();
        var centers = new List<Center>(approved.Count);
        var seats = new List<GovernanceSeat>();
        var changes = 0;
        var index = 0;
        foreach (var a in approved)
        {
            var approvedOn = a.ApprovedOn!.Value;
            var founded = Center.Found(
                new CenterFounding(a.Id, a.CenterName, a.KeyArea, a.LeadOrganizationId, a.ApprovalNumber!, a.PlaqueNumber!, approvedOn,
                    // Members come back from the database in no set order (SQLite hands them over in insert order, which EF
                    // sorts by their random ids); the seats and membership moves below draw per member, so fix the order.
                    a.Members.OrderByDescending(m => m.IsLead).ThenBy(m => orgs[m.OrganizationId].CreditCode, StringComparer.Ordinal)
                        .Select(m => new CenterFoundingMember(m.OrganizationId, KindOf(m.Kind), m.EquitySharePercent)).ToList()),
                regions, At(approvedOn));
            var center = founded.IsSuccess
                ? founded.Value
                : throw new InvalidOperationException($"The domain refused to found {a.CenterName}: {string.Join(", ", founded.Failure!.Errors)}");
            index++;

            if (random.Next(100) < 85)
            {
                var foundedOn = approvedOn.AddDays(-random.Next(60, 500));
                var legal = center.CompleteLegalEntity(
                    new LegalEntityDetails(
                        LegalName(a.CenterName), Uscc.Compose("91", "120116", "MC" + Base31(index, 6)),
                        random.Next(10, 200) * 1_000_000L * 100, foundedOn, null),
                    context.Today, At(approvedOn.AddDays(random.Next(5, 60))));
                if (!legal.IsSuccess)
                {
                    throw new InvalidOperationException($"The legal entity of {a.CenterName} was refused: {string.Join(", ", legal.Failure!.Errors)}");
                }
            }

            var seatsOf = Governance(context, random, center, orgs);
            changes += Membership(context, random, center, joiners, seatsOf);
            seats.AddRange(seatsOf);
            centers.Add(center);
            context.Centers.Add(new CenterRef(
                center.Id, center.Name, center.KeyArea, center.LeadOrganizationId, center.ApprovedOn, center.LifeStart,
                center.Memberships.Select(m => new MemberPeriod(m.OrganizationId, m.JoinedOn, m.LeftOn, m.IsLead)).ToList()));
        }

        var sample = centers.OrderByDescending(c => c.Memberships.Count).ThenBy(c => c.ApprovalNumber, StringComparer.Ordinal).First();
        context.Sample("CENTER_ID", sample.Id);
        context.Sample("CENTER_SEARCH", "智能");
        await context.InsertAsync("centers (with members)", centers.Count, centers, ct, batchSize: 500);
        await context.InsertAsync("governance seats", seats.Count, seats, ct, batchSize: 5_000);
        Console.WriteLine($"  membership changes         {changes,9:N0}");
    }

    /// <summary>Joins, leaves and share moves after the approval, each checked whole by the domain (equity totals 100 % every day).</summary>
    private static int Membership(GeneratorContext context, Random r, Center center, List<OrgRef> joiners, List<GovernanceSeat> seats)
    {
        var life = context.Today.DayNumber - center.ApprovedOn.DayNumber;
        if (life < 120)
        {
            return 0;
        }

        var planned = r.Next(100) switch { < 45 => 0, < 80 => 1, < 95 => 2, _ => 3 };
        var days = Enumerable.Range(0, planned).Select(_ => center.ApprovedOn.AddDays(r.Next(90, life))).Distinct().Order().ToList();
        var done = 0;
        foreach (var day in days)
        {
            var open = center.Memberships.Where(m => m.LeftOn is null && m.JoinedOn <= day).ToList();
            var lead = open.First(m => m.IsLead);
            var roll = r.Next(100);
            List<MembershipStep> steps;
            Action? afterwards = null;
            if (roll < 50)
            {
                var org = joiners[r.Next(joiners.Count)];
                if (center.Memberships.Any(m => m.OrganizationId == org.Id))
                {
                    continue;
                }

                var share = lead.EquitySharePercent is >= 20 && r.Next(100) < 75 ? r.Next(2, 9) : (int?)null;
                steps = [new JoinStep(org.Id, KindOf(org.Type), org.Region, share)];
                if (share is { } s)
                {
                    steps.Add(new ShareStep(lead.OrganizationId, lead.EquitySharePercent - s));
                }

                afterwards = () => seats.Add(Seat(GovernanceSeat.Create(center.Id, GovernanceBody.DecisionBody, SeatKind.MemberRepresentative,
                    Names.Person(r), "理事", org.Name, org.Id, day)));
            }
            else if (roll < 80)
            {
                var leaving = open.Where(m => !m.IsLead).ToList();
                if (leaving.Count <= 1)
                {
                    continue;
                }

                var m = leaving[r.Next(leaving.Count)];
                steps = [new LeaveStep(m.OrganizationId)];
                if (m.EquitySharePercent is { } s)
                {
                    steps.Add(new ShareStep(lead.OrganizationId, (lead.EquitySharePercent ?? 0) + s));
                }

                afterwards = () =>
                {
                    foreach (var seat in seats.Where(x => x.RepresentedOrganizationId == m.OrganizationId && x.Until is null && x.Since < day))
                    {
                        seat.End(day);
                    }
                };
            }
            else
            {
                var holders = open.Where(m => !m.IsLead && m.EquitySharePercent is >= 2).ToList();
                if (holders.Count == 0 || lead.EquitySharePercent is null)
                {
                    continue;
                }

                var from = holders[r.Next(holders.Count)];
                var moved = r.Next(1, (int)from.EquitySharePercent!.Value);
                steps = [new ShareStep(from.OrganizationId, from.EquitySharePercent - moved), new ShareStep(lead.OrganizationId, lead.EquitySharePercent + moved)];
            }

            var changed = center.ChangeMembership(day, steps, context.Today, At(day));
            if (!changed.IsSuccess)
            {
                throw new InvalidOperationException(
                    $"The generator made an illegal membership change for {center.Name} on {day:yyyy-MM-dd}: {string.Join(", ", changed.Failure!.Errors)}");
            }

            afterwards?.Invoke();
            done++;
        }

        return done;
    }

    /// <summary>The bodies on the day the center starts: a representative per founding member, independents, an advisory committee.</summary>
    private static List<GovernanceSeat> Governance(GeneratorContext context, Random r, Center center, Dictionary<Guid, OrgRef> orgs)
    {
        var since = center.LifeStart;
        var seats = new List<GovernanceSeat>();
        foreach (var m in center.Memberships)
        {
            var org = orgs[m.OrganizationId];
            seats.Add(Seat(GovernanceSeat.Create(center.Id, GovernanceBody.DecisionBody, SeatKind.MemberRepresentative, Names.Person(r),
                m.IsLead ? "理事长" : Names.Pick(r, Positions), org.Name, org.Id, since)));
        }

        if (r.Next(100) < 85)
        {
            seats.Add(Seat(GovernanceSeat.Create(center.Id, GovernanceBody.DecisionBody, SeatKind.IndependentIndustry, Names.Person(r), "独立理事",
                Names.Pick(r, IndependentIndustry), null, since)));
            seats.Add(Seat(GovernanceSeat.Create(center.Id, GovernanceBody.DecisionBody, SeatKind.IndependentScientist, Names.Person(r), "独立理事",
                Names.Pick(r, IndependentScience), null, since)));
        }

        var advisers = r.Next(3, 8);
        for (var i = 0; i < advisers; i++)
        {
            seats.Add(Seat(GovernanceSeat.Create(center.Id, GovernanceBody.AdvisoryCommittee, SeatKind.Expert, Names.Person(r),
                i == 0 ? "主任委员" : Names.Pick(r, ExpertPositions), Names.Pick(r, IndependentScience), null, since)));
        }

        // Now and then an adviser steps down and another takes the seat.
        var life = context.Today.DayNumber - since.DayNumber;
        if (life > 400 && r.Next(100) < 30)
        {
            var leaving = seats.Where(s => s.Body == GovernanceBody.AdvisoryCommittee).Last();
            var on = since.AddDays(r.Next(200, life));
            Seat(leaving.End(on));
            seats.Add(Seat(GovernanceSeat.Create(center.Id, GovernanceBody.AdvisoryCommittee, SeatKind.Expert, Names.Person(r), "委员",
                Names.Pick(r, IndependentScience), null, on)));
        }

        return seats;
    }

    private static GovernanceSeat Seat(Domain.Common.Result<GovernanceSeat> seat) =>
        seat.IsSuccess ? seat.Value : throw new InvalidOperationException($"A governance seat was refused: {string.Join(", ", seat.Failure!.Errors)}");

    /// <summary>天津市智能装备制造业创新中心 → 天津智能装备制造业创新中心有限公司.</summary>
    private static string LegalName(string centerName) => centerName.Replace("天津市", "天津", StringComparison.Ordinal) + "有限公司";

    /// <summary>A consortium member is one of the five kinds a center knows; "other" joins as an enterprise (as ApplicationCenterFounding does).</summary>
    internal static MemberKind KindOf(OrganizationType type) => type switch
    {
        OrganizationType.University => MemberKind.University,
        OrganizationType.ResearchInstitute => MemberKind.ResearchInstitute,
        OrganizationType.IndustryOrganization => MemberKind.IndustryOrganization,
        OrganizationType.FinancialInstitution => MemberKind.FinancialInstitution,
        _ => MemberKind.Enterprise,
    };

    internal static string Base31(int value, int width)
    {
        var chars = new char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            chars[i] = Uscc.Alphabet[value % Uscc.Alphabet.Length];
            value /= Uscc.Alphabet.Length;
        }

        return new string(chars);
    }

    internal static DateTimeOffset At(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
