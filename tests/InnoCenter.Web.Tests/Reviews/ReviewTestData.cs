using System.Collections.Concurrent;
using System.Net.Http.Json;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Reviews;

/// <summary>Experts with sign-ins, subjects and pools for the review tests. Every expert made here can sign in.</summary>
public static class ReviewTestData
{
    public static readonly string[] Domains = ["economics", "technology", "industry", "management", "law"];

    /// <summary>The client of each expert created here, so a test can act as whoever was drawn.</summary>
    private static readonly ConcurrentDictionary<Guid, HttpClient> Clients = new();

    public static HttpClient ClientOf(Guid expertId) => Clients[expertId];

    /// <summary>A review subject's API address, with the rest of the path.</summary>
    public static string S(Guid subjectId, string rest = "") => $"/api/v1/reviews/subjects/{subjectId}{rest}";

    public static ExpertRequest Expert(string[] domains, string? affiliation = null, IReadOnlyList<AffiliationRequest>? past = null, string[]? keyAreas = null) => new()
    {
        Name = "专家" + Guid.NewGuid().ToString("N")[..8],
        Title = "研究员",
        AffiliationCreditCode = affiliation ?? TestData.NewCreditCode("12", "120000"),
        AffiliationName = "测试工作单位",
        AffiliatedSince = new DateOnly(2015, 1, 1),
        Domains = domains,
        KeyAreas = keyAreas ?? [],
        Phone = "022-88888888",
        Email = "contact@example.org",
        PastAffiliations = past ?? [],
    };

    public static async Task<ExpertDto> CreateExpertAsync<TFactory>(
        this TFactory factory, HttpClient admin, ExpertRequest request, string culture = "zh-CN")
        where TFactory : AppFactory
    {
        var (user, token) = await factory.CreateUserAsync(Roles.Expert);
        var response = await admin.PostAsJsonAsync("/api/v1/experts", request with { UserEmail = user.Email });
        response.EnsureSuccessStatusCode();
        var expert = (await response.Content.ReadFromJsonAsync<ExpertDto>(Json.Options))!;
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        Clients[expert.Id] = client;
        return expert;
    }

    /// <summary><paramref name="perDomain"/> experts in each of the five domains.</summary>
    public static async Task<List<ExpertDto>> PoolAsync<TFactory>(this TFactory factory, HttpClient admin, int perDomain = 2, string[]? keyAreas = null)
        where TFactory : AppFactory
    {
        var pool = new List<ExpertDto>();
        foreach (var d in Domains)
        {
            for (var i = 0; i < perDomain; i++)
            {
                pool.Add(await factory.CreateExpertAsync(admin, Expert([d], keyAreas: keyAreas)));
            }
        }

        return pool;
    }

    /// <summary>
    /// A subject with a fresh reference, a year of its own (so loads from other tests never count) and the given parties,
    /// staged as the in-process modules do: the API no longer takes an application's parties from outside.
    /// </summary>
    public static async Task<SubjectDto> SubjectAsync<TFactory>(this TFactory factory, HttpClient admin, params string[] parties)
        where TFactory : AppFactory
    {
        Guid id;
        using (var scope = factory.Services.CreateScope())
        {
            var handlers = scope.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>();
            id = await handlers.EnsureSubjectAsync(
                ReviewSubjectKind.Application, Guid.NewGuid(), "测试申报" + Guid.NewGuid().ToString("N")[..6], "new-materials",
                Random.Shared.Next(2030, 2099), parties.Length > 0 ? parties : [TestData.NewCreditCode()], CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<InnoCenter.Web.Data.AppDbContext>().SaveChangesAsync();
        }

        var response = await admin.GetAsync($"/api/v1/reviews/subjects/{id}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubjectDto>(Json.Options))!;
    }

    public static async Task<PanelDto> DrawAsync(this HttpClient admin, Guid subjectId, int? size = null)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/panel/draw", new DrawRequest(size));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Draw failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<PanelDto>(Json.Options))!;
    }

    /// <summary>Points for the Tianjin application form, each criterion given the same share of its maximum.</summary>
    public static ScoreRequest Scores(decimal share, string recommendation = "Approve") => new()
    {
        Points = new Dictionary<string, decimal?>
        {
            ["plan"] = 15 * share,
            ["technology"] = 25 * share,
            ["consortium"] = 15 * share,
            ["industry"] = 20 * share,
            ["operation"] = 15 * share,
            ["resources"] = 10 * share,
        }.ToDictionary(p => p.Key, p => (decimal?)decimal.Round(p.Value!.Value, 1)),
        Comment = "评审意见：方案可行。",
        Recommendation = recommendation,
    };
}
