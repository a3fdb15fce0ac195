namespace InnoCenter.Web.Data;

/// <summary>
/// The 32-bit key of a record for a PostgreSQL two-key advisory lock (<c>pg_advisory_xact_lock(class, key)</c>): a stable
/// hash of its id. Two ids may share a key; that only makes two writers wait for each other, never skip a lock.
/// </summary>
public static class AdvisoryLockKey
{
    public static int Of(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var h = 17;
        foreach (var b in bytes)
        {
            h = unchecked((h * 31) + b);
        }

        return h;
    }

    /// <summary>The same for a text key (a slice such as "2026|spent|pilot-line"): stable across processes and nodes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int Of(string key)
    {
        var h = 17;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(key))
        {
            h = unchecked((h * 31) + b);
        }

        return h;
    }
}
