using System.Globalization;

namespace InnoCenter.Web.Infrastructure.Files;

/// <summary>A file's size as people read it: bytes below a kilobyte (never "0 KB"), then KB and MB with one decimal.</summary>
public static class FileSize
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
