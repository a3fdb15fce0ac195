using Xunit.Abstractions;
using Xunit.Sdk;

namespace InnoCenter.Web.Tests.Infrastructure;

/// <summary>Marks a test class whose database is PostgreSQL; its tests skip, with a message, where PG_CONN is not set.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresSuiteAttribute : Attribute;

/// <summary>
/// A fact written once in an abstract suite and run for each database provider. Where the concrete class is a
/// <see cref="PostgresSuiteAttribute">PostgreSQL suite</see> and no server is configured, it is reported as skipped.
/// </summary>
[XunitTestCaseDiscoverer("InnoCenter.Web.Tests.Infrastructure.ProviderFactDiscoverer", "InnoCenter.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        return ProviderSkip.For(diagnosticMessageSink, discoveryOptions, testMethod)
            ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

/// <summary>A theory written once in an abstract suite and run for each database provider, skipped like <see cref="ProviderFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("InnoCenter.Web.Tests.Infrastructure.ProviderTheoryDiscoverer", "InnoCenter.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        return ProviderSkip.For(diagnosticMessageSink, discoveryOptions, testMethod)
            ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

/// <summary>The one skip rule both discoverers apply: a PostgreSQL suite on a machine without a server.</summary>
internal static class ProviderSkip
{
    public static IEnumerable<IXunitTestCase>? For(
        IMessageSink diagnosticMessageSink, ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod)
    {
        var isPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresSuiteAttribute)).Any();
        if (!isPostgres || TestEnvironment.PostgresSkipReason is not { } reason)
        {
            return null;
        }

        return
        [
            new XunitSkippedDataRowTestCase(
                diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, reason),
        ];
    }
}
