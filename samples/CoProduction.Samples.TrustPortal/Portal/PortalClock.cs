namespace CoProduction.Samples.TrustPortal.Portal;

/// <summary>
/// The portal's clock: the system clock (or another, such as the browser tests' fixed start), except while the seeder
/// writes the trust's history: then it stands at the moments the seeder chooses (in the past, moving forward only),
/// so that the seeded records carry believable dates.
/// </summary>
/// <param name="underlying">The clock to follow when the seeder is not standing it still.</param>
public sealed class PortalClock(TimeProvider underlying) : TimeProvider
{
    private DateTimeOffset? _frozen;

    /// <summary>Gets today's date (UTC) by this clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public override DateTimeOffset GetUtcNow() => _frozen ?? underlying.GetUtcNow();

    internal void StandAt(DateTimeOffset moment) => _frozen = moment;

    internal void Release() => _frozen = null;
}
