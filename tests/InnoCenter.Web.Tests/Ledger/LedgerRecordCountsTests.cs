using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>
/// The kept record counts per kind and center (<see cref="LedgerRecordCounts"/>) against a recount of the records: after
/// random creates, imports and deletes in two centers the kept rows equal the recount, and the Admin's lists of all
/// centers and of one center, which read their totals from them, show the number of records there are.
/// </summary>
public abstract class LedgerRecordCountsTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Kept_counts_equal_a_recount_after_random_creates_imports_and_deletes()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var centers = new[] { await factory.CreateCenterAsync(), await factory.CreateCenterAsync() };
        var users = new[] { await factory.CenterUserAsync(centers[0]), await factory.CenterUserAsync(centers[1]) };
        var live = new List<(string Kind, Guid Id)>();
        for (var i = 0; i < 2; i++)
        {
            foreach (var kind in LedgerTestData.Kinds)
            {
                live.Add((kind, (await users[i].CreateAsync(kind, await LedgerTestData.ValidRequestAsync(kind, centers[i], users[i]))).Id));
            }
        }

        for (var step = 0; step < 20; step++)
        {
            var i = random.Next(2);
            var (c, user) = (centers[i], users[i]);
            switch (random.Next(4))
            {
                case 0:
                    var kind = new[] { "ip", "training", "projects", "intl" }[random.Next(4)];
                    live.Add((kind, (await user.CreateAsync(kind, await LedgerTestData.ValidRequestAsync(kind, c, user))).Id));
                    break;
                case 1:
                {
                    var rows = Enumerable.Range(0, random.Next(1, 4)).Select(_ => (IDictionary<string, object>)new Dictionary<string, object>
                    {
                        ["知识产权类型"] = "发明专利申请",
                        ["申请号/登记号"] = LedgerTestData.NewPatentNumber(c.LastYear),
                        ["名称"] = "导入" + random.Next(),
                        ["申请日/登记日"] = c.InLastYear(3, 1).ToString("yyyy-MM-dd"),
                        ["共有人及份额"] = $"{c.Lead.CreditCode}:70; {c.University.CreditCode}:30",
                    }).ToList();
                    using var stream = new MemoryStream();
                    stream.SaveAs(rows);
                    var response = await user.UploadAsync($"/api/v1/ledger/ip/import?centerId={c.Id}", stream.ToArray(), "ip.xlsx");
                    Assert.True(response.IsSuccessStatusCode, $"import: {await response.Content.ReadAsStringAsync()}");
                    break;
                }

                default:
                {
                    // Deals go first: an IP record a deal transfers may not be deleted.
                    var deletable = live.Where(l => l.Kind is "training" or "projects" or "intl" or "deals").ToList();
                    if (deletable.Count == 0)
                    {
                        break;
                    }

                    var (k, id) = deletable[random.Next(deletable.Count)];
                    var owner = users[0];
                    var read = await owner.GetAsync($"/api/v1/ledger/{k}/{id}");
                    if (read.StatusCode != HttpStatusCode.OK)
                    {
                        owner = users[1];
                        read = await owner.GetAsync($"/api/v1/ledger/{k}/{id}");
                    }

                    var current = (await read.Content.ReadFromJsonAsync<LedgerItem>(Json.Options))!;
                    var deleted = await owner.DeleteAsync($"/api/v1/ledger/{k}/{id}?version={current.Version}");
                    Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
                    live.Remove((k, id));
                    break;
                }
            }
        }

        var (kept, counted) = await factory.WithDbAsync(db => LedgerRecordCounts.CompareAsync(db, CancellationToken.None));
        Assert.Equal(counted, kept);

        var admin = centers[0].Admin;
        foreach (var kind in LedgerTestData.Kinds)
        {
            var all = (await admin.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/{kind}?pageSize=1", Json.Options))!;
            Assert.False(all.TotalCapped);
            Assert.Equal(await factory.WithDbAsync(db => RecordsAsync(db, kind, null)), all.Total);
            foreach (var c in centers)
            {
                var one = (await admin.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/{kind}?centerId={c.Id}&pageSize=1", Json.Options))!;
                Assert.Equal(await factory.WithDbAsync(db => RecordsAsync(db, kind, c.Id)), one.Total);
            }
        }
    }

    [ProviderFact]
    public async Task Concurrent_creates_in_one_center_are_all_counted()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => user.CreateAsync("training",
            new TrainingRequest { CenterId = c.Id, Title = "并发培训" + i, HeldOn = c.InLastYear(5, 1), PersonTimes = 10 + i })));

        var listed = (await c.Admin.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/training?centerId={c.Id}", Json.Options))!;
        Assert.Equal(12, listed.Total);
        var (kept, counted) = await factory.WithDbAsync(db => LedgerRecordCounts.CompareAsync(db, CancellationToken.None));
        Assert.Equal(counted, kept);
    }

    [ProviderFact]
    public async Task The_marker_left_by_the_migration_rebuilds_lost_rows_from_the_records()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        await user.CreateAsync("training", await LedgerTestData.ValidRequestAsync("training", c, user));
        await user.CreateAsync("ip", await LedgerTestData.ValidRequestAsync("ip", c, user));
        await factory.WithDbAsync(async db =>
        {
            await db.LedgerRecordCounts.Where(r => r.CenterId == c.Id).ExecuteDeleteAsync();
            db.LedgerRecordCounts.Add(new LedgerRecordCount(LedgerRecordCount.RebuildPendingKind, Guid.Empty, 0));
            return await db.SaveChangesAsync();
        });

        Assert.True(await factory.WithDbAsync(db => LedgerRecordCounts.RunIfPendingAsync(db, CancellationToken.None)));
        Assert.False(await factory.WithDbAsync(db => LedgerRecordCounts.RunIfPendingAsync(db, CancellationToken.None)));
        var (kept, counted) = await factory.WithDbAsync(db => LedgerRecordCounts.CompareAsync(db, CancellationToken.None));
        Assert.Equal(counted, kept);
        Assert.Contains(kept, k => k.Center == c.Id && k.Kind == "LedgerTraining" && k.Count == 1);
    }

    private static Task<int> RecordsAsync(Web.Data.AppDbContext db, string kind, Guid? center)
    {
        IQueryable<LedgerRecord> q = kind switch
        {
            "projects" => db.LedgerProjects,
            "ip" => db.LedgerIp,
            "deals" => db.LedgerDeals,
            "standards" => db.LedgerStandards,
            "incubated" => db.LedgerIncubated,
            "talent" => db.LedgerTalent,
            "staff" => db.LedgerStaff,
            "training" => db.LedgerTraining,
            "intl" => db.LedgerIntl,
            _ => db.LedgerSmeServices,
        };
        return center is { } c ? q.CountAsync(x => x.CenterId == c) : q.CountAsync();
    }
}

public sealed class SqliteLedgerRecordCountsTests(SqliteAppFactory factory, ITestOutputHelper output)
    : LedgerRecordCountsTests<SqliteAppFactory>(factory, output);

[PostgresSuite]
public sealed class PostgresLedgerRecordCountsTests(PostgresAppFactory factory, ITestOutputHelper output)
    : LedgerRecordCountsTests<PostgresAppFactory>(factory, output);
