using CoProduction.Primitives;

namespace CoProduction.People;

/// <summary>
/// Removes, when a participant is erased, what one area of the library holds in their words or about them, where the
/// record itself must stay (a panel's feedback stays, a reviewer's comments go). Each area of the library has one;
/// register your own for data held by your extensions (<c>services.AddScoped&lt;IParticipantDataEraser, MyEraser&gt;()</c>).
/// <see cref="ParticipantService.EraseAsync"/> saves the participant and every aggregate the erasers return in one
/// unit of work: the erasure happens everywhere or nowhere.
/// </summary>
public interface IParticipantDataEraser
{
    /// <summary>
    /// Replaces the free text written by or about the participant with <see cref="PersonalData.RemovedOnErasure"/> in
    /// this area's aggregates (loaded from the current organisation's stores), and returns the aggregates it changed,
    /// unsaved. Ids stay, as pseudonymous references to an erased record.
    /// </summary>
    /// <param name="participantId">The participant being erased.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The changed aggregates, for the caller to save with the participant.</returns>
    Task<IReadOnlyList<IAggregateRoot>> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken);
}

/// <summary>Constants about personal data; the inventory of where it is held is docs/personal-data.md.</summary>
public static class PersonalData
{
    /// <summary>What replaces free text written by or about an erased participant where the record itself stays.</summary>
    public const string RemovedOnErasure = "[removed on erasure]";

    /// <summary>Replaces text with <see cref="RemovedOnErasure"/>, keeping <see langword="null"/> as it is.</summary>
    internal static string? Removed(string? text) => text is null ? null : RemovedOnErasure;
}
