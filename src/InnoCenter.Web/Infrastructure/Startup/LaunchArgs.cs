namespace InnoCenter.Web.Infrastructure.Startup;

/// <summary>
/// The platform's own switches on the command line. <c>--demo</c> is a flag, but the configuration parser reads any
/// <c>--name</c> without a value as taking the next token, so <c>--demo --Key=Value</c> would swallow the setting as
/// the value of "demo". The flag is taken out before the rest reaches the configuration, in whatever position.
/// </summary>
public static class LaunchArgs
{
    public const string Demo = "--demo";

    public static (bool Demo, string[] Settings) Split(string[] args) =>
        (args.Any(IsDemo), args.Where(a => !IsDemo(a)).ToArray());

    private static bool IsDemo(string arg) => string.Equals(arg, Demo, StringComparison.OrdinalIgnoreCase);
}
