using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The services every ledger kind uses, in one scoped bundle.</summary>
public sealed class LedgerServices(
    AppDbContext db, CenterAccess access, OrganizationLookup orgs, PolicyProvider policy, Text text, TimeProvider clock,
    Bilingual bilingual, Microsoft.Extensions.Options.IOptions<ImportLimits> importLimits)
{
    public ImportLimits ImportLimits => importLimits.Value;

    public AppDbContext Db => db;

    public CenterAccess Access => access;

    public OrganizationLookup Orgs => orgs;

    public PolicyPack Policy => policy.Current;

    public Text Text => text;

    public TimeProvider Clock => clock;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A string in both languages, so imports accept headers and choices in either.</summary>
    public (string Zh, string En) Both(string key) => (bilingual.In(LocalizationSetup.Chinese, key), bilingual.In(LocalizationSetup.English, key));

    public IReadOnlyList<Option> EnumOptions<TEnum>(string prefix)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v =>
        {
            var key = $"{prefix}.{v}";
            var (zh, en) = Both(key);
            return new Option(v.ToString(), text[key], [zh, en]);
        }).ToList();

    public IReadOnlyList<Option> PolicyOptions(IEnumerable<(string Code, string Zh, string En)> items) =>
        items.Select(i => new Option(i.Code, LocalizationSetup.IsEnglish ? i.En : i.Zh, [i.Zh, i.En])).ToList();
}
