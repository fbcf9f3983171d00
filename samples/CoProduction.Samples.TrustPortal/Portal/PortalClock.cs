namespace CoProduction.Samples.TrustPortal.Portal;

/// <summary>
/// The system clock, except while the seeder writes the trust's history: then it stands at the moments the seeder
/// chooses (in the past, moving forward only), so that the seeded records carry believable dates.
/// </summary>
public sealed class PortalClock : TimeProvider
{
    private DateTimeOffset? _frozen;

    public override DateTimeOffset GetUtcNow() => _frozen ?? System.GetUtcNow();

    internal void StandAt(DateTimeOffset moment) => _frozen = moment;

    internal void Release() => _frozen = null;
}
