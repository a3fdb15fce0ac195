using System.Security.Cryptography;
using System.Text;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCenter.Web.Features.Experts;

/// <summary>
/// Expert onboarding (专家账号邀请): an Admin invites pool experts; each gets a mail, in the language chosen for them,
/// with a single-use link that expires; using it sets a password and makes a sign-in with the Expert role, linked to the
/// pool record. Only the SHA-256 of the link's token is stored.
/// </summary>
public sealed class ExpertInvitationHandlers(
    AppDbContext db,
    CurrentUser user,
    TimeProvider clock,
    Bilingual bilingual,
    PublicLinks links,
    UserManager<AppUser> users,
    IOptions<ExpertInvitationOptions> options)
{
    public const string AcceptPath = "/Experts/AcceptInvitation";

    public static readonly IReadOnlyList<string> Cultures = ["zh-CN", "en-US"];

    private ExpertInvitationOptions Options => options.Value;

    /// <summary>Invites (or re-invites) each expert; experts who cannot be invited are reported, not fatal to the others.</summary>
    public async Task<Result<InviteReport>> InviteAsync(InviteRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var ids = (request.ExpertIds ?? []).Distinct().ToList();
        var errors = new List<Error>();
        if (ids.Count == 0)
        {
            errors.Add(new Error("experts.invite.none_selected", "expertIds"));
        }
        else if (ids.Count > Options.MaxPerRun)
        {
            errors.Add(new Error("experts.invite.too_many", "expertIds", Options.MaxPerRun));
        }

        if (request.Culture is null || !Cultures.Contains(request.Culture))
        {
            errors.Add(new Error("experts.invite.culture_unknown", "culture"));
        }

        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && ids.Count > 1)
        {
            errors.Add(new Error("experts.invite.email_only_for_one", "email"));
        }
        else if (email is not null && !LooksLikeEmail(email))
        {
            errors.Add(new Error("identity.invalid_email", "email"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var experts = await db.Experts.Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        if (experts.Count != ids.Count)
        {
            return Failure.NotFound("experts.not_found");
        }

        var invitations = await db.ExpertInvitations.Where(i => ids.Contains(i.ExpertId)).ToDictionaryAsync(i => i.ExpertId, ct);
        var addresses = experts.Select(e => (email ?? e.Email)?.Trim().ToUpperInvariant()).OfType<string>().ToList();
        var taken = await db.Users.Where(u => u.NormalizedEmail != null && addresses.Contains(u.NormalizedEmail))
            .Select(u => u.NormalizedEmail!).ToListAsync(ct);

        var now = clock.GetUtcNow();
        var expires = now.AddDays(Options.ValidDays);
        var invited = new List<Guid>();
        var skipped = new List<InviteSkip>();
        foreach (var expert in experts.OrderBy(e => e.Name))
        {
            var to = email ?? expert.Email;
            var existing = invitations.GetValueOrDefault(expert.Id);
            var reason = expert.UserId is not null || existing?.Status == ExpertInvitationStatus.Accepted ? "experts.invite.has_account"
                : string.IsNullOrWhiteSpace(to) ? "experts.invite.no_email"
                : taken.Contains(to.Trim().ToUpperInvariant()) ? "experts.invite.email_taken"
                : null;
            if (reason is not null)
            {
                skipped.Add(new InviteSkip(expert.Id, expert.Name, reason));
                continue;
            }

            var token = NewToken();
            if (existing is null)
            {
                db.ExpertInvitations.Add(ExpertInvitation.Create(expert.Id, to!, request.Culture!, Hash(token), expires, user.Id, now));
            }
            else
            {
                existing.Resend(to!, request.Culture!, Hash(token), expires, user.Id, now);
            }

            Queue(to!, request.Culture!, expert.Name, token, expires, now);
            invited.Add(expert.Id);
        }

        if (!await SaveAsync(ct))
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        return new InviteReport(invited, skipped);
    }

    /// <summary>Sends a new link (the old one stops working), in the language and to the address of the last invitation.</summary>
    public async Task<Result<InviteReport>> ResendAsync(Guid expertId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var invitation = await db.ExpertInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.ExpertId == expertId, ct);
        if (invitation is null)
        {
            return Failure.NotFound("experts.invitation.not_found");
        }

        return await InviteAsync(new InviteRequest([expertId], invitation.Culture, invitation.Email), ct);
    }

    public async Task<Result<InvitationDto>> RevokeAsync(Guid expertId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var invitation = await db.ExpertInvitations.FirstOrDefaultAsync(i => i.ExpertId == expertId, ct);
        if (invitation is null)
        {
            return Failure.NotFound("experts.invitation.not_found");
        }

        var revoked = invitation.Revoke(clock.GetUtcNow());
        if (!revoked.IsSuccess)
        {
            return revoked.Failure!;
        }

        if (!await SaveAsync(ct))
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        return ToDto(expertId, invitation, hasAccount: false);
    }

    /// <summary>The invitation state of each expert; an expert with a sign-in made by hand counts as accepted.</summary>
    public async Task<IReadOnlyDictionary<Guid, InvitationDto>> StatesAsync(IReadOnlyCollection<Guid> expertIds, CancellationToken ct)
    {
        var ids = expertIds.ToList();
        var invitations = await db.ExpertInvitations.AsNoTracking().Where(i => ids.Contains(i.ExpertId)).ToDictionaryAsync(i => i.ExpertId, ct);
        var withAccount = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id) && e.UserId != null).Select(e => e.Id).ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id => ToDto(id, invitations.GetValueOrDefault(id), withAccount.Contains(id)));
    }

    public async Task<Result<InvitationDto>> GetAsync(Guid expertId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (!await db.Experts.AnyAsync(e => e.Id == expertId, ct))
        {
            return Failure.NotFound("experts.not_found");
        }

        return (await StatesAsync([expertId], ct))[expertId];
    }

    /// <summary>The invitations, filtered by state (the expiry is compared in the query), newest first.</summary>
    public async Task<PagedResult<InvitationRow>> ListAsync(string? state, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var now = clock.GetUtcNow();
        var q = db.ExpertInvitations.AsNoTracking();
        if (!user.IsAdmin)
        {
            q = q.Where(_ => false);
        }

        q = Enum.TryParse<ExpertInvitationState>(state, true, out var wanted) ? wanted switch
        {
            ExpertInvitationState.Invited => q.Where(i => i.Status == ExpertInvitationStatus.Pending && i.ExpiresAt > now),
            ExpertInvitationState.Expired => q.Where(i => i.Status == ExpertInvitationStatus.Pending && i.ExpiresAt <= now),
            ExpertInvitationState.Accepted => q.Where(i => i.Status == ExpertInvitationStatus.Accepted),
            ExpertInvitationState.Revoked => q.Where(i => i.Status == ExpertInvitationStatus.Revoked),
            _ => q.Where(_ => false),
        } : q;

        var total = await q.CountAsync(ct);
        var rows = await (from i in q
                          join e in db.Experts on i.ExpertId equals e.Id
                          orderby i.SentAt descending, i.Id
                          select new { Invitation = i, e.Name, e.AffiliationName })
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<InvitationRow>(
            rows.Select(r => new InvitationRow(r.Name, r.AffiliationName, ToDto(r.Invitation.ExpertId, r.Invitation, false))).ToList(), p, size, total);
    }

    /// <summary>For the anonymous page: whose invitation a link is, if it can still be used. Every other case is one answer.</summary>
    public async Task<Result<InvitationPreview>> PreviewAsync(string? token, CancellationToken ct)
    {
        var invitation = await FindUsableAsync(token, ct);
        if (invitation is null)
        {
            return Failure.Validation(new Error("experts.invitation.link_invalid", "token"));
        }

        var name = await db.Experts.AsNoTracking().Where(e => e.Id == invitation.ExpertId).Select(e => e.Name).FirstAsync(ct);
        return new InvitationPreview(name, invitation.Email, invitation.Culture, invitation.ExpiresAt);
    }

    /// <summary>Uses the link once: makes the sign-in with the chosen password and links it to the pool record, all or nothing.</summary>
    public async Task<Result<Guid>> AcceptAsync(AcceptInvitationRequest request, CancellationToken ct)
    {
        var invitation = await FindUsableAsync(request.Token, ct);
        if (invitation is null)
        {
            return Failure.Validation(new Error("experts.invitation.link_invalid", "token"));
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return Failure.Validation(new Error("validation.required", "password"));
        }

        if (request.Password != request.ConfirmPassword)
        {
            return Failure.Validation(new Error("experts.invitation.passwords_differ", "confirmPassword"));
        }

        var expert = await db.Experts.FirstAsync(e => e.Id == invitation.ExpertId, ct);
        if (expert.UserId is not null)
        {
            return Failure.Validation(new Error("experts.invitation.link_invalid", "token"));
        }

        var now = clock.GetUtcNow();
        var account = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = expert.Name,
            IsActive = true,
            CreatedAt = now,
            PreferredCulture = invitation.Culture,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(account, request.Password);
        if (!created.Succeeded)
        {
            return Failure.Validation(created.Errors.Select(e => e.Code.StartsWith("Password", StringComparison.Ordinal)
                ? new Error("identity.raw", "password", e.Description)
                : new Error("experts.invitation.email_taken", "token")));
        }

        var role = await users.AddToRoleAsync(account, Roles.Expert);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException("The Expert role could not be granted: " + string.Join("; ", role.Errors.Select(e => e.Description)));
        }

        var accepted = invitation.Accept(account.Id, now);
        if (!accepted.IsSuccess)
        {
            return accepted.Failure!;
        }

        expert.LinkAccount(account.Id, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsLostRace())
        {
            // The same link used twice at once: the invitation's version (or the expert's unique sign-in) kept the first.
            return Failure.Validation(new Error("experts.invitation.link_invalid", "token"));
        }

        await tx.CommitAsync(ct);
        return account.Id;
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<ExpertInvitation?> FindUsableAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token.Trim());
        var invitation = await db.ExpertInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation?.StateAt(clock.GetUtcNow()) == ExpertInvitationState.Invited ? invitation : null;
    }

    private void Queue(string to, string culture, string name, string token, DateTimeOffset expires, DateTimeOffset now)
    {
        var link = links.Absolute($"{AcceptPath}?token={Uri.EscapeDataString(token)}");
        var until = expires.ToBeijing("yyyy-MM-dd HH:mm");
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = to,
            Subject = bilingual.In(culture, "experts.invitation.mail_subject"),
            Body = bilingual.In(culture, "experts.invitation.mail_body", name, link, until),
            CreatedAt = now,
        });
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsLostRace())
        {
            return false;
        }
    }

    private InvitationDto ToDto(Guid expertId, ExpertInvitation? i, bool hasAccount)
    {
        var state = i?.StateAt(clock.GetUtcNow()) ?? (hasAccount ? ExpertInvitationState.Accepted : ExpertInvitationState.NotInvited);
        if (hasAccount)
        {
            state = ExpertInvitationState.Accepted;
        }

        return new InvitationDto(expertId, state.ToString(), i?.Email, i?.Culture, i?.SentAt, i?.ExpiresAt, i?.SendCount ?? 0, i?.AcceptedAt);
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool LooksLikeEmail(string s) =>
        s.Length <= FieldLengths.Email && System.Net.Mail.MailAddress.TryCreate(s, out var a) && a.Address == s;
}
