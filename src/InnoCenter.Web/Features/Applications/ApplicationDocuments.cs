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
/// The approval (批复) and the public notice (公示) of an application, as .docx in the official layout. Both are written
/// in Chinese from the pack the application began under, whatever the reader's language: an official document has one
/// text. The approval's number is the one issued when the notice closed; the notice's is issued when it is first
/// produced (<see cref="DocumentNumbers"/>) and printed the same ever after.
/// </summary>
public sealed class ApplicationDocuments(
    AppDbContext db, PolicyProvider policy, PolicyVersions packs, ApplicationQueries queries, DocumentNumbers numbers)
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

    /// <summary>The notice text is public once the notice has opened.</summary>
    public async Task<Result<(byte[] Content, string FileName)>> NoticeAsync(Guid id, CancellationToken ct)
    {
        var notice = (await queries.PublicNoticesAsync(id, ct)).FirstOrDefault();
        if (notice is null)
        {
            return Failure.NotFound("notices.not_found");
        }

        var a = await db.Applications.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var pack = await PackOfAsync(a, ct);
        var rules = pack.Applications;
        var issuer = rules.IssuingBody.Zh;
        var programme = rules.ProgrammeName.Zh;
        var number = await numbers.GetOrIssueAsync(
            DocumentKinds.Notice, id, PatternOf(DocumentKinds.Notice, rules), notice.StartsOn.Year, ct);
        var doc = new OfficialDocument(
            issuer,
            number,
            $"关于{programme}认定名单的公示",
            null,
            [
                $"根据《{pack.Name.Zh}》（{pack.Source}），经专家评审、现场考察和审议，拟认定以下单位为{programme}，现予以公示：",
                $"创新中心名称：{notice.CenterName}；牵头单位：{notice.LeadName}；重点领域：{pack.KeyAreas.LabelOf(a.KeyArea, false)}；联合体成员：{string.Join("、", notice.Members)}。",
                $"公示期为{Date(notice.StartsOn)}至{Date(notice.EndsOn)}（{rules.NoticeWorkingDays}个工作日）。公示期间，任何单位或个人如有异议，可通过本平台“公示公告”栏目实名提交书面意见，并提供联系方式和必要的证明材料。",
            ],
            notice.StartsOn)
        {
            // A notice is addressed to the public, not to an office: it bears the issuer's name, not "…文件".
            Mark = issuer,
        };
        return (doc.ToDocx(), $"公示-{notice.CenterName}.docx");
    }

    /// <summary>The pattern of the case's own pack; one that predates the field falls back to the pack in force.</summary>
    private string? PatternOf(string kind, ApplicationRules rules) =>
        rules.DocumentNumberFormats.GetValueOrDefault(kind) ?? policy.Current.Applications.DocumentNumberFormats.GetValueOrDefault(kind);

    private async Task<PolicyPack> PackOfAsync(Domain.Applications.Application a, CancellationToken ct) =>
        await packs.FindAsync(a.PolicyCode, a.PolicyVersion, ct) ?? policy.Current;

    private static readonly string[] ChineseOrdinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static string Date(DateOnly? d) => d is { } day ? OfficialDocument.ChineseDate(day) : string.Empty;
}
