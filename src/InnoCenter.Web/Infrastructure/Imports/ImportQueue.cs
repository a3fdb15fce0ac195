using System.Threading.Channels;

namespace InnoCenter.Web.Infrastructure.Imports;

/// <summary>The imports this node has accepted and not yet run, in arrival order (one at a time: imports are heavy).</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Reader => _channel.Reader;

    public void Enqueue(Guid jobId) => _channel.Writer.TryWrite(jobId);
}
