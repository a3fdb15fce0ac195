using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>Runs where Redocly's CLI is installed in tools/openapi-lint (.ci/run installs it); under CI=true it must be.</summary>
public sealed class LinterFactAttribute : FactAttribute
{
    public LinterFactAttribute()
    {
        if (OpenApiLinter.Executable is null && !TestEnvironment.IsCi)
        {
            Skip = "OpenAPI lint skipped: run `npm ci --prefix tools/openapi-lint` to install Redocly's CLI (.ci/run does).";
        }
    }
}

public static class OpenApiLinter
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string? Executable =>
        Path.Combine(RepositoryRoot, "tools", "openapi-lint", "node_modules", ".bin", "redocly") is var path && File.Exists(path) ? path : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InnoCenter.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (InnoCenter.slnx) was not found above the test binaries.");
    }
}

public sealed class OpenApiDocumentTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [LinterFact]
    public async Task The_api_document_has_no_lint_error_under_the_recommended_rules()
    {
        var linter = OpenApiLinter.Executable ?? throw new InvalidOperationException("Redocly's CLI is not installed in tools/openapi-lint (npm ci --prefix tools/openapi-lint).");
        var path = Path.Combine(Path.GetTempPath(), $"innocenter-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await factory.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var start = new ProcessStartInfo(linter)
            {
                ArgumentList = { "lint", path, "--format=json", "--max-problems", "5000", "--config", Path.Combine(OpenApiLinter.RepositoryRoot, "tools", "openapi-lint", "redocly.yaml") },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var report = JsonDocument.Parse(await stdout);

            var errors = report.RootElement.GetProperty("problems").EnumerateArray()
                .Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} lint errors:\n{string.Join('\n', errors.Take(40))}\n{await stderr}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_bearer_scheme_unless_anonymous_and_problem_answers()
    {
        using var doc = JsonDocument.Parse(await factory.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;
        Assert.Equal("http", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());

        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var where = $"{op.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(op.Value.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{where} has no summary");
                var responses = op.Value.GetProperty("responses");
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{where} declares no success");
                var security = op.Value.GetProperty("security");
                if (security.GetArrayLength() > 0)
                {
                    Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{where} needs a sign-in but declares no 401/403");
                }

                if (path.Name.Contains('{'))
                {
                    Assert.True(responses.TryGetProperty("404", out var notFound), $"{where} names a record but declares no 404");
                    Assert.True(notFound.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{where}'s 404 is not ProblemDetails");
                }
            }
        }
    }

    [Fact]
    public async Task Downloads_are_documented_with_their_content_type()
    {
        using var doc = JsonDocument.Parse(await factory.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");

        string ContentOf(string path) => paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Single().Name;

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContentOf("/api/v1/organizations/export"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ContentOf("/api/v1/applications/{id}/documents/approval"));
        Assert.Equal("application/octet-stream", ContentOf("/api/v1/files/{id}"));
    }

    [Fact]
    public async Task Each_lifecycle_action_of_an_application_has_its_own_route()
    {
        using var doc = JsonDocument.Parse(await factory.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.DoesNotContain("/api/v1/applications/{id}/{action}", paths);
        foreach (var action in new[] { "submit", "withdraw", "begin-formal-check", "pass-formal-check", "return", "complete-expert-review", "complete-site-inspection", "approve", "reject" })
        {
            Assert.Contains($"/api/v1/applications/{{id}}/{action}", paths);
        }
    }

    [Fact]
    public async Task The_documented_center_member_is_what_the_endpoint_returns()
    {
        using var doc = JsonDocument.Parse(await factory.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        var items = doc.RootElement.GetProperty("paths").GetProperty("/api/v1/centers/{id}/members").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("items");
        var name = items.GetProperty("$ref").GetString()!.Split('/')[^1];
        var documented = schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();

        var actual = typeof(InnoCenter.Web.Features.Centers.CenterMemberDto).GetProperties()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToList();
        Assert.Equal(actual, documented);
        Assert.Equal(3, new[] { "CenterMemberDto", "ConsortiumMemberDto", "PanelMemberDto" }.Count(n => schemas.TryGetProperty(n, out _)));
    }

    [Fact]
    public async Task Refusals_reach_an_english_caller_in_english()
    {
        var member = await factory.ClientFor(Roles.MemberUser, culture: "en-US");

        var forbidden = await member.GetAsync("/api/v1/dashboard");
        var missing = await member.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Forbidden", (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Not found", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
