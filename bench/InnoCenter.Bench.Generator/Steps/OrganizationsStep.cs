using InnoCenter.Domain.Organizations;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// Organisations (单位): enterprises above all, then universities, research institutes, industry bodies, financial
/// institutions; 70 % in Tianjin's districts, the rest across 京津冀 and beyond. Every credit code passes GB 32100 and
/// GB 11714 (built with <see cref="Uscc.Compose"/>) and is unique by construction.
/// </summary>
public sealed class OrganizationsStep : IGeneratorStep
{
    public int Order => 10;

    public string Name => "organisations";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var total = context.Scale.Organizations;
        await context.InsertAsync("organisations", total, Make(context, random, total), ct);

        var sample = context.Organizations.First(o => o.Type == OrganizationType.Enterprise && o.Region == "Tianjin");
        context.Sample("ORGANIZATION_ID", sample.Id);
        context.Sample("ORGANIZATION_SEARCH", "智能");
    }

    private static IEnumerable<Organization> Make(GeneratorContext context, Random r, int total)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new SeededIds(context.Options.Seed, 10);
        for (var i = 0; i < total; i++)
        {
            var type = r.NextDouble() switch
            {
                < 0.76 => OrganizationType.Enterprise,
                < 0.81 => OrganizationType.University,
                < 0.89 => OrganizationType.ResearchInstitute,
                < 0.94 => OrganizationType.IndustryOrganization,
                < 0.97 => OrganizationType.FinancialInstitution,
                _ => OrganizationType.Other,
            };
            var place = Names.PlaceFor(r);
            var name = Names.Organization(r, type, place);
            for (var n = 2; !names.Add(name); n++)
            {
                name = Names.Disambiguate(Names.Organization(r, type, place), n);
            }

            var code = CreditCode(type, place, i);
            var created = context.Now.AddDays(-r.Next(30, 5 * 365)).AddMinutes(r.Next(8 * 60, 18 * 60));
            var org = Organization.Create(
                new OrganizationDetails(code, name, type, place.Region, place.District, Names.Address(r, place),
                    Names.Person(r), Names.Phone(r, place)),
                created,
                ids.Next(created));
            context.Organizations.Add(new OrgRef(org.Id, org.CreditCode, org.Name, org.Type, org.Region));
            yield return org;
        }
    }

    /// <summary>
    /// Enterprises, financial bodies and others register with the market regulator (91, new-style MA… organisation
    /// codes); universities and institutes are public institutions (12), industry bodies social organisations (51).
    /// The running index makes the organisation code, so no two codes can collide.
    /// </summary>
    private static Uscc CreditCode(OrganizationType type, Names.Place place, int index)
    {
        return type switch
        {
            OrganizationType.University or OrganizationType.ResearchInstitute =>
                Uscc.Compose("12", place.RegionCode[..2] + "0000", (40_000_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            OrganizationType.IndustryOrganization =>
                Uscc.Compose("51", place.RegionCode[..2] + "0000", (50_000_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => Uscc.Compose("91", place.RegionCode, "MA" + Base31(index, 6)),
        };
    }

    private static string Base31(int value, int width)
    {
        // Organisation codes use the credit-code alphabet, so every character also passes the GB 32100 check.
        var chars = new char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            chars[i] = Uscc.Alphabet[value % Uscc.Alphabet.Length];
            value /= Uscc.Alphabet.Length;
        }

        return new string(chars);
    }
}
