using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Documents;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Documents;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The approval (批复) of an application, as .docx in the official layout, written in Chinese from the pack the
/// application began under, whatever the reader's language: an official document has one text. Its number is the one
/// issued when the notice closed. (The public notice's own document is the Notices module's.)
/// </summary>
public sealed class ApplicationDocuments(
    AppDbContext db, PolicyProvider policy, PolicyVersions packs, ApplicationQueries queries)
{
    public async Task<Result<(byte[] Content, string FileName)>> ApprovalAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !await queries.CanReadAsync(id, ct))
        {
            return Failure.NotFound("applications.not_found");
        }

        if (a.Status != ApplicationStatus.Approved)
        {
            return Failure.NotFound("applications.documents.not_approved");
        }

        var pack = await PackOfAsync(a, ct);
        var lead = await db.Organizations.Where(o => o.Id == a.LeadOrganizationId).Select(o => o.Name).FirstAsync(ct);
        var issuer = pack.Applications.IssuingBody.Zh;
        var programme = pack.Applications.ProgrammeName.Zh;
        var doc = new OfficialDocument(
            issuer,
            a.ApprovalNumber,
            $"关于同意认定{a.CenterName}为{programme}的批复",
            lead,
            [
                $"你单位报送的《{a.CenterName}建设方案建议书》及有关材料收悉。经形式审查、专家评审、现场考察、审议决定（{a.DecisionNumber}）和公示（{Date(a.NoticeStartsOn)}至{Date(a.NoticeEndsOn)}），现批复如下：",
                $"一、同意认定{a.CenterName}为{programme}，授予牌匾，编号{a.PlaqueNumber}。",
                .. pack.Applications.ApprovalClauses.Select((c, i) => $"{ChineseOrdinals[(i + 1) % ChineseOrdinals.Length]}、{c}"),
                "特此批复。",
            ],
            a.ApprovedOn ?? a.NoticeEndsOn ?? DateOnly.MinValue);
        return (doc.ToDocx(), $"批复-{a.ApprovalNumber}.docx");
    }

    private async Task<PolicyPack> PackOfAsync(Domain.Applications.Application a, CancellationToken ct) =>
        await packs.FindAsync(a.PolicyCode, a.PolicyVersion, ct) ?? policy.Current;

    private static readonly string[] ChineseOrdinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static string Date(DateOnly? d) => d is { } day ? OfficialDocument.ChineseDate(day) : string.Empty;
}
