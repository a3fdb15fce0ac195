using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Features.Centers;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>Field checks the ledger kinds share; each adds its error, named by field, to the list it is given.</summary>
public sealed class LedgerChecks(LedgerScope scope, OrganizationLookup orgs)
{
    public List<Error> Errors { get; } = [];

    public bool Ok => Errors.Count == 0;

    public Failure Failure => Domain.Common.Failure.Validation(Errors);

    public void Add(string code, string field, params object[] args) => Errors.Add(new Error(code, field, args));

    public string? Text(string? value, string field, int max, bool required = true)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required)
            {
                Add("validation.required", field);
            }

            return null;
        }

        if (v.Length > max)
        {
            Add("validation.too_long", field, max);
            return null;
        }

        return v;
    }

    /// <summary>A date that must fall within the center's life (from its founding or approval, to its revocation or today).</summary>
    public DateOnly? Date(DateOnly? value, string field, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add("validation.required", field);
            }

            return null;
        }

        if (!scope.Center.IsWithinLife(value.Value, scope.Today))
        {
            Add("ledger.date_outside_life", field, value.Value.ToString("yyyy-MM-dd"),
                scope.Center.LifeStart.ToString("yyyy-MM-dd"), scope.Center.LifeEnd(scope.Today).ToString("yyyy-MM-dd"));
            return null;
        }

        return value;
    }

    public int? Year(int? value, string field)
    {
        if (value is null)
        {
            Add("validation.required", field);
            return null;
        }

        if (!scope.Center.IsYearWithinLife(value.Value, scope.Today))
        {
            Add("ledger.year_outside_life", field, value.Value, scope.Center.LifeStart.Year, scope.Center.LifeEnd(scope.Today).Year);
            return null;
        }

        return value;
    }

    public int? Count(int? value, string field, int min = 0, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add("validation.required", field);
            }

            return null;
        }

        if (value < min)
        {
            Add(min == 0 ? "ledger.count_negative" : "ledger.count_min", field, min);
            return null;
        }

        return value;
    }

    /// <summary>Yuan to fen: never negative, never finer than a fen.</summary>
    public long? Money(decimal? value, string field, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add("validation.required", field);
            }

            return null;
        }

        var fen = Domain.Ledger.Money.ToFen(value.Value, out var error);
        if (error is not null)
        {
            Add(error, field);
        }

        return fen;
    }

    public TEnum? Choice<TEnum>(string? value, string field)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add("validation.required", field);
            return null;
        }

        if (!Enum.TryParse<TEnum>(value.Trim(), true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, out _))
        {
            Add("ledger.choice_unknown", field, value);
            return null;
        }

        return parsed;
    }

    public string? PolicyCode(string? value, string field, IEnumerable<string> codes)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add("validation.required", field);
            return null;
        }

        var v = value.Trim();
        if (!codes.Contains(v))
        {
            Add("ledger.choice_unknown", field, v);
            return null;
        }

        return v;
    }

    /// <summary>A registered organisation by its credit code; an unknown one is refused by name.</summary>
    public async Task<OrgRef?> OrganizationAsync(string? code, string field, CancellationToken ct, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (required)
            {
                Add("validation.required", field);
            }

            return null;
        }

        var org = await orgs.ByCodeAsync(code, ct);
        if (org is null)
        {
            Add("ledger.organization_unknown", field, Uscc.Normalize(code));
        }

        return org;
    }

    /// <summary>Was the organisation a member of the center at some time from <paramref name="from"/> to today?</summary>
    public bool WasMemberSince(Guid organizationId, DateOnly from) =>
        scope.Center.Memberships.Any(m => m.OrganizationId == organizationId && (m.LeftOn is null || m.LeftOn > from) && m.JoinedOn <= scope.Today);

    /// <summary>Members by credit code: each registered, each a member since <paramref name="from"/>, none twice.</summary>
    public async Task<IReadOnlyList<Guid>> MembersAsync(IReadOnlyList<string>? codes, string field, DateOnly? from, CancellationToken ct, bool required = false)
    {
        var list = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (list.Count == 0)
        {
            if (required)
            {
                Add("validation.required", field);
            }

            return [];
        }

        var ids = new List<Guid>();
        foreach (var code in list)
        {
            var org = await OrganizationAsync(code, field, ct);
            if (org is null)
            {
                continue;
            }

            if (ids.Contains(org.Id))
            {
                Add("ledger.organization_twice", field, org.Name);
            }
            else if (from is { } day && !WasMemberSince(org.Id, day))
            {
                Add("ledger.not_a_member", field, org.Name);
            }
            else
            {
                ids.Add(org.Id);
            }
        }

        return ids;
    }

    /// <summary>Member shares: each a registered member, each share valid, none twice, totalling exactly 100 %.</summary>
    public async Task<IReadOnlyList<ShareOf>> SharesAsync(IReadOnlyList<ShareLine>? lines, string field, DateOnly? from, CancellationToken ct)
    {
        var list = (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l.CreditCode) || l.SharePercent is not null).ToList();
        if (list.Count == 0)
        {
            Add("validation.required", field);
            return [];
        }

        var shares = new List<ShareOf>();
        var before = Errors.Count;
        foreach (var line in list)
        {
            var org = await OrganizationAsync(line.CreditCode, field, ct);
            if (line.SharePercent is not { } share || !Domain.Centers.Shares.IsValidPercent(share))
            {
                Add("ledger.share_invalid", field, line.SharePercent?.ToString() ?? string.Empty);
                continue;
            }

            if (org is null)
            {
                continue;
            }

            if (shares.Any(s => s.OrganizationId == org.Id))
            {
                Add("ledger.organization_twice", field, org.Name);
            }
            else if (from is { } day && !WasMemberSince(org.Id, day))
            {
                Add("ledger.not_a_member", field, org.Name);
            }
            else
            {
                shares.Add(new ShareOf(org.Id, share));
            }
        }

        if (Errors.Count == before && !Domain.Centers.Shares.TotalsWhole(shares.Select(s => s.SharePercent)))
        {
            Add("ledger.shares_total", field, shares.Sum(s => s.SharePercent));
        }

        return shares;
    }
}
