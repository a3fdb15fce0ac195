using System.Globalization;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>The string table answers exactly what the resource localizer it replaces answers, in both languages.</summary>
public sealed class StringTableTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void Every_string_equals_the_resource_localizers_and_a_missing_key_is_the_key(string culture)
    {
        var resources = factory.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        var table = factory.Services.GetRequiredService<StringTable>();
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var expected = resources.GetAllStrings(includeParentCultures: true).ToList();

            Assert.True(expected.Count > 1000, $"{expected.Count} strings");
            Assert.All(expected, s => Assert.Equal(s.Value, table.Get(s.Name)));
            Assert.Equal("no.such.key", table.Get("no.such.key"));
            Assert.False(table.Has("no.such.key"));
            Assert.Equal(resources["funds.hold.grade", 2025, "C"].Value, table.Get("funds.hold.grade", [2025, "C"]));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void The_english_table_differs_from_the_chinese_where_the_english_resource_has_the_key()
    {
        var table = factory.Services.GetRequiredService<StringTable>();

        Assert.NotEqual(table.For(CultureInfo.GetCultureInfo("zh-CN"))["funds.saved"], table.For(CultureInfo.GetCultureInfo("en-US"))["funds.saved"]);
    }
}
