using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>
/// The kept roll-up against a full recomputation: after random creates, edits that move records between years, deletes,
/// imports, receipts and membership changes, the kept rows equal the rows recomputed from the records, and the figures
/// read from them equal the old scan of the records (<see cref="LedgerRollupScan"/>) in every year around.
/// </summary>
public abstract class LedgerRollupKeepingTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Kept_figures_equal_a_full_recomputation_after_random_writes()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var y = c.LastYear;
        DateOnly Day() => new(y - random.Next(0, 2), random.Next(2, 12), random.Next(1, 29));

        var live = new List<(string Kind, LedgerItem Item, LedgerRequest Request)>();
        async Task CreateAsync(string kind, LedgerRequest request) => live.Add((kind, await user.CreateAsync(kind, request), request));

        LedgerRequest Fresh(string kind) => kind switch
        {
            "training" => new TrainingRequest { CenterId = c.Id, Title = "培训" + random.Next(), HeldOn = Day(), PersonTimes = random.Next(1, 500) },
            "talent" => new TalentRequest { CenterId = c.Id, Year = Day().Year, Category = random.Next(2) == 0 ? "doctorate" : "leading-talent", Headcount = random.Next(1, 9) },
            "intl" => new IntlRequest
            {
                CenterId = c.Id, Title = "合作" + random.Next(), Partner = "Fraunhofer", Country = "DE", StartedOn = Day(),
                CooperationKind = random.Next(3) switch { 0 => "JointLab", 1 => "TechnologyIntroduction", _ => "JointRdCenter" },
            },
            "sme" => new SmeRequest { CenterId = c.Id, EnterpriseName = "企业" + random.Next(0, 3), ServiceKind = "testing", ServedOn = Day() },
            "incubated" => new IncubatedRequest { CenterId = c.Id, Name = "孵化" + random.Next(), CreditCode = TestData.NewCreditCode(), FoundedOn = Day(), MoneyRaised = random.Next(1, 9) * 10_000m },
            "ip" => LedgerTestData.Ip(c) with { FilingDate = Day() },
            _ => Project(Day()),
        };

        ProjectRequest Project(DateOnly start)
        {
            var end = start.AddDays(random.Next(30, 700));
            end = end.Year > y ? new DateOnly(y, 10, 1) : end;
            return new ProjectRequest
            {
                CenterId = c.Id, Title = "项目" + random.Next(), Type = random.Next(2) == 0 ? "CommonKey" : "Frontier", Budget = 100_000m,
                Participants = [c.Lead.CreditCode], TrlStart = 3, TrlTarget = 6, TrlReached = random.Next(5, 8),
                Status = "Completed", StartedOn = start, EndedOn = end < start ? start : end,
            };
        }

        LedgerRequest Moved(LedgerRequest r, int version) => r switch
        {
            TrainingRequest t => t with { HeldOn = Day(), PersonTimes = random.Next(1, 500), Version = version },
            TalentRequest t => t with { Year = Day().Year, Headcount = random.Next(1, 9), Version = version },
            IntlRequest t => t with { StartedOn = Day(), Version = version },
            SmeRequest t => t with { ServedOn = Day(), EnterpriseName = "企业" + random.Next(0, 3), Version = version },
            IncubatedRequest t => t with { FoundedOn = Day(), Version = version },
            IpRequest t => t with { FilingDate = Day(), Version = version },
            ProjectRequest t => Project(Day()) with { Title = t.Title, Version = version },
            _ => throw new ArgumentOutOfRangeException(nameof(r)),
        };

        string[] kinds = ["training", "talent", "intl", "sme", "incubated", "ip", "projects"];
        foreach (var kind in kinds)
        {
            await CreateAsync(kind, Fresh(kind));
        }

        var dealRequest = (DealRequest)await LedgerTestData.ValidRequestAsync("deals", c, user);
        var deal = await user.CreateAsync("deals", dealRequest);
        var receipts = new List<Guid>();
        var hebei = await c.Admin.CreateOrganizationAsync(TestData.Organization(region: "Hebei"));
        var joined = false;

        for (var step = 0; step < 30; step++)
        {
            switch (random.Next(7))
            {
                case 0 or 1:
                    var kind = kinds[random.Next(kinds.Length)];
                    await CreateAsync(kind, Fresh(kind));
                    break;
                case 2 or 3 when live.Count > 0:
                {
                    var i = random.Next(live.Count);
                    var (k, item, request) = live[i];
                    var moved = Moved(request, item.Version);
                    var response = await user.PutJsonAsync($"/api/v1/ledger/{k}/{item.Id}", moved);
                    Assert.True(response.IsSuccessStatusCode, $"edit {k}: {await response.Content.ReadAsStringAsync()}");
                    live[i] = (k, (await response.Content.ReadFromJsonAsync<LedgerItem>(Json.Options))!, moved);
                    break;
                }

                case 4 when live.Count > 0:
                {
                    var i = random.Next(live.Count);
                    var current = (await user.GetFromJsonAsync<LedgerItem>($"/api/v1/ledger/{live[i].Kind}/{live[i].Item.Id}", Json.Options))!;
                    var response = await user.DeleteAsync($"/api/v1/ledger/{live[i].Kind}/{live[i].Item.Id}?version={current.Version}");
                    Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                    live.RemoveAt(i);
                    break;
                }

                case 5:
                {
                    var shares = $"{c.Lead.CreditCode}:70; {c.University.CreditCode}:30";
                    var rows = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(2) == 0).Select(invention => (IDictionary<string, object>)new Dictionary<string, object>
                    {
                        ["知识产权类型"] = invention ? "发明专利申请" : "实用新型专利",
                        ["申请号/登记号"] = LedgerTestData.NewPatentNumber(y, invention ? '1' : '2'),
                        ["名称"] = "导入" + random.Next(),
                        ["申请日/登记日"] = Day().ToString("yyyy-MM-dd"),
                        ["共有人及份额"] = shares,
                    }).ToList();
                    using var stream = new MemoryStream();
                    stream.SaveAs(rows);
                    var response = await user.UploadAsync($"/api/v1/ledger/ip/import?centerId={c.Id}", stream.ToArray(), "ip.xlsx");
                    Assert.True(response.IsSuccessStatusCode, $"import: {await response.Content.ReadAsStringAsync()}");
                    break;
                }

                default:
                    if (receipts.Count > 0 && random.Next(3) == 0)
                    {
                        var receiptId = receipts[0];
                        var dealVersion = await factory.WithDbAsync(db => db.LedgerReceipts.Where(r => r.Id == receiptId)
                            .Select(r => db.LedgerDeals.Where(d => d.Id == r.DealId).Select(d => d.Version).First()).FirstAsync());
                        (await user.DeleteAsync($"/api/v1/ledger/receipts/{receiptId}?version={dealVersion}")).EnsureSuccessStatusCode();
                        receipts.RemoveAt(0);
                    }
                    else
                    {
                        var response = await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deal.Id}/receipts",
                            new ReceiptRequest { ReceivedOn = new DateOnly(y, random.Next(6, 11), 1), Amount = random.Next(1, 100_000) / 100m });
                        Assert.True(response.IsSuccessStatusCode, $"receipt: {await response.Content.ReadAsStringAsync()}");
                        receipts.Add((await response.Content.ReadFromJsonAsync<ReceiptDto>(Json.Options))!.Id);
                    }

                    break;
            }

            if (!joined && step == 15)
            {
                var response = await user.PostAsJsonAsync($"/api/v1/centers/{c.Id}/members/changes", new MembershipChangeRequest
                {
                    EffectiveOn = new DateOnly(y, 2, 1),
                    Steps = [new MembershipStepRequest { Action = "Join", CreditCode = hebei.CreditCode }],
                });
                Assert.True(response.IsSuccessStatusCode, $"join: {await response.Content.ReadAsStringAsync()}");
                joined = true;
            }
        }

        await AssertKeptAsync(c.Id, y);
    }

    [ProviderFact]
    public async Task Concurrent_writes_to_one_center_and_year_are_all_counted()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var y = c.LastYear;

        var writes = Enumerable.Range(0, 12).Select(i => user.CreateAsync("training",
            new TrainingRequest { CenterId = c.Id, Title = "并发培训" + i, HeldOn = new DateOnly(y, 5, 1), PersonTimes = 10 + i }));
        await Task.WhenAll(writes);

        var figures = await factory.WithDbAsync(db => new LedgerRollup(db, Policy).ForCenterYearAsync(c.Id, y, CancellationToken.None));
        Assert.Equal(Enumerable.Range(0, 12).Sum(i => 10 + i) + 0m, figures["training.person_times"]);
        await AssertKeptAsync(c.Id, y);
    }

    [ProviderFact]
    public async Task The_rebuild_restores_lost_rows_from_the_records()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        foreach (var kind in LedgerTestData.Kinds)
        {
            await user.CreateAsync(kind, await LedgerTestData.ValidRequestAsync(kind, c, user));
        }

        var before = await factory.WithDbAsync(db => new LedgerRollup(db, Policy).ForCenterYearAsync(c.Id, c.LastYear, CancellationToken.None));
        await factory.WithDbAsync(db => db.LedgerRollupRows.Where(r => r.CenterId == c.Id).ExecuteDeleteAsync());
        var lost = await factory.WithDbAsync(db => new LedgerRollup(db, Policy).ForCenterYearAsync(c.Id, c.LastYear, CancellationToken.None));

        var written = await factory.WithDbAsync(db => new LedgerRollupRebuild(db).RebuildAsync(CancellationToken.None));

        Assert.Equal(0m, lost["training.person_times"]);
        Assert.True(written > 0);
        Assert.NotEqual(0m, before["training.person_times"]);
        Assert.Equal(before.OrderBy(kv => kv.Key), (await factory.WithDbAsync(db =>
            new LedgerRollup(db, Policy).ForCenterYearAsync(c.Id, c.LastYear, CancellationToken.None))).OrderBy(kv => kv.Key));
        await AssertKeptAsync(c.Id, c.LastYear);
    }

    private PolicyProvider Policy => factory.Services.GetRequiredService<PolicyProvider>();

    /// <summary>The center's kept rows are the rows recomputed from its records, and read as the scan of the records reads.</summary>
    private async Task AssertKeptAsync(Guid center, int year)
    {
        await factory.WithDbAsync(async db =>
        {
            var kept = await db.LedgerRollupRows.AsNoTracking().Where(r => r.CenterId == center).ToListAsync();
            var fresh = new List<LedgerRollupRow>();
            foreach (var family in LedgerRollupFigures.Families)
            {
                fresh.AddRange(await LedgerRollupFigures.ComputeAsync(db, family, center, null, CancellationToken.None));
            }

            static IEnumerable<string> Lines(IEnumerable<LedgerRollupRow> rows) =>
                rows.Select(r => $"{r.Year} {r.Figure} {r.Running} {r.Value}").Order(StringComparer.Ordinal);
            Assert.Equal(Lines(fresh), Lines(kept));

            var rollup = new LedgerRollup(db, Policy);
            var scan = new LedgerRollupScan(db, Policy);
            var all = await rollup.ForYearAsync(year, CancellationToken.None);
            for (var y = year - 3; y <= year + 1; y++)
            {
                var expected = await scan.ForCenterYearAsync(center, y, CancellationToken.None);
                var actual = await rollup.ForCenterYearAsync(center, y, CancellationToken.None);
                Assert.Equal(expected.OrderBy(kv => kv.Key).Select(kv => $"{y} {kv.Key}={kv.Value}"), actual.OrderBy(kv => kv.Key).Select(kv => $"{y} {kv.Key}={kv.Value}"));
                if (y == year)
                {
                    Assert.Equal(expected.OrderBy(kv => kv.Key), all[center].OrderBy(kv => kv.Key));
                }
            }

            return 0;
        });
    }
}

public sealed class SqliteLedgerRollupKeepingTests(SqliteAppFactory factory, ITestOutputHelper output)
    : LedgerRollupKeepingTests<SqliteAppFactory>(factory, output);

[PostgresSuite]
public sealed class PostgresLedgerRollupKeepingTests(PostgresAppFactory factory, ITestOutputHelper output)
    : LedgerRollupKeepingTests<PostgresAppFactory>(factory, output);
