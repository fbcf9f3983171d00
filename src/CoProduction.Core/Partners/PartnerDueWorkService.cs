using Ardalis.GuardClauses;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.Partners;

/// <summary>
/// What falls due in a window, in one query: DBS and training renewals, support-plan reviews, fixed-term role reviews,
/// debriefs not yet held after a story-sharing session, payment claims that pass the payment target, and peer-review
/// follow-ups overdue. Each item says how the person may be contacted about it: through their preferred method only,
/// and only while their consent to be contacted is in force. <see cref="AnnounceAsync"/> raises one
/// <see cref="Events.PartnerWorkFellDue"/> event per partner item, once, for the outbox dispatcher.
/// </summary>
/// <remarks>
/// An item is due in the window when its due date falls in it (both ends included). A renewal counts only the latest
/// check of its kind (and course), since a renewed check replaces the old one; a role review only a role not ended; a
/// debrief only a session the partner was confirmed ready for and that has no debrief yet, due
/// <see cref="PartnerOptions.DebriefWithinDays"/> after the session; a claim one still submitted or approved, on the
/// day it becomes overdue as <see cref="PaymentService"/> counts it (more than the payment policy's <see cref="PaymentPolicy.PaymentTargetDays"/>, or else <see cref="PaymentOptions.PaymentTargetDays"/>,
/// whole days after submission); a follow-up one that
/// <see cref="ReviewSubmissionService.ListOverdueFollowUpsAsync"/> reports overdue today.
/// </remarks>
public sealed class PartnerDueWorkService
{
    private readonly IPartnerRecordStore _records;
    private readonly IPaymentClaimStore _claims;
    private readonly ReviewSubmissionService _submissions;
    private readonly IParticipantStore _participants;
    private readonly IUnitOfWork _unitOfWork;
    private readonly CoProductionOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="records">The partner record store.</param>
    /// <param name="claims">The payment claim store (Payments), read only.</param>
    /// <param name="submissions">The peer-review submission service, for its overdue follow-ups (read only).</param>
    /// <param name="participants">The participant store, for contact preferences and consent.</param>
    /// <param name="unitOfWork">Saves the announcements.</param>
    /// <param name="options">The library's options.</param>
    /// <param name="clock">The clock.</param>
    public PartnerDueWorkService(IPartnerRecordStore records, IPaymentClaimStore claims, ReviewSubmissionService submissions, IParticipantStore participants, IUnitOfWork unitOfWork, IOptions<CoProductionOptions> options, TimeProvider clock)
    {
        _records = Guard.Against.Null(records);
        _claims = Guard.Against.Null(claims);
        _submissions = Guard.Against.Null(submissions);
        _participants = Guard.Against.Null(participants);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _options = Guard.Against.Null(options).Value;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Lists everything that falls due from <paramref name="from"/> to <paramref name="to"/>, by due date.</summary>
    /// <param name="from">The first day of the window.</param>
    /// <param name="to">The last day of the window.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The items, by due date, then kind.</returns>
    /// <exception cref="InvalidInputException">The window ends before it starts, or is longer than 3 years.</exception>
    public async Task<IReadOnlyList<DueWorkItem>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        CheckWindow(from, to);
        var items = new List<(ParticipantId Person, DueWorkKind Kind, Guid ItemId, DateOnly DueOn)>();
        foreach (var record in await _records.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            items.AddRange(PartnerItems(record, from, to).Select(i => (record.ParticipantId, i.Kind, i.ItemId, i.DueOn)));
        }

        foreach (var status in new[] { PaymentClaimStatus.Submitted, PaymentClaimStatus.Approved })
        {
            foreach (var claim in await _claims.ListByStatusAsync(status, cancellationToken).ConfigureAwait(false))
            {
                // Overdue as PaymentService's ageing counts it, on that day in the trust's time zone.
                var dueOn = _options.Payments.DateOf(claim.OverdueFrom(_options.Payments.EffectivePaymentTargetDays()));
                if (dueOn >= from && dueOn <= to)
                {
                    items.Add((claim.ParticipantId, DueWorkKind.ClaimOverdue, claim.Id.Value, dueOn));
                }
            }
        }

        foreach (var followUp in await _submissions.ListOverdueFollowUpsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (followUp.Action.DueOn >= from && followUp.Action.DueOn <= to)
            {
                items.Add((followUp.Action.OwnerId, DueWorkKind.FollowUpOverdue, followUp.Action.Id.Value, followUp.Action.DueOn));
            }
        }

        var people = (await _participants.FindManyAsync([.. items.Select(i => i.Person).Distinct()], cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Id);
        var now = _clock.GetUtcNow();
        return [.. items
            .Select(i => new DueWorkItem(i.Kind, i.Person, i.ItemId, i.DueOn, people.TryGetValue(i.Person, out var person) ? ContactVia(person, now) : null))
            .OrderBy(i => i.DueOn)
            .ThenBy(i => i.Kind)
            .ThenBy(i => i.ItemId)];
    }

    /// <summary>
    /// Announces the partner work that falls due in the window and was not announced before: one
    /// <see cref="Events.PartnerWorkFellDue"/> event per item, saved with the partner records in one unit of work, for
    /// the outbox dispatcher's handlers to send reminders. Claims and follow-ups are not announced here: their own
    /// areas hold them.
    /// </summary>
    /// <param name="from">The first day of the window.</param>
    /// <param name="to">The last day of the window.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many items were announced now.</returns>
    /// <exception cref="InvalidInputException">The window ends before it starts, or is longer than 3 years.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed a partner record meanwhile; nothing was saved, so announce again.</exception>
    public async Task<int> AnnounceAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        CheckWindow(from, to);
        var records = await _records.ListAsync(cancellationToken).ConfigureAwait(false);
        var people = (await _participants.FindManyAsync([.. records.Select(r => r.ParticipantId)], cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Id);
        var now = _clock.GetUtcNow();
        var changes = new List<AggregateChange>();
        var count = 0;
        foreach (var record in records)
        {
            var contactVia = people.TryGetValue(record.ParticipantId, out var person) ? ContactVia(person, now) : null;
            var announced = record.Announce(PartnerItems(record, from, to).Select(i => new DueWorkItem(i.Kind, record.ParticipantId, i.ItemId, i.DueOn, contactVia)), _clock);
            if (announced > 0)
            {
                count += announced;
                changes.Add(AggregateChange.Update(record));
            }
        }

        if (changes.Count > 0)
        {
            await _unitOfWork.SaveAsync(changes, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>How a person may be contacted: their preferred method, when they consent to contact now and have the details it needs.</summary>
    internal static ContactMethod? ContactVia(Participant person, DateTimeOffset now)
    {
        if (person.IsErased || person.Contact is not { } contact || !person.HasConsent(ConsentPurpose.Contact, now))
        {
            return null;
        }

        var reachable = contact.PreferredMethod switch
        {
            ContactMethod.Email => contact.Email is not null,
            ContactMethod.Phone or ContactMethod.TextMessage => contact.Phone is not null,
            _ => contact.PostalAddress is not null,
        };
        return reachable ? contact.PreferredMethod : null;
    }

    private IEnumerable<(DueWorkKind Kind, Guid ItemId, DateOnly DueOn)> PartnerItems(PartnerRecord record, DateOnly from, DateOnly to)
    {
        bool InWindow(DateOnly d) => d >= from && d <= to;
        var latestChecks = record.Checks
            .Where(c => c.Kind is OnboardingCheckKind.DbsCheck or OnboardingCheckKind.Training)
            .GroupBy(c => (c.Kind, Course: c.TrainingName?.ToUpperInvariant()))
            .Select(g => g.OrderBy(c => c.CompletedOn).ThenBy(c => c.RecordedAt).Last());
        foreach (var check in latestChecks)
        {
            if (check.ExpiresOn is { } expires && InWindow(expires))
            {
                yield return (check.Kind == OnboardingCheckKind.DbsCheck ? DueWorkKind.DbsRenewal : DueWorkKind.TrainingRenewal, check.Id, expires);
            }
        }

        if (record.SupportPlanReviewOn is { } planReview && InWindow(planReview))
        {
            yield return (DueWorkKind.SupportPlanReview, record.Id.Value, planReview);
        }

        foreach (var appointment in record.Appointments.Where(a => a.EndedOn is null && a.ReviewOn is { } r && InWindow(r)))
        {
            yield return (DueWorkKind.FixedTermRoleReview, appointment.Id.Value, appointment.ReviewOn!.Value);
        }

        foreach (var story in record.StorySharing.Where(s => s.Readiness == StoryReadiness.Ready && s.DebriefId is null))
        {
            var dueOn = story.SessionOn.AddDays(_options.Partners.DebriefWithinDays);
            if (InWindow(dueOn))
            {
                yield return (DueWorkKind.DebriefNotHeld, story.Id.Value, dueOn);
            }
        }
    }

    private static void CheckWindow(DateOnly from, DateOnly to) =>
        new CommandInput()
            .That(to >= from, nameof(to), "The window ends before it starts: give a last day on or after the first.")
            .That(to.DayNumber - from.DayNumber <= 3 * 366, nameof(to), "The window is longer than 3 years: ask for a shorter one.")
            .ThrowIfInvalid();
}

/// <summary>One piece of work that falls due.</summary>
/// <param name="Kind">The kind of work.</param>
/// <param name="ParticipantId">The person it concerns: the partner, the claimant or the action's owner.</param>
/// <param name="ItemId">The check, appointment, partner record (for a support-plan review), story-sharing entry, claim or planned action.</param>
/// <param name="DueOn">When it falls due.</param>
/// <param name="ContactVia">How the person may be contacted about it: their preferred method, when they consent to be contacted and have the details; otherwise <see langword="null"/>, and they must not be contacted.</param>
public sealed record DueWorkItem(DueWorkKind Kind, ParticipantId ParticipantId, Guid ItemId, DateOnly DueOn, ContactMethod? ContactVia);
