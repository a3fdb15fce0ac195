namespace InnoCenter.Bench.Generator;

/// <summary>
/// Version-7-shaped ids (the time of the record in the first 48 bits, then seeded random bits) for records whose id
/// decides something the app computes from them: a panel draw orders its pool by expert id, so experts with fresh ids
/// would give another panel on every run with the same seed. Its own stream, so it draws nothing from the step's.
/// </summary>
public sealed class SeededIds(int seed, int stream)
{
    private readonly Random _random = new(unchecked((seed * 7919 + stream) ^ 0x5EED));

    public Guid Next(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
