using System.Globalization;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Documents;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>The approval (批复) and the public-notice text (公示) of an application, as .docx in the official layout.</summary>
public sealed class ApplicationDocuments(AppDbContext db, PolicyProvider policy, ApplicationQueries queries)
{
    public async Task<Result<(byte[] Content, string FileName)>> ApprovalAsync(Guid id, CancellationToken ct)
    {
        if (!await queries.CanReadAsync(id, ct))
        {
            return Failure.NotFound("applications.not_found");
        }

        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Failure.NotFound("applications.not_found");
        }

        if (a.Status != ApplicationStatus.Approved)
        {
            return Failure.NotFound("applications.documents.not_approved");
        }

        var lead = await db.Organizations.Where(o => o.Id == a.LeadOrganizationId).Select(o => o.Name).FirstAsync(ct);
        var issuer = policy.Current.Applications.IssuingBody.Zh;
        var doc = new OfficialDocument(
            issuer + "文件",
            a.ApprovalNumber,
            $"关于同意认定{a.CenterName}为{PlanName()}的批复",
            lead,
            [
                $"你单位报送的《{a.CenterName}建设方案建议书》及有关材料收悉。经形式审查、专家评审、现场考察、审议决定（{a.DecisionNumber}）和公示（{Date(a.NoticeStartsOn)}至{Date(a.NoticeEndsOn)}），现批复如下：",
                $"一、同意认定{a.CenterName}为{PlanName()}，授予牌匾，编号{a.PlaqueNumber}。",
                .. policy.Current.Applications.ApprovalClauses.Select((c, i) => $"{ChineseOrdinals[(i + 1) % ChineseOrdinals.Length]}、{c}"),
                "特此批复。",
            ],
            issuer,
            Date(a.ApprovedOn));
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

        var issuer = policy.Current.Applications.IssuingBody.Zh;
        var doc = new OfficialDocument(
            issuer,
            null,
            $"关于{PlanName()}认定名单的公示",
            null,
            [
                $"根据《{policy.Current.Name.Zh}》（{policy.Current.Source}），经专家评审、现场考察和审议，拟认定以下单位为{PlanName()}，现予以公示：",
                $"创新中心名称：{notice.CenterName}；牵头单位：{notice.LeadName}；重点领域：{notice.KeyAreaLabel}；联合体成员：{string.Join("、", notice.Members)}。",
                $"公示期为{Date(notice.StartsOn)}至{Date(notice.EndsOn)}（{policy.Current.Applications.NoticeWorkingDays}个工作日）。公示期间，任何单位或个人如有异议，可通过本平台“公示公告”栏目实名提交书面意见，并提供联系方式和必要的证明材料。",
            ],
            issuer,
            Date(notice.StartsOn));
        return (doc.ToDocx(), $"公示-{notice.CenterName}.docx");
    }

    private static readonly string[] ChineseOrdinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private string PlanName() => policy.Current.Applications.ProgrammeName.Zh;

    private static string Date(DateOnly? d) => d?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) ?? string.Empty;
}
