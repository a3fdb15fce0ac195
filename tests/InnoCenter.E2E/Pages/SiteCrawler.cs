using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>
/// Walks what the main menu leads to and looks at each page as a user would: nothing wider than the window, no menu
/// label or button broken over two lines, no raw resource key instead of a text, no failed request or script error.
/// Problems are collected, not thrown, so one run lists them all.
/// </summary>
public sealed partial class SiteCrawler
{
    private readonly IPage _page;
    private readonly IReadOnlySet<string> _keys;
    private readonly IReadOnlySet<string> _keyPrefixes;
    private readonly List<string> _pending = [];
    private string _where = "(sign-in)";

    public SiteCrawler(IPage page, IReadOnlySet<string> resourceKeys)
    {
        _page = page;
        _keys = resourceKeys;
        _keyPrefixes = resourceKeys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                _pending.Add($"{r.Status} {r.Request.Method} {r.Url}");
            }
        };
        // A navigation started while a page still loads aborts its requests; that is the crawl's doing, not the page's.
        page.RequestFailed += (_, r) =>
        {
            if (r.Failure != "net::ERR_ABORTED")
            {
                _pending.Add($"request failed: {r.Method} {r.Url} ({r.Failure})");
            }
        };
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                _pending.Add($"console error: {m.Text}");
            }
        };
        page.PageError += (_, e) => _pending.Add($"script error: {e}");
    }

    public List<string> Problems { get; } = [];

    /// <summary>Where screenshots go (the E2E_SCREENSHOTS setting); none are taken without it.</summary>
    public string? ScreenshotDirectory { get; init; } = Environment.GetEnvironmentVariable("E2E_SCREENSHOTS") is { Length: > 0 } d ? d : null;

    public string ShotPrefix { get; init; } = "page";

    /// <summary>The menu's own pages: the links of single items and of every group, each group opened as a user opens it.</summary>
    public async Task<IReadOnlyList<string>> MenuLinksAsync(string menuName, bool collapsed)
    {
        var menu = _page.GetByRole(AriaRole.Navigation, new() { Name = menuName });
        if (collapsed)
        {
            await menu.Locator(".navbar-toggler").ClickAsync();
            await Assertions.Expect(menu.Locator("#mainNav")).ToBeVisibleAsync();
        }

        var links = new List<string>();
        var top = menu.Locator("ul.me-auto > li");
        for (var i = 0; i < await top.CountAsync(); i++)
        {
            var item = top.Nth(i);
            if (await item.Locator(".dropdown-menu").CountAsync() == 0)
            {
                links.Add((await item.Locator("a").GetAttributeAsync("href"))!);
                continue;
            }

            var toggle = item.GetByRole(AriaRole.Button);
            await toggle.ClickAsync();
            var dropdown = item.Locator(".dropdown-menu");
            await Assertions.Expect(dropdown).ToBeVisibleAsync();
            _where = $"menu group {(await toggle.InnerTextAsync()).Trim()}";
            await CheckLayoutAsync();
            var box = await dropdown.BoundingBoxAsync();
            var width = await _page.EvaluateAsync<int>("() => window.innerWidth");
            if (box is not null && box.X + box.Width > width + 0.5)
            {
                Problems.Add($"{_where}: the open group ends at {box.X + box.Width:0} px, past the window's {width} px");
            }

            foreach (var href in await dropdown.Locator("a.dropdown-item").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            {
                links.Add(href);
            }

            await toggle.ClickAsync();
        }

        Flush();
        return links.Distinct().ToList();
    }

    /// <summary>
    /// The bar itself fits: every item (brand, groups, language switch, messages, user, sign-out) inside the window and, on
    /// a wide window, all on one row.
    /// </summary>
    public async Task CheckMenuFitsAsync(bool oneRow)
    {
        _where = "menu bar " + _page.Url;
        var items = await _page.EvaluateAsync<JsonElement>("""
            () => {
              const nav = document.querySelector('nav.app-nav');
              return [...nav.querySelectorAll('.navbar-brand, .navbar-nav > .nav-item')]
                .filter(e => e.getClientRects().length > 0)
                .map(e => { const r = e.getBoundingClientRect(); return { text: e.innerText.trim(), right: r.right, top: r.top, width: window.innerWidth }; });
            }
            """);
        var rows = items.EnumerateArray().Select(e => (
            Text: e.GetProperty("text").GetString()!, Right: e.GetProperty("right").GetDouble(), Top: e.GetProperty("top").GetDouble(),
            Width: e.GetProperty("width").GetDouble())).ToList();
        if (rows.Count == 0)
        {
            Problems.Add($"{_where}: no menu items are visible");
            return;
        }

        foreach (var r in rows.Where(r => r.Right > r.Width + 0.5))
        {
            Problems.Add($"{_where}: “{r.Text}” ends at {r.Right:0} px, past the window's {r.Width:0} px");
        }

        if (oneRow && rows.Max(r => r.Top) - rows.Min(r => r.Top) > 8)
        {
            Problems.Add($"{_where}: the menu takes more than one row ({string.Join(" | ", rows.Select(r => $"{r.Text}@{r.Top:0}"))})");
        }

        await CheckLayoutAsync();
        Flush();
    }

    /// <summary>
    /// Opens a page by its address and checks it; then the first record its list links to, if any; then (once each) the
    /// sections it leads to by its tabs and cards (a center's members, governance, ledger; the ledger's lists), with their first record.
    /// </summary>
    public async Task VisitAsync(string href, bool alsoFirstRecord, bool alsoSections = false)
    {
        if (!await OpenAndCheckAsync(href))
        {
            return;
        }

        var sections = alsoSections ? await LinksAsync("main .nav-tabs a.nav-link[href^=\"/\"], main .card a.btn[href^=\"/\"]") : [];
        if (alsoFirstRecord)
        {
            await VisitFirstRecordAsync();
        }

        foreach (var section in sections)
        {
            if (await OpenAndCheckAsync(section))
            {
                await VisitFirstRecordAsync();
            }
        }
    }

    private async Task VisitFirstRecordAsync()
    {
        var record = (await LinksAsync("main table tbody a[href^=\"/\"]")).FirstOrDefault();
        if (record is not null)
        {
            await OpenAndCheckAsync(record);
        }
    }

    /// <summary>Links to pages (not downloads, feeds or the API) matching a selector, in document order.</summary>
    private async Task<IReadOnlyList<string>> LinksAsync(string selector) =>
        await _page.EvaluateAsync<string[]>("""
            selector => [...document.querySelectorAll(selector)]
              .filter(a => !a.hasAttribute('download') && !/export|download|template|\/api\/|\/files\/|\.ics|\.docx|\.xlsx|culture|\/Logout/i.test(a.getAttribute('href')))
              .map(a => a.getAttribute('href'))
            """, selector);

    private readonly HashSet<string> _visited = [];

    /// <summary>Opens and checks a page unless this crawl has seen it; false when it did not (or could not) open it.</summary>
    private async Task<bool> OpenAndCheckAsync(string href)
    {
        if (!_visited.Add(href))
        {
            return false;
        }

        _where = href;
        var response = await _page.GotoAsync(href, new() { WaitUntil = WaitUntilState.Load });
        if (response is null)
        {
            Problems.Add($"{href}: no response");
            return false;
        }

        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var path = new Uri(_page.Url).PathAndQuery;
        _where = path == href ? href : $"{href} → {path}";
        await CheckLayoutAsync();
        await CheckTextAsync();
        Flush();
        if (ScreenshotDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            var slug = Slug().Replace(new Uri(_page.Url).PathAndQuery.Trim('/'), "-");
            await _page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{ShotPrefix}-{(slug.Length == 0 ? "home" : slug)}.png") });
        }

        return true;
    }

    private async Task CheckLayoutAsync()
    {
        var layout = await _page.EvaluateAsync<JsonElement>("""
            () => {
              const lines = el => {
                const tops = [];
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (!n.textContent.trim()) continue;
                  const range = document.createRange();
                  range.selectNodeContents(n);
                  for (const r of range.getClientRects()) {
                    if (r.width > 0 && !tops.some(t => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
                  }
                }
                return tops.length;
              };
              const wrapped = [...document.querySelectorAll('.app-nav .nav-link, .app-nav .dropdown-item, .btn, .breadcrumb-item, .nav-tabs .nav-link')]
                .filter(e => e.getClientRects().length > 0 && lines(e) > 1)
                .map(e => e.innerText.trim().replace(/\s+/g, ' '));
              return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wrapped };
            }
            """);
        var scroll = layout.GetProperty("scrollWidth").GetInt32();
        var width = layout.GetProperty("innerWidth").GetInt32();
        if (scroll > width)
        {
            Problems.Add($"{_where}: the document is {scroll} px wide in a {width} px window");
        }

        foreach (var label in layout.GetProperty("wrapped").EnumerateArray())
        {
            Problems.Add($"{_where}: the label “{label.GetString()}” breaks over two lines");
        }
    }

    private async Task CheckTextAsync()
    {
        var text = await _page.EvaluateAsync<string>("() => document.body.innerText + '\\n' + document.title");
        foreach (Match m in KeyShape().Matches(text))
        {
            var token = m.Value.TrimEnd('.');
            if (_keys.Contains(token) || (token.Contains('.') && _keyPrefixes.Contains(token.Split('.')[0]) && !token.Contains('@')))
            {
                Problems.Add($"{_where}: raw resource key “{token}” shown");
            }
        }
    }

    private void Flush()
    {
        foreach (var p in _pending)
        {
            Problems.Add($"{_where}: {p}");
        }

        _pending.Clear();
    }

    /// <summary>Dotted lower-case identifiers as the resource keys are spelled (<c>experts.invitation.state.Sent</c>), not inside an address or a file name.</summary>
    [GeneratedRegex(@"(?<![\w@./:-])[a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+(?![\w@/-])")]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex Slug();
}
