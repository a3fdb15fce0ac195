using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Ledger.Kinds;

/// <summary>国际合作: with a partner abroad (ISO 3166 country) as a joint center or lab, an introduction, equity or a cross-licence.</summary>
public sealed class IntlLedger(LedgerServices s) : LedgerKind<IntlCooperation, IntlRequest>(s)
{
    public const string Key = "intl";

    public override string Slug => Key;

    public override IReadOnlyList<LedgerField> Fields =>
    [
        new("title", FieldType.Text, true) { LabelKey = "ledger.field.cooperationTitle" },
        new("partner", FieldType.Text, true),
        new("country", FieldType.Country, true) { Options = Countries },
        new("cooperationKind", FieldType.Choice, true) { Options = () => S.EnumOptions<CooperationKind>("ledger.cooperationkind") },
        new("startedOn", FieldType.Date, true),
    ];

    public override string? TypeLabelKey => "ledger.field.cooperationKind";

    public override IReadOnlyList<Option> TypeOptions => S.EnumOptions<CooperationKind>("ledger.cooperationkind");

    protected override IQueryable<IntlCooperation> Records => Db.LedgerIntl;

    protected override IQueryable<IntlCooperation> Search(IQueryable<IntlCooperation> q, string text) =>
        q.Where(x => x.Title.Contains(text) || x.Partner.Contains(text) || x.Country == text.ToUpper());

    protected override IQueryable<IntlCooperation> OfType(IQueryable<IntlCooperation> q, string type) =>
        Enum.TryParse<CooperationKind>(type, true, out var kind) ? q.Where(x => x.Kind == kind) : q.Where(_ => false);

    protected override Task<Result<IntlCooperation>> BuildAsync(LedgerScope scope, IntlRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        return Task.FromResult<Result<IntlCooperation>>(d.IsSuccess ? IntlCooperation.Create(scope.Center.Id, d.Value, S.Now) : d.Failure!);
    }

    protected override Task<Result<IntlCooperation>> ApplyAsync(LedgerScope scope, IntlCooperation record, IntlRequest r, CancellationToken ct)
    {
        var d = Check(scope, r);
        if (d.IsSuccess)
        {
            record.Apply(d.Value, S.Now);
        }

        return Task.FromResult<Result<IntlCooperation>>(d.IsSuccess ? record : d.Failure!);
    }

    protected override IReadOnlyDictionary<string, object?> ValuesOf(IntlCooperation x) => new Dictionary<string, object?>
    {
        ["title"] = x.Title,
        ["partner"] = x.Partner,
        ["country"] = x.Country,
        ["cooperationKind"] = x.Kind.ToString(),
        ["startedOn"] = x.StartedOn,
    };

    private IReadOnlyList<Option> Countries() =>
        IsoCountries.All.Where(c => c.Code != IsoCountries.Home)
            .Select(c => new Option(c.Code, $"{c.Label(LocalizationSetup.IsEnglish)} ({c.Code})", [c.Zh, c.En]))
            .OrderBy(o => o.Label, StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, false))
            .ToList();

    private Result<IntlDetails> Check(LedgerScope scope, IntlRequest r)
    {
        var c = new LedgerChecks(scope, S.Orgs);
        var title = c.Text(r.Title, "title", FieldLengths.Title);
        var partner = c.Text(r.Partner, "partner", FieldLengths.OrganizationName);
        var kind = c.Choice<CooperationKind>(r.CooperationKind, "cooperationKind");
        var started = c.Date(r.StartedOn, "startedOn");
        var country = IsoCountries.FindByCodeOrName(r.Country);
        if (string.IsNullOrWhiteSpace(r.Country))
        {
            c.Add("validation.required", "country");
        }
        else if (country is null)
        {
            c.Add("ledger.country_unknown", "country", r.Country);
        }
        else if (country.Code == IsoCountries.Home)
        {
            c.Add("ledger.country_domestic", "country");
        }

        return c.Ok ? new IntlDetails(title!, partner!, country!.Code, kind!.Value, started!.Value) : c.Failure;
    }
}
