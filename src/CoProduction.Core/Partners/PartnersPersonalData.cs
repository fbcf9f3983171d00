using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Partners;

/// <summary>
/// Adds what Partners holds about a participant to their subject-access export (section <c>partners</c>): their
/// expressions of interest with the decisions and reasons, their onboarding checks, roles and story-sharing sessions,
/// and the confidential support records about them (a person has the right to see what is recorded about them). Nothing
/// about anyone else: a decision says what was decided, not who decided; a support record not who held it.
/// </summary>
internal sealed class PartnersDataContributor(IOpportunityStore opportunities, IPartnerRecordStore records, ISupportRecordStore support) : IParticipantDataContributor
{
    public string Section => "partners";

    public async Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var expressions = (await opportunities.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false))
            .SelectMany(o => o.Expressions.Where(e => e.ParticipantId == participantId).Select(e => new
            {
                opportunity = o.Role.Title,
                e.LivedExperience,
                e.Availability,
                e.AdjustmentsNeeded,
                e.SubmittedAt,
                e.Outcome,
                e.DecisionReason,
                e.DecidedOn,
                e.ToldOn,
                e.ToldVia,
                e.WithdrawnAt,
            }))
            .ToList();
        var record = await records.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var supportRecords = (await support.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false))
            .Select(s => new { s.Kind, s.HeldOn, s.AgreedNextStep, s.Notes, s.NextReviewOn, s.RecordedAt })
            .ToList();
        if (expressions.Count == 0 && record is null && supportRecords.Count == 0)
        {
            return null;
        }

        return new
        {
            expressionsOfInterest = expressions,
            onboardingChecks = record?.Checks.Select(c => new { c.Kind, c.TrainingName, c.CompletedOn, c.ExpiresOn }),
            roles = record?.Appointments.Select(a => new { opportunityId = a.OpportunityId.Value, a.AppointedOn, a.ReviewOn, a.FirstActivityOn, a.EndedOn }),
            supportPlanReviewOn = record?.SupportPlanReviewOn,
            storySharing = record?.StorySharing.Select(s => new { s.Occasion, s.SessionOn, s.Readiness, s.ReadinessConfirmedOn, s.WithdrawnAt, debriefed = s.DebriefId is not null }),
            supportRecords,
        };
    }
}

/// <summary>
/// On a participant's erasure, removes their words from Partners: what they wrote in their expressions of interest and
/// the adjustments they asked for, the reasons given for decisions about them, the occasions of their story-sharing
/// sessions, and the agreed next steps and notes of the support records about them. Dates, outcomes, checks and roles
/// stay under their pseudonymous id.
/// </summary>
internal sealed class PartnersDataEraser(IOpportunityStore opportunities, IPartnerRecordStore records, ISupportRecordStore support) : IParticipantDataEraser
{
    public async Task<IReadOnlyList<IAggregateRoot>> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var changed = new List<IAggregateRoot>();
        changed.AddRange((await opportunities.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false)).Where(o => o.RemovePersonalText(participantId)));
        if (await records.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false) is { } record && record.RemovePersonalText())
        {
            changed.Add(record);
        }

        changed.AddRange((await support.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false)).Where(s => s.RemovePersonalText()));
        return changed;
    }
}
