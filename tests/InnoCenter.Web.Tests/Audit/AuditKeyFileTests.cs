using InnoCenter.Web.Infrastructure.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace InnoCenter.Web.Tests.Audit;

/// <summary>
/// Web nodes that start together on a shared folder with no audit key configured make the key file at the same moment:
/// each of them must end up with the one key that is in the file, and none may read the file half-written.
/// </summary>
public sealed class AuditKeyFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "innocenter-auditkey-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Nodes_starting_together_on_a_shared_folder_all_get_the_key_in_the_file()
    {
        var data = "one audit row"u8.ToArray();
        for (var round = 0; round < 200; round++)
        {
            var path = Path.Combine(_dir, $"round{round}", "audit.key");
            using var go = new ManualResetEventSlim();
            var nodes = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            {
                go.Wait();
                return Convert.ToHexString(KeyAt(path).Mac.Compute(data));
            })).ToArray();
            go.Set();
            var macs = await Task.WhenAll(nodes);

            var inFile = Convert.ToHexString(new InnoCenter.Domain.Audit.HmacSha256AuditMac(
                Convert.FromBase64String(File.ReadAllText(path).Trim())).Compute(data));
            Assert.All(macs, mac => Assert.Equal(inFile, mac));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private AuditKey KeyAt(string path) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:KeyFile"] = path }).Build(),
            new Environment(_dir), NullLogger<AuditKey>.Instance);

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "InnoCenter.Web";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
