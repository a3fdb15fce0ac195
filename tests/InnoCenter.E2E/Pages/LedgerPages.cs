using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The IP form: kind, number, title, filing date and co-owner rows (member, share).</summary>
public sealed class IpFormPage(IPage page)
{
    public async Task OpenAsync(Guid centerId) => await page.GotoAsync($"/Ledger/ip/edit?centerId={centerId}");

    public async Task FillAsync(string kind, string number, string title, DateOnly filed, params (string Owner, decimal Share)[] owners)
    {
        await page.GetByLabel("知识产权类型").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("申请号/登记号").FillAsync(number);
        await page.GetByLabel("名称", new() { Exact = false }).First.FillAsync(title);
        await page.GetByLabel("申请日/登记日").FillAsync(filed.ToString("yyyy-MM-dd"));
        for (var i = 0; i < owners.Length; i++)
        {
            await page.GetByLabel($"共有人 {i + 1}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = owners[i].Owner });
            await page.GetByLabel($"份额 {i + 1}", new() { Exact = true }).FillAsync(owners[i].Share.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
}

/// <summary>The deal form: kind, title, counterparty, SME flag, value, date and the IP involved.</summary>
public sealed class DealFormPage(IPage page)
{
    public async Task OpenAsync(Guid centerId) => await page.GotoAsync($"/Ledger/deals/edit?centerId={centerId}");

    public async Task FillAsync(string kind, string title, string counterpartyCode, decimal value, DateOnly signed, string ipNumber)
    {
        await page.GetByLabel("转化方式").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("合同编号").FillAsync("HT-" + Guid.NewGuid().ToString("N")[..10]);
        await page.GetByLabel("转化项目").FillAsync(title);
        await page.GetByLabel("受让/合作单位").FillAsync(counterpartyCode);
        await page.GetByLabel("对方为中小企业").CheckAsync();
        await page.GetByLabel("合同金额（元）").FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("签订日期").FillAsync(signed.ToString("yyyy-MM-dd"));
        await page.GetByLabel("涉及知识产权").SelectOptionAsync(new SelectOptionValue { Value = ipNumber });
    }

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
}

/// <summary>A deal's page: record a receipt and read its split among the co-owners.</summary>
public sealed class DealDetailsPage(IPage page)
{
    public async Task RecordReceiptAsync(DateOnly on, decimal amount)
    {
        await page.GetByLabel("到账日期").FillAsync(on.ToString("yyyy-MM-dd"));
        await page.GetByLabel("到账金额（元）").FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记到账" }).ClickAsync();
    }

    public ILocator SplitRow(string owner) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = owner });

    public async Task OpenStatementOfAsync(string owner) => await page.GetByRole(AriaRole.Link, new() { Name = owner, Exact = true }).ClickAsync();
}

public sealed class StatementPage(IPage page)
{
    public ILocator Heading(string owner) => page.GetByRole(AriaRole.Heading, new() { Name = owner });

    public ILocator Total => page.Locator("tfoot");

    public ILocator Line(string dealTitle) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = dealTitle });
}

/// <summary>The import page of one ledger kind, and the background import's page it leads to.</summary>
public sealed class LedgerImportPage(IPage page)
{
    public async Task OpenAsync(string kind, Guid centerId) => await page.GotoAsync($"/Ledger/{kind}/import?centerId={centerId}");

    public async Task UploadAsync(byte[] workbook, string fileName)
    {
        await page.GetByLabel("Excel 文件").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
    }

    public ILocator Outcome => page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert));
}
