using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Notices;

/// <summary>
/// The public notice (公示): objections from anyone while the window is open, their resolution by an Admin, and the
/// closing of windows that have ended — the step that grants the title and creates the Center. The application's
/// Admin page resolves objections through <see cref="IObjectionResolution"/>, which Applications owns, so the arrow
/// runs from Notices to Applications only.
/// </summary>
public sealed class NoticeHandlers(
    AppDbContext db,
    CurrentUser user,
    PolicyVersions versions,
    Notifier notifier,
    ICenterFounding founding,
    TimeProvider clock,
    Text text,
    ILogger<NoticeHandlers> logger) : IObjectionResolution
{
    public DateOnly Today => clock.TodayInBeijing();

    public async Task<Result<Guid>> FileObjectionAsync(Guid applicationId, ObjectionRequest r, CancellationToken ct)
    {
        // A filled honeypot is a bot: refuse without saying why, and keep nothing.
        if (!string.IsNullOrEmpty(r.Website))
        {
            return Failure.Validation(new Error("objections.refused"));
        }

        var errors = new List<Error>();
        Checks.Required(r.Name, FieldLengths.PersonName, "name", errors);
        Checks.Required(r.Contact, FieldLengths.Email, "contact", errors);
        Checks.Required(r.Content, FieldLengths.LongText, "content", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null || app.Status != ApplicationStatus.PublicNotice)
        {
            return Failure.NotFound("notices.not_found");
        }

        // The notice is public from the decision; its working days are counted from the next working day, and
        // objections are taken until the last of them.
        var today = Today;
        if (app.NoticeEndsOn < today)
        {
            return Failure.IllegalTransition("objections.window_closed", app.NoticeStartsOn!.Value.ToString("yyyy-MM-dd"), app.NoticeEndsOn!.Value.ToString("yyyy-MM-dd"));
        }

        var objection = Objection.File(app.Id, r.Name!, r.Contact!, r.Content!, clock.GetUtcNow());
        db.Objections.Add(objection);
        await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "objections.notify.filed", $"/Applications/Details/{app.Id}", ct, app.CenterName);
        await db.SaveChangesAsync(ct);
        return objection.Id;
    }

    /// <summary>Upheld sends the application back to deliberation; dismissed needs a reason.</summary>
    public async Task<Result<ApplicationStatus>> ResolveObjectionAsync(Guid objectionId, ObjectionResolution r, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null)
        {
            return Failure.NotFound("objections.not_found");
        }

        var app = await db.Applications.Include(a => a.Events).FirstAsync(a => a.Id == objection.ApplicationId, ct);
        var resolved = objection.Resolve(r.Upheld, r.Reason, user.Id!.Value, clock.GetUtcNow());
        if (!resolved.IsSuccess)
        {
            return resolved.Failure!;
        }

        if (r.Upheld)
        {
            var moved = app.UpholdObjection(new Actor(ApplicationActor.Admin, user.Id, user.Name), clock.GetUtcNow(), r.Reason ?? objection.Content);
            if (!moved.IsSuccess)
            {
                return ApplicationLabels.Refusal(text, moved.Failure!);
            }

            var applicants = await Recipients.StaffOfAsync(db, app.LeadOrganizationId, ct);
            await notifier.NotifyAsync(applicants, "objections.notify.upheld", $"/Applications/Details/{app.Id}", ct, app.CenterName);
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return app.Status;
    }

    /// <summary>
    /// Closes every notice whose window ended before <paramref name="today"/> with no objection pending or upheld:
    /// approval and plaque numbers, the Center, notifications — one transaction per application. Idempotent: an
    /// application already closed is no longer in PublicNotice, so a second run finds nothing to do.
    /// </summary>
    public async Task<int> CloseDueNoticesAsync(DateOnly today, CancellationToken ct)
    {
        var due = await db.Applications
            .Where(a => a.Status == ApplicationStatus.PublicNotice && a.NoticeEndsOn < today)
            .Where(a => !db.Objections.Any(o => o.ApplicationId == a.Id && o.Status == ObjectionStatus.Pending))
            .Select(a => a.Id)
            .ToListAsync(ct);
        var closed = 0;
        foreach (var id in due)
        {
            if (await CloseOneAsync(id, today, ct))
            {
                closed++;
            }
        }

        return closed;
    }

    private async Task<bool> CloseOneAsync(Guid id, DateOnly today, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var app = await db.Applications.Include(a => a.Members).Include(a => a.Events).FirstAsync(a => a.Id == id, ct);
        var rules = (await versions.ForCaseAsync(app.PolicyCode, app.PolicyVersion, ct)).Applications;
        var seq = await NextSequenceAsync(today.Year, ct);
        var closed = app.CloseNotice(
            clock.GetUtcNow(), today,
            ApplicationRules.FormatNumber(rules.ApprovalNumberFormat, today.Year, seq),
            ApplicationRules.FormatNumber(rules.PlaqueNumberFormat, today.Year, seq));
        if (!closed.IsSuccess)
        {
            return false;
        }

        var center = await founding.FoundAsync(app, ct);
        if (!center.IsSuccess)
        {
            logger.LogError("Notice of application {Id} ended but its center could not be created: {Errors}", id, string.Join(", ", center.Failure!.Errors));
            return false;
        }

        var applicants = await Recipients.StaffOfAsync(db, app.LeadOrganizationId, ct);
        await notifier.NotifyAsync(applicants.Concat(await Recipients.AdminsAsync(db, ct)), "applications.notify.approved", $"/Applications/Details/{app.Id}", ct, app.CenterName, app.ApprovalNumber!);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // Another node closed it first (the numbers and the status are guarded): nothing is lost, nothing doubled.
            logger.LogWarning(ex, "Closing the notice of application {Id} lost a race", id);
            return false;
        }
    }

    /// <summary>The next number in the year's series; the job holds the lease, so no two nodes number at once.</summary>
    private async Task<int> NextSequenceAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Applications.CountAsync(a => a.ApprovedOn >= from && a.ApprovedOn <= to, ct) + 1;
    }
}
