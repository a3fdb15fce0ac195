using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// The public portal (宣传与门户): the seed tasks a typical case (典型经验) illustrates, how the platform numbers the
/// policy documents it publishes (索引号), how soon a public inquiry (留言咨询) is answered, and when the home page counts
/// as stale (国办秘函〔2019〕19号: no update for two weeks fails a government site outright).
/// </summary>
public sealed record PortalRules
{
    /// <summary>The plan's seed tasks (技术研发, 协同创新, 知识产权, 成果转化, 标准, 双创服务, 人才, 国际合作).</summary>
    public IReadOnlyList<CodeItem> CaseTasks { get; init; } = [];

    /// <summary>The 索引号 pattern: the publisher's organisation code, {year} and {seq} or {seq:000}.</summary>
    public string IndexNumberPattern { get; init; } = string.Empty;

    /// <summary>An inquiry is answered within this many working days of its arrival.</summary>
    public int InquiryAnswerWorkingDays { get; init; } = 10;

    /// <summary>The Admin's dashboard warns when nothing new reached the home page for this many days.</summary>
    public int FreshnessDays { get; init; } = 14;

    /// <summary>How many ledger records a case may cite as evidence.</summary>
    public int MaxEvidence { get; init; } = 20;

    public const int MaxDays = 365;

    public IReadOnlyList<Error> Validate()
    {
        const string at = "portal";
        var errors = new List<Error>();
        PolicyChecks.CodeTable(CaseTasks, $"{at}.caseTasks", errors, required: false);
        // A pack without a pattern publishes no document (the handler says so); a pattern must number uniquely.
        if (!string.IsNullOrWhiteSpace(IndexNumberPattern)
            && (!(IndexNumberPattern.Contains("{seq}", StringComparison.Ordinal) || IndexNumberPattern.Contains("{seq:000}", StringComparison.Ordinal)) || !IndexNumberPattern.Contains("{year}", StringComparison.Ordinal)))
        {
            errors.Add(new Error("policy.portal.index_pattern", $"{at}.indexNumberPattern"));
        }

        Range(InquiryAnswerWorkingDays, "inquiryAnswerWorkingDays", 1, MaxDays);
        Range(FreshnessDays, "freshnessDays", 1, MaxDays);
        Range(MaxEvidence, "maxEvidence", 0, 200);
        return errors;

        void Range(int value, string field, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add(new Error("policy.assessment.out_of_range", $"{at}.{field}", min, max));
            }
        }
    }
}
