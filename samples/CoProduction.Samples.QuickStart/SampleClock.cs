namespace CoProduction.Samples.QuickStart;

/// <summary>A clock the sample moves forward by hand, so that a year passes in a second.</summary>
internal sealed class SampleClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset moment)
    {
        if (moment < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(moment), moment, "The sample clock only moves forward.");
        }

        _now = moment;
    }

    public void MoveTo(DateOnly date, int hour = 9) => MoveTo(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));
}
