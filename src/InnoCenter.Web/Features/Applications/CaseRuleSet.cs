using System.Linq.Expressions;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The stored pack versions' rules as predicates over applications, each application judged by the version it began
/// under (as <see cref="Infrastructure.Policy.PolicyVersions.ForCaseAsync"/> picks it: an application naming no stored
/// version reads the pack in force). Its stage days are not here: they are kept per application with its moves
/// (<see cref="ApplicationStageClocks"/>), so an overdue count reads an index. Versions that agree on a rule share one condition, so a rule no version has changed
/// is the plain condition of old and the predicate grows only with the versions that disagree, which are few.
/// </summary>
public sealed class CaseRuleSet(IReadOnlyDictionary<(string Code, int Version), PolicyPack> packs, PolicyPack current)
{
    public PolicyPack PackOf(string? code, int version) =>
        version > 0 && packs.TryGetValue((string.IsNullOrWhiteSpace(code) ? current.Code : code.Trim(), version), out var pack) ? pack : current;

    /// <summary>The consortium is cross-region by its version's one rule (<see cref="RegionScope"/>), evaluated by the database.</summary>
    public Expression<Func<Application, bool>> CrossRegion()
    {
        Expression<Func<Application, bool>>? any = null;
        foreach (var (_, sample, begun) in Grouped(p => p.RegionScope.CrossCodes is { } codes ? string.Join('\n', codes.Order(StringComparer.Ordinal)) : null))
        {
            var rule = Rule(sample.RegionScope);
            any = OrElse(any, begun is null ? rule : Predicates.And(begun, rule));
        }

        return any ?? (a => false);
    }

    private static Expression<Func<Application, bool>> Rule(RegionScope scope)
    {
        if (scope.CrossCodes is null)
        {
            return a => a.Members.Select(m => m.Region).Distinct().Count() > 1;
        }

        var codes = scope.CrossCodes.ToList();
        return a => a.Members.Any(m => codes.Contains(m.Region));
    }

    /// <summary>
    /// The versions grouped by a rule's value, each group with the condition "begun under one of these" — none when every
    /// version agrees. The group of the pack in force also holds the applications that name no stored version.
    /// </summary>
    private List<(TKey Value, PolicyPack Sample, Expression<Func<Application, bool>>? Begun)> Grouped<TKey>(Func<PolicyPack, TKey> rule)
    {
        var groups = packs.GroupBy(kv => rule(kv.Value)).ToList();
        if (groups.Count == 1)
        {
            return [(groups[0].Key, groups[0].First().Value, null)];
        }

        var inForce = rule(current);
        return groups.Select(g =>
        {
            var begun = BegunUnder(g.Select(kv => kv.Key));
            if (EqualityComparer<TKey>.Default.Equals(g.Key, inForce))
            {
                begun = Predicates.Or(begun, Predicates.Not(BegunUnder(packs.Keys)));
            }

            return (g.Key, g.First().Value, (Expression<Func<Application, bool>>?)begun);
        }).ToList();
    }

    private Expression<Func<Application, bool>> BegunUnder(IEnumerable<(string Code, int Version)> versions)
    {
        Expression<Func<Application, bool>>? any = null;
        foreach (var byCode in versions.GroupBy(v => v.Code, StringComparer.Ordinal))
        {
            var code = byCode.Key;
            var numbers = byCode.Select(v => v.Version).ToList();
            // A row that names no code read the pack in force's code (PolicyVersions.FindAsync).
            Expression<Func<Application, bool>> under = code == current.Code
                ? a => (a.PolicyCode == code || a.PolicyCode == "") && numbers.Contains(a.PolicyVersion)
                : a => a.PolicyCode == code && numbers.Contains(a.PolicyVersion);
            any = OrElse(any, under);
        }

        return any ?? (a => false);
    }

    private static Expression<Func<Application, bool>> OrElse(Expression<Func<Application, bool>>? any, Expression<Func<Application, bool>> next) =>
        any is null ? next : Predicates.Or(any, next);
}
