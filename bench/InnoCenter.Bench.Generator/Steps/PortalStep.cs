using InnoCenter.Domain.Documents;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Features.Portal;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// The portal: typical cases (典型经验) of the centers — most published, some with an earlier version superseded, some
/// still drafts, a few featured — walked through the case's own lifecycle methods, and policy documents with 索引号 from
/// the pack's pattern, entered in the number registry so the app goes on counting after them. Titles share a few
/// two-character words, so the portal search has hits to find (sample PORTAL_SEARCH).
/// </summary>
public sealed class PortalStep : IGeneratorStep
{
    private static readonly string[] Topics = ["协同", "攻关", "转化", "标准", "人才", "孵化", "开放", "共享"];

    private static readonly string[] Subjects = ["联合攻关关键共性技术", "专利池运营与收益共享", "中试线向中小企业开放", "牵头制定行业标准", "引进培养领军人才", "孵化科技型企业", "共建国际联合实验室"];

    public int Order => 85;

    public string Name => "portal: typical cases and policy documents";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var tasks = context.Policy.Portal.CaseTasks.Select(t => t.Code).ToList();
        var pattern = context.Policy.Portal.IndexNumberPattern;
        if (context.Centers.Count == 0 || tasks.Count == 0 || string.IsNullOrWhiteSpace(pattern))
        {
            Console.WriteLine("  no centers, case tasks or index number pattern: no portal data");
            return;
        }

        var cases = new List<TypicalCase>(context.Scale.PortalCases);
        for (var i = 0; i < context.Scale.PortalCases; i++)
        {
            var center = context.Centers[random.Next(context.Centers.Count)];
            var author = context.ApplicantUsers.TryGetValue(center.LeadOrganizationId, out var u) ? u.UserId : (Guid?)null;
            var at = context.Now.AddDays(-random.Next(1, 700)).AddMinutes(random.Next(0, 600));
            var c = TypicalCase.Draft(center.Id, author, Content(random, tasks, i), at);
            var roll = random.Next(100);
            if (roll >= 10)
            {
                Check(c.Submit(at.AddDays(1)).Failure);
                Check(c.Publish(at.AddDays(3)).Failure);
                if (roll >= 80)
                {
                    Check(c.Edit(Content(random, tasks, i), at.AddDays(20)).Failure);
                    Check(c.Submit(at.AddDays(21)).Failure);
                    Check(c.Publish(at.AddDays(23)).Failure);
                }

                if (random.Next(100) < 10)
                {
                    Check(c.SetFeatured(true, at.AddDays(30)).Failure);
                }
            }

            cases.Add(c);
        }

        await context.InsertAsync("typical cases", cases.Count, cases, ct, batchSize: 200);
        var published = cases.FirstOrDefault(c => c.IsPublic);
        if (published is not null)
        {
            context.Sample("CASE_ID", published.Id);
        }

        var documents = new List<PortalDocument>(context.Scale.PortalDocuments);
        var numbers = new List<DocumentNumber>(context.Scale.PortalDocuments);
        var serials = new Dictionary<int, int>();
        var publisher = context.Policy.Applications.IssuingBody.For(false);
        foreach (var at in Enumerable.Range(0, context.Scale.PortalDocuments).Select(_ => context.Now.AddDays(-random.Next(1, 1500))).Order())
        {
            var year = at.ToOffset(TimeSpan.FromHours(8)).Year;
            var serial = serials[year] = serials.GetValueOrDefault(year) + 1;
            var id = Guid.CreateVersion7();
            var number = DocumentNumber.Issue(DocumentHandlers.NumberKind, id, pattern, year, serial, at);
            var topic = Topics[random.Next(Topics.Length)];
            var body = $"## 一、总体要求\n\n围绕{topic}，支持制造业创新中心建设。\n\n## 二、主要任务\n\n{Subjects[random.Next(Subjects.Length)]}。";
            numbers.Add(number);
            documents.Add(PortalDocument.Publish(
                id, number.Number, $"关于推进制造业创新中心{topic}工作的通知（{year}年第{serial}号）", $"津工信科〔{year}〕{serial}号", publisher,
                DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime), body, PortalMarkdown.Render(body).Html, context.AdminUserId, at));
        }

        await context.InsertAsync("document numbers", numbers.Count, numbers, ct);
        await context.InsertAsync("policy documents", documents.Count, documents, ct);
        if (documents.Count > 0)
        {
            context.Sample("DOCUMENT_ID", documents[^1].Id);
        }

        context.Sample("PORTAL_SEARCH", Topics[0]);
    }

    private static CaseContent Content(Random random, IReadOnlyList<string> tasks, int i)
    {
        var topic = Topics[random.Next(Topics.Length)];
        var subject = Subjects[random.Next(Subjects.Length)];
        var body = $"## 做法\n\n成员单位围绕{topic}，{subject}。\n\n## 成效\n\n形成专利 {random.Next(3, 60)} 件，服务中小企业 {random.Next(5, 200)} 家。";
        return new CaseContent(
            $"{subject}的{topic}经验（{i + 1}）", $"成员单位{topic}的做法与成效。", body, PortalMarkdown.Render(body).Html,
            tasks[random.Next(tasks.Count)], []);
    }

    private static void Check(InnoCenter.Domain.Common.Failure? failure)
    {
        if (failure is not null)
        {
            throw new InvalidOperationException($"The domain refused a generated case: {string.Join(", ", failure.Errors)}");
        }
    }
}
