using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>The scorecard of a center as a page and as .docx, and the cycle overview as a page and as Excel with every ratio's numerator and denominator.</summary>
public abstract class OutputTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task The_scorecard_shows_value_points_and_evidence_per_indicator_as_a_page_and_a_word_document()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync("成绩单中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var (cycle, reports) = await app.RunToScoredAsync(AssessmentTestData.LastYear, new Dictionary<TestCenter, (Profile, decimal)> { [center] = (Profile.Strong, 1m) });
        await app.PublishAsync(cycle.Id);
        var user = await app.Factory.CenterUserAsync(center);
        var english = await app.Factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.CenterUser, center.Lead.Id, "en-US");
        var reportId = reports[center.Id].Id;

        var card = await user.GetFromJsonAsync<ScorecardDto>($"/api/v1/assessment/reports/{reportId}/scorecard", Json.Options);
        var html = await user.GetStringAsync($"/Assessment/Scorecard/{reportId}");
        var englishHtml = await english.GetStringAsync($"/Assessment/Scorecard/{reportId}");
        var document = await user.GetAsync($"/api/v1/assessment/reports/{reportId}/scorecard.docx");

        Assert.Equal(100m, card!.Total);
        Assert.Equal("FlagReward", card.Decision!.Kind);
        var staffShare = card.Dimensions.SelectMany(d => d.Lines).Single(l => l.Code == "rd-staff-share");
        Assert.Equal((60m, 100m), (staffShare.Numerator, staffShare.Denominator));
        Assert.Contains(staffShare.Sources, s => s.Code == "staff.rd" && s.Corrected && s.LedgerValue == 0m && s.Evidence is not null);
        var hours = card.Dimensions.SelectMany(d => d.Lines).Single(l => l.Code == "shared-resource-hours");
        Assert.NotNull(Assert.Single(hours.Sources).Evidence);
        Assert.Contains("研发人员占比", html);
        Assert.Contains("60 / 100", html);
        Assert.Contains("evidence.pdf", html);
        Assert.Contains("予以奖励", html);
        Assert.Contains("R&amp;D staff share", englishHtml);
        Assert.DoesNotContain("assessment.", englishHtml);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await document.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("天津市工业和信息化局", text);
        Assert.Contains("成绩单中心", text);
        Assert.Contains("考核等级为优秀", text);
        Assert.Contains("60%（60/100）", text);
        Assert.Single(docx.MainDocumentPart.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());

        // The same Chinese document, with the same number, for a reader in English.
        var englishDocument = await english.GetAsync($"/api/v1/assessment/reports/{reportId}/scorecard.docx");
        using var englishDocx = WordprocessingDocument.Open(new MemoryStream(await englishDocument.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(text, englishDocx.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Matches(@"津工信创〔\d{4}〕[1-9]\d*号", text);
    }

    [ProviderFact]
    public async Task The_overview_shows_the_grade_and_dimension_distribution_and_the_excel_export_carries_numerators_and_denominators()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var strong = await app.Factory.CreateCenterAsync("总览强" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var weak = await app.Factory.CreateCenterAsync("总览弱" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var (cycle, _) = await app.RunToScoredAsync(AssessmentTestData.LastYear, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [strong] = (Profile.Strong, 1m), [weak] = (Profile.Weak, 0m),
        });
        var user = await app.Factory.CenterUserAsync(strong);

        var overview = await app.Admin.GetFromJsonAsync<OverviewDto>($"/api/v1/assessment/cycles/{cycle.Id}/overview", Json.Options);
        var html = await app.Admin.GetStringAsync($"/Assessment/Overview/{cycle.Id}");
        var export = await app.Admin.GetAsync($"/api/v1/assessment/cycles/{cycle.Id}/overview/export");
        var byCenter = await user.GetAsync($"/api/v1/assessment/cycles/{cycle.Id}/overview/export");
        var unknown = await app.Admin.GetAsync($"/api/v1/assessment/cycles/{Guid.NewGuid()}/overview/export");

        Assert.Equal((2, 50m, 0m, 100m), (overview!.Scored, overview.Mean, overview.Min, overview.Max));
        Assert.Equal([1, 0, 0, 1], overview.Grades.Select(g => g.Count));
        Assert.Equal(50m, overview.Grades[0].Percent);
        var results = overview.Dimensions.Single(d => d.Code == "results");
        Assert.Equal((25m, 12.5m, 0m, 25m), (results.MaxPoints, results.Mean, results.Min, results.Max));
        Assert.Contains("总览强", html);
        Assert.Contains("等级分布", html);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2 * 23, rows.Count);
        var ratio = rows.Single(r => ((string)r["创新中心"]!).StartsWith("总览强", StringComparison.Ordinal) && (string?)r["指标"] == "研发人员占比");
        Assert.Equal("研发人员（人）", ratio["分子项"]);
        Assert.Equal(60d, Convert.ToDouble(ratio["分子"]));
        Assert.Equal("从业人员（人）", ratio["分母项"]);
        Assert.Equal(100d, Convert.ToDouble(ratio["分母"]));
        var weakRatio = rows.Single(r => ((string)r["创新中心"]!).StartsWith("总览弱", StringComparison.Ordinal) && (string?)r["指标"] == "研发人员占比");
        Assert.Equal("分母为零，不计分", weakRatio["计分状态"]);
        Assert.Equal(HttpStatusCode.Forbidden, byCenter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

public sealed class SqliteOutputTests : OutputTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresOutputTests : OutputTests<PostgresAppFactory>;
