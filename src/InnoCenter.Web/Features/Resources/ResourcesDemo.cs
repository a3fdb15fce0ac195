using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Demo shared resources of the demo center's members, with bookings last month (used and charged, so two statements
/// show, one of them recorded paid), one waiting for the owner's approval and one next week. Runs once: a center that has resources is left alone.
/// </summary>
public static class ResourcesDemo
{
    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, DateTimeOffset now)
    {
        var center = await db.Centers.FirstOrDefaultAsync(c => db.Organizations.Any(o => o.Id == c.LeadOrganizationId && o.Name == "天津海河智能装备有限公司"));
        if (center is null || await db.ResearchResources.AnyAsync(r => r.CenterId == center.Id))
        {
            return;
        }

        var rules = sp.GetRequiredService<PolicyProvider>().Current.Resources;
        var memberOrgs = await db.CenterMemberships.Where(m => m.CenterId == center.Id).Select(m => m.OrganizationId).ToListAsync();
        var university = await db.Organizations.Where(o => o.Name == "天津大学" && memberOrgs.Contains(o.Id)).Select(o => (Guid?)o.Id).FirstOrDefaultAsync() ?? center.LeadOrganizationId;
        var centerUser = await db.Users.Where(u => u.Email == "center@demo.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        var memberUser = await db.Users.Where(u => u.Email == "member@demo.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        var weekdays = OpeningHours.Parse("Mon 08:30-17:30; Tue 08:30-17:30; Wed 08:30-17:30; Thu 08:30-17:30; Fri 08:30-17:30").Value;
        var sem = ResearchResource.Create(center.Id, university, new ResourceDetails(
            "场发射扫描电子显微镜", Category(rules, "instrument"), "Hitachi SU8010", "天津大学北洋园校区材料楼 105", "分辨率 1.0 nm，配能谱仪，可做形貌与成分分析。",
            weekdays, true, true, true, FeeUnit.PerHour, 300m, 600m, 450m), now);
        var line = ResearchResource.Create(center.Id, center.LeadOrganizationId, new ResourceDetails(
            "工业机器人装配中试线", Category(rules, "pilot-line"), "HH-PL-02", "滨海新区海河智能装备产业园 3 号厂房", "六轴机器人柔性装配线，可承接小批量试制。",
            weekdays, false, false, false, FeeUnit.PerHour, 800m, 1500m, 1200m), now);
        var lab = ResearchResource.Create(center.Id, university, new ResourceDetails(
            "材料成分检测服务", Category(rules, "test-service"), "ICP-OES", "天津大学分析测试中心", "金属材料元素含量检测，按样品计费。",
            OpeningHours.AroundTheClock, true, false, true, FeeUnit.PerSample, 120m, 260m, 180m), now);
        db.ResearchResources.AddRange(sem, line, lab);
        db.ResourceBlackouts.Add(ResourceBlackout.Create(sem.Id, Day(now, 10, 0), Day(now, 11, 0), "年度计量检定").Value);
        if (centerUser is { } cu && memberUser is { } mu)
        {
            db.ResourceTrainings.Add(ResourceTraining.Record(sem.Id, cu, DateOnly.FromDateTime(now.AddDays(-60).ToBeijingTime().DateTime), mu));
            // Around the 10th of last month (Beijing), so every used booking falls in one month whose statements are issued.
            var today = DateOnly.FromDateTime(now.ToBeijingTime().DateTime);
            var tenth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).AddDays(9);
            var lastMonth = Day(now, tenth.DayNumber - today.DayNumber, 9);
            Used(ResourceBooking.Place(sem, cu, center.LeadOrganizationId, BookerKind.Member, FeeRate.Member, lastMonth, lastMonth.AddHours(3), "新型减速器齿面形貌观察", rules, lastMonth.AddDays(-3)), mu, 150, null, now);
            var assembly = Used(ResourceBooking.Place(line, mu, university, BookerKind.Member, FeeRate.Member, lastMonth.AddDays(1), lastMonth.AddDays(1).AddHours(4), "样机装配验证", rules, lastMonth.AddDays(-2)), cu, 240, null, now);
            Used(ResourceBooking.Place(lab, cu, center.LeadOrganizationId, BookerKind.Member, FeeRate.Member, lastMonth.AddDays(2), lastMonth.AddDays(2).AddHours(1), "合金成分复检", rules, lastMonth.AddDays(-1)), mu, 60, 6, now);
            db.ResourceBookings.Add(ResourceBooking.Place(sem, cu, center.LeadOrganizationId, BookerKind.Member, FeeRate.Member, Day(now, 3, 9), Day(now, 3, 11), "断口分析", rules, now));
            db.ResourceBookings.Add(ResourceBooking.Place(line, mu, university, BookerKind.Member, FeeRate.Member, Day(now, 7, 13), Day(now, 7, 17), "夹具调试", rules, now));

            // The university's statement of last month (the pilot line only) is paid, recorded by the line's owner; the
            // lead's statement of the same month stays unpaid, so the statements show both states.
            var paid = StatementPayment.Open(university, tenth.Year, tenth.Month);
            var issued = StatementPayment.IssuedOn(tenth.Year, tenth.Month);
            var recorded = paid.MarkPaid(issued, assembly.Charge, assembly.Charge, "HX" + issued.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-01", cu, now, today);
            if (!recorded.IsSuccess)
            {
                throw new InvalidOperationException("The demo payment was refused: " + string.Join("; ", recorded.Failure!.Errors.Select(e => e.Code)));
            }

            db.ResourceStatementPayments.Add(paid);
        }

        await db.SaveChangesAsync();

        ResourceBooking Used(ResourceBooking b, Guid owner, int minutes, int? samples, DateTimeOffset at)
        {
            if (b.Status == BookingStatus.Pending)
            {
                b.Approve(owner, b.CreatedAt.AddHours(1));
            }

            b.RecordUsage(minutes, samples, owner, at);
            db.ResourceBookings.Add(b);
            return b;
        }
    }

    private static string Category(ResourceRules rules, string code) => rules.Categories.Any(c => c.Code == code) ? code : rules.Categories[0].Code;

    /// <summary>A day some days from today (Beijing) at an hour, skipped forward to a weekday so it falls in opening hours.</summary>
    private static DateTimeOffset Day(DateTimeOffset now, int days, int hour)
    {
        var day = DateOnly.FromDateTime(now.ToBeijingTime().DateTime).AddDays(days);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return BeijingTime.At(day, TimeSpan.FromHours(hour));
    }
}
