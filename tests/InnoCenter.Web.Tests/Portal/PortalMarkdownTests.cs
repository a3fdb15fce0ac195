using InnoCenter.Web.Features.Portal;

namespace InnoCenter.Web.Tests.Portal;

public sealed class PortalMarkdownTests
{
    [Fact]
    public void Script_event_handlers_and_style_are_stripped_and_reported()
    {
        var rendered = PortalMarkdown.Render("## 标题\n\n<script>alert(1)</script><img src=\"/a.png\" onerror=\"alert(2)\"><p style=\"color:red\">红</p><a href=\"javascript:alert(3)\">x</a>");

        Assert.DoesNotContain("<script", rendered.Html);
        Assert.DoesNotContain("onerror", rendered.Html);
        Assert.DoesNotContain("style=", rendered.Html);
        Assert.DoesNotContain("javascript:", rendered.Html);
        Assert.Contains("<h2", rendered.Html);
        Assert.Contains("<img src=\"/a.png\">", rendered.Html);
        Assert.Contains("<script>", rendered.Removed);
        Assert.Contains("onerror", rendered.Removed);
        Assert.Contains("style", rendered.Removed);
    }

    [Fact]
    public void Plain_markdown_with_headings_tables_and_images_passes_untouched()
    {
        var rendered = PortalMarkdown.Render("# 一\n\n## 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![图](/api/v1/portal/files/0193)");

        Assert.Empty(rendered.Removed);
        Assert.Contains("<table>", rendered.Html);
        Assert.Contains("<img src=\"/api/v1/portal/files/0193\" alt=\"图\">", rendered.Html);
    }
}
