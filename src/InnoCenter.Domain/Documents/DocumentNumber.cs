using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Documents;

/// <summary>
/// A document number (发文字号) the platform has issued: one per official document, formed from the pack's pattern
/// (e.g. 津工信创〔{year}〕{seq}号) with the next serial of that pattern's yearly series. A number is never deleted, so a
/// serial is never handed out twice; the database guards each subject, each serial and each formatted number as unique.
/// </summary>
public sealed class DocumentNumber : IAudited
{
    private DocumentNumber()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The kind of document, one of <see cref="DocumentKinds"/>.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>What the document is about: the application of a notice, the annual report of a result notice.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The pattern the number was formed from; with the year it names the series the serial counts in.</summary>
    public string Series { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Serial { get; private set; }

    /// <summary>The number as printed, e.g. 津工信创〔2026〕12号.</summary>
    public string Number { get; private set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; private set; }

    public static DocumentNumber Issue(string kind, Guid subjectId, string series, int year, int serial, DateTimeOffset now)
    {
        if (serial < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "A serial starts at 1.");
        }

        return new DocumentNumber
        {
            Kind = kind,
            SubjectId = subjectId,
            Series = series,
            Year = year,
            Serial = serial,
            Number = Format(series, year, serial),
            IssuedAt = now,
        };
    }

    /// <summary>Fills {year}, {seq} and {seq:000} — the serial without leading zeros unless the pattern asks for them, as GB/T 9704 writes it.</summary>
    public static string Format(string series, int year, int serial) =>
        series
            .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{seq:000}", serial.ToString("000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{seq}", serial.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>The official documents that carry a number the platform issues.</summary>
public static class DocumentKinds
{
    /// <summary>The public notice (公示) of an application.</summary>
    public const string Notice = "notice";

    /// <summary>The notice of a center's annual assessment result (考核结果通知).</summary>
    public const string AssessmentResult = "assessmentResult";

    /// <summary>The notice of a grant's tranche released (资金拨付通知).</summary>
    public const string FundDisbursement = "fundDisbursement";
}
