using InnoCenter.Web.Infrastructure.Auth;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// What the harness's write step (<c>bench/writes.d</c>) needs beyond the read samples: a token for the CenterUser who
/// keeps the sample ledger center's ledger (it also starts application drafts, as any CenterUser may), and one for the
/// CenterUser who keeps the sample grant's center (expenditures). The Admin's token cannot write either: only a
/// center's own staff keep its ledger and spend its grants. And LEDGER_KEEPERS: "centerId:token" pairs for the keepers
/// of up to 16 centers (each its own user), so the ledger write can also be measured as many centers writing at once,
/// where one center's writes queue behind that center's roll-up lock.
/// </summary>
public sealed class WritesStep : IGeneratorStep
{
    public int Order => 95;

    public string Name => "write-benchmark tokens";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var tokens = new List<PersonalAccessToken>();
        void Token(string sample, string? centerId, string name)
        {
            if (centerId is null || context.Centers.FirstOrDefault(c => c.Id.ToString() == centerId) is not { } center ||
                !context.ApplicantUsers.TryGetValue(center.LeadOrganizationId, out var keeper))
            {
                return;
            }

            var secret = PersonalAccessToken.NewSecret();
            tokens.Add(new PersonalAccessToken
            {
                UserId = keeper.UserId,
                Name = name,
                TokenHash = PersonalAccessToken.HashOf(secret),
                Hint = secret[..8],
                CreatedAt = context.Now.AddDays(-1),
            });
            context.Sample(sample, secret);
        }

        Token("LEDGER_KEEPER_TOKEN", context.SampleOf("LEDGER_CENTER_ID"), "benchmark ledger writes");
        Token("FUNDS_KEEPER_TOKEN", context.SampleOf("FUNDS_CENTER_ID"), "benchmark expenditures");

        var keepers = new List<string>();
        var users = new HashSet<Guid>();
        foreach (var center in context.Centers.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (keepers.Count == 16 || !context.ApplicantUsers.TryGetValue(center.LeadOrganizationId, out var keeper) || !users.Add(keeper.UserId))
            {
                continue;
            }

            var secret = PersonalAccessToken.NewSecret();
            tokens.Add(new PersonalAccessToken
            {
                UserId = keeper.UserId,
                Name = "benchmark ledger writes of many centers",
                TokenHash = PersonalAccessToken.HashOf(secret),
                Hint = secret[..8],
                CreatedAt = context.Now.AddDays(-1),
            });
            keepers.Add($"{center.Id}:{secret}");
        }

        context.Sample("LEDGER_KEEPERS", string.Join(' ', keepers));
        await context.InsertAsync("personal access tokens", tokens.Count, tokens, ct);
    }
}
