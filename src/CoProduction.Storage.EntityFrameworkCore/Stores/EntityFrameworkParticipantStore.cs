using CoProduction.People;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>The Entity Framework Core <see cref="IParticipantStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkParticipantStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<Participant, ParticipantId>(dependencies), IParticipantStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Participant>> ListAsync(ParticipantRole? role, CancellationToken cancellationToken)
    {
        var roleName = role?.ToString();
        var participants = await QueryAsync(
            q => roleName is null ? q : q.Where(p => EF.Property<List<string>>(p, ParticipantMapping.RolesColumn).Contains(roleName)),
            cancellationToken).ConfigureAwait(false);

        // Ordered here, by ordinal comparison, so that every database (whatever its collation) orders alike.
        return [.. participants.OrderBy(p => p.FullName, StringComparer.Ordinal).ThenBy(p => p.Id.Value)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Participant>> FindManyAsync(IReadOnlyCollection<ParticipantId> participantIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantIds);
        var wanted = participantIds.Distinct().ToList();
        return wanted.Count == 0 ? [] : await QueryAsync(q => q.Where(p => wanted.Contains(p.Id)), cancellationToken).ConfigureAwait(false);
    }
}
