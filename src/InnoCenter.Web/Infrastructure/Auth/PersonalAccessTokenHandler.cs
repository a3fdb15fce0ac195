using System.Text.Encodings.Web;
using InnoCenter.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer ict_…</c> against the stored hashes of personal access tokens.</summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a personal access token.");
        }

        var hash = PersonalAccessToken.HashOf(token);
        var now = clock.GetUtcNow();
        // The token and its owner in one round trip; both are checked on every request, so a revoked token, an
        // expired one or a deactivated or locked-out owner is refused at once.
        var found = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var pat = found?.Token;
        if (pat is null || !pat.IsUsable(now))
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var user = found!.User;
        if (!user.IsActive || (user.LockoutEnd is { } end && end > now))
        {
            return AuthenticateResult.Fail("The token's user cannot sign in.");
        }

        // Recording every use would make each API read a write; a day's resolution is enough to spot stale tokens.
        if (pat.LastUsedAt is null || now - pat.LastUsedAt > TimeSpan.FromDays(1))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == pat.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        // Building the claims costs four more queries (user claims, roles, each role and its claims). Every change to
        // an account through Identity (roles, activation, profile) renews its concurrency stamp, so claims cached under
        // the stamp are never stale; each request gets its own copy.
        var key = $"pat-claims:{user.Id:N}:{user.ConcurrencyStamp}:{user.SecurityStamp}";
        var principal = await cache.GetOrCreateAsync(key, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(5);
            return claimsFactory.CreateAsync(user);
        });
        return AuthenticateResult.Success(new AuthenticationTicket(principal!.Clone(), SchemeName));
    }
}
