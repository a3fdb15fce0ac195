using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Infrastructure.Localization;

/// <summary>Identity's refusals (password rules, duplicate e-mail) in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Make(nameof(PasswordTooShort), t["identity.password_too_short", length]);

    public override IdentityError PasswordRequiresDigit() => Make(nameof(PasswordRequiresDigit), t["identity.password_requires_digit"]);

    public override IdentityError PasswordRequiresLower() => Make(nameof(PasswordRequiresLower), t["identity.password_requires_lower"]);

    public override IdentityError PasswordRequiresUpper() => Make(nameof(PasswordRequiresUpper), t["identity.password_requires_upper"]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Make(nameof(PasswordRequiresNonAlphanumeric), t["identity.password_requires_symbol"]);

    public override IdentityError PasswordMismatch() => Make(nameof(PasswordMismatch), t["identity.password_mismatch"]);

    public override IdentityError DuplicateEmail(string email) => Make(nameof(DuplicateEmail), t["identity.duplicate_email", email]);

    public override IdentityError DuplicateUserName(string userName) => Make(nameof(DuplicateUserName), t["identity.duplicate_email", userName]);

    public override IdentityError InvalidEmail(string? email) => Make(nameof(InvalidEmail), t["identity.invalid_email", email ?? string.Empty]);

    public override IdentityError InvalidUserName(string? userName) => Make(nameof(InvalidUserName), t["identity.invalid_email", userName ?? string.Empty]);

    private static IdentityError Make(string code, string description) => new() { Code = code, Description = description };
}
