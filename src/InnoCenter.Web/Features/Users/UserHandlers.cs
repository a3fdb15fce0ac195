using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Mail;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Users;

public sealed record RegistrationRequest(string? Email, string? DisplayName, string? Password, string? CreditCode, string? Role)
{
    /// <summary>The language of the user's mails (zh-CN or en-US); the language of the request when left out.</summary>
    public string? PreferredCulture { get; init; }
}

public sealed record UserCreateRequest(string? Email, string? DisplayName, string? Password, string? Role, Guid? OrganizationId)
{
    /// <summary>The language of the user's mails (zh-CN or en-US); the language of the request when left out.</summary>
    public string? PreferredCulture { get; init; }
}

public sealed record UserActivation(string? Role);

public sealed record UserDto(
    Guid Id, string Email, string DisplayName, bool IsActive, string? RequestedRole, IReadOnlyList<string> Roles,
    Guid? OrganizationId, string? OrganizationName, string? OrganizationCreditCode, DateTimeOffset CreatedAt, bool LockedOut,
    string PreferredCulture);

public sealed record UserFilter
{
    /// <summary>True: only accounts waiting for verification.</summary>
    public bool? Pending { get; init; }

    public string? Search { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>
/// Accounts: self-registration by organisation staff (inactive until verified), and the Admin's verification,
/// creation and deactivation of accounts. Nobody acts for an organisation an Admin has not bound them to.
/// </summary>
public sealed class UserHandlers(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IConfiguration config)
{
    public async Task<Result<UserDto>> RegisterAsync(RegistrationRequest r, CancellationToken ct)
    {
        var errors = CommonChecks(r.Email, r.DisplayName, r.Password, r.PreferredCulture);
        if (string.IsNullOrWhiteSpace(r.Role) || !Roles.SelfRegistrable.Contains(r.Role))
        {
            errors.Add(new Error("user.role_not_registrable", "role"));
        }

        Organization? org = null;
        if (!Uscc.TryParse(r.CreditCode, out var code, out var codeError))
        {
            errors.Add(new Error(codeError!, "creditCode"));
        }
        else
        {
            org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.CreditCode == code.Value, ct);
            if (org is null)
            {
                errors.Add(new Error("registration.organization_unknown", "creditCode", code.Value));
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var user = NewUser(r.Email!, r.DisplayName!, org!.Id, active: false, r.PreferredCulture);
        user.RequestedRole = r.Role;
        return await CreateAsync(user, r.Password!, role: null, ct);
    }

    public async Task<Result<UserDto>> CreateByAdminAsync(UserCreateRequest r, CancellationToken ct)
    {
        var errors = CommonChecks(r.Email, r.DisplayName, r.Password, r.PreferredCulture);
        if (string.IsNullOrWhiteSpace(r.Role) || !Roles.All.Contains(r.Role))
        {
            errors.Add(new Error("user.role_unknown", "role"));
        }
        else if (r.Role is Roles.CenterUser or Roles.MemberUser && r.OrganizationId is null)
        {
            errors.Add(new Error("user.organization_required", "organizationId"));
        }

        if (r.OrganizationId is { } orgId && !await db.Organizations.AnyAsync(o => o.Id == orgId, ct))
        {
            errors.Add(new Error("organization.not_found", "organizationId"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return await CreateAsync(NewUser(r.Email!, r.DisplayName!, r.OrganizationId, active: true, r.PreferredCulture), r.Password!, r.Role, ct);
    }

    public async Task<PagedResult<UserDto>> ListAsync(UserFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = db.Users.AsNoTracking();
        if (f.Pending == true)
        {
            q = q.Where(u => !u.IsActive && u.RequestedRole != null);
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            q = q.Where(u => u.Email!.Contains(s) || u.DisplayName.Contains(s));
        }

        var total = await q.CountAsync(ct);
        // A left join on the organisation's key: a FirstOrDefault() projection here became a ROW_NUMBER() over every
        // organisation on each request.
        var page1 = await (
                from u in q.OrderBy(u => u.IsActive).ThenByDescending(u => u.CreatedAt).Skip((page - 1) * size).Take(size)
                join o in db.Organizations on u.OrganizationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                orderby u.IsActive, u.CreatedAt descending
                select new { User = u, Org = o == null ? null : new { o.Name, o.CreditCode } })
            .ToListAsync(ct);
        var ids = page1.Select(x => x.User.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = page1.Select(x => ToDto(
            x.User,
            roles.Where(r => r.UserId == x.User.Id).Select(r => r.Name!).ToList(),
            x.Org?.Name,
            x.Org?.CreditCode,
            now)).ToList();
        return new PagedResult<UserDto>(items, page, size, total);
    }

    /// <summary>Verifies an account for the organisation it registered with, granting the role it asked for (or another the Admin picks).</summary>
    public async Task<Result<UserDto>> ActivateAsync(Guid id, UserActivation a, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Failure.NotFound("user.not_found");
        }

        var role = string.IsNullOrWhiteSpace(a.Role) ? user.RequestedRole : a.Role;
        if (role is null || !Roles.All.Contains(role))
        {
            return Failure.Validation(new Error("user.role_unknown", "role"));
        }

        if (role is Roles.CenterUser or Roles.MemberUser && user.OrganizationId is null)
        {
            return Failure.Validation(new Error("user.organization_required", "organizationId"));
        }

        if (!Duties.MayAdd(await users.GetRolesAsync(user), role, Duties.Combined(config)))
        {
            return Failure.Validation(new Error("security.duty_conflict", "role"));
        }

        user.IsActive = true;
        user.RequestedRole = null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return await DtoAsync(user, ct);
    }

    public async Task<Result<UserDto>> DeactivateAsync(Guid id, Guid actingAdmin, CancellationToken ct)
    {
        if (id == actingAdmin)
        {
            return Failure.Validation(new Error("user.cannot_deactivate_self"));
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Failure.NotFound("user.not_found");
        }

        user.IsActive = false;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        // A new stamp ends the sessions the account already has.
        await users.UpdateSecurityStampAsync(user);
        return await DtoAsync(user, ct);
    }

    private async Task<Result<UserDto>> CreateAsync(AppUser user, string password, string? role, CancellationToken ct)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Failure.Validation(created.Errors.Select(e => new Error("identity.raw", FieldOf(e.Code), e.Description)));
        }

        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }

        return await DtoAsync(user, ct);
    }

    private async Task<UserDto> DtoAsync(AppUser user, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        var org = user.OrganizationId is { } oid
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == oid).Select(o => new { o.Name, o.CreditCode }).FirstOrDefaultAsync(ct)
            : null;
        return ToDto(user, roles.ToList(), org?.Name, org?.CreditCode, clock.GetUtcNow());
    }

    private AppUser NewUser(string email, string name, Guid? org, bool active, string? culture) => new()
    {
        PreferredCulture = string.IsNullOrWhiteSpace(culture)
            ? LocalizationSetup.IsEnglish ? LocalizationSetup.English : LocalizationSetup.Chinese
            : MailComposer.CultureOf(culture),
        Id = Guid.CreateVersion7(),
        UserName = email.Trim(),
        Email = email.Trim(),
        DisplayName = name.Trim(),
        OrganizationId = org,
        IsActive = active,
        EmailConfirmed = active,
        CreatedAt = clock.GetUtcNow(),
    };

    private static List<Error> CommonChecks(string? email, string? name, string? password, string? culture)
    {
        var errors = new List<Error>();
        if (Account.AccountRecovery.CultureError(culture) is { } cultureError)
        {
            errors.Add(cultureError);
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add(new Error("validation.required", "email"));
        }
        else if (email.Length > FieldLengths.Email || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
        {
            errors.Add(new Error("identity.invalid_email", "email", email));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new Error("validation.required", "displayName"));
        }
        else if (name.Trim().Length > FieldLengths.PersonName)
        {
            errors.Add(new Error("validation.too_long", "displayName", FieldLengths.PersonName));
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new Error("validation.required", "password"));
        }

        return errors;
    }

    private static string FieldOf(string identityCode) =>
        identityCode.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email";

    private static UserDto ToDto(AppUser u, IReadOnlyList<string> roles, string? orgName, string? orgCode, DateTimeOffset now) =>
        new(u.Id, u.Email ?? string.Empty, u.DisplayName, u.IsActive, u.RequestedRole, roles, u.OrganizationId, orgName, orgCode,
            u.CreatedAt, u.LockoutEnd is { } end && end > now, MailComposer.CultureOf(u.PreferredCulture));
}
