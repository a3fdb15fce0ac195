using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Auth;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// Shared research resources and their bookings: <see cref="Scale.Resources"/> resources spread over the centers, each
/// owned by a member of its center, with <see cref="Scale.Bookings"/> bookings over the last five years and the next
/// four weeks, placed and moved through their states by the domain (approve, reject, expire, cancel — late ones
/// charged —, usage, no-show). A resource never has two bookings on one day, so no two overlap and the database's
/// overlap rule (triggers on SQLite, an exclusion constraint on PostgreSQL) passes every insert. Bookers are members'
/// users and, for resources open to outside users, other organisations' users (some of them confirmed SMEs, at the SME
/// rate). Three statements in four of the last twelve months are recorded paid, to the fen of their charges.
/// </summary>
public sealed class ResourcesStep : IGeneratorStep
{
    private const int Years = 5;

    private static readonly (string Name, string Category, string Model)[] Kinds =
    [
        ("场发射扫描电子显微镜", "instrument", "SU8010"), ("透射电子显微镜", "instrument", "JEM-2100F"), ("X射线衍射仪", "instrument", "D8 Advance"),
        ("激光共聚焦显微镜", "instrument", "LSM 900"), ("电感耦合等离子体光谱仪", "instrument", "ICP-OES 5110"), ("气相色谱质谱联用仪", "instrument", "GCMS-QP2020"),
        ("三坐标测量机", "instrument", "Global S"), ("疲劳试验机", "instrument", "MTS 810"), ("万能材料试验机", "instrument", "Instron 5982"),
        ("工业CT检测系统", "instrument", "XT H 225"), ("增材制造中试线", "pilot-line", "AM-PL-01"), ("机器人柔性装配中试线", "pilot-line", "RA-PL-02"),
        ("精密注塑中试线", "pilot-line", "IM-PL-03"), ("电磁兼容实验室", "lab", "EMC-3m"), ("洁净实验室", "lab", "ISO 7"),
        ("环境可靠性实验室", "lab", "ENV-01"), ("金属材料成分检测", "test-service", "ICP-MS"), ("零部件无损检测", "test-service", "UT/RT"),
        ("工艺材料数据库", "data-set", "v3"), ("工业软件仿真平台", "software", "CAE 2025"),
    ];

    private static readonly OpeningHours Weekdays =
        OpeningHours.Parse("Mon 08:30-17:30; Tue 08:30-17:30; Wed 08:30-17:30; Thu 08:30-17:30; Fri 08:30-17:30").Value;

    public int Order => 90;

    public string Name => "shared resources and bookings";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var rules = context.Policy.Resources;
        var scale = context.Scale;
        if (scale.Resources == 0 || context.Centers.Count == 0 || rules.Categories.Count == 0)
        {
            Console.WriteLine("  no centers or no resource rules");
            return;
        }

        var categories = rules.Categories.Select(c => c.Code).ToHashSet();
        var now = context.Now;
        var today = context.Today;
        var firstDay = today.AddYears(-Years);
        var lastDay = today.AddDays(28);
        var admin = context.AdminUserId == Guid.Empty ? Guid.CreateVersion7() : context.AdminUserId;
        var withUsers = context.Organizations.Where(o => context.ApplicantUsers.ContainsKey(o.Id)).Select(o => o.Id).ToList();
        var smes = withUsers.Where(_ => random.NextDouble() < 0.05).ToHashSet();
        var batch = new List<object>();
        foreach (var org in smes)
        {
            var sme = OrganizationSmeStatus.Declare(org, now.AddDays(-random.Next(400, 1500)));
            // A confirmation needs the classification's figures and an evidence file; the generator writes no file bytes,
            // so the evidence is an id only (its link answers 404 in generated data).
            sme.Record("industry", random.Next(10, 900), random.Next(1_000, 300_000) * 1_000m, Guid.CreateVersion7(), admin, sme.DeclaredAt);
            if (!sme.Confirm(admin, sme.DeclaredAt.AddDays(3)).IsSuccess)
            {
                throw new InvalidOperationException("An SME declaration the generator made could not be confirmed.");
            }
            batch.Add(sme);
        }

