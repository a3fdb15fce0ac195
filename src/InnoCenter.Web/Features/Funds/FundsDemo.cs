using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// The demo's grant for the demo center: drafted by officer@demo.local, approved, started and its first tranche released
/// by a second Admin (officer2@demo.local, since four eyes need two); district matching money received; two expenditures
/// with a voucher, one of which brings the standards line near its limit (a live warning); a second tranche waits; the
/// performance self-evaluation (绩效自评) is submitted and awaits the commission's verdict.
/// </summary>
public static class FundsDemo
{
    public const string SecondAdminEmail = "officer2@demo.local";

    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, string password, DateTimeOffset now)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(SecondAdminEmail) is null)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = SecondAdminEmail, Email = SecondAdminEmail, EmailConfirmed = true,
                DisplayName = "钱敏（工信局）", IsActive = true, CreatedAt = now.ToUniversalTime(),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {SecondAdminEmail}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, Roles.Admin);
        }

        var center = await db.Centers.FirstOrDefaultAsync(c => c.Name == "天津市智能装备制造业创新中心");
        if (center is null || await db.FundGrants.AnyAsync(g => g.CenterId == center.Id))
        {
            return;
        }

        var pack = sp.GetRequiredService<PolicyProvider>().Current;
        if (!pack.Funds.IsConfigured)
        {
            return;
        }

        var officer = (await db.Users.FirstAsync(u => u.Email == "officer@demo.local")).Id;
        var second = (await db.Users.FirstAsync(u => u.Email == SecondAdminEmail)).Id;
        var staff = (await db.Users.FirstAsync(u => u.Email == "center@demo.local")).Id;
        var at = now.ToUniversalTime();
        var grant = Value(Grant.Draft(
            new GrantDraft(
                center.Id, "智能装备中试验证平台建设", "津工信科〔2025〕17号", pack.Funds.Matching.FiscalSource, pack.Funds.Forms[0].Code,
                new DateOnly(2025, 4, 1), new DateOnly(2027, 12, 31),
                [
                    new LineDraft(pack.Funds.Categories[1].Code, [new ShareDraft("city", 3_000_000m), new ShareDraft("district", 2_000_000m)]),
                    new LineDraft(pack.Funds.Categories[0].Code, [new ShareDraft("city", 1_500_000m), new ShareDraft("self", 500_000m)]),
                    new LineDraft(pack.Funds.Categories[3].Code, [new ShareDraft("city", 300_000m)]),
                ],
                [new TargetDraft("standards", 10m)]),
            pack, officer, at));
        Value(grant.Approve(second, at));
        Value(grant.Start(second, at));

        // Published (资金安排公开) so that the public allocations page of the demo shows what a visitor would see.
        Value(grant.Publish(second, at));
        db.FundGrants.Add(grant);

        var first = Value(Tranche.Plan(grant, 1, 2_000_000m, new DateOnly(2025, 5, 10), false, 4_800_000_00L, 0, officer, at));
        var receipt = Value(first.Release(grant, [], new DateOnly(2025, 5, 10), second, at));
        var waiting = Value(Tranche.Plan(grant, 2, 1_500_000m, new DateOnly(2026, 6, 30), false, 4_800_000_00L, 2_000_000_00L, officer, at));
        var district = Value(FundReceipt.Record(grant, "district", 800_000m, new DateOnly(2025, 6, 1), "滨海新区财政配套资金到账", staff, at));
        db.FundTranches.AddRange(first, waiting);
        db.FundReceipts.AddRange(receipt, district);

        var spent = new Dictionary<Guid, long>();
        Expenditure Spend(string category, DateOnly on, string payee, decimal amount, string purpose)
        {
            var e = Value(Expenditure.Record(grant, new ExpenditureDraft(category, on, payee, amount, purpose), l => spent.GetValueOrDefault(l), staff, at));
            spent[e.LineId] = spent.GetValueOrDefault(e.LineId) + e.AmountFen;
            return e;
        }

        var equipment = Spend(pack.Funds.Categories[1].Code, new DateOnly(2025, 6, 20), "天津精工机床有限公司", 1_200_000m, "中试线五轴加工中心设备款");
        var standards = Spend(pack.Funds.Categories[3].Code, new DateOnly(2025, 7, 15), "中国电子技术标准化研究院", 285_000m, "团体标准制定与验证服务费");
        db.FundExpenditures.AddRange(equipment, standards);

        // A one-page PDF voucher for each, stored by content like any upload.
        var store = sp.GetRequiredService<IFileStore>();
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        using var content = new MemoryStream(pdf);
        var sha = await store.PutAsync(content, CancellationToken.None);
        foreach (var (owner, name) in new[] { (equipment.Id, "发票-精工机床.pdf"), (standards.Id, "合同-标准化研究院.pdf") })
        {
            db.StoredFiles.Add(new StoredFile
            {
                OwnerType = FundsAccess.ExpenditureOwner, OwnerId = owner, Slot = "voucher-1", Version = 1, IsCurrent = true, Sha256 = sha,
                Size = pdf.Length, Kind = "pdf", ContentType = "application/pdf", OriginalName = name, UploadedBy = staff, UploadedAt = at,
            });
        }

        // 绩效自评 submitted and awaiting the commission's verdict, so that the demo's evaluation page shows what a center
        // files and what an Admin decides on: the standards target reported with its evidence.
        Value(grant.RequestEvaluation(at));
        var target = grant.Targets[0];
        Value(grant.ReportTarget(target.Id, 6m, "已主导制定团体标准 4 项、参与制定行业标准 2 项，其余 4 项已立项，预计 2027 年发布。"));
        db.StoredFiles.Add(new StoredFile
        {
            OwnerType = FundsAccess.TargetOwner, OwnerId = target.Id, Slot = "evidence-1", Version = 1, IsCurrent = true, Sha256 = sha,
            Size = pdf.Length, Kind = "pdf", ContentType = "application/pdf", OriginalName = "标准发布公告汇编.pdf", UploadedBy = staff, UploadedAt = at,
        });
        Value(grant.SubmitEvaluation(new Dictionary<Guid, int> { [target.Id] = 1 }, false, staff, at));

        await db.SaveChangesAsync();
    }

    private static T Value<T>(InnoCenter.Domain.Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException("Demo grant: " + string.Join("; ", result.Failure!.Errors));
}
