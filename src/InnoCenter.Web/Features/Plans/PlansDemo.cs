using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Plans;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Plans;

/// <summary>
/// The demo center's plan: an approved revision from its first year with indicators linked to ledger figures the demo
/// ledger holds (on track), one linked indicator set beyond reach this year (behind schedule, so the officer's
/// workbench shows a warning) and a free indicator the center reported with evidence. Runs once per database.
/// </summary>
public static class PlansDemo
{
    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, DateTimeOffset now)
    {
        var center = await db.Centers.FirstOrDefaultAsync(c => db.Organizations.Any(o => o.Id == c.LeadOrganizationId && o.Name == "天津海河智能装备有限公司"));
        if (center is null || await db.PlanRevisions.AnyAsync(r => r.CenterId == center.Id))
        {
            return;
        }

        var policy = sp.GetRequiredService<PolicyProvider>();
        var rules = policy.Current.Plans;
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = clock.TodayInBeijing();
        var first = center.ApprovedOn.Year;
        if (!rules.IsConfigured || today.Year < first || today.Year > first + PlanRevision.PlanYears - 1)
        {
            return;
        }

        var rollup = new LedgerRollup(db, policy);
        var firstYear = await rollup.ForCenterYearAsync(center.Id, first, CancellationToken.None);
        var thisYear = await rollup.ForCenterYearAsync(center.Id, today.Year, CancellationToken.None);
        decimal? In(IReadOnlyDictionary<string, decimal> figures, string key) => figures.GetValueOrDefault(key) is > 0 and var v ? v : null;
        decimal? Target(string key, int year) => year == first ? In(firstYear, key) : year == today.Year ? In(thisYear, key) : null;

        var onTrack = LedgerRollupKeys.Ordered.Where(k => In(thisYear, k) is not null).Take(2).ToList();
        if (onTrack.Count == 0)
        {
            onTrack = [LedgerRollupKeys.MembersTotal];
        }

        var behindKey = LedgerRollupKeys.Ordered.First(k => k != LedgerRollupKeys.MembersTotal && !onTrack.Contains(k));
        // Beyond what the pack lets pass as on track by today, whatever day the demo is seeded.
        var due = Math.Max(PlanProgress.DueShare(today.Year, today), 0.05m) * rules.BehindSchedulePercent / 100m;
        var behindTarget = Math.Ceiling(((thisYear.GetValueOrDefault(behindKey)) + 1m) / due) + 1m;

        PlanIndicatorInput Linked(string key, decimal? forced = null) => new(
            DemoNames.GetValueOrDefault(key, key), Units.GetValueOrDefault(key, "项"), key,
            PlanYear(0, key), PlanYear(1, key, forced), PlanYear(2, key, forced is { } f ? f * 1.5m : null));
        decimal? PlanYear(int offset, string key, decimal? forced = null)
        {
            var year = first + offset;
            if (year == today.Year && forced is { } f)
            {
                return f;
            }

            return Target(key, year) ?? (year > today.Year ? Math.Ceiling((Target(key, today.Year) ?? 1m) * 1.5m) : null);
        }

        var inputs = onTrack.Select(k => Linked(k)).ToList();
        inputs.Add(Linked(behindKey, behindTarget));
        inputs.Add(new PlanIndicatorInput("中试验证服务企业数", "家", null, 10m, 15m, 20m));

        var centerUser = await db.Users.Where(u => u.Email == "center@demo.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        var officer = await db.Users.Where(u => u.Email == "officer@demo.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        var revision = PlanRevision.Propose(
            center.Id, 1, first, first, "按批复意见将三年建设目标细化为可量化指标，并与成果台账关联。", inputs, centerUser, now.AddDays(-30));
        if (!revision.IsSuccess)
        {
            throw new InvalidOperationException("Demo plan: " + string.Join("; ", revision.Failure!.Errors));
        }

        revision.Value.Approve("同意按调整后的指标执行。", officer, now.AddDays(-28));
        db.PlanRevisions.Add(revision.Value);
        db.PlanActuals.Add(PlanActual.Report(center.Id, first, "中试验证服务企业数", 12m, "中试线服务合同 12 份（见合同台账 HT-2025-001 至 HT-2025-012）。", centerUser, now.AddDays(-20)).Value);
        if (today.Year > first)
        {
            db.PlanActuals.Add(PlanActual.Report(center.Id, today.Year, "中试验证服务企业数", 14m, "中试线服务合同 14 份，验收报告已归档。", centerUser, now.AddDays(-2)).Value);
        }

        await db.SaveChangesAsync();
    }

    private static readonly Dictionary<string, string> DemoNames = new(StringComparer.Ordinal)
    {
        [LedgerRollupKeys.InventionApplications] = "发明专利申请",
        [LedgerRollupKeys.InventionGrants] = "发明专利授权",
        [LedgerRollupKeys.PctApplications] = "PCT 专利申请",
        [LedgerRollupKeys.UtilityModels] = "实用新型专利",
        [LedgerRollupKeys.SoftwareCopyrights] = "软件著作权",
        [LedgerRollupKeys.ProjectsTotal] = "在研项目",
        [LedgerRollupKeys.TransferDeals] = "技术转移项目",
        [LedgerRollupKeys.MembersTotal] = "成员单位",
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        [LedgerRollupKeys.MembersTotal] = "家",
        [LedgerRollupKeys.TransferContractValueWan] = "万元",
        [LedgerRollupKeys.TransferRevenueWan] = "万元",
    };
}
