namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// What one uploaded workbook may expand to before it is read (configuration section <c>Imports</c>). The number of
/// rows is a policy rule and comes from the pack of each import; these caps protect the server, whatever the pack says.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Imports";

    /// <summary>All entries of the package together, uncompressed.</summary>
    public long MaxUncompressedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>One part (a worksheet, the shared strings), uncompressed.</summary>
    public long MaxPartBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Cells with a value in all worksheets together.</summary>
    public int MaxCells { get; set; } = 500_000;

    /// <summary>Characters in one cell; 32,767 is Excel's own limit, so no sheet made by a person goes beyond it.</summary>
    public int MaxCellLength { get; set; } = 32_767;
}
