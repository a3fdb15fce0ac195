using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Documents;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// The portal's demo data, idempotent: the plan itself (津工信科〔2020〕21号附件1) as the first policy document, and a
/// published, featured typical case of the demo center.
/// </summary>
public static class PortalDemo
{
    public const string PlanNumber = "津工信科〔2020〕21号附件1";

    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var pack = sp.GetRequiredService<PolicyProvider>().Current;
        if (!await db.PortalDocuments.AnyAsync(d => d.DocumentNumber == PlanNumber))
        {
            await using var stream = typeof(PortalDemo).Assembly.GetManifestResourceStream("portal-seed/tianjin-plan-2020.md")
                                     ?? throw new InvalidOperationException("The plan's text is missing from the build.");
            using var reader = new StreamReader(stream);
            var body = await reader.ReadToEndAsync();
            var rendered = PortalMarkdown.Render(body);
            var id = Guid.CreateVersion7();
            var index = await sp.GetRequiredService<DocumentNumbers>()
                .GetOrIssueAsync(DocumentHandlers.NumberKind, id, pack.Portal.IndexNumberPattern, 2020, CancellationToken.None);
            db.PortalDocuments.Add(PortalDocument.Publish(
                id, index ?? "—", "天津市制造业创新中心建设实施方案", PlanNumber, "天津市工业和信息化局", new DateOnly(2020, 3, 20),
                body, rendered.Html, null, now));
            await db.SaveChangesAsync();
        }

        var center = await db.Centers.OrderBy(c => c.ApprovedOn).Select(c => new { c.Id }).FirstOrDefaultAsync();
        if (center is null || await db.PortalCases.AnyAsync(c => c.CenterId == center.Id))
        {
            return;
        }

        const string caseBody = "## 背景\n\n中心联合成员单位围绕智能装备关键共性技术开展协同攻关。\n\n## 主要做法\n\n1. 建立成员单位联合研发机制；\n2. 共享中试线和检测设备；\n3. 知识产权按贡献共有、收益按份额分配。\n\n## 成效\n\n形成一批可转化的专利成果，并向中小企业开放服务。";
        var content = new CaseContent(
            "协同攻关打通智能装备关键技术", "成员单位联合研发、共享中试线，知识产权共有共享。", caseBody, PortalMarkdown.Render(caseBody).Html,
            pack.Portal.CaseTasks.FirstOrDefault(t => t.Code == "collaboration")?.Code ?? pack.Portal.CaseTasks.FirstOrDefault()?.Code ?? "collaboration", []);
        var c = TypicalCase.Draft(center.Id, null, content, now);
        c.Submit(now);
        c.Publish(now);
        c.SetFeatured(true, now);
        db.PortalCases.Add(c);
        await db.SaveChangesAsync();
    }
}
