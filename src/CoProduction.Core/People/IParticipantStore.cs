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
}
