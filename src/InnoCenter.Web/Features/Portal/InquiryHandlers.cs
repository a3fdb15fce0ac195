using InnoCenter.Domain.Common;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Data.Configurations.Portal;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Portal;

public sealed record InquiryRequest(string? Subject, string? Question, string? Name, string? Email, bool Consent, string? Website);

public sealed record InquiryAnswerRequest(string? Answer, int? Version);

public sealed record InquiryDto(
    Guid Id, string Subject, string Question, string AskerName, string? AskerEmail, bool ConsentToPublish, DateTimeOffset AskedAt,
    DateOnly DueOn, bool Overdue, string? Answer, DateTimeOffset? AnsweredAt, bool IsPublic, int Version);

public sealed record PublicInquiry(Guid Id, string Subject, string Question, string Answer, DateTimeOffset AskedAt, DateTimeOffset AnsweredAt);

/// <summary>
/// Public inquiries (留言咨询): anyone asks (rate-limited like the other public forms, with a honeypot); an Admin
/// answers by the due day, counted in working days from the pack (<c>portal.inquiryAnswerWorkingDays</c>) on the pack's
/// calendar; with the asker's consent the question and answer are shown on the site.
/// </summary>
public sealed class InquiryHandlers(AppDbContext db, CurrentUser user, PolicyProvider policy, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<Guid>> AskAsync(InquiryRequest r, CancellationToken ct)
    {
        var errors = new List<Error>();
        Required(r.Subject, "subject", FieldLengths.Title);
        Required(r.Question, "question", PortalLengths.Question);
        Required(r.Name, "name", FieldLengths.PersonName);
        if (r.Email is { Length: > 0 } email && (email.Length > FieldLengths.Email || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add(new Error("portal.inquiry.email_invalid", "email"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var id = Guid.Empty;
        // A filled honeypot is a bot: it is told "thank you" and nothing is kept.
        if (string.IsNullOrEmpty(r.Website))
        {
            var pack = policy.Current;
            var today = clock.TodayInBeijing();
            var due = pack.Applications.Calendar().Window(today, pack.Portal.InquiryAnswerWorkingDays).End;
            var inquiry = Inquiry.Ask(r.Subject!, r.Question!, r.Name!, r.Email, r.Consent, due, clock.GetUtcNow());
            db.PortalInquiries.Add(inquiry);
            await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "portal.notify.inquiry", "/Portal/Manage/Inquiries", ct, inquiry.Subject);
            await db.SaveChangesAsync(ct);
            id = inquiry.Id;
        }

        return id;

        void Required(string? value, string field, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new Error("validation.required", field));
            }
            else if (value.Length > max)
            {
                errors.Add(new Error("validation.max_length", field, max));
            }
        }
    }

    public async Task<Result<InquiryDto>> AnswerAsync(Guid id, InquiryAnswerRequest r, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden("portal.inquiry.forbidden");
        }

        var inquiry = await db.PortalInquiries.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inquiry is null)
        {
            return Failure.NotFound("portal.inquiry.not_found");
        }

        if (r.Version is { } v && v != inquiry.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var replied = inquiry.Reply(r.Answer?.Length > PortalLengths.Question ? null : r.Answer, user.Id, clock.GetUtcNow());
        if (!replied.IsSuccess)
        {
            return replied.Failure!;
        }

        await db.SaveChangesAsync(ct);
        return Dto(inquiry, clock.TodayInBeijing());
    }

    public async Task<Result<PagedResult<InquiryDto>>> ListAsync(bool? answered, int? page, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden("portal.inquiry.forbidden");
        }

        var q = db.PortalInquiries.AsNoTracking();
        if (answered is { } a)
        {
            q = a ? q.Where(i => i.AnsweredAt != null) : q.Where(i => i.AnsweredAt == null);
        }

        var (p, size) = Paging.Normalize(page, null);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.AnsweredAt != null).ThenBy(i => i.DueOn).ThenBy(i => i.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var today = clock.TodayInBeijing();
        return new PagedResult<InquiryDto>(rows.Select(i => Dto(i, today)).ToList(), p, size, total);
    }

    public async Task<PagedResult<PublicInquiry>> PublicAsync(int? page, CancellationToken ct)
    {
        var q = db.PortalInquiries.AsNoTracking().Where(i => i.IsPublic);
        var (p, size) = Paging.Normalize(page, null);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.AnsweredAt).ThenBy(i => i.Id).Skip((p - 1) * size).Take(size)
            .Select(i => new PublicInquiry(i.Id, i.Subject, i.Question, i.Answer!, i.AskedAt, i.AnsweredAt!.Value)).ToListAsync(ct);
        return new PagedResult<PublicInquiry>(rows, p, size, total);
    }

    private static InquiryDto Dto(Inquiry i, DateOnly today) => new(
        i.Id, i.Subject, i.Question, i.AskerName, i.AskerEmail, i.ConsentToPublish, i.AskedAt, i.DueOn, !i.IsAnswered && i.DueOn < today,
        i.Answer, i.AnsweredAt, i.IsPublic, i.Version);

    public static void MapInquiryEndpoints(IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/portal/inquiries").WithTags("Portal").AllowAnonymous();
        open.MapGet("/", PublicList).WithName("ListPublicInquiries").WithSummary("Answered inquiries the askers agreed to publish");
        open.MapPost("/", Ask).WithName("AskInquiry").WithSummary("Ask a question (rate-limited per address)")
            .RequireRateLimiting(AuthSetup.PublicFormRateLimit).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        var admin = app.MapGroup("/api/v1/portal/manage/inquiries").WithTags("Portal").RequireAuthorization(Roles.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/", AdminList).WithName("ListInquiries").WithSummary("Every inquiry, unanswered first by due day");
        admin.MapPost("/{id:guid}/answer", Answer).WithName("AnswerInquiry").WithSummary("An Admin answers an inquiry")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedResult<PublicInquiry>>> PublicList(int? page, InquiryHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.PublicAsync(page, ct));

    private static async Task<Results<Created<Guid>, ProblemHttpResult>> Ask([FromBody] InquiryRequest request, InquiryHandlers h, Infrastructure.Localization.Text text, CancellationToken ct)
    {
        var result = await h.AskAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created("/Portal/Inquiries", result.Value) : Infrastructure.Problems.Problems.ToProblem(result.Failure!, text);
    }

    private static async Task<Results<Ok<PagedResult<InquiryDto>>, ProblemHttpResult>> AdminList(bool? answered, int? page, InquiryHandlers h, Infrastructure.Localization.Text text, CancellationToken ct)
    {
        var result = await h.ListAsync(answered, page, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : Infrastructure.Problems.Problems.ToProblem(result.Failure!, text);
    }

    private static async Task<Results<Ok<InquiryDto>, ProblemHttpResult>> Answer(Guid id, [FromBody] InquiryAnswerRequest request, InquiryHandlers h, Infrastructure.Localization.Text text, CancellationToken ct)
    {
        var result = await h.AnswerAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : Infrastructure.Problems.Problems.ToProblem(result.Failure!, text);
    }
}
