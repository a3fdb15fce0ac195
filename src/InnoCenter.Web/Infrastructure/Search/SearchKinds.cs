using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.Domain.Search;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Search;

/// <summary>A kind of searched record: its name in the index, its entity type and the texts whose tokens it keeps.</summary>
public interface ISearchKind
{
    string Name { get; }

    Type EntityType { get; }

    string TermsOf(object entity);

    /// <summary>Every record of the kind with its tokens, a page at a time (for the rebuild).</summary>
    Task<IReadOnlyList<(Guid Id, string Terms)>> PageAsync(AppDbContext db, int skip, int take, CancellationToken ct);
}

public sealed class SearchKind<T>(string name, Func<T, IEnumerable<string?>> texts) : ISearchKind
    where T : class, IAudited
{
    public string Name => name;

    public Type EntityType => typeof(T);

    public string TermsOf(object entity) => SearchTerms.ForIndex(texts((T)entity));

    public async Task<IReadOnlyList<(Guid Id, string Terms)>> PageAsync(AppDbContext db, int skip, int take, CancellationToken ct)
    {
        var rows = await db.Set<T>().AsNoTracking().IgnoreAutoIncludes().OrderBy(x => x.Id).Skip(skip).Take(take).ToListAsync(ct);
        return rows.Select(r => (r.Id, SearchTerms.ForIndex(texts(r)))).ToList();
    }
}

/// <summary>
/// The searched kinds of the platform. A later module registers its own with
/// <c>services.AddSearchKind&lt;Grant&gt;("grant", g =&gt; [g.Title, g.DocumentNumber])</c> next to its handlers and then
/// filters with <see cref="SearchIndex.Matching"/>; the interceptor, the backfill and the rebuild need nothing more.
/// </summary>
public static class SearchKinds
{
    public const string Organization = "organization";
    public const string Application = "application";
    public const string Expert = "expert";
    public const string Center = "center";
    public const string LedgerIp = "ledger.ip";
    public const string LedgerDeal = "ledger.deal";

    public static IServiceCollection AddSearchKind<T>(this IServiceCollection services, string name, Func<T, IEnumerable<string?>> texts)
        where T : class, IAudited
    {
        if (name.Length > SearchEntryConfiguration.KindLength)
        {
            throw new ArgumentException($"A search kind's name has at most {SearchEntryConfiguration.KindLength} characters.", nameof(name));
        }

        return services.AddSingleton<ISearchKind>(new SearchKind<T>(name, texts));
    }

    /// <summary>The index, its interceptor and the kinds that exist today.</summary>
    public static IServiceCollection AddSearchIndex(this IServiceCollection services)
    {
        services.AddSingleton<SearchIndexInterceptor>();
        services.AddSearchKind<Organization>(Organization, o => [o.Name, o.CreditCode]);
        services.AddSearchKind<Application>(Application, a => [a.CenterName, a.LeadName]);
        services.AddSearchKind<Expert>(Expert, e => [e.Name, e.AffiliationName, e.AffiliationCreditCode]);
        services.AddSearchKind<Center>(Center, c => [c.Name, c.ApprovalNumber, c.PlaqueNumber]);
        services.AddSearchKind<IpRecord>(LedgerIp, x => [x.Title, x.Number]);
        services.AddSearchKind<TransferDeal>(LedgerDeal, x => [x.Title, x.ContractNumber]);
        return services;
    }
}
