namespace InnoCenter.E2E.Infrastructure;

/// <summary>A browser test run once per data row: skipped, with a message, where Chromium is missing — except under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !File.Exists(AppServer.ChromiumPath))
        {
            Skip = $"Browser suite skipped: no Chromium at {AppServer.ChromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).";
        }
    }
}
