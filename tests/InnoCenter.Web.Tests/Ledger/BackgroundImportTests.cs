using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>
/// Large imports run in the background (issue 11): the upload is checked before anything is kept, the job reports its
/// progress, ends all or nothing with every refused row, tells its starter, and is seen by nobody else.
/// </summary>
public abstract class BackgroundImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_background_import_writes_every_row_reports_its_progress_and_tells_its_starter()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var rows = Enumerable.Range(1, 400).Select(i => Training(c, "后台导入培训" + i, $"{c.LastYear}-0{1 + i % 9}-1{i % 9}", 10 + i));

        var started = await user.UploadAsync($"/api/v1/ledger/training/import/background?centerId={c.Id}", Xlsx(rows), "training.xlsx");
        var job = await FinishedAsync(user, started);

        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal(400, job.Imported);
        Assert.Equal((400, 400, 100), (job.Total, job.Processed, job.Percent));
        Assert.Equal($"/Ledger/training?centerId={c.Id}", job.Link);
        Assert.Equal(400, await factory.WithDbAsync(db => db.LedgerTraining.CountAsync(x => x.CenterId == c.Id)));
        var starter = await factory.WithDbAsync(db => db.ImportJobs.Where(j => j.Id == job.Id).Select(j => new { j.UserId, j.Content }).SingleAsync());
        Assert.Null(starter.Content);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == starter.UserId && n.Link == $"/Imports/{job.Id}")));
        var page = await user.GetStringAsync($"/Imports/{job.Id}");
        Assert.Contains("Import complete: 400 rows imported.", page);
    }

    [ProviderFact]
    public async Task A_refused_background_import_writes_nothing_and_keeps_every_row_error_in_the_starters_language()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var rows = new[]
        {
            Training(c, "第一项", $"{c.LastYear}-03-01", 12),
            Training(c, "日期错", "2025/13/40", 12),
            Training(c, "第三项", $"{c.LastYear}-03-03", 12),
            Training(c, "", $"{c.LastYear}-03-04", 12),
        };

        var started = await user.UploadAsync($"/api/v1/ledger/training/import/background?centerId={c.Id}", Xlsx(rows), "training.xlsx");
        var job = await FinishedAsync(user, started);

        Assert.Equal(ImportJobState.Refused, job.State);
        Assert.Equal(0, job.Imported);
        Assert.Equal([3, 5], job.Errors.Select(e => e.Row).Distinct().Order());
        Assert.Contains(job.Errors, e => e.Row == 3 && e.Column == "Held on");
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerTraining.CountAsync(x => x.CenterId == c.Id)));
        Assert.Contains("Held on", await user.GetStringAsync($"/Imports/{job.Id}"));
    }

    [ProviderFact]
    public async Task Nobody_else_sees_an_import_and_a_foreign_center_or_a_non_workbook_is_refused_before_anything_is_kept()
    {
        var c = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var stranger = await factory.CenterUserAsync(other);
        var before = await factory.WithDbAsync(db => db.ImportJobs.CountAsync());

        var foreign = await user.UploadAsync($"/api/v1/ledger/training/import/background?centerId={other.Id}",
            Xlsx([Training(c, "x", $"{c.LastYear}-01-05", 3)]), "t.xlsx");
        var notWorkbook = await user.UploadAsync($"/api/v1/ledger/training/import/background?centerId={c.Id}", "%PDF-1.4\n"u8.ToArray(), "t.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notWorkbook.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ImportJobs.CountAsync()));

        var started = await user.UploadAsync($"/api/v1/ledger/training/import/background?centerId={c.Id}",
            Xlsx([Training(c, "x", $"{c.LastYear}-01-05", 3)]), "t.xlsx");
        var job = await FinishedAsync(user, started);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/imports/{job.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Imports/{job.Id}")).StatusCode);
    }

    [ProviderFact]
    public async Task An_import_whose_node_fell_silent_shows_as_interrupted_not_running_forever()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var (starter, _) = await factory.CreateUserAsync(InnoCenter.Web.Infrastructure.Auth.Roles.CenterUser, c.Lead.Id);
        var silent = ImportJob.Queue("ledger:training", c.Id, starter.Id, "en-US", "old.xlsx", [1, 2, 3], "gone-node", factory.Clock.GetUtcNow().AddHours(-1));
        await factory.WithDbAsync(async db =>
        {
            db.ImportJobs.Add(silent);
            return await db.SaveChangesAsync();
        });
        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin, culture: "en-US");

        var seen = (await admin.GetFromJsonAsync<ImportJobDto>($"/api/v1/imports/{silent.Id}", Json.Options))!;

        Assert.Equal(ImportJobState.Failed, seen.State);
        Assert.Contains("interrupted", seen.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/v1/imports/{silent.Id}")).StatusCode);
    }

    [ProviderFact]
    public async Task The_admins_expert_import_page_runs_the_import_in_the_background_and_leads_to_its_outcome()
    {
        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin, culture: "en-US");
        var code = TestData.NewCreditCode("12", "120000");
        var names = Enumerable.Range(1, 120).Select(i => "后台导入专家" + Guid.NewGuid().ToString("N")[..6]).ToList();
        var rows = names.Select(n => new Dictionary<string, object?>
        {
            ["姓名"] = n, ["职称"] = "教授", ["工作单位统一社会信用代码"] = code, ["工作单位"] = "导入测试单位", ["入职日期"] = "2018-09-01",
            ["专家领域"] = "技术、产业", ["熟悉的重点领域"] = "新材料", ["联系电话"] = "022-1234567", ["在库状态"] = "是",
        }).ToList();
        var token = await admin.AntiforgeryTokenAsync("/Experts/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Xlsx(rows)), "file", "experts.xlsx" },
        };

        var posted = await admin.PostAsync("/Experts/Import", form);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = posted.Headers.Location!.OriginalString.Split('/')[^1];
        var job = await FinishedAsync(admin, $"/api/v1/imports/{id}");
        Assert.True(job.State == ImportJobState.Succeeded, string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")) + job.Message);
        Assert.Equal(120, job.Imported);
        Assert.Equal("/Experts", job.Link);
        Assert.Equal(120, await factory.WithDbAsync(db => db.Experts.CountAsync(e => e.AffiliationCreditCode == code)));
        var again = await FinishedAsync(admin, await StartExpertImportAsync(admin, Xlsx(rows.Take(1))));
        Assert.Equal(ImportJobState.Refused, again.State);
        Assert.Single(again.Errors);
    }

    private static async Task<string> StartExpertImportAsync(HttpClient admin, byte[] workbook)
    {
        var token = await admin.AntiforgeryTokenAsync("/Experts/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(workbook), "file", "experts.xlsx" },
        };
        var posted = await admin.PostAsync("/Experts/Import", form);
        return "/api/v1/imports/" + posted.Headers.Location!.OriginalString.Split('/')[^1];
    }

    private static Dictionary<string, object?> Training(TestCenter c, string title, string heldOn, int personTimes) => new()
    {
        ["培训名称"] = title,
        ["培训日期"] = heldOn,
        ["培训人次"] = personTimes,
    };

    private static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<ImportJobDto> FinishedAsync(HttpClient user, HttpResponseMessage started)
    {
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        return await FinishedAsync(user, started.Headers.Location!.OriginalString);
    }

    private static async Task<ImportJobDto> FinishedAsync(HttpClient user, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = (await user.GetFromJsonAsync<ImportJobDto>(location, Json.Options))!;
            if (job.State is not (ImportJobState.Queued or ImportJobState.Running) || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(100);
        }
    }
}

public sealed class SqliteBackgroundImportTests(SqliteAppFactory factory) : BackgroundImportTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresBackgroundImportTests(PostgresAppFactory factory) : BackgroundImportTests<PostgresAppFactory>(factory);
