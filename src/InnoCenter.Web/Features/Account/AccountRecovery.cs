using System.Text;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace InnoCenter.Web.Features.Account;

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(Guid? UserId, string? Token, string? NewPassword);

public sealed record EmailChangeRequest(string? NewEmail);

public sealed record EmailChangeConfirmation(Guid? UserId, string? Email, string? Token);

public sealed record PreferencesRequest(string? PreferredCulture);

public sealed record PreferencesDto(string Email, string PreferredCulture);

/// <summary>
/// Accounts that look after themselves: a forgotten password reset by mail (Identity's reset token: single use, because
/// using it changes the security stamp, and expiring after <c>Security:ResetTokenHours</c>), a change of address
/// confirmed from the new address, and the language of one's mails.
/// </summary>
public sealed class AccountRecovery(AppDbContext db, UserManager<AppUser> users, MailComposer mail, Bilingual bilingual, IConfiguration config)
{
    /// <summary>
    /// Sends a reset link to an active account with that address. The caller gets the same answer whether or not the
    /// address exists, so nobody can learn who has an account here.
    /// </summary>
    public async Task<Result<bool>> RequestResetAsync(ForgotPasswordRequest r, CancellationToken ct)
    {
        if (EmailError(r.Email, "email") is { } invalid)
        {
            return Failure.Validation(invalid);
        }

        var user = await users.FindByEmailAsync(r.Email!.Trim());
        if (user is { IsActive: true, Email: not null })
        {
            var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
            var culture = MailComposer.CultureOf(user.PreferredCulture);
            mail.Queue(user.Email, culture, bilingual.In(culture, "account.reset.mail_subject"),
                bilingual.In(culture, "account.reset.mail_text", TokenHours(config)),
                $"/Account/ResetPassword?userId={user.Id}&token={token}");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    public async Task<Result<bool>> ResetAsync(ResetPasswordRequest r, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (string.IsNullOrEmpty(r.NewPassword))
        {
            errors.Add(new Error("validation.required", "newPassword"));
        }

        if (r.UserId is null || string.IsNullOrWhiteSpace(r.Token))
        {
            errors.Add(new Error("account.reset.invalid_token"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var user = await users.FindByIdAsync(r.UserId!.Value.ToString());
        if (user is not { IsActive: true } || Decode(r.Token!) is not { } token)
        {
            return Failure.Validation(new Error("account.reset.invalid_token"));
        }

        // A reset does not open a locked account early: the lockout runs its course, and wrong tokens count towards it.
        if (await users.IsLockedOutAsync(user))
        {
            return Failure.Validation(new Error("login.locked_out"));
        }

        var result = await users.ResetPasswordAsync(user, token, r.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                await users.AccessFailedAsync(user);
                return Failure.Validation(new Error("account.reset.invalid_token"));
            }

            return Failure.Validation(result.Errors.Select(e => new Error("identity.raw", "newPassword", e.Description)));
        }

        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    /// <summary>Mails a confirmation link to the new address; the address changes only when that link is used.</summary>
    public async Task<Result<bool>> RequestEmailChangeAsync(Guid userId, EmailChangeRequest r, CancellationToken ct)
    {
        if (EmailError(r.NewEmail, "newEmail") is { } invalid)
        {
            return Failure.Validation(invalid);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Failure.NotFound("user.not_found");
        }

        var email = r.NewEmail!.Trim();
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Validation(new Error("account.email.same", "newEmail"));
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return Failure.Validation(new Error("account.email.taken", "newEmail"));
        }

        var token = Encode(await users.GenerateChangeEmailTokenAsync(user, email));
        var culture = MailComposer.CultureOf(user.PreferredCulture);
        mail.Queue(email, culture, bilingual.In(culture, "account.email.mail_subject"),
            bilingual.In(culture, "account.email.mail_text", user.DisplayName, TokenHours(config)),
            $"/Account/ConfirmEmail?userId={user.Id}&email={Uri.EscapeDataString(email)}&token={token}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Changes the address (and the sign-in name, which is the address) once the link from the new address is used.</summary>
    public async Task<Result<string>> ConfirmEmailChangeAsync(EmailChangeConfirmation c, CancellationToken ct)
    {
        if (c.UserId is null || string.IsNullOrWhiteSpace(c.Email) || string.IsNullOrWhiteSpace(c.Token) || Decode(c.Token) is not { } token)
        {
            return Failure.Validation(new Error("account.email.invalid_token"));
        }

        var user = await users.FindByIdAsync(c.UserId.Value.ToString());
        if (user is null)
        {
            return Failure.Validation(new Error("account.email.invalid_token"));
        }

        var email = c.Email.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
        {
            return Failure.Validation(new Error(
                changed.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail)) ? "account.email.taken" : "account.email.invalid_token"));
        }

        var renamed = await users.SetUserNameAsync(user, email);
        if (!renamed.Succeeded)
        {
            return Failure.Validation(new Error("account.email.taken"));
        }

        await tx.CommitAsync(ct);
        return email;
    }

    public async Task<Result<PreferencesDto>> PreferencesAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null
            ? Failure.NotFound("user.not_found")
            : new PreferencesDto(user.Email ?? string.Empty, MailComposer.CultureOf(user.PreferredCulture));
    }

    public async Task<Result<PreferencesDto>> SetPreferencesAsync(Guid userId, PreferencesRequest r, CancellationToken ct)
    {
        if (CultureError(r.PreferredCulture, required: true) is { } invalid)
        {
            return Failure.Validation(invalid);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Failure.NotFound("user.not_found");
        }

        user.PreferredCulture = MailComposer.CultureOf(r.PreferredCulture);
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded
            ? new PreferencesDto(user.Email ?? string.Empty, user.PreferredCulture)
            : Failure.Conflict(VersionedSave.ConcurrencyCode);
    }

    /// <summary>A supported mail language (zh-CN, en-US), or an error on <c>preferredCulture</c>; null passes unless required.</summary>
    public static Error? CultureError(string? culture, bool required = false) =>
        string.IsNullOrWhiteSpace(culture)
            ? required ? new Error("validation.required", "preferredCulture") : null
            : LocalizationSetup.Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase) ? null
            : new Error("account.culture_unknown", "preferredCulture", culture);

    public static int TokenHours(IConfiguration config) => Math.Clamp(config.GetValue("Security:ResetTokenHours", 2), 1, 72);

    private static Error? EmailError(string? email, string field) =>
        string.IsNullOrWhiteSpace(email) ? new Error("validation.required", field)
        : email.Length > FieldLengths.Email || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _) ? new Error("identity.invalid_email", field, email)
        : null;

    /// <summary>Identity's tokens hold '+', '/' and '='; base64url keeps them intact through a link.</summary>
    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class AccountRecoverySetup
{
    public static IServiceCollection AddAccountRecovery(this IServiceCollection services)
    {
        services.AddScoped<AccountRecovery>();
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IConfiguration>((o, config) => o.TokenLifespan = TimeSpan.FromHours(AccountRecovery.TokenHours(config)));
        return services;
    }
}
