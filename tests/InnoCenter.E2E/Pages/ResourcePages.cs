using System.Globalization;
using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The free-slot search (查找空闲时段): length, search text, window, and the slots it answers.</summary>
public sealed class FreeSlotsPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Resources/FreeSlots");

    public async Task SearchAsync(decimal hours, string text, int days)
    {
        await page.GetByLabel("时长（小时）").FillAsync(hours.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("名称、型号或地点").FillAsync(text);
        await page.GetByLabel("天内").FillAsync(days.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "查找空闲时段" }).ClickAsync();
    }

    public ILocator Slots(string resourceName) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = resourceName });

    /// <summary>The earliest slot of the resource: its start (Beijing, as the table shows it), then a click on its 预约 link.</summary>
    public async Task<DateTime> BookEarliestAsync(string resourceName)
    {
        var row = Slots(resourceName).First;
        var starts = DateTime.ParseExact((await row.GetByRole(AriaRole.Cell).Nth(3).InnerTextAsync()).Trim(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await row.GetByRole(AriaRole.Link, new() { Name = "预约", Exact = true }).ClickAsync();
        return starts;
    }
}

/// <summary>A resource's page: its booking form (filled from the picked slot) and the booking's outcome.</summary>
public sealed class ResourceDetailsPage(IPage page)
{
    private ILocator BookingForm => page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "预约", Exact = true }) });

    public ILocator Day => BookingForm.GetByLabel("日期", new() { Exact = true });

    public ILocator From => BookingForm.GetByLabel("开始", new() { Exact = true });

    public ILocator Hours => BookingForm.GetByLabel("时长（小时）", new() { Exact = true });

    public async Task BookAsync(string purpose)
    {
        await BookingForm.GetByLabel("用途", new() { Exact = true }).FillAsync(purpose);
        await BookingForm.GetByRole(AriaRole.Button, new() { Name = "预约", Exact = true }).ClickAsync();
    }

    public ILocator Flash => page.GetByRole(AriaRole.Status);
}

/// <summary>The owner's queue (待审批 / 待登记使用): approve a pending booking, record the hours of an approved one.</summary>
public sealed class ApprovalsPage(IPage page)
{
    public async Task OpenPendingAsync() => await page.GotoAsync("/Resources/Approvals?status=Pending");

    public async Task OpenUsageAsync() => await page.GotoAsync("/Resources/Approvals?status=Approved");

    public ILocator Row(string resourceName) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = resourceName });

    public async Task ApproveAsync(string resourceName) =>
        await Row(resourceName).GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();

    /// <summary>Records the hours used; the form asks for confirmation (it charges the booking), which is accepted.</summary>
    public async Task RecordUsageAsync(string resourceName, decimal hours)
    {
        var row = Row(resourceName);
        await row.GetByLabel("有效工作机时").FillAsync(hours.ToString(CultureInfo.InvariantCulture));
        page.Dialog += AcceptDialog;
        try
        {
            await row.GetByRole(AriaRole.Button, new() { Name = "登记使用", Exact = true }).ClickAsync();
            await Flash.Filter(new() { HasText = "使用情况已登记" }).WaitForAsync();
        }
        finally
        {
            page.Dialog -= AcceptDialog;
        }
    }

    public ILocator Flash => page.GetByRole(AriaRole.Status);

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}

/// <summary>The monthly statement (对账单) of the user's organisation: its lines, total and payment state.</summary>
public sealed class ResourceStatementPage(IPage page)
{
    public async Task OpenAsync(int year, int month) => await page.GotoAsync($"/Resources/Statement?month={year:0000}-{month:00}");

    public ILocator Line(string resourceName) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = resourceName });

    public ILocator Total => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "合计" }) });

    public ILocator PaymentState => page.GetByTestId("payment-state");
}
