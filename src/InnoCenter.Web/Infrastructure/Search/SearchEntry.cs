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

    public string Terms { get; set; } = string.Empty;

    public static SearchEntry For(string kind, Guid recordId, string terms) =>
        new() { Kind = kind, RecordId = recordId, Terms = terms };
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
