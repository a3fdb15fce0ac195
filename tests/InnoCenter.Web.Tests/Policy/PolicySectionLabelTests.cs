using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InnoCenter.Web.Tests.Policy;

/// <summary>
/// The pack editor lists every top-level section of the pack by its label; a section a module adds without one shows its
/// raw key to the Admin in both languages (plans, portal and resources did).
/// </summary>
public sealed partial class PolicySectionLabelTests
{
    [Theory]
    [InlineData("tianjin-2020.json")]
    [InlineData("national-2018.json")]
    public void Every_section_of_a_shipped_pack_has_a_label_in_both_languages(string pack)
    {
        var root = RepositoryRoot();
        var sections = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "policies", pack)))!.AsObject()
            .Select(p => p.Key).Where(k => k is not ("code" or "version")).ToList();

        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = DataName().Matches(File.ReadAllText(Path.Combine(root, "src", "InnoCenter.Web", "Resources", file)))
                .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(sections.Where(s => !keys.Contains("policy.section." + s)).Select(s => $"{file}: policy.section.{s}"));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InnoCenter.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"InnoCenter.slnx not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("<data name=\"([^\"]+)\"")]
    private static partial Regex DataName();
}
