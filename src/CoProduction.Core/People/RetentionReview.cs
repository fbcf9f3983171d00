namespace CoProduction.People;

/// <summary>
/// Tells, for one area of the library, the last day each participant took part in its work, so that
/// <see cref="ParticipantService.ListForRetentionReviewAsync"/> can find people with no involvement for a number of
/// years (storage limitation). Each area of the library has one; register your own for involvement your extensions
/// record (<c>services.AddScoped&lt;IParticipantInvolvementHistory, MyHistory&gt;()</c>).
/// </summary>
public interface IParticipantInvolvementHistory
{
    /// <summary>Gets the last day each participant took part in this area's work, for the current organisation.</summary>
    /// <param name="today">Today: a role still held (a panel term, a place on an active project's team) counts as involvement today.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The last day per participant who took part at all.</returns>
    Task<IReadOnlyDictionary<ParticipantId, DateOnly>> LastInvolvedAsync(DateOnly today, CancellationToken cancellationToken);
}

/// <summary>A participant to review under the retention schedule: no involvement in any area for the period asked.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="RegisteredOn">The day they were registered.</param>
/// <param name="LastInvolvedOn">The last day they took part in any area, or <see langword="null"/> when they never did.</param>
/// <param name="Since">The day the quiet period is counted from: the last involvement, or the registration when there was none.</param>
public sealed record RetentionReviewEntry(ParticipantId ParticipantId, DateOnly RegisteredOn, DateOnly? LastInvolvedOn, DateOnly Since);

/// <summary>Collects last-involvement days from several sources, keeping the latest per participant.</summary>
internal static class InvolvementDates
{
    internal static void Note(Dictionary<ParticipantId, DateOnly> latest, ParticipantId participantId, DateOnly on)
    {
        if (!latest.TryGetValue(participantId, out var known) || known < on)
        {
            latest[participantId] = on;
        }
    }

    internal static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
