namespace InnoCenter.Web.Features.Resources;

/// <summary>A series of bookings (周期预约): the first slot, then every day or week, a number of times or until a date.</summary>
public sealed record BookingSeriesRequest
{
    public DateTimeOffset? Starts { get; init; }

    public DateTimeOffset? Ends { get; init; }

    public string? Purpose { get; init; }

    /// <summary><c>Daily</c> or <c>Weekly</c>.</summary>
    public string? Frequency { get; init; }

    /// <summary>How many occurrences, the first included; or give <see cref="Until"/>.</summary>
    public int? Count { get; init; }

    /// <summary>The last day (Beijing) an occurrence may fall on; or give <see cref="Count"/>.</summary>
    public DateOnly? Until { get; init; }
}

public sealed record BookingSeriesDto(Guid SeriesId, IReadOnlyList<BookingDto> Bookings);
