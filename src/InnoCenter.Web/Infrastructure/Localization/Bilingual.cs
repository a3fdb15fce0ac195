using System.Globalization;

namespace InnoCenter.Web.Infrastructure.Localization;

/// <summary>Strings in a named language: official records (a status change's reason, a .docx) are written in Chinese whoever acts.</summary>
public sealed class Bilingual(StringTable strings)
{
    /// <summary>The string in <paramref name="culture"/>, its arguments formatted in the caller's culture (as the localizer did).</summary>
    public string In(string culture, string key, params object[] args)
    {
        var text = strings.For(CultureInfo.GetCultureInfo(culture)).TryGetValue(key, out var value) ? value : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
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
