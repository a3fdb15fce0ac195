namespace InnoCenter.Domain.Audit;

public enum AuditBreakKind
{
    /// <summary>The row's hash does not verify under the key: its content or its hash was changed (re-hashing without the key gives this too).</summary>
    Altered,

    /// <summary>Sequence numbers are missing between two sealed rows: rows were removed.</summary>
    Missing,

    /// <summary>The row verifies but does not point back to the row before it: rows were moved or spliced.</summary>
    Relinked,

    /// <summary>A row out of order (a sequence seen twice or going back).</summary>
    Misplaced,

    /// <summary>A signed head names rows beyond the end of the chain: the newest rows were removed.</summary>
    Truncated,

    /// <summary>A signed head names a row whose hash is not the one it signed: the chain was rewritten.</summary>
    HeadMismatch,

    /// <summary>A head in the store whose signature does not verify under the key; it is ignored.</summary>
    ForgedHead,
}

/// <summary>One break of the chain: its kind and the sequence (or range of sequences) it concerns.</summary>
public sealed record AuditBreak(AuditBreakKind Kind, long Sequence, long? Through = null);

public sealed record AuditReport(long Checked, long LastSequence, IReadOnlyList<AuditBreak> Breaks, SignedHead? NewestHead, int Restores)
{
    public bool Intact => Breaks.Count == 0;

    public long? FirstBrokenSequence => Breaks.Count == 0 ? null : Breaks.Min(b => b.Sequence);
}

/// <summary>
/// Walks the sealed chain in sequence order, one row at a time (a long log streams from the database), and reports
/// every break rather than the first: each row is checked on its own (its keyed hash) and against the row before it
/// (its back-link, the sequence without gaps), and at the end the chain is compared with the signed heads kept outside
/// the database, which is what finds a truncated tail. A restore's signed record sets the chain back on purpose: the
/// heads written before it beyond the restored sequence describe a history the restore replaced, and no longer apply.
/// </summary>
public sealed class AuditVerifier
{
    /// <summary>The algorithm name of the rows sealed with the unkeyed SHA-256 of the first releases.</summary>
    public const string LegacyAlgorithm = "SHA-256";

    private readonly Func<string, IAuditMac?> _macs;
    private readonly List<AuditBreak> _breaks = [];
    private readonly List<SignedHead> _live = [];
    private readonly Dictionary<long, string> _seen = [];
    private readonly HashSet<long> _wanted;
    private readonly long _legacyBoundary;
    private readonly SignedHead? _newest;
    private readonly int _restores;

    private string _previous = AuditChain.Genesis;
    private long _expected = 1;
    private bool _keyedSeen;
    private bool _previousAltered;

    public AuditVerifier(IEnumerable<SignedHead> heads, Func<string, IAuditMac?> macs)
    {
        _macs = macs;
        var valid = new List<SignedHead>();
        foreach (var head in heads)
        {
            if (macs(head.Algorithm) is { } mac && head.IsSignedWith(mac))
            {
                valid.Add(head);
            }
            else
            {
                _breaks.Add(new AuditBreak(AuditBreakKind.ForgedHead, head.Sequence));
            }
        }

        valid = [.. valid.OrderBy(h => h.At).ThenBy(h => h.Sequence)];
        for (var i = 0; i < valid.Count; i++)
        {
            var head = valid[i];
            var superseded = valid.Skip(i + 1).Any(later => later.Kind == SignedHeadKind.Restore && later.Sequence < head.Sequence);
            if (!superseded)
            {
                _live.Add(head);
            }
        }

        _wanted = [.. _live.Select(h => h.Sequence)];
        _legacyBoundary = valid.Where(h => h.Kind == SignedHeadKind.Legacy).Select(h => h.Sequence).DefaultIfEmpty(0).Max();
        _newest = valid.Count == 0 ? null : valid[^1];
        _restores = valid.Count(h => h.Kind == SignedHeadKind.Restore);
    }

    public long Checked { get; private set; }

    public long LastSequence { get; private set; }

    public void Accept(AuditLink link, string hash, string algorithm)
    {
        if (link.Sequence < _expected)
        {
            _breaks.Add(new AuditBreak(AuditBreakKind.Misplaced, link.Sequence));
            Checked++;
            return;
        }

        var gap = link.Sequence > _expected;
        if (gap)
        {
            _breaks.Add(new AuditBreak(AuditBreakKind.Missing, _expected, link.Sequence - 1));
        }

        bool verifies;
        if (algorithm == LegacyAlgorithm)
        {
            // The unkeyed form is only believed for the rows a signed legacy head vouches for, before any keyed row:
            // otherwise anyone could relabel a keyed row as legacy and re-hash it.
            verifies = !_keyedSeen && link.Sequence <= _legacyBoundary && AuditChain.Hash(link) == hash;
        }
        else
        {
            _keyedSeen = true;
            verifies = _macs(algorithm) is { } mac && AuditChain.KeyedHash(link, mac) == hash;
        }

        if (!verifies)
        {
            _breaks.Add(new AuditBreak(AuditBreakKind.Altered, link.Sequence));
        }
        else if (!gap && !_previousAltered && link.PreviousHash != _previous)
        {
            // After a gap or an altered row the back-link cannot hold, and that break is already reported.
            _breaks.Add(new AuditBreak(AuditBreakKind.Relinked, link.Sequence));
        }

        _previousAltered = !verifies;

        _previous = hash;
        _expected = link.Sequence + 1;
        LastSequence = link.Sequence;
        if (_wanted.Contains(link.Sequence))
        {
            _seen[link.Sequence] = hash;
        }

        Checked++;
    }

    public AuditReport Finish()
    {
        long truncatedThrough = 0;
        foreach (var head in _live)
        {
            if (head.Sequence > LastSequence)
            {
                truncatedThrough = Math.Max(truncatedThrough, head.Sequence);
            }
            else if (head.Sequence > 0 && _seen.TryGetValue(head.Sequence, out var hash) && hash != head.Hash)
            {
                _breaks.Add(new AuditBreak(AuditBreakKind.HeadMismatch, head.Sequence));
            }
        }

        if (truncatedThrough > 0)
        {
            _breaks.Add(new AuditBreak(AuditBreakKind.Truncated, LastSequence + 1, truncatedThrough));
        }

        return new AuditReport(Checked, LastSequence, [.. _breaks.OrderBy(b => b.Sequence).ThenBy(b => b.Kind)], _newest, _restores);
    }
}
