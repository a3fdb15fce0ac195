using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Account;

public sealed record TokenRequest(string? Name, int? ExpiresInDays);

public sealed record TokenDto(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The token itself is returned once, at creation; afterwards only its hint is known.</summary>
public sealed record TokenCreated(TokenDto Token, string Secret);

public sealed record MeDto(Guid Id, string Email, string DisplayName, Guid? OrganizationId, IReadOnlyList<string> Roles);

/// <summary>A user's own personal access tokens, for integration clients.</summary>
public sealed class TokenHandlers(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxExpiryDays = 366;

    public async Task<IReadOnlyList<TokenDto>> ListAsync(CancellationToken ct)
    {
        var me = user.Id ?? Guid.Empty;
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == me)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenDto(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct);
    }

    public async Task<Result<TokenCreated>> CreateAsync(TokenRequest request, CancellationToken ct)
    {
        if (user.Id is not { } me)
        {
            return Failure.Forbidden();
        }

        var errors = new List<Error>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new Error("validation.required", "name"));
        }
        else if (name.Length > FieldLengths.TokenName)
        {
            errors.Add(new Error("validation.too_long", "name", FieldLengths.TokenName));
        }

        if (request.ExpiresInDays is { } days && (days < 1 || days > MaxExpiryDays))
        {
            errors.Add(new Error("validation.range", "expiresInDays", 1, MaxExpiryDays));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var now = clock.GetUtcNow();
        var secret = PersonalAccessToken.NewSecret();
        var token = new PersonalAccessToken
        {
            UserId = me,
            Name = name!,
            TokenHash = PersonalAccessToken.HashOf(secret),
            Hint = secret[..8],
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ExpiresInDays ?? 90),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new TokenCreated(
            new TokenDto(token.Id, token.Name, token.Hint, token.CreatedAt, token.ExpiresAt, null, null), secret);
    }

    public async Task<Result<TokenDto>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var me = user.Id ?? Guid.Empty;
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == me, ct);
        if (token is null)
        {
            return Failure.NotFound("token.not_found");
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new TokenDto(token.Id, token.Name, token.Hint, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt);
    }
}
