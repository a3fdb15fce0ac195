using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Audit;
using InnoCenter.Web.Infrastructure.Audit;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Audit;

/// <summary>
/// The sealed, keyed audit chain over HTTP, on each database provider. Every test tampers with the chain or counts all
/// of it, so each has an app and a database of its own.
/// </summary>
public abstract class AuditChainApiTests<TFactory>
    where TFactory : AppFactory, new()
{
    private static Task<OwnApp<TFactory>> NewAppAsync() => OwnApp<TFactory>.StartAsync();

    private static async Task<JsonElement> VerifyAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/v1/audit/verify", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<(string Kind, long Sequence)> BreaksOf(JsonElement verdict) =>
        verdict.GetProperty("breaks").EnumerateArray().Select(b => (b.GetProperty("kind").GetString()!, b.GetProperty("sequence").GetInt64()));

    [ProviderFact]
    public async Task Concurrent_writers_on_several_threads_give_one_unbroken_chain_once_sealed()
    {
        await using var app = await NewAppAsync();
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        var created = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        using var writing = new CancellationTokenSource();

        // The sealer runs while the writers write, so it meets commits that arrive out of order.
        var sealing = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await factory.SealAuditAsync(forceHead: false);
                await Task.Delay(20);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            for (var i = 0; i < 5; i++)
            {
                created.Add((await admin.CreateOrganizationAsync(TestData.Organization())).Id);
            }
        });
        await writing.CancelAsync();
        await sealing;
        await factory.SealAuditAsync();

        var verdict = await VerifyAsync(admin);
        var ids = created.Select(id => id.ToString()).ToList();
        var sealedInserts = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Organization" && a.Action == "Insert" && ids.Contains(a.EntityId))
            .Select(a => a.Sequence).ToListAsync());

        Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.ToString());
        Assert.Equal(0, verdict.GetProperty("pending").GetInt32());
        Assert.Equal(40, sealedInserts.Count);
        Assert.All(sealedInserts, s => Assert.NotNull(s));
        Assert.Equal(verdict.GetProperty("lastSequence").GetInt64(), verdict.GetProperty("checked").GetInt64());
        Assert.Equal(verdict.GetProperty("lastSequence").GetInt64(), verdict.GetProperty("signedHeadSequence").GetInt64());
    }

    [ProviderFact]
    public async Task Writers_append_pending_rows_that_the_page_counts_and_lists_only_once_sealed()
    {
        await using var app = await NewAppAsync();
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.SealAuditAsync();
        var org = await admin.CreateOrganizationAsync(TestData.Organization());

        var pendingRow = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == org.Id.ToString() && a.Action == "Insert"));
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit/?entityId={org.Id}");
        await factory.SealAuditAsync();
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit/?entityId={org.Id}");

        Assert.Null(pendingRow.Sequence);
        Assert.Null(pendingRow.Hash);
        Assert.True(before.GetProperty("pending").GetInt32() >= 1);
        Assert.Equal(0, before.GetProperty("entries").GetProperty("total").GetInt32());
        Assert.Equal(0, after.GetProperty("pending").GetInt32());
        Assert.Equal(1, after.GetProperty("entries").GetProperty("total").GetInt32());
    }

    [ProviderFact]
    public async Task A_row_altered_and_the_later_hashes_recomputed_without_the_key_is_named_by_verify()
    {
        await using var app = await NewAppAsync();
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        var target = await admin.CreateOrganizationAsync(TestData.Organization());
        await admin.CreateOrganizationAsync(TestData.Organization());
        await admin.CreateOrganizationAsync(TestData.Organization());
        await factory.SealAuditAsync(forceHead: false);
        Assert.True((await VerifyAsync(admin)).GetProperty("intact").GetBoolean());

        // Someone with write access to the database rewrites a row and rebuilds every later link the only way they
        // can without the key: with the plain SHA-256 of the old chain.
        var sequence = await factory.WithDbAsync(async db =>
        {
            var rows = await db.AuditEntries.Where(a => a.Sequence != null).OrderBy(a => a.Sequence).ToListAsync();
            var index = rows.FindIndex(a => a.EntityId == target.Id.ToString() && a.Action == "Insert");
            var previous = rows[index].PreviousHash!;
            rows[index].After = """{"Name":"篡改"}""";
            foreach (var row in rows.Skip(index))
            {
                row.PreviousHash = previous;
                row.Hash = AuditChain.Hash(row.ToLink());
                previous = row.Hash;
            }

            await db.SaveChangesAsync();
            return rows[index].Sequence!.Value;
        });
        var verdict = await VerifyAsync(admin);

        Assert.False(verdict.GetProperty("intact").GetBoolean());
        Assert.Equal(sequence, verdict.GetProperty("firstBrokenSequence").GetInt64());
        // Every rewritten row is named, not only the first; the signed head, where it covers them, disagrees too.
        var last = verdict.GetProperty("lastSequence").GetInt64();
        Assert.Equal(
            Enumerable.Range((int)sequence, (int)(last - sequence + 1)).Select(s => (long)s),
            BreaksOf(verdict).Where(b => b.Kind == "Altered").Select(b => b.Sequence));
        Assert.All(BreaksOf(verdict).Where(b => b.Kind != "Altered"), b => Assert.Equal(("HeadMismatch", last), b));
    }

    [ProviderFact]
    public async Task Removing_the_newest_rows_is_reported_as_a_truncated_tail()
    {
        await using var app = await NewAppAsync();
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        await admin.CreateOrganizationAsync(TestData.Organization());
        await admin.CreateOrganizationAsync(TestData.Organization());
        var head = (await factory.SealAuditAsync()).Head!;

        await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > head.Sequence - 2).ExecuteDeleteAsync());
        var verdict = await VerifyAsync(admin);

        Assert.False(verdict.GetProperty("intact").GetBoolean());
        Assert.True(verdict.GetProperty("truncated").GetBoolean());
        var cut = verdict.GetProperty("breaks").EnumerateArray().Single(b => b.GetProperty("kind").GetString() == "Truncated");
        Assert.Equal(head.Sequence - 1, cut.GetProperty("sequence").GetInt64());
        Assert.Equal(head.Sequence, cut.GetProperty("through").GetInt64());
    }

    [ProviderFact]
    public async Task Only_admins_verify_and_a_forged_head_in_the_store_is_reported()
    {
        await using var app = await NewAppAsync();
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        await admin.CreateOrganizationAsync(TestData.Organization());
        var outcome = await factory.SealAuditAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<AuditHeadStore>();
            var forged = SignedHead.Sign(SignedHeadKind.Restore, 1, new string('0', 64), DateTimeOffset.UtcNow, new HmacSha256AuditMac(new byte[32]));
            await store.AppendAsync(forged, CancellationToken.None);
        }

        var verdict = await VerifyAsync(admin);

        Assert.Contains(("ForgedHead", 1L), BreaksOf(verdict));
        Assert.DoesNotContain(BreaksOf(verdict), b => b.Kind == "Truncated");
        Assert.True(outcome.Tail > 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientFor(Roles.Expert)).PostAsync("/api/v1/audit/verify", null)).StatusCode);
    }

    [ProviderFact]
    public async Task The_sealing_job_seals_what_writers_append_and_signs_the_head_without_being_asked()
    {
        await using var app = await OwnApp<TFactory>.StartAsync(f =>
        {
            f.Settings["Audit:SealSeconds"] = "0.2";
            f.Settings["Audit:HeadSeconds"] = "0";
        });
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        for (var i = 0; i < 3; i++)
        {
            await admin.CreateOrganizationAsync(TestData.Organization());
        }

        JsonElement verdict = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            verdict = await VerifyAsync(admin);
            if (verdict.GetProperty("pending").GetInt32() == 0 &&
                verdict.GetProperty("signedHeadSequence").ValueKind == JsonValueKind.Number &&
                verdict.GetProperty("signedHeadSequence").GetInt64() == verdict.GetProperty("lastSequence").GetInt64())
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.ToString());
        Assert.Equal(0, verdict.GetProperty("pending").GetInt32());
        Assert.Equal(verdict.GetProperty("lastSequence").GetInt64(), verdict.GetProperty("signedHeadSequence").GetInt64());
        // No key was configured: the app made a key file at its first start, outside the database.
        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(factory.AuditKeyFile)).Length);
    }

    [ProviderFact]
    public async Task With_HMAC_SM3_chosen_the_chain_and_its_heads_are_sealed_and_verified_under_SM3()
    {
        await using var app = await OwnApp<TFactory>.StartAsync(f => f.Settings["Audit:Algorithm"] = "HMAC-SM3");
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        var org = await admin.CreateOrganizationAsync(TestData.Organization());
        var head = (await factory.SealAuditAsync()).Head!;
        var intact = await VerifyAsync(admin);
        var algorithms = await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Algorithm).Distinct().ToListAsync());
        await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == org.Id.ToString())
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.UserName, "Mallory")));
        var altered = await VerifyAsync(admin);

        Assert.Equal(new string?[] { "HMAC-SM3" }, algorithms);
        Assert.Equal("HMAC-SM3", head.Algorithm);
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.False(altered.GetProperty("intact").GetBoolean());
        Assert.Contains(BreaksOf(altered), b => b.Kind == "Altered");
    }
}

public sealed class SqliteAuditChainApiTests : AuditChainApiTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresAuditChainApiTests : AuditChainApiTests<PostgresAppFactory>;
