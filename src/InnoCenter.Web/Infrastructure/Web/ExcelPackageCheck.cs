using System.IO.Compression;
using System.Xml;
using InnoCenter.Domain.Common;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// Looks inside an uploaded .xlsx before anything parses it: a few hundred kilobytes of zip can expand to gigabytes
/// (a "zip bomb"), and a reader that builds strings would take them all into memory. Every entry is decompressed
/// through a counter that stops at the caps, the worksheets and shared strings are scanned with a forward-only XML
/// reader that counts rows, cells and the characters of each cell without building them, and the first cap passed is
/// the answer. Nothing here holds more than a small buffer.
/// </summary>
public static class ExcelPackageCheck
{
    private const int ChunkChars = 4096;

    /// <summary>Null when the package stays within the caps; otherwise the error that names the cap.</summary>
    public static Error? Inspect(Stream content, ImportLimits limits, int maxRows, string unreadableCode)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var declared = 0L;
            foreach (var entry in zip.Entries)
            {
                // What the directory declares is checked first: an honest bomb is refused without inflating a byte.
                declared += entry.Length;
                if (entry.Length > limits.MaxPartBytes)
                {
                    return PartTooLarge(entry, limits);
                }

                if (declared > limits.MaxUncompressedBytes)
                {
                    return TooLarge(limits);
                }
            }

            var counter = new Budget(limits.MaxUncompressedBytes);
            var cells = 0L;
            var rows = 0;
            foreach (var entry in zip.Entries)
            {
                using var raw = entry.Open();
                using var capped = new CappedStream(raw, counter, limits, entry.FullName);
                var name = entry.FullName.Replace('\\', '/');
                Error? error;
                if (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    error = ScanSheet(capped, limits, maxRows, ref rows, ref cells);
                }
                else if (name.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
                {
                    error = ScanSharedStrings(capped, limits);
                }
                else
                {
                    capped.CopyTo(Stream.Null);
                    error = null;
                }

                if (error is not null)
                {
                    return error;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is CapExceededException || ex.InnerException is CapExceededException)
        {
            return ((ex as CapExceededException) ?? (CapExceededException)ex.InnerException!).Error;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            return new Error(unreadableCode, "file");
        }
    }

    private static Error? ScanSheet(Stream part, ImportLimits limits, int maxRows, ref int rows, ref long cells)
    {
        using var xml = XmlReader.Create(part, Settings);
        var buffer = new char[ChunkChars];
        var sheetRows = 0;
        var rowCounted = false;
        string? cellRef = null;
        var cellChars = 0L;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "row":
                        rowCounted = false;
                        break;
                    case "c":
                        cellRef = xml.GetAttribute("r");
                        cellChars = 0;
                        if (++cells > limits.MaxCells)
                        {
                            return new Error("import.too_many_cells", "file", limits.MaxCells);
                        }

                        if (!rowCounted)
                        {
                            rowCounted = true;
                            rows++;
                            // The header takes the first row.
                            if (++sheetRows > maxRows + 1)
                            {
                                return new Error("import.too_many_rows", "file", maxRows);
                            }
                        }

                        break;
                }
            }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                cellChars += CountChars(xml, buffer, limits.MaxCellLength - cellChars);
                if (cellChars > limits.MaxCellLength)
                {
                    return new Error("import.cell_too_long", "file", cellRef ?? "?", limits.MaxCellLength);
                }
            }
        }

        return null;
    }

    private static Error? ScanSharedStrings(Stream part, ImportLimits limits)
    {
        using var xml = XmlReader.Create(part, Settings);
        var buffer = new char[ChunkChars];
        var chars = 0L;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                chars = 0;
            }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                chars += CountChars(xml, buffer, limits.MaxCellLength - chars);
                if (chars > limits.MaxCellLength)
                {
                    return new Error("import.cell_too_long", "file", "?", limits.MaxCellLength);
                }
            }
        }

        return null;
    }

    /// <summary>Counts a text node in chunks, stopping as soon as it passes what is left of the cell's allowance.</summary>
    private static long CountChars(XmlReader xml, char[] buffer, long allowance)
    {
        if (!xml.CanReadValueChunk)
        {
            return xml.Value.Length;
        }

        var total = 0L;
        int read;
        while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > allowance)
            {
                break;
            }
        }

        return total;
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static Error TooLarge(ImportLimits limits) =>
        new("import.too_large", "file", limits.MaxUncompressedBytes / (1024 * 1024));

    private static Error PartTooLarge(ZipArchiveEntry entry, ImportLimits limits) => PartTooLarge(entry.FullName, limits);

    private static Error PartTooLarge(string part, ImportLimits limits) =>
        new("import.part_too_large", "file", part, limits.MaxPartBytes / (1024 * 1024));

    private sealed class Budget(long total)
    {
        public long Left { get; set; } = total;
    }

    private sealed class CapExceededException(Error error) : Exception
    {
        public Error Error { get; } = error;
    }

    /// <summary>Passes bytes through until the part's or the package's allowance runs out, then throws.</summary>
    private sealed class CappedStream(Stream inner, Budget budget, ImportLimits limits, string part) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            budget.Left -= n;
            // Thrown rather than returned as end-of-stream, so a scan cannot take a cut part for a whole one.
            if (_read > limits.MaxPartBytes)
            {
                throw new CapExceededException(PartTooLarge(part, limits));
            }

            if (budget.Left < 0)
            {
                throw new CapExceededException(TooLarge(limits));
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
