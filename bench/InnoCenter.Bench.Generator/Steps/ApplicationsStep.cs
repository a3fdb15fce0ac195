using System.Security.Cryptography;
using System.Text;
using InnoCenter.Domain.Applications;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// Applications in every state of the lifecycle, each walked there through the aggregate's own transitions (so the
/// timeline, decisions, notice windows and numbers are what the app would have recorded), over five years; consortia
/// with equity shares that total exactly 100 %; materials attached before submission; objections during notices.
/// As many applications end Approved as the scale has centers (each approval founds one center).
/// </summary>
public sealed partial class ApplicationsStep : IGeneratorStep
{
    /// <summary>How the applications that are not approvals spread over the other states (weights).</summary>
    private static readonly (ApplicationStatus Status, int Weight)[] Spread =
    [
        (ApplicationStatus.Draft, 8), (ApplicationStatus.Submitted, 5), (ApplicationStatus.FormalReview, 5),
        (ApplicationStatus.ReturnedForRevision, 5), (ApplicationStatus.ExpertReview, 6), (ApplicationStatus.SiteInspection, 5),
        (ApplicationStatus.Deliberation, 4), (ApplicationStatus.PublicNotice, 2), (ApplicationStatus.Rejected, 35),
        (ApplicationStatus.Withdrawn, 25),
    ];

    private static readonly (string Name, string Unit, int Base)[] IndicatorTemplates =
    [
        ("发明专利申请", "项", 8), ("突破关键共性技术", "项", 3), ("主导或参与制定标准", "项", 2), ("技术成果转移转化收入", "万元", 800),
        ("服务中小企业", "家", 40), ("引进培养高端人才", "人", 10), ("研发投入", "万元", 2_000), ("建设中试线", "条", 1),
    ];

    private static readonly string[] ReturnReasons =
    [
        "出资协议未加盖全部成员单位公章，请补充。", "经审计的财务报表缺少附注，请补齐后重新提交。", "建设方案中三年目标缺少量化指标。",
        "知识产权清单与证明材料不一致，请核对。", "成员单位营业执照已过期，请更新。",
    ];

    private static readonly string[] RejectReasons =
    [
        "共性关键技术定位不清晰，与现有平台重复。", "联合体产业链上下游覆盖不足，资本纽带不紧密。", "建设方案可行性不足，资金来源不落实。",
        "现场考察发现研发条件与申报材料不符。",
    ];

    private static readonly string[] WithdrawReasons = ["联合体成员调整，撤回后重新组织申报。", "牵头单位战略调整。", "材料准备不充分，主动撤回。", string.Empty];

    private static readonly byte[] MaterialPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public int Order => 30;

    public string Name => "applications and notices";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var total = context.Scale.Applications;
        if (total == 0 || context.ApplicantUsers.Count == 0)
        {
            return;
        }

        var blob = await WriteBlobAsync(context, ct);
        var plan = new Plan(context, random, blob);
        await context.InsertAsync("applications", total, plan.Applications(total), ct, batchSize: 500);
        await context.InsertAsync("objections", plan.Objections.Count, plan.Objections, ct);
        await context.InsertAsync("application materials", plan.Files.Count, plan.Files, ct, batchSize: 5_000);

        context.Sample("APPLICATION_ID", plan.RichestApproved ?? plan.AnyId!.Value);
        context.Sample("NOTICE_ID", plan.OpenNotice ?? plan.RichestApproved ?? plan.AnyId!.Value);
        context.Sample("APPLICATION_SEARCH", "装备");
    }

    /// <summary>One small real PDF in the file store: every generated material version points to it, so downloads work.</summary>
    private static async Task<string> WriteBlobAsync(GeneratorContext context, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(MaterialPdf));
        var path = Path.Combine(context.Options.FilesRoot, sha[..2], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, MaterialPdf, ct);
        return sha;
    }
}
