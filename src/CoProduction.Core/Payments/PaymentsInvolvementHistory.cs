using CoProduction.People;

namespace CoProduction.Payments;

/// <summary>The last day each participant did an involvement activity (paid or not), for the retention review.</summary>
internal sealed class PaymentsInvolvementHistory(IInvolvementActivityStore activities) : IParticipantInvolvementHistory
{
    public async Task<IReadOnlyDictionary<ParticipantId, DateOnly>> LastInvolvedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<ParticipantId, DateOnly>();
        foreach (var activity in await activities.ListBetweenAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            InvolvementDates.Note(latest, activity.ParticipantId, activity.Date);
        }

        return latest;
    }
}
