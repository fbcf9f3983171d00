using CoProduction.Storage;

namespace CoProduction.People;

/// <summary>Stores participants.</summary>
public interface IParticipantStore : IAggregateStore<Participant, ParticipantId>
{
    /// <summary>Lists the current organisation's participants, optionally only those holding a role, ordered by name.</summary>
    /// <param name="role">The role to filter by, or <see langword="null"/> for everyone.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The participants.</returns>
    Task<IReadOnlyList<Participant>> ListAsync(ParticipantRole? role, CancellationToken cancellationToken);

    /// <summary>
    /// Finds several participants of the current organisation at once (one query, however many ids), for a list that
    /// needs a fact about each person it names, such as their consent to be contacted.
    /// </summary>
    /// <param name="participantIds">The ids; ids of no participant of the current organisation are skipped.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The participants found, in no particular order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participantIds"/> is <see langword="null"/>.</exception>
    Task<IReadOnlyList<Participant>> FindManyAsync(IReadOnlyCollection<ParticipantId> participantIds, CancellationToken cancellationToken);
}
