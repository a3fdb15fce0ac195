using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reminders;

/// <summary>
/// The reminders and deadlines (催办提醒): stage overdue (to the officers), a returned application not answered (to the
/// applicant), an annual report due soon or overdue (to the center), an assignment not accepted or not scored (to the
/// expert). Each reminder is recorded with its notifications in one transaction, keyed by kind, subject and due date,
/// so running the job again — or on a second node — reminds nobody twice. Days come from the policy pack in force, but a
/// stage is overdue by the days of the pack version its application began under.
/// </summary>
public sealed class ReminderHandlers(
    AppDbContext db, JobLeases leases, Notifier notifier, PolicyProvider policy, ApplicationCaseRules caseRules, OverdueStatements statements, TimeProvider clock)
{
    public const string LeaseName = "reminders";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    /// <summary>One run; returns how many reminders went out. Nothing happens when another node holds the lease.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, ct))
        {
            return 0;
        }

        var pack = policy.Current;
        var now = clock.GetUtcNow();
        var sent = 0;
        sent += await StageOverdueAsync(now, ct);
        sent += await ReturnedUnansweredAsync(pack.Reminders, now, ct);
        sent += await ReportsAsync(pack.Reminders, clock.TodayInBeijing(), ct);
        sent += await AssignmentsAsync(pack.Reminders, now, ct);
        sent += await BookingsAsync(pack.Resources, now, ct);
        sent += await StatementsOverdueAsync(now, ct);
        await leases.ReleaseAsync(LeaseName, ct);
        return sent;
    }

    /// <summary>The applications the pipeline board marks overdue (by the stage days of the version each began under), to the programme officers.</summary>
    private async Task<int> StageOverdueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rules = await caseRules.LoadAsync(ct);
        var rows = await db.Applications.AsNoTracking().Where(ApplicationStageClocks.Overdue(db, now))
            .Select(a => new { a.Id, a.CenterName, a.Status, a.StatusChangedAt, a.PolicyCode, a.PolicyVersion })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        var admins = await Recipients.AdminsAsync(db, ct);
        return await SendAsync(ReminderKinds.StageOverdue, "reminders.stage_overdue", rows.Select(r =>
        {
            var days = rules.PackOf(r.PolicyCode, r.PolicyVersion).Applications.StageDays[r.Status.ToString()];
            return new Due(r.Id, r.StatusChangedAt.AddDays(days).BeijingDate(), admins, ApplicationLink(r.Id), [r.CenterName, days]);
        }).ToList(), now, ct);
    }

    /// <summary>Applications returned for revision and not resubmitted within the days, to the applicant's staff.</summary>
    private async Task<int> ReturnedUnansweredAsync(ReminderRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var limit = now.AddDays(-rules.ReturnedUnansweredDays);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.ReturnedForRevision && a.StatusChangedAt < limit)
            .Select(a => new { a.Id, a.CenterName, a.LeadOrganizationId, a.StatusChangedAt })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        var staff = await StaffByOrganizationAsync(rows.Select(r => r.LeadOrganizationId), ct);
        return await SendAsync(ReminderKinds.ReturnedUnanswered, "reminders.returned_unanswered", rows.Select(r => new Due(
            r.Id, r.StatusChangedAt.AddDays(rules.ReturnedUnansweredDays).BeijingDate(), staff.GetValueOrDefault(r.LeadOrganizationId, []),
            ApplicationLink(r.Id), [r.CenterName, rules.ReturnedUnansweredDays])).ToList(), now, ct);
    }

    /// <summary>Annual reports of an open cycle not yet filed: due within the days, or past the deadline; to the center's staff.</summary>
    private async Task<int> ReportsAsync(ReminderRules rules, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(rules.ReportDueDays);
        var rows = await (from r in db.AnnualReports.AsNoTracking()
                          join c in db.AssessmentCycles on r.CycleId equals c.Id
                          join center in db.Centers on r.CenterId equals center.Id
                          where c.Status == CycleStatus.Open
                                && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
                                && c.Deadline <= horizon
                          select new { r.Id, r.Year, c.Deadline, center.Name, center.LeadOrganizationId, center.LegalEntityOrganizationId })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        var staff = await CycleHandlers.StaffOfAsync(db, rows.Select(r => (r.LeadOrganizationId, r.LegalEntityOrganizationId)), ct);
        var now = clock.GetUtcNow();
        var due = rows.Where(r => r.Deadline >= today).Select(r => new Due(
            r.Id, r.Deadline, CycleHandlers.StaffFor(staff, r.LeadOrganizationId, r.LegalEntityOrganizationId), AssessmentLinks.Report(r.Id),
            [r.Name, r.Year, r.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)])).ToList();
        var overdue = rows.Where(r => r.Deadline < today).Select(r => new Due(
            r.Id, r.Deadline, CycleHandlers.StaffFor(staff, r.LeadOrganizationId, r.LegalEntityOrganizationId), AssessmentLinks.Report(r.Id),
            [r.Name, r.Year, r.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)])).ToList();
        return await SendAsync(ReminderKinds.ReportDue, "reminders.report_due", due, now, ct)
               + await SendAsync(ReminderKinds.ReportOverdue, "reminders.report_overdue", overdue, now, ct);
    }

    /// <summary>Panel seats not answered, or accepted and not scored while the panel has no opinion yet; to the expert.</summary>
    private async Task<int> AssignmentsAsync(ReminderRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var invitedBefore = now.AddDays(-rules.AssignmentAcceptDays);
        var acceptedBefore = now.AddDays(-rules.AssignmentScoreDays);
        var seats = from m in db.PanelMembers.AsNoTracking()
                    join e in db.Experts on m.ExpertId equals e.Id
                    join p in db.ReviewPanels on m.PanelId equals p.Id
                    join s in db.ReviewSubjects on p.SubjectId equals s.Id
                    where e.UserId != null
                    select new { Member = m, UserId = e.UserId!.Value, p.SubjectId, s.Title, p.OpinionAt };
        var unanswered = await seats
            .Where(x => x.Member.Status == PanelMemberStatus.Invited && x.Member.InvitedAt < invitedBefore)
            .Select(x => new { x.Member.Id, x.UserId, x.SubjectId, x.Title, At = x.Member.InvitedAt })
            .ToListAsync(ct);
        var unscored = await seats
            .Where(x => x.Member.Status == PanelMemberStatus.Accepted && x.OpinionAt == null
                        && x.Member.RespondedAt != null && x.Member.RespondedAt < acceptedBefore
                        && !db.ScoreSheets.Any(sheet => sheet.PanelMemberId == x.Member.Id))
            .Select(x => new { x.Member.Id, x.UserId, x.SubjectId, x.Title, At = x.Member.RespondedAt!.Value })
            .ToListAsync(ct);
        return await SendAsync(ReminderKinds.AssignmentNotAccepted, "reminders.assignment_not_accepted", unanswered.Select(x => new Due(
                   x.Id, x.At.AddDays(rules.AssignmentAcceptDays).BeijingDate(), [x.UserId], ReviewLinks.Subject(x.SubjectId),
                   [x.Title, rules.AssignmentAcceptDays])).ToList(), now, ct)
               + await SendAsync(ReminderKinds.AssignmentNotScored, "reminders.assignment_not_scored", unscored.Select(x => new Due(
                   x.Id, x.At.AddDays(rules.AssignmentScoreDays).BeijingDate(), [x.UserId], ReviewLinks.Subject(x.SubjectId),
                   [x.Title, rules.AssignmentScoreDays])).ToList(), now, ct);
    }

    /// <summary>
    /// Approved bookings starting within the pack's days before (by Beijing date), to the booker: one reminder per
    /// booking and start date, so a cancelled booking is never reminded and a rescheduled one (a new booking) is again.
    /// </summary>
    private async Task<int> BookingsAsync(ResourceRules rules, DateTimeOffset now, CancellationToken ct)
    {
        if (rules.ReminderDaysBefore <= 0)
        {
            return 0;
        }

        var horizon = BeijingTime.At(now.BeijingDate().AddDays(rules.ReminderDaysBefore + 1), TimeSpan.Zero);
        var rows = await (from b in db.ResourceBookings.AsNoTracking()
                          join r in db.ResearchResources on b.ResourceId equals r.Id
                          where b.Status == BookingStatus.Approved && b.Starts > now && b.Starts < horizon
                                && !db.SentReminders.Any(s => s.Kind == ReminderKinds.BookingDayBefore && s.SubjectId == b.Id)
                          orderby b.Starts
                          select new { b.Id, b.BookerUserId, b.Starts, b.Ends, r.Name, r.Location })
            .Take(2000).ToListAsync(ct);
        return await SendAsync(ReminderKinds.BookingDayBefore, "reminders.booking_day_before", rows.Select(b => new Due(
            b.Id, b.Starts.BeijingDate(), [b.BookerUserId], "/Resources/My",
            [b.Name, b.Starts.ToBeijing(), b.Ends.ToBeijing("HH:mm"), b.Location ?? "—"])).ToList(), now, ct);
    }

    /// <summary>
    /// Resource statements fallen overdue (each judged by the pack version in force on its issue date), to the paying
    /// organisation's users: one mail per statement month, keyed by the payer and the issue date.
    /// </summary>
    private async Task<int> StatementsOverdueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var overdue = await statements.ListAsync(null, ct);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var users = await StaffByOrganizationAsync(overdue.Select(s => s.OrganizationId), ct);
        return await SendAsync(ReminderKinds.StatementOverdue, "reminders.statement_overdue", overdue.Select(s => new Due(
            s.OrganizationId, StatementPayment.IssuedOn(s.Year, s.Month), users.GetValueOrDefault(s.OrganizationId, []),
            $"/Resources/Statement?month={s.Year:0000}-{s.Month:00}",
            [s.Year, s.Month, s.Total.ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
             s.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)])).ToList(), now, ct);
    }

    /// <summary>
    /// Sends the reminders not yet recorded, and records them in the same save as their notifications and mails. Should
    /// another node have recorded one meanwhile, the unique index refuses the whole save and nothing goes out twice.
    /// </summary>
    private async Task<int> SendAsync(string kind, string titleKey, List<Due> due, DateTimeOffset now, CancellationToken ct)
    {
        if (due.Count == 0)
        {
            return 0;
        }

        var done = new HashSet<(Guid, DateOnly)>();
        foreach (var chunk in due.Select(d => d.SubjectId).Distinct().Chunk(500))
        {
            var rows = await db.SentReminders.AsNoTracking().Where(r => r.Kind == kind && chunk.Contains(r.SubjectId))
                .Select(r => new { r.SubjectId, r.DueOn }).ToListAsync(ct);
            done.UnionWith(rows.Select(r => (r.SubjectId, r.DueOn)));
        }

        var fresh = due.Where(d => done.Add((d.SubjectId, d.DueOn))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        foreach (var d in fresh)
        {
            db.SentReminders.Add(new SentReminder { Kind = kind, SubjectId = d.SubjectId, DueOn = d.DueOn, SentAt = now });
        }

        await notifier.NotifyEachAsync(titleKey, fresh.Select(d => (d.Users, d.Link, d.Args)).ToList(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return 0;
        }

        return fresh.Count;
    }

    private async Task<Dictionary<Guid, List<Guid>>> StaffByOrganizationAsync(IEnumerable<Guid> organizations, CancellationToken ct)
    {
        var result = new Dictionary<Guid, List<Guid>>();
        foreach (var chunk in organizations.Distinct().Chunk(500))
        {
            var rows = await db.Users.Where(u => u.IsActive && u.OrganizationId != null && chunk.Contains(u.OrganizationId.Value))
                .Select(u => new { u.Id, Org = u.OrganizationId!.Value }).ToListAsync(ct);
            foreach (var g in rows.GroupBy(r => r.Org))
            {
                result[g.Key] = g.Select(r => r.Id).ToList();
            }
        }

        return result;
    }

    private static string ApplicationLink(Guid id) => $"/Applications/Details/{id}";

    private sealed record Due(Guid SubjectId, DateOnly DueOn, IReadOnlyCollection<Guid> Users, string? Link, object[] Args);
}

/// <summary>Runs the reminders every <c>Jobs:RemindersSeconds</c> on whichever node holds the lease (0 turns them off).</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Jobs:RemindersSeconds", 3600));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ReminderHandlers>().RunAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} reminder(s)", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The reminder job failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
