using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCenter.Web.Data.Interceptors;

/// <summary>
/// Lets every SQLite connection read the database file through a memory map (<c>PRAGMA mmap_size</c>, configuration
/// <c>Database:SqliteMmapBytes</c>, 256 MB by default, 0 to turn it off). Without it each pooled connection keeps its
/// own 2 MB page cache and a scan re-reads the file with one system call per page; mapped, all connections share the
/// operating system's cache of the file. The mapped pages that were read count towards the process's resident memory.
/// </summary>
public sealed class SqliteMmapInterceptor(long bytes) : DbConnectionInterceptor
{
    private readonly string _pragma = "PRAGMA mmap_size=" + bytes.ToString(CultureInfo.InvariantCulture) + ";";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
