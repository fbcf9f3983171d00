using Ardalis.GuardClauses;
using CoProduction.Primitives;

namespace CoProduction.People;

/// <summary>
/// Use cases about people: registering participants, looking them up, erasure and subject-access export.
/// </summary>
public sealed class ParticipantService
{
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly IEnumerable<IParticipantDataContributor> _contributors;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="participants">The participant store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="contributors">The areas that contribute to subject-access exports.</param>
    /// <param name="clock">The clock.</param>
    public ParticipantService(IParticipantStore participants, IOrganisationContext organisation, IEnumerable<IParticipantDataContributor> contributors, TimeProvider clock)
    {
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _contributors = Guard.Against.Null(contributors);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Registers a participant in the current organisation.</summary>
    /// <param name="fullName">Their full name.</param>
    /// <param name="roles">Their roles (at least one).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored participant.</returns>
    public async Task<Participant> RegisterAsync(string fullName, IEnumerable<ParticipantRole> roles, CancellationToken cancellationToken)
    {
        var participant = Participant.Register(_organisation.CurrentOrganisationId, fullName, roles, _clock);
        await _participants.AddAsync(participant, cancellationToken).ConfigureAwait(false);
        return participant;
    }

    /// <summary>Gets a participant of the current organisation, or fails with a clear error.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="DomainRuleViolationException">No such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    public async Task<Participant> GetAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(participantId);
        return await _participants.FindAsync(participantId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PeopleErrorCodes.ParticipantNotFound, $"There is no participant {participantId} in this organisation: check the id, or register the participant first.");
    }

    /// <summary>Loads a participant, applies a change and saves it (optimistic concurrency applies).</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="change">The change, such as <c>p =&gt; p.GiveConsent(ConsentPurpose.Contact, clock)</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    public async Task<Participant> ChangeAsync(ParticipantId participantId, Action<Participant> change, CancellationToken cancellationToken)
    {
        Guard.Against.Null(change);
        var participant = await GetAsync(participantId, cancellationToken).ConfigureAwait(false);
        change(participant);
        await _participants.UpdateAsync(participant, cancellationToken).ConfigureAwait(false);
        return participant;
    }

    /// <summary>
    /// Erases a participant's personal data (the right to erasure). The record keeps its id and non-personal
    /// history; everything else in the library already refers to the participant by id only.
    /// </summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The erased record.</returns>
    public Task<Participant> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => ChangeAsync(participantId, p => p.Erase(_clock), cancellationToken);

    /// <summary>Collects everything held about a participant, from every area of the library, for a subject-access request.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The export; <see cref="SubjectAccessExport.ToJson"/> gives the document to hand over.</returns>
    public async Task<SubjectAccessExport> ExportAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var participant = await GetAsync(participantId, cancellationToken).ConfigureAwait(false);
        var sections = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["participant"] = ParticipantRecordExport.From(participant),
        };
        foreach (var contributor in _contributors)
        {
            sections[contributor.Section] = await contributor.CollectAsync(participantId, cancellationToken).ConfigureAwait(false);
        }

        return new SubjectAccessExport(participantId, participant.OrganisationId.Value, _clock.GetUtcNow(), sections);
    }
}
