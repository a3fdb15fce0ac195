using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using InnoCenter.Domain.Common;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace InnoCenter.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] Cultures = [Chinese, English];

    /// <summary>Beijing time: every date the platform shows is in it, whatever the server's zone.</summary>
    public static readonly TimeZoneInfo Beijing = FindBeijing();

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Razor would otherwise write 天 as &#x5929;.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // The middleware hands each request CultureInfo.ReadOnly of the supported culture it picks: a fresh copy that
            // builds its number format from ICU again at the request's first formatted number (5 % of a page's CPU in a
            // profile), unless the culture is read-only already — then it is handed out as it is, formats built once here.
            var prepared = Cultures.Select(Prepared).ToList();
            o.SupportedCultures = prepared;
            o.SupportedUICultures = prepared;
            o.DefaultRequestCulture = new RequestCulture(prepared[0], prepared[0]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddSingleton<StringTable>();
        services.AddScoped<Text>();
        services.AddScoped<Bilingual>();
        return services;
    }

    private static CultureInfo Prepared(string name)
    {
        var culture = new CultureInfo(name);
        _ = culture.NumberFormat;
        _ = culture.DateTimeFormat;
        _ = culture.TextInfo;
        _ = culture.CompareInfo;
        return CultureInfo.ReadOnly(culture);
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Formats an instant in Beijing time.</summary>
    public static string ToBeijing(this DateTimeOffset t, string format = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTime(t, Beijing).ToString(format, CultureInfo.InvariantCulture);

    public static string ToBeijing(this DateTimeOffset? t, string format = "yyyy-MM-dd HH:mm") =>
        t is { } v ? v.ToBeijing(format) : string.Empty;

    private static TimeZoneInfo FindBeijing()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
    }
}

/// <summary>The app's strings in the request's language, and the text of a domain <see cref="Error"/>.</summary>
public sealed class Text(StringTable strings)
{
    public string this[string key] => strings.Get(key);

    public string this[string key, params object[] args] => strings.Get(key, args);

    /// <summary>An argument that is a list (e.g. the actions possible now) is listed in the request's language.</summary>
    public string Of(Error error) => error.Args.Length == 0
        ? strings.Get(error.Code)
        : strings.Get(error.Code, error.Args.Select(a => a is string[] items ? List(items) : a).ToArray());

    public bool Has(string key) => strings.Has(key);

    /// <summary>Items listed in the request's language: 甲、乙 in Chinese, "a, b" in English (never a Chinese comma in English text).</summary>
    public string List(IEnumerable<string> items) => string.Join(LocalizationSetup.IsEnglish ? ", " : "、", items);

    /// <summary>Clauses (each with commas of its own) listed in the request's language: 甲；乙 or "a; b".</summary>
    public string Clauses(IEnumerable<string> items) => string.Join(LocalizationSetup.IsEnglish ? "; " : "；", items);

    /// <summary>The colon after a label: full-width in Chinese, "label: " in English.</summary>
    public string Colon => LocalizationSetup.IsEnglish ? ": " : "：";
}
