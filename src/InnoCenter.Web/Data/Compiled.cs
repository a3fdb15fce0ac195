using System.Collections.Concurrent;

namespace InnoCenter.Web.Data;

/// <summary>
/// A compiled EF query kept per context type, i.e. per provider. One compiled query used by contexts of both providers
/// in one process (the test host runs SQLite and PostgreSQL side by side) ran with the other provider's parameter types
/// and failed; a deployment has one provider, so this holds one entry there.
/// </summary>
public sealed class Compiled<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContext = new();

    public TQuery For(AppDbContext db) => _byContext.GetOrAdd(db.GetType(), static (_, c) => c(), compile);
}
