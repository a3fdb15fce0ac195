using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// 专项资金 rules of a pack: where money comes from, what it may pay for and in which form, how long a grant may run,
/// when its figures raise a warning, and when a tranche is held (配套资金同比例到位, a grade that holds support).
/// </summary>
public sealed record FundRules
{
    /// <summary>资金来源: 市级专项资金, 区级配套资金, 产业基金, 银行信贷, 社会资本/股权投资, 自筹.</summary>
    public IReadOnlyList<CodeItem> Sources { get; init; } = [];

    /// <summary>支持方向 (budget line categories), e.g. the four of 八.二.</summary>
    public IReadOnlyList<CodeItem> Categories { get; init; } = [];

    /// <summary>支持方式: 无偿补助, 以奖代补, 贷款贴息, 资本金投入.</summary>
    public IReadOnlyList<CodeItem> Forms { get; init; } = [];

    /// <summary>执行期限: the longest execution period of a grant, in years.</summary>
    public int MaxExecutionYears { get; init; }

    /// <summary>Codes of the assessment grades (<see cref="AssessmentRules.GradeBands"/>) under which no tranche is released.</summary>
    public IReadOnlyList<string> HoldingGrades { get; init; } = [];

    /// <summary>
    /// 验收结论 an Admin may record per performance target and per grant (通过, 不通过…). Pack versions stored before
    /// acceptance existed carry none; acceptance then reads the verdicts of the pack in force.
    /// </summary>
    public IReadOnlyList<CodeItem> Verdicts { get; init; } = [];

    public MatchingRule Matching { get; init; } = new();

    public FundWarningRules Warnings { get; init; } = new();

    /// <summary>False for a pack written before the fund rules existed.</summary>
    public bool IsConfigured => Sources.Count > 0 || Categories.Count > 0 || Forms.Count > 0 || MaxExecutionYears != 0;

    public IReadOnlyList<Error> Validate(IReadOnlyList<GradeBand> grades)
    {
        var errors = new List<Error>();
        if (!IsConfigured)
        {
            // Pack versions stored before the fund module existed carry no section; they stay valid, and grants refuse to start under them.
            return errors;
        }

        PolicyChecks.CodeTable(Sources, "funds.sources", errors, required: true);
        PolicyChecks.CodeTable(Categories, "funds.categories", errors, required: true);
        PolicyChecks.CodeTable(Forms, "funds.forms", errors, required: true);
        PolicyChecks.CodeTable(Verdicts, "funds.verdicts", errors, required: false);
        if (MaxExecutionYears < 1)
        {
            errors.Add(new Error("policy.at_least_one", "funds.maxExecutionYears"));
        }

        for (var i = 0; i < HoldingGrades.Count; i++)
        {
            if (grades.All(g => g.Code != HoldingGrades[i]))
            {
                errors.Add(new Error("policy.unknown_code", $"funds.holdingGrades[{i}]", HoldingGrades[i]));
            }
        }

        if (Sources.All(s => s.Code != Matching.FiscalSource))
        {
            errors.Add(new Error("policy.unknown_code", "funds.matching.fiscalSource", Matching.FiscalSource));
        }

        for (var i = 0; i < Matching.MatchedSources.Count; i++)
        {
            var code = Matching.MatchedSources[i];
            if (Sources.All(s => s.Code != code) || code == Matching.FiscalSource)
            {
                errors.Add(new Error("policy.unknown_code", $"funds.matching.matchedSources[{i}]", code));
            }
        }

        Percent(Matching.TolerancePercent, "funds.matching.tolerancePercent", errors);
        Percent(Warnings.NearLimitPercent, "funds.warnings.nearLimitPercent", errors);
        Percent(Warnings.LowExecutionPercent, "funds.warnings.lowExecutionPercent", errors);
        if (Warnings.IdleDays < 1)
        {
            errors.Add(new Error("policy.at_least_one", "funds.warnings.idleDays"));
        }

        if (Warnings.LowExecutionMonthsBeforeEnd < 1)
        {
            errors.Add(new Error("policy.at_least_one", "funds.warnings.lowExecutionMonthsBeforeEnd"));
        }

        if (Warnings.CarryOverYears < 1)
        {
            errors.Add(new Error("policy.at_least_one", "funds.warnings.carryOverYears"));
        }

        return errors;
    }

    private static void Percent(decimal value, string field, List<Error> errors)
    {
        if (value is < 0 or > 100)
        {
            errors.Add(new Error("funds.percent_range", field));
        }
    }
}

/// <summary>
/// 配套资金同比例到位: before a tranche of the fiscal source is released, each matched source must have arrived in at
/// least the proportion (received ÷ planned) the fiscal source already has, less the tolerance.
/// </summary>
public sealed record MatchingRule
{
    /// <summary>The source whose tranches the platform releases (市级专项资金).</summary>
    public string FiscalSource { get; init; } = string.Empty;

    /// <summary>Sources that must keep pace with it (区级配套资金, 自筹…).</summary>
    public IReadOnlyList<string> MatchedSources { get; init; } = [];

    /// <summary>Percentage points a matched source may lag before the tranche is held.</summary>
    public decimal TolerancePercent { get; init; }
}

/// <summary>Thresholds of the set-based fund warnings.</summary>
public sealed record FundWarningRules
{
    /// <summary>A line whose spending reaches this share of its amount is near its limit.</summary>
    public decimal NearLimitPercent { get; init; }

    /// <summary>Money received and not spent for this many days is idle.</summary>
    public int IdleDays { get; init; }

    /// <summary>Execution below this share …</summary>
    public decimal LowExecutionPercent { get; init; }

    /// <summary>… within this many months of the period's end is low.</summary>
    public int LowExecutionMonthsBeforeEnd { get; init; }

    /// <summary>Money left unused this many years after the period's end is recovered (结转结余).</summary>
    public int CarryOverYears { get; init; }
}
