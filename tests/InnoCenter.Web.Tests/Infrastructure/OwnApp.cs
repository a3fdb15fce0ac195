namespace InnoCenter.Web.Tests.Infrastructure;

/// <summary>
/// An app and database for one test alone (for tests that tamper with or restore the whole database), disposed through
/// the fixture's own DisposeAsync, which also drops a PostgreSQL test database.
/// </summary>
public sealed class OwnApp<TFactory> : IAsyncDisposable
    where TFactory : AppFactory, new()
{
    private OwnApp(TFactory factory) => Factory = factory;

    public TFactory Factory { get; }

    public static async Task<OwnApp<TFactory>> StartAsync(Action<TFactory>? configure = null)
    {
        var factory = new TFactory();
        configure?.Invoke(factory);
        await factory.InitializeAsync();
        return new OwnApp<TFactory>(factory);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
