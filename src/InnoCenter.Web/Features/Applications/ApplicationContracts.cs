using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Applications;

/// <summary>A consortium member as the applicant gives it: an organisation by credit code, registered on the spot when new.</summary>
public sealed record MemberRequest
{
    public string? CreditCode { get; init; }

    /// <summary>Needed only when the organisation is not registered yet.</summary>
    public string? Name { get; init; }

    /// <summary>Enterprise, University, ResearchInstitute, IndustryOrganization or FinancialInstitution; defaults to the organisation's type.</summary>
    public string? Kind { get; init; }

    /// <summary>Needed only when the organisation is not registered yet.</summary>
    public string? Region { get; init; }

    public string? DistrictCode { get; init; }

    public decimal? EquitySharePercent { get; init; }
}

/// <param name="Figure">The ledger figure the indicator names (a key of LedgerRollupKeys); empty for a free indicator.</param>
public sealed record IndicatorRequest(string? Name, string? Unit, decimal? Year1, decimal? Year2, decimal? Year3, string? Figure = null);

/// <summary>What the applicant fills in; the lead applicant is the applicant's own organisation and is always a member.</summary>
public sealed record ApplicationRequest
{
    public string? CenterName { get; init; }

    public string? KeyArea { get; init; }

    /// <summary>GB/T 4754-2017 manufacturing division, C13–C43.</summary>
    public string? IndustryDivision { get; init; }

    public string? PlanSummary { get; init; }

    public string? Goals { get; init; }

    /// <summary>The lead's own equity share, when it is a shareholder.</summary>
    public decimal? LeadEquitySharePercent { get; init; }

    public IReadOnlyList<MemberRequest> Members { get; init; } = [];

    public IReadOnlyList<IndicatorRequest> Indicators { get; init; } = [];

    public int? Version { get; init; }
}

/// <summary>A step of the lifecycle asked for over the API; which fields matter depends on the action.</summary>
public sealed record TransitionRequest
{
    public string? Reason { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public string? DecisionNumber { get; init; }

    public int? Version { get; init; }
}

public sealed record ObjectionResolution(bool Upheld, string? Reason);

public sealed record ApplicationFilter
{
    public string? Status { get; init; }

    public string? KeyArea { get; init; }

    public string? Search { get; init; }

    public bool? Overdue { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed record ConsortiumMemberDto(Guid OrganizationId, string CreditCode, string Name, string Kind, string KindLabel, string Region, string RegionLabel, decimal? EquitySharePercent, bool IsLead);

public sealed record IndicatorDto(string Name, string Unit, decimal? Year1, decimal? Year2, decimal? Year3, string? Figure = null);

public sealed record MaterialDto(string Code, string Label, bool Required, IReadOnlyList<InnoCenter.Web.Infrastructure.Files.AttachmentDto> Versions);

public sealed record EligibilityDto(string Code, string Name, bool Hard, string Outcome, string Message);

public sealed record TimelineEntryDto(DateTimeOffset At, string From, string To, string Action, string ActionLabel, string? Reason, string? Actor, double DaysInPreviousStage);

public sealed record ObjectionDto(Guid Id, string Name, string Contact, string Content, DateTimeOffset FiledAt, string Status, string? Resolution, DateTimeOffset? ResolvedAt);

public sealed record ApplicationSummaryDto(
    Guid Id, string CenterName, Guid LeadOrganizationId, string LeadName, string KeyArea, string KeyAreaLabel, string Status, string StatusLabel,
    DateTimeOffset StatusChangedAt, double DaysInStage, int? StageDays, bool Overdue, int MemberCount, bool CrossRegion, int Version)
{
    /// <summary>Days in the stage as people count them (whole days), or a dash once the case has ended: no stage runs then.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string DaysInStageText => Status is nameof(ApplicationStatus.Approved) or nameof(ApplicationStatus.Rejected) or nameof(ApplicationStatus.Withdrawn)
        ? "—"
        : Math.Floor(DaysInStage).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ApplicationDetailDto(
    ApplicationSummaryDto Summary,
    string IndustryDivision,
    string PlanSummary,
    string Goals,
    string PolicyCode,
    int PolicyVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateOnly? MeetingDate,
    string? DecisionNumber,
    string? DecisionReason,
    DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn,
    string? ApprovalNumber,
    string? PlaqueNumber,
    DateOnly? ApprovedOn,
    bool Editable,
    IReadOnlyList<ConsortiumMemberDto> Members,
    IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<MaterialDto> Materials,
    IReadOnlyList<EligibilityDto> Eligibility,
    bool EligibilityBlocks,
    IReadOnlyList<TimelineEntryDto> Timeline,
    IReadOnlyList<ObjectionDto> Objections,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<int> NoticeWeekdayYears);

public sealed record PipelineColumn(string Status, string Label, int Count);

public sealed record PipelineDto(IReadOnlyList<PipelineColumn> Columns, PagedResult<ApplicationSummaryDto> Applications);

public static class ApplicationLabels
{
    public static string Status(Infrastructure.Localization.Text text, ApplicationStatus status) => text[$"applications.status.{status}"];

    public static string Action(Infrastructure.Localization.Text text, ApplicationAction action) => text[$"applications.action.{action}"];

    /// <summary>
    /// A refused lifecycle step in the caller's language: the action, the state and the possible actions by their
    /// labels, not their codes, or that nothing is possible now. Every caller of the application's lifecycle methods
    /// (its own handlers, the notices' objection resolution) answers through this.
    /// </summary>
    public static Failure Refusal(Infrastructure.Localization.Text text, Failure failure) => failure with
    {
        Errors = failure.Errors.Select(e => e.Code == "application.illegal_transition" && e.Args is [string action, string status, string[] allowed]
            ? allowed.Length == 0
                ? new Error("application.illegal_transition_none", e.Field, text[$"applications.action.{action}"], text[$"applications.status.{status}"])
                : e with { Args = [text[$"applications.action.{action}"], text[$"applications.status.{status}"], text.List(allowed.Select(x => text[$"applications.action.{x}"]))] }
            : e).ToList(),
    };
}
