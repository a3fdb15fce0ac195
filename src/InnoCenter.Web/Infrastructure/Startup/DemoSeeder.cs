using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Infrastructure.Startup;

/// <summary>
/// Demo data (<c>--demo</c> or <c>Seed:Demo=true</c>): organisations with valid credit codes across Tianjin, Beijing and
/// Hebei, one user of every role, twelve pool experts, one recognised center with members, governance, IP, a licence
/// and a receipt, and last year's assessment open for filing. Idempotent: it adds only what is missing.
/// </summary>
public static class DemoSeeder
{
    private static readonly (string Prefix, string Region, string OrgCode, string Name, OrganizationType Type, string Where, string? District)[] Organizations =
    [
        ("91", "120116", "MA05T6K2", "天津海河智能装备有限公司", OrganizationType.Enterprise, "Tianjin", "120116"),
        ("91", "120111", "MA06B1R3", "天津津门新材料科技股份有限公司", OrganizationType.Enterprise, "Tianjin", "120111"),
        ("91", "120113", "30015862", "天津北辰生物医药集团有限公司", OrganizationType.Enterprise, "Tianjin", "120113"),
        ("91", "120116", "MA07C8N4", "天津滨海集成电路设计有限公司", OrganizationType.Enterprise, "Tianjin", "120116"),
        ("12", "120000", "40135460", "天津大学", OrganizationType.University, "Tianjin", "120104"),
        ("12", "120000", "40135478", "南开大学", OrganizationType.University, "Tianjin", "120104"),
        ("12", "120000", "40135487", "天津市机械工业研究院", OrganizationType.ResearchInstitute, "Tianjin", "120103"),
        ("51", "120000", "50006731", "天津市智能制造产业联盟", OrganizationType.IndustryOrganization, "Tianjin", "120101"),
        ("91", "120116", "MA05XY12", "天津滨海科技融资担保有限公司", OrganizationType.FinancialInstitution, "Tianjin", "120116"),
        ("12", "110000", "40000285", "北京工业技术研究院", OrganizationType.ResearchInstitute, "Beijing", null),
        ("91", "110108", "MA01D2E3", "北京中关村智造科技有限公司", OrganizationType.Enterprise, "Beijing", null),
        ("12", "130000", "40170052", "河北工业大学", OrganizationType.University, "Hebei", null),
        ("91", "130100", "MA0F1G2H", "石家庄精密机械制造有限公司", OrganizationType.Enterprise, "Hebei", null),
        ("91", "310115", "MA1H3K4L", "上海浦江先进材料有限公司", OrganizationType.Enterprise, "OtherProvince", null),
    ];

    /// <summary>The made-up approved application the demo center was founded from; its presence means the center is seeded.</summary>
    private static readonly Guid DemoApplicationId = Guid.Parse("0196a3c0-0000-7000-8000-00000000d001");

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var config = sp.GetRequiredService<IConfiguration>();

        var existing = await db.Organizations.Select(o => o.CreditCode).ToListAsync();
        foreach (var o in Organizations)
        {
            var code = Uscc.Compose(o.Prefix, o.Region, o.OrgCode);
            if (!existing.Contains(code.Value))
            {
                db.Organizations.Add(Organization.Create(
                    new OrganizationDetails(code, o.Name, o.Type, o.Where, o.District, null, null, null), now));
            }
        }

        await db.SaveChangesAsync();

        var lead = await db.Organizations.FirstAsync(x => x.Name == "天津海河智能装备有限公司");
        var member = await db.Organizations.FirstAsync(x => x.Name == "天津大学");
        var password = config["Seed:DemoPassword"] is { Length: > 0 } p ? p : "Demo2026pass";
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await EnsureUser(users, "expert@demo.local", "王建国（专家）", Roles.Expert, null, password, now);
        await EnsureUser(users, "center@demo.local", "李海燕（海河智能装备）", Roles.CenterUser, lead.Id, password, now);
        await EnsureUser(users, "member@demo.local", "张明（天津大学）", Roles.MemberUser, member.Id, password, now);
        await EnsureUser(users, "officer@demo.local", "赵立（工信局）", Roles.Admin, null, password, now);
        await SeedExpertsAsync(db, users, password, now);
        await EnsureCenterAsync(sp, db, now);
        await Features.Plans.PlansDemo.SeedAsync(sp, db, now);
        await Features.Resources.ResourcesDemo.SeedAsync(sp, db, now);
        await Features.Funds.FundsDemo.SeedAsync(sp, db, password, now);

