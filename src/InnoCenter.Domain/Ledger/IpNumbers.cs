using System.Text.RegularExpressions;

namespace InnoCenter.Domain.Ledger;

/// <summary>The number of an IP record, checked by its kind: Chinese patents by their check digit, the others by their format.</summary>
public static partial class IpNumbers
{
    /// <summary>The canonical number, or null with the reason it is refused.</summary>
    public static string? Normalize(IpKind kind, string? input, out string? errorCode)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            errorCode = "validation.required";
            return null;
        }

        var compact = WhiteSpace().Replace(input.Trim().ToUpperInvariant(), string.Empty);
        switch (kind)
        {
            case IpKind.InventionApplication or IpKind.InventionGrant or IpKind.UtilityModel or IpKind.Design:
                if (!PatentNumber.TryParse(compact, out var patent, out errorCode))
                {
                    return null;
                }

                var fits = kind switch
                {
                    IpKind.UtilityModel => patent.KindDigit is '2' or '9',
                    IpKind.Design => patent.KindDigit == '3',
                    _ => patent.KindDigit is '1' or '8',
                };
                if (!fits)
                {
                    errorCode = "ledger.patent_kind_mismatch";
                    return null;
                }

                return patent.Value;

            case IpKind.Pct:
                errorCode = Pct().IsMatch(compact) ? null : "ledger.pct_format";
                return errorCode is null ? compact : null;

            case IpKind.SoftwareCopyright:
                errorCode = SoftwareCopyright().IsMatch(compact) ? null : "ledger.software_copyright_format";
                return errorCode is null ? compact : null;

            case IpKind.IcLayout:
                var layout = compact.StartsWith("BS", StringComparison.Ordinal) && !compact.StartsWith("BS.", StringComparison.Ordinal)
                    ? "BS." + compact[2..]
                    : compact;
                errorCode = IcLayout().IsMatch(layout) ? null : "ledger.ic_layout_format";
                return errorCode is null ? layout : null;

            default:
                errorCode = "ledger.ip_kind_unknown";
                return null;
        }
    }

    /// <summary>PCT/CN2023/123456 — receiving office, year, serial.</summary>
    [GeneratedRegex(@"^PCT/[A-Z]{2}\d{4}/\d{6}$")]
    private static partial Regex Pct();

    /// <summary>2023SR0123456 — year, SR, serial.</summary>
    [GeneratedRegex(@"^\d{4}SR\d{6,7}$")]
    private static partial Regex SoftwareCopyright();

    /// <summary>BS.235500123 — 布图设计登记号.</summary>
    [GeneratedRegex(@"^BS\.\d{8,10}[0-9X]?$")]
    private static partial Regex IcLayout();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
