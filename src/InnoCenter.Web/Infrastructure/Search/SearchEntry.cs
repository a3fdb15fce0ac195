using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Infrastructure.Search;

/// <summary>
/// One searched record's tokens (<see cref="Domain.Search.SearchTerms.ForIndex"/>), kept by
/// <see cref="SearchIndexInterceptor"/> in the same SaveChanges as the record. The integer key is what the SQLite FTS5
/// table indexes (an INTEGER PRIMARY KEY keeps its rowid through VACUUM); PostgreSQL indexes a generated tsvector
/// column of the same row. Both are created by raw SQL in the migration, outside the EF model.
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; private set; }

    /// <summary>The kind of record (<see cref="SearchKinds"/>): one table may hold several kinds.</summary>
    public string Kind { get; private set; } = string.Empty;

    public Guid RecordId { get; private set; }

    /// <summary>The record's tokens, each behind its kind's code (<see cref="TokenOf"/>).</summary>
    public string Terms { get; private set; } = string.Empty;

    public static SearchEntry For(string kind, Guid recordId, string terms) =>
        new() { Kind = kind, RecordId = recordId, Terms = Stored(kind, terms) };

    /// <summary>A row whose text is kept as given (the index's build marker), never matched by a search.</summary>
    public static SearchEntry Raw(string kind, Guid recordId, string text) =>
        new() { Kind = kind, RecordId = recordId, Terms = text };

    /// <summary>Replaces the tokens; false when they are the same.</summary>
    public bool Retokenize(string terms)
    {
        var stored = Stored(Kind, terms);
        if (stored == Terms)
        {
            return false;
        }

        Terms = stored;
        return true;
    }

    /// <summary>
    /// A token as the index holds it for a kind: behind the kind's code (<see cref="CodeOf"/>) and "§", so that each
    /// word's list of entries in the index is that kind's alone. A common word was first matched across all kinds and
    /// each hit looked up to drop the others ("智能": 32,783 entries, 2,021 of them organisations); then intersected with
    /// a token every entry of the kind held, whose list is the whole kind (300,000 IP entries read to find 21,496 with
    /// "检测", 4–7 ms a search). "§" is indexed as part of a token by both engines (FTS5's ascii tokenizer keeps every
    /// character above 127; PostgreSQL's vector splits on spaces only) and never appears in a query term.
    /// </summary>
    public static string TokenOf(string kind, string token) => CodeOf(kind) + "§" + token;

    /// <summary>
    /// A kind's short code: the first two letters of each part of its name ("organization" → "or", "ledger.ip" → "leip"),
    /// a few bytes on each of the index's tokens rather than the whole name. <see cref="SearchIndex.EnsureBuiltAsync"/>
    /// refuses to start when two registered kinds share one.
    /// </summary>
    public static string CodeOf(string kind) =>
        string.Concat(kind.Split('.').Select(part => part.Length <= 2 ? part : part[..2])).ToLowerInvariant();

    private static string Stored(string kind, string terms) =>
        string.Join(' ', terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => TokenOf(kind, t)));
}

public sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public const int KindLength = 40;

    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("SearchEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Kind).HasMaxLength(KindLength).IsRequired();
        b.Property(x => x.Terms).IsRequired();
        b.HasIndex(x => new { x.Kind, x.RecordId }).IsUnique();
        b.HasIndex(x => x.RecordId);
    }
}
