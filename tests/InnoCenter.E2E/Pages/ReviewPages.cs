using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>An Admin's view of one subject's review: the draw, the panel, the draws record and the score matrix.</summary>
public sealed class ReviewSubjectAdminPage(IPage page)
{
    public async Task OpenFromListAsync(string title)
    {
        await page.GotoAsync("/Reviews");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
    }

    public async Task DrawAsync()
    {
        // The draw button asks for confirmation (data-confirm): accept it.
        page.Dialog += AcceptDialog;
        await page.GetByRole(AriaRole.Button, new() { Name = "随机抽取专家" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "抽取记录" }).WaitForAsync();
        page.Dialog -= AcceptDialog;
    }

    public ILocator Seed => page.GetByTestId("seed");

    public ILocator EligiblePool => page.GetByTestId("eligible");

    public ILocator PanelTable => page.GetByRole(AriaRole.Table, new() { Name = "专家组" });

    /// <summary>The names in the panel table, in the order shown.</summary>
    public async Task<IReadOnlyList<string>> MemberNamesAsync()
    {
        var rows = PanelTable.Locator("tbody tr");
        var names = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            names.Add((await rows.Nth(i).Locator("td").First.InnerTextAsync()).Trim());
        }

        return names;
    }

    public ILocator Matrix => page.GetByTestId("score-matrix");

    public ILocator MatrixRow(string expertName) => Matrix.GetByRole(AriaRole.Row).Filter(new() { HasText = expertName });

    public async Task ReloadAsync() => await page.ReloadAsync();

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}

/// <summary>An expert's assignments and scoring form.</summary>
public sealed class ExpertReviewPages(IPage page)
{
    public async Task OpenMyReviewsAsync() => await page.GotoAsync("/Reviews/My");

    public ILocator Row(string title) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    public async Task AcceptAsync(string title)
    {
        await Row(title).GetByRole(AriaRole.Button, new() { Name = "接受" }).ClickAsync();
        await Assertions.Expect(Row(title)).ToContainTextAsync("已接受");
    }

    public async Task OpenScoringAsync(string title) =>
        await Row(title).GetByRole(AriaRole.Link, new() { Name = "去评分" }).ClickAsync();

    public async Task ScoreAsync(IReadOnlyDictionary<string, string> points, string comment, string recommendation)
    {
        foreach (var (criterion, value) in points)
        {
            await page.GetByLabel(new Regex("^" + Regex.Escape(criterion))).FillAsync(value);
        }

        await page.GetByLabel("评审意见").FillAsync(comment);
        await page.GetByLabel("评审建议").SelectOptionAsync(new SelectOptionValue { Label = recommendation });
        page.Dialog += AcceptDialog;
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "专家组评分（匿名）" }).WaitForAsync();
        page.Dialog -= AcceptDialog;
    }

    public ILocator Scores => page.GetByTestId("score-matrix");

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}
