namespace InnoCenter.Web.Features.Notices;

/// <summary>A notice (公示) as the public sees it.</summary>
/// <summary>A public notice as a heading links to it: the home page and the feed.</summary>
public sealed record NoticeHeading(Guid ApplicationId, string CenterName, DateOnly StartsOn);

public sealed record PublicNoticeDto(Guid ApplicationId, string CenterName, string LeadName, string KeyAreaLabel, IReadOnlyList<string> Members, DateOnly StartsOn, DateOnly EndsOn, bool Open, string? DecisionNumber);

public sealed record ObjectionRequest
{
    public string? Name { get; init; }

    public string? Contact { get; init; }

    public string? Content { get; init; }

    /// <summary>A field people never see; a bot that fills it is refused (instead of a captcha).</summary>
    public string? Website { get; init; }
}
