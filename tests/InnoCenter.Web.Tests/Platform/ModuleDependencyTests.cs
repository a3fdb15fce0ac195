using System.Text.RegularExpressions;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>
/// The modules under src/InnoCenter.Web/Features depend on each other one way (docs/architecture.md draws the arrows).
/// Read from the source: a module depends on another when one of its files names the other's namespace. No cycle of
/// any length is allowed.
/// </summary>
public sealed partial class ModuleDependencyTests
{
    [Fact]
    public void No_module_depends_on_itself_through_others()
    {
        var graph = Graph();

        Assert.Empty(graph.Keys.Order(StringComparer.Ordinal).Select(m => CycleThrough(graph, m)).OfType<string>());
    }

    [Fact]
    public void Centers_do_not_depend_on_the_ledger_that_records_for_them()
    {
        Assert.DoesNotContain("Ledger", Graph()["Centers"]);
    }

    [Fact]
    public void The_expert_pool_does_not_depend_on_the_reviews_that_draw_from_it()
    {
        Assert.DoesNotContain("Reviews", Graph()["Experts"]);
        Assert.Contains("Experts", Graph()["Reviews"]);
    }

    [Fact]
    public void Applications_do_not_depend_on_the_notices_module_that_publishes_them()
    {
        Assert.DoesNotContain("Notices", Graph()["Applications"]);
        Assert.Contains("Applications", Graph()["Notices"]);
    }

    /// <summary>"A → B → C → A" when a module reaches itself by its arrows (the shortest such way), else null.</summary>
    private static string? CycleThrough(Dictionary<string, HashSet<string>> graph, string start)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>();
        foreach (var next in graph[start].Where(n => previous.TryAdd(n, start)))
        {
            queue.Enqueue(next);
        }

        while (queue.Count > 0)
        {
            var module = queue.Dequeue();
            if (module == start)
            {
                var path = new List<string> { start };
                for (var at = previous[start]; at != start; at = previous[at])
                {
                    path.Add(at);
                }

                path.Add(start);
                path.Reverse();
                return string.Join(" → ", path);
            }

            foreach (var next in graph[module].Where(n => previous.TryAdd(n, module)))
            {
                queue.Enqueue(next);
            }
        }

        return null;
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