        // Bookings are spread evenly over time: a resource of a younger center gets fewer, in proportion to its life.
        DateOnly Opens(CenterRef c) => today.DayNumber - Years * 365 > c.LifeStart.DayNumber ? firstDay : c.LifeStart;
        var lives = Enumerable.Range(0, scale.Resources).Sum(i => (double)(lastDay.DayNumber - Opens(context.Centers[i % context.Centers.Count]).DayNumber));
        var perDay = scale.Bookings / lives;
        var charges = new Dictionary<(Guid Org, int Year, int Month), long>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bookings = 0;
        ResearchResource? sample = null;
        var sampleCount = 0;
        for (var i = 0; i < scale.Resources; i++)
        {
            var center = context.Centers[i % context.Centers.Count];
            var kind = Kinds[random.Next(Kinds.Length)];
            var category = categories.Contains(kind.Category) ? kind.Category : rules.Categories[0].Code;
            var opens = Opens(center);
            var members = center.Members.Where(m => m.LeftOn is null && context.ApplicantUsers.ContainsKey(m.OrganizationId)).ToList();
            var owner = members.Count > 0 ? members[random.Next(members.Count)].OrganizationId : center.LeadOrganizationId;
            var perSample = category == "test-service";
            var allDay = category is "data-set" or "software";
            var memberFee = random.Next(10, 80) * 10m;
            var created = BeijingTime.At(opens, TimeSpan.Zero).AddDays(-30);
            var resource = ResearchResource.Create(center.Id, owner, new ResourceDetails(
                $"{kind.Name}（{i + 1:0000}号）", category, kind.Model, $"{center.Name}实验楼 {random.Next(1, 9)}{random.Next(1, 30):00} 室",
                $"{kind.Name}，面向成员单位开放共享。", allDay ? OpeningHours.AroundTheClock : Weekdays,
                random.NextDouble() < 0.5, random.NextDouble() < 0.3, random.NextDouble() < 0.6,
                perSample ? FeeUnit.PerSample : FeeUnit.PerHour, memberFee, memberFee * 2, memberFee * 1.5m), created);
            batch.Add(resource);
            var ownerUser = context.ApplicantUsers.TryGetValue(owner, out var ou) ? ou.UserId : admin;
            if (!allDay)
            {
                for (var y = opens.Year + 1; y <= today.Year; y++)
                {
                    // Closures fall on Saturdays, when a weekday resource takes no booking.
                    var saturday = new DateOnly(y, 3, 1);
                    saturday = saturday.AddDays(((int)DayOfWeek.Saturday - (int)saturday.DayOfWeek + 7) % 7);
                    batch.Add(ResourceBlackout.Create(resource.Id, BeijingTime.At(saturday, TimeSpan.FromHours(8)), BeijingTime.At(saturday, TimeSpan.FromHours(18)), "年度计量检定").Value);
                }
            }

            var span = lastDay.DayNumber - opens.DayNumber;
            var count = Math.Max(1, (int)Math.Round(perDay * span));
            var gap = Math.Max(1.0, span / (double)count);
            var day = opens.AddDays(1);
            var made = 0;
            for (var k = 0; k < count; k++)
            {
                day = day.AddDays(1 + random.Next(Math.Max(1, (int)(gap * 2) - 2)));
                if (!allDay)
                {
                    while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        day = day.AddDays(1);
                    }
                }

                if (day > lastDay)
                {
                    break;
                }

                var hours = random.Next(1, 5);
                var startHalfHours = allDay ? random.Next(0, 40) : random.Next(18, 35 - hours * 2);
                var starts = BeijingTime.At(day, TimeSpan.FromMinutes(startHalfHours * 30));
                var ends = starts.AddHours(hours);
                var (orgId, kindOf) = Booker(random, center, resource, members, withUsers, day);
                var userId = context.ApplicantUsers.TryGetValue(orgId, out var bu) ? bu.UserId : admin;
                var rate = kindOf == BookerKind.Outside ? (smes.Contains(orgId) ? FeeRate.Sme : FeeRate.Outside) : FeeRate.Member;
                var future = starts >= now;
                var placedAt = future ? now.AddHours(-random.Next(1, 40)) : starts.AddDays(-random.Next(1, 20));
                var booking = ResourceBooking.Place(resource, userId, orgId, kindOf, rate, starts, ends, "科研测试", rules, placedAt);
                Move(booking, random, ownerUser, rules, now, future, perSample, hours);
                batch.Add(booking);
                made++;
                if (booking.ChargeFen > 0)
                {
                    var local = starts.ToBeijingTime();
                    var key = (orgId, local.Year, local.Month);
                    charges[key] = charges.GetValueOrDefault(key) + booking.ChargeFen;
                }
            }

            bookings += made;
            if (made > sampleCount && !allDay && !perSample && !resource.NeedsTraining && context.ApplicantUsers.ContainsKey(owner))
            {
                (sample, sampleCount) = (resource, made);
            }

