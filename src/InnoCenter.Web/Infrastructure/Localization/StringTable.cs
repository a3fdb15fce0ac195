using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Infrastructure.Localization;

/// <summary>
/// The app's strings per UI culture, read from the resources once. A page looks up a few hundred strings, and each
/// <see cref="System.Resources.ResourceManager.GetString(string, CultureInfo)"/> takes two process-wide locks (the last
/// used resource set, then the set's cache): under 16 concurrent requests the profile of the grant page showed the
/// lookups waiting on them. The table answers what the resource localizer answers — the culture's own string, else its
/// parents', else none — without a lock.
/// </summary>
public sealed class StringTable(IStringLocalizerFactory factory)
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(SharedResource));
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> _tables = new(StringComparer.Ordinal);

    /// <summary>The strings of <paramref name="culture"/>, built at its first use (the cultures in use are the two supported ones).</summary>
    public FrozenDictionary<string, string> For(CultureInfo culture) => _tables.GetOrAdd(culture.Name, _ => Build(culture));

    /// <summary>The string of <paramref name="key"/> in the current UI culture, or the key itself when there is none (as the localizer does).</summary>
    public string Get(string key) => For(CultureInfo.CurrentUICulture).TryGetValue(key, out var value) ? value : key;

    /// <summary>The string formatted with <paramref name="args"/> in the current culture, as the localizer formats it.</summary>
    public string Get(string key, object[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public bool Has(string key) => For(CultureInfo.CurrentUICulture).ContainsKey(key);

    private FrozenDictionary<string, string> Build(CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return _resources.GetAllStrings(includeParentCultures: true)
                .Where(s => !s.ResourceNotFound)
                .ToFrozenDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
