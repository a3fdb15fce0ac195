using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>A published fund allocation as the portal lists it (资金安排公开).</summary>
public sealed record PublicFundRow(
    Guid Id, string CenterName, string Title, string DocumentNumber, string SourceLabel, string FormLabel, decimal Amount,
    DateOnly PeriodFrom, DateOnly PeriodTo, bool Accepted, bool Terminated, string? VerdictLabel, DateTimeOffset PublishedAt);

/// <summary>
/// The published fund allocations, read from the grants' own columns — the portal shows what the funds module has
/// published and names none of its types, as it reads the other modules' published things. Labels come from the pack
/// version each grant began under.
/// </summary>
public sealed class PublicFundQueries(AppDbContext db, PolicyVersions versions)
{
    public async Task<PagedResult<PublicFundRow>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var q = db.FundGrants.AsNoTracking().Where(g => g.PublishedAt != null && g.Status != GrantStatus.Draft);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(g => g.PublishedAt).ThenBy(g => g.Id).Skip((p - 1) * size).Take(size)
            .Join(db.Centers, g => g.CenterId, c => c.Id, (g, c) => new
            {
                g.Id, c.Name, g.Title, g.DocumentNumber, g.Source, g.Form, g.Amount, g.PeriodFrom, g.PeriodTo, g.Status, g.Verdict, g.PublishedAt, g.PolicyCode, g.PolicyVersion,
            })
            .ToListAsync(ct);
        var english = LocalizationSetup.IsEnglish;
        var items = new List<PublicFundRow>(rows.Count);
        foreach (var r in rows)
        {
            var rules = (await versions.ForCaseAsync(r.PolicyCode, r.PolicyVersion, ct)).Funds;
            items.Add(new PublicFundRow(
                r.Id, r.Name, r.Title, r.DocumentNumber, rules.Sources.LabelOf(r.Source, english), rules.Forms.LabelOf(r.Form, english), r.Amount,
                r.PeriodFrom, r.PeriodTo, r.Status == GrantStatus.Accepted, r.Status == GrantStatus.Terminated,
                r.Verdict is null ? null : rules.Verdicts.LabelOf(r.Verdict, english), r.PublishedAt!.Value));
        }

        return new PagedResult<PublicFundRow>(items.OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Id).ToList(), p, size, total);
    }
}
