using InnoCenter.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// Special funds: for most centers (four in five) one grant a year over the last five years, each drafted, approved
/// by a second Admin and put into execution through the domain, with two budget lines co-financed by the city and the
/// district, two tranches released, the district's matching money received and some 75 expenditures spread over its
/// period — about 300,000 at the national scale. Voucher files are not generated (the expenditure list reads their
/// names; no file is needed for the reads the harness measures).
/// </summary>
public sealed class FundsStep : IGeneratorStep
{
    private const int Years = 5;
    private const int ExpendituresPerGrant = 75;

    public int Order => 80;

    public string Name => "special funds";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var pack = context.Policy;
        if (!pack.Funds.IsConfigured)
        {
            Console.WriteLine("  the pack has no fund rules");
            return;
        }

        // In approval order, not the database's: which centers are funded is drawn from the stream center by center.
        var centers = await context.Db.Centers.AsNoTracking().OrderBy(c => c.ApprovedOn).ThenBy(c => c.ApprovalNumber).Select(c => c.Id).ToListAsync(ct);
        var drafter = context.AdminUserId == Guid.Empty ? Guid.CreateVersion7() : context.AdminUserId;
        var second = Guid.CreateVersion7();
        var lastYear = context.Today.Year;
        var funded = centers.Where(_ => random.NextDouble() < 0.8).ToList();
        var total = funded.Count * Years;
        var categories = pack.Funds.Categories.Select(c => c.Code).ToList();
        Guid? sampleGrant = null, sampleCenter = null;
        var batch = new List<object>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var made = 0;
        foreach (var center in funded)
        {
            for (var year = lastYear - Years + 1; year <= lastYear; year++)
            {
                var from = new DateOnly(year, 1, 1);
                var to = new DateOnly(year + 1, 12, 31);
                var now = new DateTimeOffset(year, 1, 2, 2, 0, 0, TimeSpan.Zero);
                var first = categories[random.Next(categories.Count)];
                var other = categories[(categories.IndexOf(first) + 1) % categories.Count];
                var cityFen = random.Next(50, 500) * 10_000m;
                var draft = new GrantDraft(
                    center, $"{year}年度创新中心建设支持项目", $"津工信资〔{year}〕{made + 1}号", "city", "grant", from, to,
                    [
                        new LineDraft(first, [new ShareDraft("city", cityFen), new ShareDraft("district", cityFen / 2)]),
                        new LineDraft(other, [new ShareDraft("city", cityFen / 2)]),
                    ],
                    []);
                var grant = Grant.Draft(draft, pack, drafter, now).Value;
                grant.Approve(second, now);
                grant.Start(second, now);
                batch.Add(grant);

                var cityTotal = cityFen * 1.5m;
                var firstTranche = Tranche.Plan(grant, 1, cityTotal / 2, from.AddDays(10), false, (long)(cityTotal * 100), 0, drafter, now).Value;
                var secondTranche = Tranche.Plan(grant, 2, cityTotal / 2, from.AddMonths(6), false, (long)(cityTotal * 100), (long)(cityTotal * 50), drafter, now).Value;
                batch.Add(firstTranche);
                batch.Add(secondTranche);
                batch.Add(firstTranche.Release(grant, [], from.AddDays(12), second, now).Value);
                if (to.AddMonths(-18) <= context.Today)
                {
                    batch.Add(secondTranche.Release(grant, [], from.AddMonths(6).AddDays(3), second, now).Value);
                }

                batch.Add(FundReceipt.Record(grant, "district", cityFen / 2, from.AddDays(20), "区财政配套到账", drafter, now).Value);

                var spent = new Dictionary<Guid, long>();
                var days = Math.Max(1, Math.Min(to.DayNumber, context.Today.DayNumber) - from.DayNumber);
                foreach (var line in grant.Lines)
                {
                    var count = line.Category == first ? ExpendituresPerGrant * 2 / 3 : ExpendituresPerGrant / 3;
                    var each = Math.Round(line.Amount * 0.8m / count, 2);
                    for (var i = 0; i < count && each > 0; i++)
                    {
                        var on = DateOnly.FromDayNumber(from.DayNumber + random.Next(days));
                        var result = Expenditure.Record(
                            grant, new ExpenditureDraft(line.Category, on, $"供应商{random.Next(1, 500):000}", each, "设备及材料"), l => spent.GetValueOrDefault(l), drafter, now);
                        if (result.IsSuccess)
                        {
                            spent[line.Id] = spent.GetValueOrDefault(line.Id) + result.Value.AmountFen;
                            batch.Add(result.Value);
                        }
                    }
                }

                sampleGrant ??= grant.Id;
                sampleCenter ??= center;
                made++;
            }

            if (batch.Count >= 5_000)
            {
                await context.SaveBatchAsync(batch, ct);
                batch.Clear();
                GeneratorContext.Progress("grants", made, total, clock);
            }
        }

        await context.SaveBatchAsync(batch, ct);
        Console.WriteLine($"  {made} grants");
        if (sampleGrant is { } g && sampleCenter is { } c)
        {
            context.Sample("FUNDS_GRANT_ID", g);
            context.Sample("FUNDS_CENTER_ID", c);
        }
    }
}
