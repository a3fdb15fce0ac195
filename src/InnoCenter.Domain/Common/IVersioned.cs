namespace InnoCenter.Domain.Common;

/// <summary>
/// A record people edit concurrently. The persistence layer increments <see cref="Version"/> on every update
/// and uses it as the optimistic concurrency token, so a lost update surfaces as a conflict.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A record whose every insert, update and delete goes into the hash-chained audit log.</summary>
public interface IAudited
{
    Guid Id { get; }
}
