using System.IO.Compression;

namespace InnoCenter.Web.Infrastructure.Files;

/// <summary>The kinds of file the platform accepts, recognised by their first bytes (and, for Office files, their parts).</summary>
public static class FileTypes
{
    public sealed record FileType(string Kind, string ContentType, string Extension)
    {
        /// <summary>
        /// Does the name's extension say what the bytes are? A name that claims another type (PNG bytes named .pdf, a
        /// PDF/HTML polyglot named .html) would be opened by the reader's machine as what it claims, so it is refused.
        /// </summary>
        public bool MatchesName(string? fileName)
        {
            var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
            return ext == Extension || (Kind == "jpg" && ext == ".jpeg");
        }
    }

    public static readonly FileType Pdf = new("pdf", "application/pdf", ".pdf");
    public static readonly FileType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileType Jpg = new("jpg", "image/jpeg", ".jpg");
    public static readonly FileType Png = new("png", "image/png", ".png");

    public static readonly IReadOnlyList<FileType> All = [Pdf, Docx, Xlsx, Jpg, Png];

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpgMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Detects the type of a seekable stream from its content; null when it is none of the accepted kinds.</summary>
    public static FileType? Detect(Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return Png;
        }

        if (head.StartsWith(JpgMagic))
        {
            return Jpg;
        }

        return head.StartsWith(ZipMagic) ? DetectOffice(content) : null;
    }

    private static FileType? DetectOffice(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }

            return zip.GetEntry("xl/workbook.xml") is not null ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
