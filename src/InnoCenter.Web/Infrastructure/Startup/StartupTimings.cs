using System.Diagnostics;

namespace InnoCenter.Web.Infrastructure.Startup;

/// <summary>
/// How long each step of the start took, counted from the process's own start, said once in the log when the app
/// answers: an operator sees where a slow start goes, and the bench's cold-start figure can be taken apart.
/// </summary>
public sealed class StartupTimings
{
    private readonly List<(string Step, long AtMs)> _steps = [];
    private readonly DateTime _processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    private long SinceStart() => (long)(DateTime.UtcNow - _processStart).TotalMilliseconds;

    /// <summary>Marks the end of a step.</summary>
    public void Mark(string step) => _steps.Add((step, SinceStart()));

    /// <summary>Logs every step with its own duration and the time since the process started.</summary>
    public void Log(ILogger logger)
    {
        var previous = 0L;
        var parts = _steps.Select(s =>
        {
            var part = $"{s.Step} {s.AtMs - previous} ms";
            previous = s.AtMs;
            return part;
        });
        logger.LogInformation("Started in {TotalMs} ms / 启动用时: {Steps}", SinceStart(), string.Join(", ", parts));
    }
}
