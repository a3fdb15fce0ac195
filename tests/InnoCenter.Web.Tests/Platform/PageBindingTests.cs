using System.Reflection;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>
/// In a Razor page the route value "page" holds the page's own path ("/Resources/My"), and it wins over the query
/// string when a bound filter has a property called Page: the list then shows "The value '/Resources/My' is not valid
/// for Page." and never leaves its first page. Every filter bound on GET takes its page number from the query only.
/// </summary>
public sealed class PageBindingTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public void Every_filter_bound_on_a_page_reads_its_page_number_from_the_query_string_only()
    {
        var pageModels = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)));
        var unbound = (
            from model in pageModels
            from property in model.GetProperties()
            where property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true }
            let page = property.PropertyType.GetProperty("Page")
            where page is not null && page.GetCustomAttribute<FromQueryAttribute>()?.Name != "page"
            select $"{model.Name}.{property.Name} ({property.PropertyType.Name}.Page)").ToList();

        Assert.Empty(unbound);
    }

    [Fact]
    public async Task Lists_with_a_bound_filter_open_without_a_binding_error()
    {
        var client = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin, culture: "en-US");
        foreach (var path in new[] { "/Resources/My", "/Resources/Approvals", "/Resources/My?page=2", "/Resources/Approvals?page=2", "/Resources", "/Centers", "/Experts" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("is not valid for", html);
        }
    }
}
