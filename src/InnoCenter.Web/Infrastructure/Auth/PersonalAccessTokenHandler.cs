using System.Text.Encodings.Web;
using InnoCenter.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer ict_…</c> against the stored hashes of personal access tokens.</summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
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
        var pat = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (pat is null || !pat.IsUsable(now))
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == pat.UserId, Context.RequestAborted);
        if (user is null || !user.IsActive || (user.LockoutEnd is { } end && end > now))
        {
            return AuthenticateResult.Fail("The token's user cannot sign in.");
        }

        // Recording every use would make each API read a write; a day's resolution is enough to spot stale tokens.
        if (pat.LastUsedAt is null || now - pat.LastUsedAt > TimeSpan.FromDays(1))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == pat.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await claimsFactory.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
