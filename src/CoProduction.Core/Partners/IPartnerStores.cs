using CoProduction.People;
using CoProduction.Storage;

namespace CoProduction.Partners;

/// <summary>Stores the current organisation's opportunities.</summary>
public interface IOpportunityStore : IAggregateStore<Opportunity, OpportunityId>
{
    /// <summary>Lists the opportunities, optionally only those with a status, by closing date.</summary>
    /// <param name="status">The status, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The opportunities.</returns>
    Task<IReadOnlyList<Opportunity>> ListAsync(OpportunityStatus? status, CancellationToken cancellationToken);

    /// <summary>Lists the opportunities a participant expressed interest in, by closing date.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The opportunities.</returns>
    Task<IReadOnlyList<Opportunity>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);
}

/// <summary>Stores the current organisation's partner records, one per participant.</summary>
public interface IPartnerRecordStore : IAggregateStore<PartnerRecord, PartnerRecordId>
{
    /// <summary>Finds a participant's partner record.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The record, or <see langword="null"/> when they have none.</returns>
    Task<PartnerRecord?> FindByParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);

    /// <summary>Lists every partner record, by when it was opened.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<PartnerRecord>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Stores the current organisation's confidential support records. Like every store it does not ask who reads: expose
/// support records only through <see cref="PartnerService"/>, which asks for the participation team.
/// </summary>
public interface ISupportRecordStore : IAggregateStore<SupportRecord, SupportRecordId>
{
    /// <summary>Lists the support records about a participant, by the date held.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<SupportRecord>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);
}
