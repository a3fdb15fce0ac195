using System.Text.RegularExpressions;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>
/// The modules under src/InnoCenter.Web/Features depend on each other one way (docs/architecture.md draws the arrows).
/// Read from the source: a module depends on another when one of its files names the other's namespace.
/// </summary>
public sealed partial class ModuleDependencyTests
{
    /// <summary>Cycles still to untangle, each named with why it is there; the test fails on any other, and on one of these once it is gone.</summary>
    private static readonly HashSet<(string, string)> KnownCycles =
    [
        // The expert pool's pages show conflicts and assignments (Reviews); the review pages read pool records and the
        // expert's own profile (Experts). To untangle: move the expert's profile and invitations' review seams behind an interface.
        ("Experts", "Reviews"),
    ];

    [Fact]
    public void No_two_modules_depend_on_each_other_beyond_the_known_cycles()
    {
        var graph = Graph();
        var cycles = graph.SelectMany(kv => kv.Value.Where(to => graph.GetValueOrDefault(to)?.Contains(kv.Key) == true)
                .Select(to => string.CompareOrdinal(kv.Key, to) < 0 ? (kv.Key, to) : (to, kv.Key)))
            .ToHashSet();

        Assert.Empty(cycles.Except(KnownCycles));
        Assert.Empty(KnownCycles.Except(cycles));
    }

    [Fact]
    public void Centers_do_not_depend_on_the_ledger_that_records_for_them()
    {
        Assert.DoesNotContain("Ledger", Graph()["Centers"]);
    }

    [Fact]
    public void Applications_do_not_depend_on_the_notices_module_that_publishes_them()
    {
        Assert.DoesNotContain("Notices", Graph()["Applications"]);
        Assert.Contains("Applications", Graph()["Notices"]);
    }

    private static Dictionary<string, HashSet<string>> Graph()
    {
        var features = Path.Combine(OpenApiLinter.RepositoryRoot, "src", "InnoCenter.Web", "Features");
        var modules = Directory.GetDirectories(features).Select(Path.GetFileName).OfType<string>().ToList();
        var graph = modules.ToDictionary(m => m, _ => new HashSet<string>());
        foreach (var module in modules)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(features, module), "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                foreach (Match m in FeatureReference().Matches(text))
                {
                    var other = m.Groups[1].Value;
                    if (other != module && graph.ContainsKey(other))
                    {
                        graph[module].Add(other);
                    }
                }
            }
        }

        return graph;
    }

    [GeneratedRegex(@"Features\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex FeatureReference();
}
