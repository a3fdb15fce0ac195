using InnoCenter.Domain.Documents;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Documents;

/// <summary>
/// Issues the document number (发文字号) of an official document the first time the document is produced and keeps it:
/// every later copy prints the same number. The serial is the next of its pattern's yearly series in the registry of
/// issued numbers, which is never deleted from, so a serial is never reused; two nodes issuing at once meet the unique
/// index and the loser takes the next serial.
/// </summary>
public sealed class DocumentNumbers(AppDbContext db, TimeProvider clock, ILogger<DocumentNumbers> logger)
{
    private const int Attempts = 5;

    /// <returns>The number, or null when no pattern is configured for <paramref name="kind"/> (the pack must name one).</returns>
    public async Task<string?> GetOrIssueAsync(string kind, Guid subjectId, string? pattern, int year, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var issued = await db.DocumentNumbers.AsNoTracking()
                .Where(n => n.Kind == kind && n.SubjectId == subjectId).Select(n => n.Number).FirstOrDefaultAsync(ct);
            if (issued is not null)
            {
                return issued;
            }

            if (string.IsNullOrWhiteSpace(pattern))
            {
                logger.LogWarning("The policy pack names no document number pattern for {Kind}; the document goes out without one", kind);
                return null;
            }

            var last = await db.DocumentNumbers.Where(n => n.Series == pattern && n.Year == year).MaxAsync(n => (int?)n.Serial, ct) ?? 0;
            var number = DocumentNumber.Issue(kind, subjectId, pattern, year, last + 1, clock.GetUtcNow());
            db.DocumentNumbers.Add(number);
            try
            {
                await db.SaveChangesAsync(ct);
                return number.Number;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Someone else issued this serial, or this very document's number, a moment ago: read again.
                db.Entry(number).State = EntityState.Detached;
            }
        }
    }
}
