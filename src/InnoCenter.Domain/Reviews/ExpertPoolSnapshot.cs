namespace InnoCenter.Domain.Reviews;

/// <summary>
/// One immutable pool version (专家库快照) that recorded draws reference, stored once per distinct content (unique on
/// its SHA-256) instead of once per draw (≈ 0.5 MB at 5,000 experts). Never updated or deleted: a draw re-runs from it
/// after the experts have changed. Not <c>IAudited</c>: each draw's audit row names the snapshot and the SHA-256 of the
/// snapshot it ran on, which pins this content; logging the pool itself would put the half megabyte into the log.
/// </summary>
public sealed class ExpertPoolSnapshot
{
    /// <summary><see cref="Content"/> is a <see cref="DrawPool"/>; the draw's terms make its snapshot.</summary>
    public const string PoolFormat = "pool-v1";

    /// <summary>
    /// <see cref="Content"/> is a whole <see cref="DrawSnapshot"/>: a draw recorded before pool versions, moved here as it
    /// was (its subject's key-area matches and exclusions are in it, so it is shared only by draws with the same snapshot).
    /// </summary>
    public const string SnapshotFormat = "draw-snapshot-v1";

    private ExpertPoolSnapshot()
    {
    }

    public Guid Id { get; private set; }

    public string Format { get; private set; } = PoolFormat;

    /// <summary>SHA-256 of <see cref="Content"/> in lower-case hex.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public string Content { get; private set; } = string.Empty;

    public int ExpertCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The content still hashes to the recorded SHA-256.</summary>
    public bool Intact => DrawSnapshot.Sha256Of(Content) == Sha256;

    public static ExpertPoolSnapshot Of(DrawPool pool, DateTimeOffset now)
    {
        var content = pool.ToJson();
        return new ExpertPoolSnapshot
        {
            Id = Guid.CreateVersion7(),
            Format = PoolFormat,
            Sha256 = DrawSnapshot.Sha256Of(content),
            Content = content,
            ExpertCount = pool.Experts.Count,
            CreatedAt = now,
        };
    }
}
