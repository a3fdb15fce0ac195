using System.Globalization;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data.Migrations;
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
/// Why only the newest: a draw references the pool version it saw (<see cref="ExpertPoolSnapshot"/>, ≈ 0.58 MB at
/// 5,000 experts, stored once per distinct pool) and stores its own terms (≈ 11 KB). Here experts join one by one
/// through the review years, so nearly every joining starts a new pool version (≈ 500 during the national review
/// period, ≈ 0.3 GB if every application were reviewed). Applications still under review come first, then the newest.
/// </para>
/// </summary>
public sealed partial class ExpertsStep : IGeneratorStep
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
        // The generator's context runs no keepers: the domain and key-area rows are built from the lists as the migration does.
        await context.Db.Database.ExecuteSqlRawAsync(ExpertTagBackfill.Sql(context.Db.Database.IsNpgsql()), ct);
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
        var ids = new SeededIds(context.Options.Seed, 40);
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
            experts.Add(Expert.Create(profile, joined, ids.Next(joined)));
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
}
