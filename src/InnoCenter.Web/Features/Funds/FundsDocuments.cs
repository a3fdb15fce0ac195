using System.Globalization;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Documents;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Documents;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// The module's official documents, in the layout of the platform's other notices (<see cref="OfficialDocument"/>) and
/// always in Chinese: the 资金拨付通知 of a released tranche (numbered from the pack's pattern the first time it is
/// produced) and the 资金使用情况报告 of a grant for a year, its figures summed by the database.
/// </summary>
public sealed class FundsDocuments(AppDbContext db, FundsAccess access, PolicyVersions versions, DocumentNumbers numbers, Bilingual zh, TimeProvider clock)
{
    public async Task<Result<(byte[] Content, string FileName)>> TrancheNoticeAsync(Guid grantId, Guid trancheId, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        var tranche = await db.FundTranches.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trancheId && t.GrantId == grantId, ct);
        if (tranche is null)
        {
            return Failure.NotFound("funds.tranche_not_found");
        }

        if (tranche.Status != TrancheStatus.Released || tranche.ReleasedOn is not { } on)
        {
            return Failure.IllegalTransition("funds.notice_not_released");
        }

        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        var center = await CenterNameAsync(grant.CenterId, ct);
        var rules = pack.Funds;
        var pattern = pack.Applications.DocumentNumberFormats.GetValueOrDefault(DocumentKinds.FundDisbursement);
        var number = await numbers.GetOrIssueAsync(DocumentKinds.FundDisbursement, tranche.Id, pattern, on.Year, ct);
        var body = new List<string>
        {
            zh.Zh("funds.doc.notice_body", pack.Applications.ProgrammeName.Zh, grant.DocumentNumber, grant.Title, rules.Sources.LabelOf(grant.Source, false),
                tranche.Sequence, Yuan(tranche.Amount)),
            zh.Zh(tranche.IsFinal ? "funds.doc.notice_final" : "funds.doc.notice_use", grant.PeriodTo.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
        };
        var rows = grant.Lines.Select(l => (IReadOnlyList<string>)[rules.Categories.LabelOf(l.Category, false), Yuan(l.Amount)]).ToList();
        rows.Add([zh.Zh("funds.doc.total"), Yuan(grant.Amount)]);
        var doc = new OfficialDocument(pack.Applications.IssuingBody.Zh, number, zh.Zh("funds.doc.notice_title", grant.Title, tranche.Sequence), center, body, on)
        {
            Tables = [new DocumentTable(zh.Zh("funds.doc.lines"), [zh.Zh("funds.category"), zh.Zh("funds.amount")], rows)],
        };
        return (doc.ToDocx(), $"fund-disbursement-{grant.DocumentNumber}-{tranche.Sequence}.docx".Replace('/', '-'));
    }

    public async Task<Result<(byte[] Content, string FileName)>> UsageReportAsync(Guid grantId, int? year, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        if (year is not { } y || y < grant.PeriodFrom.Year || y > grant.PeriodTo.Year)
        {
            return Failure.Validation(new Error("funds.report_year", "year", grant.PeriodFrom.Year, grant.PeriodTo.Year));
        }

        var start = new DateOnly(y, 1, 1);
        var end = new DateOnly(y, 12, 31);
        var spending = db.FundExpenditures.AsNoTracking().Where(e => e.GrantId == grantId);
        var spentYear = await spending.Where(e => e.SpentOn >= start && e.SpentOn <= end).GroupBy(e => e.LineId)
            .Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var spentToEnd = await spending.Where(e => e.SpentOn <= end).GroupBy(e => e.LineId)
            .Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var receipts = db.FundReceipts.AsNoTracking().Where(r => r.GrantId == grantId);
        var receivedYear = await receipts.Where(r => r.ReceivedOn >= start && r.ReceivedOn <= end).SumAsync(r => (long?)r.AmountFen, ct) ?? 0;
        var receivedToEnd = await receipts.Where(r => r.ReceivedOn <= end).SumAsync(r => (long?)r.AmountFen, ct) ?? 0;
        // PostgreSQL takes instants in UTC only.
        var yearOver = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var clawed = await db.FundClawbacks.AsNoTracking().Where(c => c.GrantId == grantId && c.RecordedAt < yearOver)
            .SumAsync(c => (long?)c.AmountFen, ct) ?? 0;

        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        var rules = pack.Funds;
        var center = await CenterNameAsync(grant.CenterId, ct);
        var spentTotal = spentToEnd.Values.Sum();
        var rate = FundMoney.Percent(spentTotal, receivedToEnd);
        var body = new List<string>
        {
            zh.Zh("funds.doc.report_body", grant.Title, grant.DocumentNumber, y, Yuan(FundMoney.Yuan(receivedYear)), Yuan(FundMoney.Yuan(spentYear.Values.Sum())),
                Yuan(FundMoney.Yuan(receivedToEnd)), Yuan(FundMoney.Yuan(spentTotal)), Yuan(FundMoney.Yuan(clawed)),
                Yuan(FundMoney.Yuan(receivedToEnd - spentTotal - clawed)), rate is null ? "—" : rate.Value.ToString("0.##", CultureInfo.InvariantCulture) + "%"),
        };
        var rows = grant.Lines.Select(l => (IReadOnlyList<string>)
        [
            rules.Categories.LabelOf(l.Category, false), Yuan(l.Amount), Yuan(FundMoney.Yuan(spentYear.GetValueOrDefault(l.Id))),
            Yuan(FundMoney.Yuan(spentToEnd.GetValueOrDefault(l.Id))), Yuan(FundMoney.Yuan(l.AmountFen - spentToEnd.GetValueOrDefault(l.Id))),
        ]).ToList();
        var doc = new OfficialDocument(center, null, zh.Zh("funds.doc.report_title", grant.Title, y), pack.Applications.IssuingBody.Zh, body, Today(end))
        {
            Mark = center,
            Tables =
            [
                new DocumentTable(
                    zh.Zh("funds.doc.report_lines", y),
                    [zh.Zh("funds.category"), zh.Zh("funds.doc.budget"), zh.Zh("funds.doc.spent_year", y), zh.Zh("funds.doc.spent_total"), zh.Zh("funds.left")],
                    rows),
            ],
        };
        return (doc.ToDocx(), $"fund-usage-{grant.DocumentNumber}-{y}.docx".Replace('/', '-'));
    }

    private static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A report on a year still running is dated today; on a year past, the year's last day.</summary>
    private DateOnly Today(DateOnly end)
    {
        var today = clock.TodayInBeijing();
        return today < end ? today : end;
    }

    private Task<string> CenterNameAsync(Guid centerId, CancellationToken ct) =>
        db.Centers.AsNoTracking().Where(c => c.Id == centerId).Select(c => c.Name).FirstAsync(ct);
}
