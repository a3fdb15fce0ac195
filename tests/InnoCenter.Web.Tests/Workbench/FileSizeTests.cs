using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Tests.Workbench;

public sealed class FileSizeTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(87, "87 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1 KB")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(5 * 1024 * 1024, "5 MB")]
    public void A_small_file_is_never_shown_as_zero_kilobytes(long bytes, string shown) =>
        Assert.Equal(shown, FileSize.Format(bytes));
}
