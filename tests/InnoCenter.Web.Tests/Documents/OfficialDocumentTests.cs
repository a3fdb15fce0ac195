using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Documents;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Documents;

/// <summary>
/// Official documents (公文) are written in the document's language — Chinese — whatever the reader's, carry a
/// document number (发文字号) the platform issues once and keeps, and have the GB/T 9704 parts a reader looks for.
/// </summary>
public abstract class OfficialDocumentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_notice_reads_the_same_in_chinese_for_an_english_reader_and_keeps_its_number()
    {
        var flow = await ApplicationFlow.StartAsync(factory, "en-US");
        var id = await NoticeOpenAsync(flow, "审议〔2026〕31号");

        var english = await DocumentAsync(factory.AnonymousClient("en-US"), $"/api/v1/notices/{id}/document");
        var chinese = await DocumentAsync(factory.AnonymousClient("zh-CN"), $"/api/v1/notices/{id}/document");

        Assert.Equal(chinese.Text, english.Text);
        Assert.Contains("重点领域：高端装备", english.Text);
        Assert.DoesNotContain("High-end", english.Text);
        Assert.DoesNotContain("Tianjin", english.Text);
        var number = Assert.Single(english.Paragraphs, p => p.StartsWith("津工信创公〔", StringComparison.Ordinal));
        Assert.Matches(@"^津工信创公〔\d{4}〕[1-9]\d*号$", number);
        Assert.Contains(number, chinese.Paragraphs);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DocumentNumbers.CountAsync(n => n.Kind == DocumentKinds.Notice && n.SubjectId == id)));
    }

    [ProviderFact]
    public async Task Two_notices_get_different_numbers_of_one_yearly_series()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var first = await NoticeOpenAsync(flow, "审议〔2026〕32号");
        var second = await NoticeOpenAsync(flow, "审议〔2026〕33号");

        var a = await DocumentAsync(factory.AnonymousClient(), $"/api/v1/notices/{first}/document");
        var b = await DocumentAsync(factory.AnonymousClient(), $"/api/v1/notices/{second}/document");

        var numbers = await factory.WithDbAsync(db => db.DocumentNumbers.AsNoTracking()
            .Where(n => n.SubjectId == first || n.SubjectId == second).OrderBy(n => n.IssuedAt).ToListAsync());
        Assert.Equal(2, numbers.Count);
        Assert.NotEqual(numbers[0].Number, numbers[1].Number);
        Assert.Equal(numbers[0].Series, numbers[1].Series);
        Assert.Equal(numbers[0].Serial + 1, numbers[1].Serial);
        Assert.Contains(numbers.Single(n => n.SubjectId == first).Number, a.Paragraphs);
        Assert.Contains(numbers.Single(n => n.SubjectId == second).Number, b.Paragraphs);
    }

    [ProviderFact]
    public async Task The_approval_downloaded_in_english_is_the_chinese_document_laid_out_after_gb_t_9704()
    {
        var flow = await ApplicationFlow.StartAsync(factory, "en-US");
        var id = await NoticeOpenAsync(flow, "审议〔2026〕34号");
        await flow.CloseNoticesAsync((await flow.ReadAsync(id)).NoticeEndsOn!.Value.AddDays(1));
        var approved = await flow.ReadAsync(id);
        Assert.Equal("Approved", approved.Summary.Status);

        var doc = await DocumentAsync(flow.Applicant, $"/api/v1/applications/{id}/documents/approval");

        // 发文机关标志, 发文字号, 标题, 主送机关, 正文, 署名, 成文日期 in that order.
        var p = doc.Paragraphs;
        Assert.Equal("天津市工业和信息化局文件", p[0]);
        var numberAt = p.IndexOf(approved.ApprovalNumber!);
        var titleAt = p.FindIndex(x => x.StartsWith("关于同意认定", StringComparison.Ordinal) && x.EndsWith("的批复", StringComparison.Ordinal));
        var addresseeAt = p.IndexOf(flow.Lead.Name + "：");
        var closingAt = p.IndexOf("特此批复。");
        var approvedOn = approved.ApprovedOn!.Value;
        var dateAt = p.IndexOf($"{approvedOn.Year}年{approvedOn.Month}月{approvedOn.Day}日");
        Assert.True(0 < numberAt && numberAt < titleAt && titleAt < addresseeAt && addresseeAt < closingAt && closingAt < dateAt, string.Join(" | ", p));
        Assert.Equal("天津市工业和信息化局", p[dateAt - 1]);
        Assert.Contains("印章", doc.Xml);
        Assert.DoesNotContain("Tianjin", doc.Text);
        Assert.DoesNotContain("approved", doc.Text, StringComparison.OrdinalIgnoreCase);

        // 三号仿宋 in the body, 二号小标宋 in the title, A4.
        Assert.Contains("仿宋_GB2312", doc.Fonts(closingAt));
        Assert.Equal("32", doc.Size(closingAt));
        Assert.Contains("方正小标宋简体", doc.Fonts(titleAt));
        Assert.Equal("44", doc.Size(titleAt));
        Assert.Equal(11906u, (uint)doc.Section.GetFirstChild<PageSize>()!.Width!);
    }

    private static async Task<Guid> NoticeOpenAsync(ApplicationFlow flow, string decisionNumber)
    {
        var id = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(id, ApplicationStatus.Deliberation);
        (await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = new DateOnly(2026, 11, 20), DecisionNumber = decisionNumber }))
            .EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<Docx> DocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Docx(bytes);
    }

    private sealed class Docx
    {
        private readonly List<Paragraph> _paragraphs;

        public Docx(byte[] bytes)
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var body = doc.MainDocumentPart!.Document.Body!;
            _paragraphs = body.Elements<Paragraph>().Select(x => (Paragraph)x.CloneNode(true)).ToList();
            Paragraphs = _paragraphs.Select(x => string.Concat(x.Descendants<Text>().Where(t => t.Ancestors<TextBoxContent>().Count() == 0).Select(t => t.Text))).ToList();
            Text = body.InnerText;
            Xml = body.OuterXml;
            Section = (SectionProperties)body.GetFirstChild<SectionProperties>()!.CloneNode(true);
        }

        public List<string> Paragraphs { get; }

        public string Text { get; }

        public string Xml { get; }

        public SectionProperties Section { get; }

        public string Fonts(int paragraph) => _paragraphs[paragraph].Descendants<RunFonts>().First().EastAsia!.Value!;

        public string Size(int paragraph) => _paragraphs[paragraph].Descendants<FontSize>().First().Val!.Value!;
    }
}

public sealed class SqliteOfficialDocumentTests(SqliteAppFactory factory) : OfficialDocumentTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresOfficialDocumentTests(PostgresAppFactory factory) : OfficialDocumentTests<PostgresAppFactory>(factory);
