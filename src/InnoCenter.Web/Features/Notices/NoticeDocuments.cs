using InnoCenter.Domain.Common;
using InnoCenter.Domain.Documents;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Documents;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Notices;

/// <summary>
/// The public notice (公示) of an application as .docx in the official layout, written in Chinese from the pack the
/// application began under, whatever the reader's language: an official document has one text. Its number is issued
/// when it is first produced (<see cref="DocumentNumbers"/>) and printed the same ever after.
/// </summary>
public sealed class NoticeDocuments(AppDbContext db, PolicyProvider policy, PolicyVersions packs, NoticeQueries queries, DocumentNumbers numbers)
{
    /// <summary>The notice text is public once the notice has opened.</summary>
    public async Task<Result<(byte[] Content, string FileName)>> NoticeAsync(Guid id, CancellationToken ct)
    {
        var notice = await queries.FindAsync(id, ct);
        if (notice is null)
        {
            return Failure.NotFound("notices.not_found");
        }

        var a = await db.Applications.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var pack = await packs.FindAsync(a.PolicyCode, a.PolicyVersion, ct) ?? policy.Current;
        var rules = pack.Applications;
        var issuer = rules.IssuingBody.Zh;
        var programme = rules.ProgrammeName.Zh;
        // The pattern of the case's own pack; one that predates the field falls back to the pack in force.
        var pattern = rules.DocumentNumberFormats.GetValueOrDefault(DocumentKinds.Notice)
            ?? policy.Current.Applications.DocumentNumberFormats.GetValueOrDefault(DocumentKinds.Notice);
        var number = await numbers.GetOrIssueAsync(DocumentKinds.Notice, id, pattern, notice.StartsOn.Year, ct);
        var doc = new OfficialDocument(
            issuer,
            number,
            $"关于{programme}认定名单的公示",
            null,
            [
                $"根据《{pack.Name.Zh}》（{pack.Source}），经专家评审、现场考察和审议，拟认定以下单位为{programme}，现予以公示：",
                $"创新中心名称：{notice.CenterName}；牵头单位：{notice.LeadName}；重点领域：{pack.KeyAreas.LabelOf(a.KeyArea, false)}；联合体成员：{string.Join("、", notice.Members)}。",
                $"公示期为{OfficialDocument.ChineseDate(notice.StartsOn)}至{OfficialDocument.ChineseDate(notice.EndsOn)}（{rules.NoticeWorkingDays}个工作日）。公示期间，任何单位或个人如有异议，可通过本平台“公示公告”栏目实名提交书面意见，并提供联系方式和必要的证明材料。",
            ],
            notice.StartsOn)
        {
            // A notice is addressed to the public, not to an office: it bears the issuer's name, not "…文件".
            Mark = issuer,
        };
        return (doc.ToDocx(), $"公示-{notice.CenterName}.docx");
    }
}
