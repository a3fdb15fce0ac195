using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// One industry of the national SME classification (中小企业划型标准, 工信部联企业〔2011〕300号): an enterprise of the
/// industry is an SME (中小微企业) when it has fewer employees than <see cref="EmployeesBelow"/> or less yearly revenue
/// than <see cref="RevenueBelow"/> — a large enterprise must reach both lower bounds. A bound left out does not apply
/// (the "other industries" row is by employees only).
/// </summary>
public sealed record SmeIndustry(string Code, string Zh, string En)
{
    /// <summary>从业人员: an enterprise with fewer employees than this is an SME; null where the industry has no such bound.</summary>
    public int? EmployeesBelow { get; init; }

    /// <summary>营业收入 in yuan: an enterprise with less yearly revenue than this is an SME; null where the industry has no such bound.</summary>
    public decimal? RevenueBelow { get; init; }

    public string Label(bool english) => english ? En : Zh;

    /// <summary>Whether an enterprise of this industry with these figures is an SME.</summary>
    public bool Qualifies(int employees, decimal revenue) =>
        (EmployeesBelow is { } e && employees < e) || (RevenueBelow is { } r && revenue < r);

    internal static void Validate(IReadOnlyList<SmeIndustry> industries, string at, List<Error> errors)
    {
        PolicyChecks.CodeTable([.. industries.Select(i => new CodeItem(i.Code, i.Zh, i.En))], at, errors, required: false);
        for (var i = 0; i < industries.Count; i++)
        {
            if (industries[i] is { EmployeesBelow: null, RevenueBelow: null } or { EmployeesBelow: <= 0 } or { RevenueBelow: <= 0 })
            {
                errors.Add(new Error("policy.resources.sme_bound", $"{at}[{i}]"));
            }
        }
    }
}
