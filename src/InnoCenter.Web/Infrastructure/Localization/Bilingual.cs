using System.Globalization;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Infrastructure.Localization;

/// <summary>Strings in a named language: official records (a status change's reason, a .docx) are written in Chinese whoever acts.</summary>
public sealed class Bilingual(IStringLocalizerFactory factory)
{
    private readonly IStringLocalizer _text = factory.Create(typeof(SharedResource));

    public string In(string culture, string key, params object[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return args.Length == 0 ? _text[key] : _text[key, args];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public string Zh(string key, params object[] args) => In("zh-CN", key, args);

    /// <summary>Runs <paramref name="work"/> with texts in <paramref name="culture"/> (the stored zh and en of a warning), then restores the caller's.</summary>
    public static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> work)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The text in the request's language first, then in the other.</summary>
    public IReadOnlyList<string> Both(string key)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return english ? [In("en-US", key), In("zh-CN", key)] : [In("zh-CN", key), In("en-US", key)];
    }
}
