using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Reviews;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>
/// An app of its own for one assessment test: a cycle takes in every eligible center of the database, so tests that
/// shared a database would assess each other's centers. Disposing it drops the database.
/// </summary>
public sealed class AssessmentApp<TFactory> : IAsyncDisposable
    where TFactory : AppFactory, new()
{
    private AssessmentApp(TFactory factory, HttpClient admin)
    {
        Factory = factory;
        Admin = admin;
    }

    public TFactory Factory { get; }

    public HttpClient Admin { get; }

    public static async Task<AssessmentApp<TFactory>> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new TFactory();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            factory.Settings[key] = value;
        }

        await factory.InitializeAsync();
        return new AssessmentApp<TFactory>(factory, await factory.ClientFor(Roles.Admin));
    }

    /// <summary>Today in Beijing by the app's clock, which a test may have moved forward.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Factory.Clock.GetUtcNow(), InnoCenter.Web.Infrastructure.Localization.LocalizationSetup.Beijing).DateTime);

    /// <summary>Ten experts, two in each domain, made the first time a panel is needed.</summary>
    public List<ExpertDto>? Pool { get; private set; }

    /// <summary>Moves the app's clock past the cycle's deadline.</summary>
    public void PassDeadline(CycleDto cycle) => Factory.Clock.Advance(TimeSpan.FromDays(cycle.Deadline.DayNumber - Today.DayNumber + 1));

    /// <summary>Draws the report's panel; every expert accepts and scores <paramref name="share"/> of each criterion's maximum, or only <paramref name="scorers"/> of them.</summary>
    public async Task<PanelDto> ReviewAsync(Guid reportId, decimal share, int? scorers = null)
    {
        Pool ??= await Factory.PoolAsync(Admin);
        var report = await Admin.GetReportAsync(reportId);
        var subjectId = report!.ReviewSubjectId ?? throw new InvalidOperationException("The report has no review subject: accept it first.");
        var panel = await Admin.DrawAsync(subjectId);
        foreach (var m in panel.Members.Take(scorers ?? panel.Members.Count))
        {
            await ScoreAsAsync(subjectId, m, share);
        }

        return panel;
    }

    public static async Task ScoreAsAsync(Guid subjectId, InnoCenter.Web.Features.Reviews.PanelMemberDto member, decimal share)
    {
        var client = ReviewTestData.ClientOf(member.ExpertId);
        await AssessmentTestData.EnsureAsync(await client.PostAsync($"/api/v1/reviews/assignments/{member.Id}/accept", null));
        await AssessmentTestData.EnsureAsync(await client.PostAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/scores", AssessmentTestData.ReportScores(share)));
    }

    /// <summary>Files the report of the profile, the Admin accepts it, and a panel scores it at the share.</summary>
    public async Task<ReportDto> FileAcceptReviewAsync(HttpClient centerUser, ReportDto report, Profile profile, decimal panelShare)
    {
        await centerUser.FileProfileAsync(report, profile);
        await Admin.AcceptAsync(report.Id);
        await ReviewAsync(report.Id, panelShare);
        return (await Admin.GetReportAsync(report.Id))!;
    }

    /// <summary>
    /// Runs a cycle of <paramref name="year"/> end to end: opens it (on the named pack), every center in
    /// <paramref name="plan"/> files its report of the given profile, the Admin accepts it and a panel scores it at the
    /// share; then the deadline passes and the Admin scores. Returns the cycle and each center's report.
    /// </summary>
    public async Task<(CycleDto Cycle, Dictionary<Guid, ReportDto> Reports)> RunToScoredAsync(
        int year, IReadOnlyDictionary<TestCenter, (Profile Profile, decimal Share)> plan, string? policyCode = null)
    {
        var cycle = await Admin.OpenCycleAsync(year, Today.AddDays(2), policyCode);
        var reports = new Dictionary<Guid, ReportDto>();
        foreach (var (center, (profile, share)) in plan)
        {
            var user = await Factory.CenterUserAsync(center);
            reports[center.Id] = await FileAcceptReviewAsync(user, await user.ReportOfAsync(cycle.Id, center.Id), profile, share);
        }

        PassDeadline(cycle);
        await AssessmentTestData.EnsureAsync(await Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null));
        return (cycle, reports);
    }

    public async Task<PublishDto> PublishAsync(Guid cycleId)
    {
        var response = await Admin.PostAsJsonAsync($"/api/v1/assessment/cycles/{cycleId}/publish", new ReportDecisionRequest());
        await AssessmentTestData.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<PublishDto>(Json.Options))!;
    }

    public async Task<CenterDto> CenterAsync(Guid centerId) => (await Admin.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{centerId}", Json.Options))!;

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// What a report says. Strong: every ledger figure corrected up to full marks and every manual value at full marks.
/// Pass: the same figures, manual values 0. Weak: the ledger as it is (empty) and manual values 0. With a panel scoring
/// 1 (strong) or 0, the Tianjin totals are 100, 78 and 0.
/// </summary>
public enum Profile
{
    Strong,
    Pass,
    Weak,
}

public static class AssessmentTestData
{
    /// <summary>The year before this one: wholly in the past, and a year a center recognised three years ago is assessed in.</summary>
    public static int LastYear => CenterTestData.Today.Year - 1;

    public static DateOnly ThreeYearsAgo => CenterTestData.Today.AddYears(-3);

    public static async Task<HttpResponseMessage> OpenAsync(this HttpClient admin, int year, DateOnly? deadline = null, string? policyCode = null, int? policyVersion = null) =>
        await admin.PostAsJsonAsync("/api/v1/assessment/cycles", new OpenCycleRequest
        {
            Year = year,
            Deadline = deadline ?? CenterTestData.Today.AddDays(30),
            PolicyCode = policyCode,
            PolicyVersion = policyVersion,
        });

    public static async Task<CycleDto> OpenCycleAsync(this HttpClient admin, int year, DateOnly? deadline = null, string? policyCode = null)
    {
        var response = await admin.OpenAsync(year, deadline, policyCode);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<CycleDto>(Json.Options))!;
    }

    public static async Task<ReportDto> ReportOfAsync(this HttpClient client, Guid cycleId, Guid centerId)
    {
        var cycles = await client.GetFromJsonAsync<List<CycleRow>>("/api/v1/assessment/cycles", Json.Options);
        var row = cycles!.FirstOrDefault(c => c.Id == cycleId && c.MyReportId is not null);
        if (row is null)
        {
            throw new InvalidOperationException($"No report of center {centerId} in cycle {cycleId} for this user.");
        }

        var report = await client.GetFromJsonAsync<ReportDto>($"/api/v1/assessment/reports/{row.MyReportId}", Json.Options);
        return report!;
    }

    public static Task<ReportDto?> GetReportAsync(this HttpClient client, Guid reportId) =>
        client.GetFromJsonAsync<ReportDto>($"/api/v1/assessment/reports/{reportId}", Json.Options);

    /// <summary>Posts a value the way the form does: multipart, with evidence when bytes are given.</summary>
    public static async Task<HttpResponseMessage> SetValueAsync(
        this HttpClient client, Guid reportId, string code, string? value, string? reason = null, byte[]? evidence = null, int? version = null)
    {
        using var form = new MultipartFormDataContent();
        if (value is not null)
        {
            form.Add(new StringContent(value), "value");
        }

        if (reason is not null)
        {
            form.Add(new StringContent(reason), "reason");
        }

        if (version is { } v)
        {
            form.Add(new StringContent(v.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version");
        }

        if (evidence is not null)
        {
            var file = new ByteArrayContent(evidence);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "evidence", "evidence.pdf");
        }

        return await client.PostAsync($"/api/v1/assessment/reports/{reportId}/values/{code}", form);
    }

    public static async Task<HttpResponseMessage> UploadDocumentAsync(this HttpClient client, Guid reportId)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(ApplicationFlow.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "运行发展报告.pdf");
        return await client.PostAsync($"/api/v1/assessment/reports/{reportId}/document", form);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid reportId, string action, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/assessment/reports/{reportId}/{action}", new ReportDecisionRequest { Reason = reason });

    /// <summary>
    /// Files a complete report: the operation report, every manual value (with evidence) at <paramref name="manualShare"/>
    /// of a value that earns full marks, then submits it.
    /// </summary>
    public static async Task<ReportDto> FileAsync(this HttpClient centerUser, ReportDto report, Func<ManualValueDto, string>? valueOf = null)
    {
        await EnsureAsync(await centerUser.UploadDocumentAsync(report.Id));
        foreach (var m in report.ManualValues)
        {
            await EnsureAsync(await centerUser.SetValueAsync(report.Id, m.Code, valueOf?.Invoke(m) ?? "0", evidence: ApplicationFlow.Pdf));
        }

        var submitted = await centerUser.ActAsync(report.Id, "submit");
        await EnsureAsync(submitted);
        return (await submitted.Content.ReadFromJsonAsync<ReportDto>(Json.Options))!;
    }

    public static async Task<ReportDto> AcceptAsync(this HttpClient admin, Guid reportId)
    {
        var response = await admin.ActAsync(reportId, "accept");
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ReportDto>(Json.Options))!;
    }

    public static async Task FileProfileAsync(this HttpClient centerUser, ReportDto report, Profile profile)
    {
        if (profile != Profile.Weak)
        {
            foreach (var f in report.Figures)
            {
                var value = f.Key switch
                {
                    "staff.total" => "100",
                    "staff.rd" => "60",
                    // The fund figures fill themselves from the Funds module; a profile reports them as it did when they were typed.
                    _ when f.Key.StartsWith(FundFigureKeys.Prefix, StringComparison.Ordinal) => profile == Profile.Strong ? "100" : "0",
                    _ when f.Key.EndsWith("_wan", StringComparison.Ordinal) => "5000",
                    _ => "1000",
                };
                await EnsureAsync(await centerUser.SetValueAsync(report.Id, f.Key, value, "台账补录：以审计报告为准", ApplicationFlow.Pdf));
            }
        }

        await centerUser.FileAsync(report, m => profile == Profile.Strong ? (m.Unit == "%" ? "100" : "5000") : "0");
    }

    /// <summary>Points for the Tianjin annual-report form, each criterion at the same share of its maximum.</summary>
    public static ScoreRequest ReportScores(decimal share) => new()
    {
        Points = new Dictionary<string, decimal>
        {
            ["results"] = 25, ["diffusion"] = 25, ["industry-support"] = 20, ["talent"] = 15, ["international"] = 10, ["operation"] = 5,
        }.ToDictionary(p => p.Key, p => (decimal?)decimal.Round(p.Value * share, 1)),
        Comment = "报告内容翔实，成果转化成效明显。",
        Recommendation = "Approve",
    };

    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<HttpResponseMessage> RevokeAsync(this HttpClient admin, Guid centerId)
    {
        var center = await admin.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{centerId}", Json.Options);
        return await admin.PostAsJsonAsync($"/api/v1/centers/{centerId}/status", new StatusChangeRequest
        {
            To = "Revoked",
            Reference = "津工信科〔2026〕1号",
            Reason = "测试撤销",
            EffectiveOn = CenterTestData.Today,
            Version = center!.Version,
        });
    }
}
