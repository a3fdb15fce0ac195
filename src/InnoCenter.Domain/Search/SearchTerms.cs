using System.Text;

namespace InnoCenter.Domain.Search;

/// <summary>
/// The tokens of the text-search index, made by the application so that both engines index the same thing.
/// Chinese (every non-ASCII letter or digit) is cut into overlapping character bigrams, because most Chinese search
/// words have two characters and neither FTS5's trigram tokenizer nor pg_trgm serves those. ASCII letters and digits
/// (credit codes, contract and patent numbers, Latin names) are lowercased and cut into overlapping trigrams plus the
/// word's last bigram (a two-letter word is its own token), because the searches they serve are substring searches
/// inside codes, not whole-word ones.
/// <para>
/// The contract: for any text T and query Q (Q of at least two letters or digits in one run) where T contains Q,
/// every term of <see cref="ForQuery"/>(Q) is in <see cref="ForIndex"/>(T). The index therefore gives a superset of
/// the substring matches, and the caller keeps its original predicate on those few candidates so results are exact.
/// </para>
/// </summary>
public static class SearchTerms
{
    /// <summary>Bump when the tokens change: the index is rebuilt at the next start.</summary>
    public const string Version = "v1";

    /// <summary>One term of a query: the index must hold it exactly, or (when <see cref="Prefix"/>) a token starting with it.</summary>
    public readonly record struct Term(string Text, bool Prefix);

    /// <summary>The tokens of a record's searched fields, distinct, ordered, separated by one space.</summary>
    public static string ForIndex(params IEnumerable<string?> texts)
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var (run, ascii) in Runs(text))
            {
                if (ascii)
                {
                    if (run.Count == 2)
                    {
                        tokens.Add(run[0] + run[1]);
                    }
                    else if (run.Count > 2)
                    {
                        for (var i = 0; i + 3 <= run.Count; i++)
                        {
                            tokens.Add(run[i] + run[i + 1] + run[i + 2]);
                        }

                        tokens.Add(run[^2] + run[^1]);
                    }
                }
                else
                {
                    for (var i = 0; i + 2 <= run.Count; i++)
                    {
                        tokens.Add(run[i] + run[i + 1]);
                    }
                }
            }
        }

        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The terms all of which a matching record's tokens hold. Empty when the query has no run of two letters or digits
    /// (a one-character search): the index cannot narrow it, and the caller scans as before.
    /// </summary>
    public static IReadOnlyList<Term> ForQuery(string? text)
    {
        var terms = new List<Term>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string t, bool prefix)
        {
            if (seen.Add(t))
            {
                terms.Add(new Term(t, prefix));
            }
        }

        foreach (var (run, ascii) in Runs(text))
        {
            if (ascii)
            {
                if (run.Count == 2)
                {
                    // Two ASCII characters may sit anywhere in a longer word: a trigram or the last bigram starts with them.
                    Add(run[0] + run[1], prefix: true);
                }

                for (var i = 0; i + 3 <= run.Count; i++)
                {
                    Add(run[i] + run[i + 1] + run[i + 2], prefix: false);
                }
            }
            else
            {
                for (var i = 0; i + 2 <= run.Count; i++)
                {
                    Add(run[i] + run[i + 1], prefix: false);
                }
            }
        }

        return terms;
    }

    /// <summary>Maximal runs of ASCII letters/digits and of other letters/digits, lowercased, as one string per character.</summary>
    private static IEnumerable<(List<string> Run, bool Ascii)> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var run = new List<string>();
        var runAscii = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var isToken = Rune.IsLetterOrDigit(rune) || Rune.IsNumber(rune);
            var ascii = rune.IsAscii;
            if (!isToken || (run.Count > 0 && ascii != runAscii))
            {
                if (run.Count > 0)
                {
                    yield return (run, runAscii);
                    run = [];
                }
            }

            if (isToken)
            {
                runAscii = ascii;
                run.Add(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        if (run.Count > 0)
        {
            yield return (run, runAscii);
        }
    }
}