        // Last year's cycle opens after the modules whose figures its reports are pre-filled from (ledger, plan, funds).
        await EnsureAssessmentCycleAsync(sp, db);
        await InnoCenter.Web.Features.Portal.PortalDemo.SeedAsync(sp, db, now);
        Console.WriteLine($"Demo data ready / 演示数据已就绪: expert@demo.local, center@demo.local, member@demo.local, officer@demo.local — password / 密码 {password}");
    }

    /// <summary>
    /// Twelve pool experts across the five domains, employed by demo organisations (so conflicts show on demo
    /// applications). Each has a sign-in: the first is the demo expert's (expert@demo.local), not in conflict with the demo
    /// application; the others are expert2@demo.local to expert12@demo.local.
    /// </summary>
    private static readonly (string Name, string Title, string Employer, string[] Domains, string[] KeyAreas, string? PastEmployer)[] Experts =
    [
        ("王建国", "教授级高级工程师", "天津市机械工业研究院", ["technology", "industry"], ["high-end-equipment", "intelligent-tech"], null),
        ("陈雪梅", "教授", "天津大学", ["technology"], ["new-materials", "integrated-circuits"], null),
        ("刘志强", "研究员", "北京工业技术研究院", ["technology", "management"], ["intelligent-tech", "xinchuang"], null),
        ("孙丽", "教授", "南开大学", ["economics", "management"], ["biomedicine"], null),
        ("周海峰", "高级经济师", "天津滨海科技融资担保有限公司", ["economics", "management"], [], null),
        ("吴敏", "律师", "天津市智能制造产业联盟", ["law"], [], null),
        ("郑凯", "正高级工程师", "天津北辰生物医药集团有限公司", ["industry"], ["biomedicine", "tcm"], null),
        ("冯涛", "教授", "河北工业大学", ["technology"], ["high-end-equipment", "new-energy"], "天津津门新材料科技股份有限公司"),
        ("何静", "研究员", "北京工业技术研究院", ["management"], ["connected-vehicles"], null),
        ("马超", "高级工程师", "石家庄精密机械制造有限公司", ["industry"], ["high-end-equipment", "automotive"], null),
        ("高远", "教授", "南开大学", ["law", "economics"], [], null),
        ("林峰", "高级工程师", "上海浦江先进材料有限公司", ["industry", "technology"], ["new-materials", "green-petrochemicals"], null),
    ];

    private static async Task SeedExpertsAsync(AppDbContext db, UserManager<AppUser> users, string password, DateTimeOffset now)
    {
        var orgs = await db.Organizations.ToDictionaryAsync(o => o.Name, o => o.CreditCode);
        var existing = await db.Experts.Select(e => new { e.Name, e.AffiliationCreditCode }).ToListAsync();
        var demoExpert = await users.FindByEmailAsync("expert@demo.local");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < Experts.Length; i++)
        {
            var x = Experts[i];
            var code = orgs[x.Employer];
            if (existing.Any(e => e.Name == x.Name && e.AffiliationCreditCode == code))
            {
                continue;
            }

            var linked = i == 0 && demoExpert is not null && !await db.Experts.AnyAsync(e => e.UserId == demoExpert.Id) ? demoExpert.Id : (Guid?)null;
            if (i > 0)
            {
                // Every demo pool expert can sign in (expert2@demo.local …), so a visitor can complete a demo panel.
                var email = $"expert{i + 1}@demo.local";
                await EnsureUser(users, email, $"{x.Name}（专家）", Roles.Expert, null, password, now);
                var account = await users.FindByEmailAsync(email);
                linked = account is not null && !await db.Experts.AnyAsync(e => e.UserId == account.Id) ? account.Id : null;
            }

            IReadOnlyList<AffiliationPeriod> past = x.PastEmployer is null
                ? []
                : [new AffiliationPeriod(orgs[x.PastEmployer], x.PastEmployer, today.AddYears(-8), today.AddYears(-2))];
            db.Experts.Add(Expert.Create(
                new ExpertProfile(linked, x.Name, x.Title, code, x.Employer, today.AddYears(-2 - i % 5), x.Domains, x.KeyAreas,
                    null, $"022-2{i:D3}0000", null, true, past),
                now));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 天津市智能装备制造业创新中心, led by 天津海河智能装备 with 天津大学 and others: an application that went through
    /// every stage of recognition in early 2025 (dated then, so the center is old enough for last year's assessment), whose
    /// closed notice founds the center by the applications module's own founding path; a patent co-owned by the lead and
    /// 天津大学 is licensed to an SME in Hebei, which has paid once.
    /// </summary>
    private static async Task EnsureCenterAsync(IServiceProvider sp, AppDbContext db, DateTimeOffset now)
    {
        const string centerName = "天津市智能装备制造业创新中心";
        // Databases seeded before the center came from an application hold one founded from a made-up application id.
        if (await db.Centers.AnyAsync(c => c.ApplicationId == DemoApplicationId)
            || await db.Applications.AnyAsync(a => a.CenterName == centerName))
        {
            return;
        }

        var byName = await db.Organizations.ToDictionaryAsync(o => o.Name, o => o);
        Guid Org(string name) => byName[name].Id;
        var applicant = await db.Users.FirstAsync(u => u.Email == "center@demo.local");
        var officer = await db.Users.FirstAsync(u => u.Email == "officer@demo.local");
        var pack = sp.GetRequiredService<PolicyProvider>().Current;
        var beijing = TimeSpan.FromHours(8);
        DateTimeOffset On(int month, int day) => new(2025, month, day, 10, 0, 0, beijing);
        var approvedOn = new DateOnly(2025, 3, 18);

        var application = Application.Start(
            Org("天津海河智能装备有限公司"), "天津海河智能装备有限公司",
            new ApplicationDetails(centerName, "high-end-equipment", "C34",
                "围绕工业机器人精密装配、智能产线数字孪生等共性关键技术，建设开放共享的研发与中试平台，推动成果向京津冀中小企业转移扩散。",
                "三年内突破 5 项共性关键技术，形成 10 项以上标准，服务中小企业 100 家以上。"),
            pack.Code, pack.Version, applicant.Id, On(1, 6));
        (string Name, decimal? Share)[] consortium =
        [
            ("天津海河智能装备有限公司", 45m), ("天津津门新材料科技股份有限公司", 20m), ("天津大学", 15m), ("北京工业技术研究院", 10m),
            ("河北工业大学", 5m), ("天津滨海科技融资担保有限公司", 5m), ("天津市智能制造产业联盟", null),
        ];
        Check(application.SetMembers(consortium.Select((m, i) =>
            new ConsortiumMember(byName[m.Name].Id, byName[m.Name].Type, byName[m.Name].Region, m.Share, isLead: i == 0))));
        var applicantActor = new Actor(ApplicationActor.Applicant, applicant.Id, applicant.DisplayName);
        var officerActor = new Actor(ApplicationActor.Admin, officer.Id, officer.DisplayName);
        Check(application.Submit(applicantActor, On(1, 10)));
        Check(application.BeginFormalCheck(officerActor, On(1, 13)));
        Check(application.PassFormalCheck(officerActor, On(1, 20), "材料齐全，符合申报条件。"));
        Check(application.CompleteExpertReview(officerActor, On(2, 12), "专家组建议通过。"));
        Check(application.CompleteSiteInspection(officerActor, On(2, 26), "现场考察通过。"));
        Check(application.Approve(officerActor, On(3, 5), new Decision(new DateOnly(2025, 3, 4), "审议〔2025〕3号", null),
            new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 12)));
        var rules = pack.Applications;
        Check(application.CloseNotice(On(3, 18), approvedOn,
            ApplicationRules.FormatNumber(rules.ApprovalNumberFormat, 2025, 1), ApplicationRules.FormatNumber(rules.PlaqueNumberFormat, 2025, 1)));
        db.Applications.Add(application);
        var founded = await sp.GetRequiredService<ICenterFounding>().FoundAsync(application, CancellationToken.None);
        if (!founded.IsSuccess)
        {
            throw new InvalidOperationException("Demo center: " + string.Join("; ", founded.Failure!.Errors));
        }

        await db.SaveChangesAsync();
        var center = await db.Centers.FirstAsync(c => c.Id == founded.Value);
        db.GovernanceSeats.AddRange(
            GovernanceSeat.Create(center.Id, GovernanceBody.DecisionBody, SeatKind.MemberRepresentative, "李海燕", "理事长", "天津海河智能装备有限公司", Org("天津海河智能装备有限公司"), approvedOn).Value,
            GovernanceSeat.Create(center.Id, GovernanceBody.DecisionBody, SeatKind.MemberRepresentative, "张明", "理事", "天津大学", Org("天津大学"), approvedOn).Value,
            GovernanceSeat.Create(center.Id, GovernanceBody.DecisionBody, SeatKind.IndependentScientist, "陈立新", "独立理事", "中国工程院", null, approvedOn).Value,
            GovernanceSeat.Create(center.Id, GovernanceBody.AdvisoryCommittee, SeatKind.Expert, "王建国", "主任委员", "南开大学", null, approvedOn).Value);

        ShareOf[] leadAndTju = [new(Org("天津海河智能装备有限公司"), 60m), new(Org("天津大学"), 40m)];
        var patent = IpRecord.Create(center.Id, new IpDetails(
            IpKind.InventionGrant, PatentNumber.Compose("202510234567").Value, "一种基于视觉伺服的工业机器人精密装配方法",
            new DateOnly(2025, 4, 2), new DateOnly(2026, 3, 6), leadAndTju), now);
        var utility = IpRecord.Create(center.Id, new IpDetails(
            IpKind.UtilityModel, PatentNumber.Compose("202520345678").Value, "一种谐波减速器柔轮检测夹具",
            new DateOnly(2025, 5, 12), new DateOnly(2025, 10, 21), [new(Org("天津海河智能装备有限公司"), 100m)]), now);
        var software = IpRecord.Create(center.Id, new IpDetails(
            IpKind.SoftwareCopyright, "2025SR0456789", "智能装配产线数字孪生监控软件 V1.0",
            new DateOnly(2025, 8, 1), null, [new(Org("天津海河智能装备有限公司"), 70m), new(Org("北京工业技术研究院"), 30m)]), now);
        db.LedgerIp.AddRange(patent, utility, software);

        var deal = TransferDeal.Create(center.Id, new DealDetails(
            DealKind.Licence, "视觉伺服精密装配专利普通许可", Org("石家庄精密机械制造有限公司"), IsSme: true, IsFirstCommercial: true,
            ContractValueFen: 80_000_000, new DateOnly(2025, 9, 10), [patent.Id]) { ContractNumber = "HHZN-XK-2025-007" }, now);
        db.LedgerDeals.Add(deal);
        db.LedgerReceipts.Add(deal.Receive(new DateOnly(2025, 11, 20), 30_000_000, "首期许可费", [leadAndTju], now));

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The assessment of last year, open for filing for two months, so that the demo center's user finds an annual report
    /// pre-filled from its ledger to file. Only when no cycle of that year exists yet.
    /// </summary>
    private static async Task EnsureAssessmentCycleAsync(IServiceProvider sp, AppDbContext db)
    {
        var today = sp.GetRequiredService<TimeProvider>().TodayInBeijing();
        if (await db.AssessmentCycles.AnyAsync(c => c.Year == today.Year - 1))
        {
            return;
        }

        var opened = await sp.GetRequiredService<CycleHandlers>().OpenCoreAsync(
            new OpenCycleRequest { Year = today.Year - 1, Deadline = today.AddMonths(sp.GetRequiredService<PolicyProvider>().Current.Assessment.FilingMonths) }, null, CancellationToken.None);
        if (!opened.IsSuccess)
        {
            throw new InvalidOperationException("Demo assessment cycle: " + string.Join("; ", opened.Failure!.Errors));
        }
    }

    private static void Check<T>(Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo application: " + string.Join("; ", result.Failure!.Errors));
        }
    }

    private static async Task EnsureUser(
        UserManager<AppUser> users, string email, string name, string role, Guid? org, string password, DateTimeOffset now)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganizationId = org,
            IsActive = true,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }
}