            if (batch.Count >= 20_000)
            {
                await context.SaveBatchAsync(batch, ct);
                batch.Clear();
                GeneratorContext.Progress("bookings", bookings, scale.Bookings, clock);
            }
        }

        // Three statements in four of the last twelve closed months are paid, to the fen of their charges.
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var recent = charges.Where(c => new DateOnly(c.Key.Year, c.Key.Month, 1) is var m && m <= lastMonth && m > lastMonth.AddMonths(-12)).ToList();
        var paid = 0;
        // Payers by credit code within a month, not by id: whether a statement is paid is drawn in this order.
        var codes = context.Organizations.ToDictionary(o => o.Id, o => o.CreditCode);
        foreach (var (key, fen) in recent.OrderBy(c => c.Key.Year).ThenBy(c => c.Key.Month).ThenBy(c => codes[c.Key.Org], StringComparer.Ordinal))
        {
            if (random.Next(4) == 0)
            {
                continue;
            }

            var payment = StatementPayment.Open(key.Org, key.Year, key.Month);
            var on = StatementPayment.IssuedOn(key.Year, key.Month).AddDays(random.Next(0, 25));
            on = on >= today ? today.AddDays(-1) : on;
            if (payment.MarkPaid(on, fen / 100m, fen / 100m, $"HD{key.Year}{key.Month:00}{paid:000000}", admin, now, today).IsSuccess)
            {
                batch.Add(payment);
                paid++;
            }
        }

        await context.SaveBatchAsync(batch, ct);
        Console.WriteLine($"  {scale.Resources} resources, {bookings} bookings, {smes.Count} confirmed SMEs, {paid} statements paid");

        var week = BeijingTime.MondayOf(today).AddDays(-7);
        var payer = recent.Where(c => c.Key.Year == lastMonth.Year && c.Key.Month == lastMonth.Month).OrderByDescending(c => c.Value).ThenBy(c => codes[c.Key.Org], StringComparer.Ordinal).Select(c => c.Key.Org).FirstOrDefault();
        // The timed race books as the sample resource's owner (a center user of a member): a token of its own.
        var secret = PersonalAccessToken.NewSecret();
        await context.InsertAsync("personal access tokens", 1, [new PersonalAccessToken
        {
            UserId = context.ApplicantUsers[sample!.OwnerOrganizationId].UserId,
            Name = "benchmark booking race",
            TokenHash = PersonalAccessToken.HashOf(secret),
            Hint = secret[..8],
            CreatedAt = now.AddDays(-1),
        }], ct);
        context.Sample("RESOURCE_BOOKER_TOKEN", secret);
        context.Sample("RESOURCE_ID", sample.Id);
        context.Sample("RESOURCE_CENTER_ID", sample.CenterId);
        context.Sample("RESOURCE_WEEK", week.ToString("yyyy-MM-dd"));
        context.Sample("RESOURCE_FROM", BeijingTime.At(week, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        context.Sample("RESOURCE_TO", BeijingTime.At(week.AddDays(7), TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        context.Sample("RESOURCE_SEARCH", Uri.EscapeDataString("光谱"));
        context.Sample("RESOURCE_YEAR", today.Year - 1);
        context.Sample("RESOURCE_MONTH", lastMonth.ToString("yyyy-MM"));
        context.Sample("RESOURCE_MONTH_Y", lastMonth.Year);
        context.Sample("RESOURCE_MONTH_M", lastMonth.Month);
        if (payer != Guid.Empty)
        {
            context.Sample("RESOURCE_PAYER_ID", payer);
        }
    }

    /// <summary>Who books: a member of the center (its owner now and then), or, for a resource open to outside users, any other organisation.</summary>
    private static (Guid Org, BookerKind Kind) Booker(
        Random random, CenterRef center, ResearchResource resource, List<MemberPeriod> members, List<Guid> withUsers, DateOnly day)
    {
        if (resource.OpenToOutside && random.NextDouble() < 0.4)
        {
            var org = withUsers[random.Next(withUsers.Count)];
            if (center.Members.All(m => m.OrganizationId != org))
            {
                return (org, BookerKind.Outside);
            }
        }

        var current = members.Where(m => m.JoinedOn <= day).ToList();
        var member = current.Count > 0 ? current[random.Next(current.Count)].OrganizationId : center.LeadOrganizationId;
        return (member, member == resource.OwnerOrganizationId ? BookerKind.Owner : BookerKind.Member);
    }

    /// <summary>Takes a placed booking through the states a real one goes through, each by the domain's own method.</summary>
    private static void Move(ResourceBooking b, Random random, Guid owner, ResourceRules rules, DateTimeOffset now, bool future, bool perSample, int hours)
    {
        var roll = random.NextDouble();
        if (b.Status == BookingStatus.Pending)
        {
            if (future)
            {
                if (roll < 0.5)
                {
                    b.Approve(owner, now.AddMinutes(-30));
                }

                return;
            }

            if (roll < 0.03)
            {
                b.Reject(owner, "该时段设备检修，请改约", b.CreatedAt.AddHours(2));
                return;
            }

            if (roll < 0.05)
            {
                b.Expire(b.ExpiresAt!.Value.AddMinutes(1));
                return;
            }

            b.Approve(owner, b.CreatedAt.AddHours(2));
        }

        if (future)
        {
            return;
        }

        var after = b.Ends.AddHours(1);
        if (roll < 0.11)
        {
            var at = b.Starts.AddHours(-random.Next(2, 96));
            b.Cancel(at > b.CreatedAt ? at : b.CreatedAt.AddMinutes(30), rules);
        }
        else if (roll < 0.15)
        {
            b.RecordNoShow(owner, after, rules);
        }
        else
        {
            b.RecordUsage(Math.Max(30, hours * 60 - random.Next(0, 4) * 15), perSample ? random.Next(1, 12) : null, owner, after);
        }
    }
}
