using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Outbox;

public sealed record OutboxFilter
{
    /// <summary>Pending, Sent or Dead; empty for all.</summary>
    public string? State { get; init; }

    /// <summary>Part of the recipient's address.</summary>
    public string? Recipient { get; init; }

    /// <summary>Queued on or after this Beijing date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Queued on or before this Beijing date.</summary>
    public DateOnly? To { get; init; }

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>
/// One mail as the Admin sees it. The body is left out on purpose: it can hold a password-reset link, which is for the
/// recipient's eyes only.
/// </summary>
public sealed record OutboxRow(
    Guid Id, string To, string Subject, string Culture, string State, string StateLabel, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>The outbox for the programme officers: what went out, what waits, what failed, and sending a mail again.</summary>
public sealed class OutboxHandlers(AppDbContext db, Text text)
{
    public async Task<Result<PagedResult<OutboxRow>>> ListAsync(OutboxFilter f, CancellationToken ct)
    {
        var q = db.OutboxEmails.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            if (!Enum.TryParse<OutboxState>(f.State, ignoreCase: true, out var state))
            {
                return Failure.Validation(new Error("outbox.state_unknown", "state", f.State));
            }

            q = q.Where(m => m.State == state);
        }

        if (!string.IsNullOrWhiteSpace(f.Recipient))
        {
            var s = f.Recipient.Trim();
            q = q.Where(m => m.To.Contains(s));
        }

        if (f.From is { } from)
        {
            var start = BeijingMidnight(from);
            q = q.Where(m => m.CreatedAt >= start);
        }

        if (f.To is { } to)
        {
            var end = BeijingMidnight(to.AddDays(1));
            q = q.Where(m => m.CreatedAt < end);
        }

        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size)
            .Select(m => new { m.Id, m.To, m.Subject, m.Culture, m.State, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError })
            .ToListAsync(ct);
        return new PagedResult<OutboxRow>(
            rows.Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.Culture, m.State.ToString(), StateLabel(m.State), m.Attempts,
                m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError)).ToList(),
            page, size, total);
    }

    /// <summary>Queues a dead or already sent mail again; a pending one is already waiting, so that is refused.</summary>
    public async Task<Result<OutboxRow>> ResendAsync(Guid id, CancellationToken ct)
    {
        var mail = await db.OutboxEmails.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null)
        {
            return Failure.NotFound("outbox.not_found");
        }

        if (mail.State == OutboxState.Pending)
        {
            return Failure.IllegalTransition("outbox.already_pending");
        }

        mail.Resend();
        await db.SaveChangesAsync(ct);
        return new OutboxRow(mail.Id, mail.To, mail.Subject, mail.Culture, mail.State.ToString(), StateLabel(mail.State), mail.Attempts,
            mail.CreatedAt, mail.SentAt, mail.NextAttemptAt, mail.LastError);
    }

    public string StateLabel(OutboxState state) => text[$"outbox.state.{state}"];

    private static DateTimeOffset BeijingMidnight(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), LocalizationSetup.Beijing.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
}
