using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Resources;

/// <summary>The shared-resources API under <c>/api/v1/resources</c>: catalogue, bookings, approvals, usage, figures.</summary>
public static class ResourceEndpoints
{
    public static void MapResourceEndpoints(this IEndpointRouteBuilder app)
    {
        // A calendar client carries no cookie or bearer token: the secret in the address is the authorisation.
        app.MapGet("/api/v1/resources/feeds/{token}.ics", Feed).AllowAnonymous().WithTags("Resources").WithName("GetResourceCalendarFeed").Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .WithSummary("An iCalendar feed of bookings, by its secret address").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/resources/photos/{fileId:guid}", Photo).AllowAnonymous().WithTags("Resources").WithName("GetResourcePhoto")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").WithSummary("A resource's photo: for anyone where the resource is in the public catalogue, else for users signed in")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var group = app.MapGroup("/api/v1/resources").RequireAuthorization().WithTags("Resources")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListResources").WithSummary("Search the catalogue of shared resources across all centers");
        group.MapPost("/", Create).WithName("CreateResource").WithSummary("Add a resource of a member organisation to a center's catalogue");
        group.MapGet("/schedule/day", ScheduleDay).WithName("GetResourceScheduleDay").WithSummary("A day of several resources at once (or of one, by resourceId): a page of the catalogue (at most 50) with each one's bookings and closures that touch the day");
        group.MapGet("/schedule", Schedule).WithName("GetResourceSchedule").WithSummary("A week of several resources at once: a page of the catalogue (at most 50) with each one's bookings and closures");
        group.MapGet("/free-slots", FreeSlots).WithName("FindFreeSlots").WithSummary("The earliest free slots of N hours across resources");
        group.MapGet("/bookings/mine", MyBookings).WithName("ListMyBookings").WithSummary("The signed-in user's bookings");
        group.MapGet("/bookings/approvals", Approvals).WithName("ListBookingApprovals").WithSummary("Bookings of managed resources awaiting a decision");
        group.MapGet("/bookings/{id:guid}", GetBooking).WithName("GetBooking").WithSummary("One booking");
        group.MapPost("/bookings/{id:guid}/approve", Approve).WithName("ApproveBooking").WithSummary("Approve a pending booking");
        group.MapPost("/bookings/{id:guid}/reject", Reject).WithName("RejectBooking").WithSummary("Reject a pending booking with a reason");
        group.MapPost("/bookings/{id:guid}/cancel", Cancel).WithName("CancelBooking").WithSummary("Cancel one's own booking");
        group.MapPost("/bookings/{id:guid}/cancel-series", CancelSeries).WithName("CancelBookingSeries").WithSummary("Cancel one's own booking and every later occurrence of its series");
        group.MapPost("/bookings/{id:guid}/reschedule", Reschedule).WithName("RescheduleBooking").WithSummary("Move one's own booking: cancel and rebook in one step");
        group.MapPost("/bookings/{id:guid}/usage", Usage).WithName("RecordBookingUsage").WithSummary("Record the usage or a no-show of a booking");
        group.MapPost("/feeds/mine", RenewMyFeed).WithName("RenewMyBookingFeed").WithSummary("Issue or renew the address of one's own bookings feed (.ics)");
        group.MapPost("/{id:guid}/feed", RenewResourceFeed).WithName("RenewResourceFeed").WithSummary("Issue or renew the address of a managed resource's feed (.ics)");
        group.MapGet("/sme/mine", MySme).WithName("GetMySmeStatus").WithSummary("The SME status (中小企业认定) of the user's organisation");
        group.MapPost("/sme/declare", DeclareSme).WithName("DeclareSme")
            .WithSummary("Declare the user's organisation an SME against the pack's national classification (multipart: industry, employees, annualRevenue in yuan, version, evidenceFile)");
        group.MapGet("/sme", ListSme).WithName("ListSmeStatuses").WithSummary("SME declarations for the Admin's decision, waiting ones first (state: Declared, Confirmed, Rejected)");
        group.MapPost("/sme/{organizationId:guid}/confirm", ConfirmSme).WithName("ConfirmSme").WithSummary("Confirm an organisation's SME declaration (Admin; ?version= the one read, required)");
        group.MapPost("/sme/{organizationId:guid}/reject", RejectSme).WithName("RejectSme").WithSummary("Reject an organisation's SME declaration with a reason and the version read (Admin)");
        group.MapGet("/figures", Figures).WithName("GetResourceFigures").WithSummary("A page of the yearly figures (有效工作机时, 对外服务机时, 共享率, income) per resource, owner or center, the most used first");
        group.MapGet("/statements/{organizationId:guid}/{year:int}/{month:int}", GetStatement).WithName("GetResourceStatement").WithSummary("An organisation's monthly statement");
        group.MapGet("/statements", ListStatements).WithName("ListResourceStatements").WithSummary("A page of a month's statements with their payment state, filterable by state: all for an Admin, those the user may record paid for the resources' side");
        group.MapGet("/statements/{organizationId:guid}/{year:int}/{month:int}/payment", GetStatementPayment).WithName("GetResourceStatementPayment").WithSummary("The payment state of an organisation's monthly statement: unpaid, paid or overdue");
        group.MapPost("/statements/{organizationId:guid}/{year:int}/{month:int}/payment", RecordStatementPaid).WithName("RecordResourceStatementPaid").WithSummary("Record an organisation's monthly statement paid with date, amount and reference (Admin or whoever runs every resource charged on it, never the payer; version-checked)");
        group.MapGet("/statements/{organizationId:guid}/{year:int}/{month:int}/export", ExportStatement).WithName("ExportResourceStatement").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("An organisation's monthly statement as Excel");
        group.MapPost("/{id:guid}/photos", UploadPhoto).WithName("UploadResourcePhoto")
            .WithSummary("Add a photo (JPG or PNG, checked by its bytes and size before it is kept) to a resource the user manages").ProducesValidationProblem();
        group.MapDelete("/{id:guid}/photos/{fileId:guid}", RemovePhoto).WithName("RemoveResourcePhoto").WithSummary("Stop showing one of a resource's photos");
        group.MapGet("/{id:guid}/photos", ListPhotos).WithName("ListResourcePhotos").WithSummary("A resource's photos");
        group.MapGet("/{id:guid}", Get).WithName("GetResource").WithSummary("One resource of the catalogue");
        group.MapPut("/{id:guid}", Update).WithName("UpdateResource").WithSummary("Edit a resource");
        group.MapGet("/{id:guid}/calendar", Calendar).WithName("GetResourceCalendar").WithSummary("A resource's busy times between two instants: each booking's time, state and booking organisation");
        group.MapPost("/{id:guid}/bookings", Book).WithName("BookResource").WithSummary("Book a slot of a resource");
        group.MapPost("/{id:guid}/bookings/series", BookSeries).WithName("BookResourceSeries").WithSummary("Book a daily or weekly series of slots, all or nothing");
        group.MapPost("/{id:guid}/blackouts", AddBlackout).WithName("AddResourceBlackout").WithSummary("Close a resource for a period");
        group.MapPost("/{id:guid}/trainings", RecordTraining).WithName("RecordResourceTraining").WithSummary("Record that a user was trained on a resource");
    }

    private static async Task<Ok<PagedResult<ResourceDto>>> List([AsParameters] ResourceFilter filter, ResourceHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(filter, ct));

    private static async Task<Ok<ResourceDayScheduleDto>> ScheduleDay([AsParameters] ScheduleFilter filter, ResourceSchedule h, CancellationToken ct) =>
        TypedResults.Ok(await h.DayAsync(filter, ct));

    private static async Task<Ok<ResourceScheduleDto>> Schedule([AsParameters] ScheduleFilter filter, ResourceSchedule h, CancellationToken ct) =>
        TypedResults.Ok(await h.WeekAsync(filter, ct));

    private static async Task<Results<Created<ResourceDto>, ProblemHttpResult>> Create([FromBody] ResourceRequest request, ResourceHandlers h, Text text, CancellationToken ct)
    {
        var r = await h.CreateAsync(request, ct);
        return r.IsSuccess ? TypedResults.Created($"/api/v1/resources/{r.Value.Id}", r.Value) : r.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<ResourceDto>, ProblemHttpResult>> Get(Guid id, ResourceHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.GetAsync(id, ct), text);

    private static async Task<Results<Ok<ResourceDto>, ProblemHttpResult>> Update(Guid id, [FromBody] ResourceRequest request, ResourceHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.UpdateAsync(id, request, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<ScheduleBookingDto>>, ProblemHttpResult>> Calendar(
        Guid id, DateTimeOffset? from, DateTimeOffset? to, ResourceHandlers resources, BookingQueries h, Text text, TimeProvider clock, CancellationToken ct)
    {
        var found = await resources.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!.ToProblem(text);
        }

        var start = from ?? clock.GetUtcNow();
        var end = to ?? start.AddDays(7);
        if (end <= start || end - start > TimeSpan.FromDays(62))
        {
            return Domain.Common.Failure.Validation(new Domain.Common.Error("resources.range_invalid", "to")).ToProblem(text);
        }

        return TypedResults.Ok(await h.CalendarAsync(id, start, end, ct));
    }

    private static async Task<Results<Created<BookingDto>, ProblemHttpResult>> Book(Guid id, [FromBody] BookingRequest request, BookingHandlers h, Text text, CancellationToken ct)
    {
        var r = await h.BookAsync(id, request, ct);
        return r.IsSuccess ? TypedResults.Created($"/api/v1/resources/bookings/{r.Value.Id}", r.Value) : r.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<BookingSeriesDto>, ProblemHttpResult>> BookSeries(
        Guid id, [FromBody] BookingSeriesRequest request, BookingSeriesHandlers h, Text text, CancellationToken ct)
    {
        var r = await h.BookSeriesAsync(id, request, ct);
        return r.IsSuccess ? TypedResults.Created($"/api/v1/resources/bookings/{r.Value.Bookings[0].Id}", r.Value) : r.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<BookingSeriesDto>, ProblemHttpResult>> CancelSeries(
        Guid id, [FromBody] DecisionRequest request, BookingSeriesHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.CancelRestAsync(id, request, ct), text);

    private static async Task<Ok<PagedResult<BookingDto>>> MyBookings([AsParameters] BookingFilter filter, BookingQueries h, CancellationToken ct) =>
        TypedResults.Ok(await h.MineAsync(filter, ct));

    private static async Task<Ok<PagedResult<BookingDto>>> Approvals([AsParameters] BookingFilter filter, BookingQueries h, CancellationToken ct) =>
        TypedResults.Ok(await h.ApprovalsAsync(filter, ct));

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetBooking(Guid id, BookingQueries h, Text text, CancellationToken ct) =>
        Answer(await h.GetAsync(id, ct), text);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Approve(Guid id, [FromBody] DecisionRequest request, BookingHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ApproveAsync(id, request, ct), text);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Reject(Guid id, [FromBody] DecisionRequest request, BookingHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RejectAsync(id, request, ct), text);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Cancel(Guid id, [FromBody] DecisionRequest request, BookingHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.CancelAsync(id, request, ct), text);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Reschedule(Guid id, [FromBody] BookingRequest request, BookingHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RescheduleAsync(id, request, ct), text);

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Usage(Guid id, [FromBody] UsageRequest request, BookingHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RecordUsageAsync(id, request, ct), text);

    private static async Task<Results<Ok<BlackoutDto>, ProblemHttpResult>> AddBlackout(Guid id, [FromBody] BlackoutRequest request, ResourceHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.AddBlackoutAsync(id, request, ct), text);

    private static async Task<Results<NoContent, ProblemHttpResult>> RecordTraining(Guid id, [FromBody] TrainingRequest request, ResourceHandlers h, Text text, CancellationToken ct) =>
        Done(await h.RecordTrainingAsync(id, request, ct), text);

    private static async Task<Results<Ok<SmeStatusDto?>, ProblemHttpResult>> MySme(SmeStatusHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.MineAsync(ct), text);

    private static async Task<Results<Ok<SmeStatusDto?>, ProblemHttpResult>> DeclareSme(
        [FromForm] string? industry, [FromForm] int? employees, [FromForm] decimal? annualRevenue, [FromForm] int? version, IFormFile? evidenceFile,
        SmeStatusHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DeclareAsync(new SmeDeclarationRequest { Industry = industry, Employees = employees, AnnualRevenue = annualRevenue, Version = version }, evidenceFile, ct), text);

    private static async Task<Results<Ok<PagedResult<SmeStatusDto>>, ProblemHttpResult>> ListSme(
        SmeStatusState? state, int? page, int? pageSize, SmeStatusHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ListAsync(state, page, pageSize, ct), text);

    private static async Task<Results<Ok<SmeStatusDto?>, ProblemHttpResult>> ConfirmSme(Guid organizationId, int? version, SmeStatusHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ConfirmAsync(organizationId, version, ct), text);

    private static async Task<Results<Ok<SmeStatusDto?>, ProblemHttpResult>> RejectSme(Guid organizationId, [FromBody] SmeRejectionRequest request, SmeStatusHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RejectAsync(organizationId, request, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<FreeSlotDto>>, ProblemHttpResult>> FreeSlots([AsParameters] FreeSlotQuery query, FreeSlotSearch h, Text text, CancellationToken ct)
    {
        var r = await h.FindAsync(query, ct);
        return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<PagedResult<ResourceFigureRow>>, ProblemHttpResult>> Figures(
        int year, FigureGrouping? by, Guid? centerId, int? page, int? pageSize, ResourceFigures h, Text text, CancellationToken ct) =>
        Answer(await h.PageForYearAsync(year, by ?? FigureGrouping.Resource, centerId, page, pageSize, ct), text);

    private static async Task<Results<Ok<Statement>, ProblemHttpResult>> GetStatement(
        Guid organizationId, int year, int month, ResourceFigures h, Text text, CancellationToken ct) =>
        Answer(await h.StatementAsync(organizationId, year, month, ct), text);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportStatement(
        Guid organizationId, int year, int month, ResourceFigures h, StatementPayments payments, Text text, CancellationToken ct)
    {
        var check = await h.StatementAsync(organizationId, year, month, ct);
        if (!check.IsSuccess)
        {
            return check.Failure!.ToProblem(text);
        }

        var payment = await payments.OfStatementAsync(check.Value, ct);
        var stateColumn = text["resources.paymentState"];
        var state = text[$"resources.payment.{payment.State}"] + (payment.PaidOn is { } on ? $" {on:yyyy-MM-dd} {payment.Reference}" : $" ({text["resources.payment.dueOn"]} {payment.DueOn:yyyy-MM-dd})");
        return await ExcelExport.ToXlsxAsync(
            StatementRows(h.StreamStatement(organizationId, year, month), check.Value.Total, stateColumn, state, text), row => row,
            $"statement-{year}{month:00}.xlsx", text["resources.statement.title"], ct, [.. h.StatementColumns(text), new SheetColumn(stateColumn)]);
    }

    /// <summary>The statement's lines as they stream, each with the payment state, and a last row with the total (the sum the payer owes).</summary>
    private static async IAsyncEnumerable<IDictionary<string, object?>> StatementRows(
        IAsyncEnumerable<StatementLine> lines, decimal total, string stateColumn, string state, Text text)
    {
        await foreach (var line in lines)
        {
            var row = ResourceFigures.StatementRow(line, text);
            row[stateColumn] = state;
            yield return row;
        }

        yield return new Dictionary<string, object?> { [text["resources.resource"]] = text["resources.total"], [text["resources.charge"]] = total, [stateColumn] = state };
    }

    private static async Task<Results<Ok<PagedResult<StatementListRow>>, ProblemHttpResult>> ListStatements(
        int year, int month, StatementPaymentState? state, int? page, int? pageSize, StatementPayments h, Text text, CancellationToken ct) =>
        Answer(await h.ListAsync(year, month, state, page, pageSize, ct), text);

    private static async Task<Results<Ok<StatementPaymentDto>, ProblemHttpResult>> GetStatementPayment(
        Guid organizationId, int year, int month, StatementPayments h, Text text, CancellationToken ct) =>
        Answer(await h.GetAsync(organizationId, year, month, ct), text);

    private static async Task<Results<Ok<StatementPaymentDto>, ProblemHttpResult>> RecordStatementPaid(
        Guid organizationId, int year, int month, [FromBody] StatementPaymentRequest request, StatementPayments h, Text text, CancellationToken ct) =>
        Answer(await h.RecordPaidAsync(organizationId, year, month, request, ct), text);

    private static async Task<Results<Created<ResourcePhotoDto>, ProblemHttpResult>> UploadPhoto(Guid id, IFormFile? file, ResourcePhotos photos, Text text, CancellationToken ct)
    {
        var r = await photos.UploadAsync(id, file, ct);
        return r.IsSuccess ? TypedResults.Created(r.Value.Url, r.Value) : r.Failure!.ToProblem(text);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemovePhoto(Guid id, Guid fileId, ResourcePhotos photos, Text text, CancellationToken ct)
    {
        var r = await photos.RemoveAsync(id, fileId, ct);
        return r.IsSuccess ? TypedResults.NoContent() : r.Failure!.ToProblem(text);
    }

    private static async Task<Ok<IReadOnlyList<ResourcePhotoDto>>> ListPhotos(Guid id, ResourcePhotos photos, CancellationToken ct) =>
        TypedResults.Ok(await photos.ListAsync(id, ct));

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Photo(Guid fileId, Attachments attachments, Text text, CancellationToken ct)
    {
        var opened = await attachments.OpenAsync(fileId, ct);
        if (!opened.IsSuccess)
        {
            return opened.Failure!.ToProblem(text);
        }

        var (file, content) = opened.Value;
        return TypedResults.File(content, file.ContentType, lastModified: file.UploadedAt);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Feed(string token, CalendarFeeds feeds, CancellationToken ct) =>
        await feeds.RenderAsync(token, ct) is { } ics ? TypedResults.Text(ics, "text/calendar; charset=utf-8") : TypedResults.NotFound();

    private static async Task<Results<Ok<FeedAddress>, ProblemHttpResult>> RenewMyFeed(CalendarFeeds feeds, Text text, CancellationToken ct) =>
        Answer(await feeds.RenewAsync(null, ct), text);

    private static async Task<Results<Ok<FeedAddress>, ProblemHttpResult>> RenewResourceFeed(Guid id, CalendarFeeds feeds, Text text, CancellationToken ct) =>
        Answer(await feeds.RenewAsync(id, ct), text);

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Domain.Common.Result<T> r, Text text) =>
        r.IsSuccess ? TypedResults.Ok(r.Value) : r.Failure!.ToProblem(text);

    private static Results<NoContent, ProblemHttpResult> Done(Domain.Common.Result<bool> r, Text text) =>
        r.IsSuccess ? TypedResults.NoContent() : r.Failure!.ToProblem(text);
}
