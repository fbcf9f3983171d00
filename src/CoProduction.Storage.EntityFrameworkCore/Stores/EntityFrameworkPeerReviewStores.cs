using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>The Entity Framework Core <see cref="IPanelStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkPanelStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<Panel, PanelId>(dependencies), IPanelStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Panel>> ListAsync(CancellationToken cancellationToken)
    {
        var panels = await QueryAsync(q => q, cancellationToken).ConfigureAwait(false);

        // Ordered here, by ordinal comparison, so that every database (whatever its collation) orders alike.
        return [.. panels.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id.Value)];
    }

    /// <inheritdoc />
    public async Task<Panel?> FindByNameAsync(string name, CancellationToken cancellationToken)
        => (await QueryAsync(q => q.Where(p => p.Name == name), cancellationToken).ConfigureAwait(false)).FirstOrDefault();
}

/// <summary>The Entity Framework Core <see cref="IReviewSubmissionStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkReviewSubmissionStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<ReviewSubmission, ReviewSubmissionId>(dependencies), IReviewSubmissionStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewSubmission>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(s => s.PanelId == panelId), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewSubmission>> ListWithOpenActionsDueBeforeAsync(DateOnly date, CancellationToken cancellationToken)
    {
        // The database narrows to open submissions with an action due before the date; whether that action's latest
        // follow-up is Implemented is the domain's rule (ReviewRound.LatestStatus), applied to what comes back.
        var candidates = await QueryAsync(
            q => q.Where(s => s.State != SubmissionState.Closed && s.State != SubmissionState.Withdrawn
                && s.Rounds.Any(r => r.Actions.Any(a => a.DueOn < date))),
            cancellationToken).ConfigureAwait(false);
        return Ordered(candidates.Where(s => s.Rounds.Any(r => r.Actions.Any(a => a.DueOn < date && r.LatestStatus(a.Id) != FollowUpStatus.Implemented))));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewSubmission>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var id = participantId.Value;
        return Ordered(await QueryAsync(
            q => q.Where(s => s.ProjectLeadId == participantId
                || EF.Property<List<Guid>>(s, ReviewSubmissionMapping.TeamMemberIdsColumn).Contains(id)
                || s.Rounds.Any(r => r.Actions.Any(a => a.OwnerId == participantId))),
            cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewSubmission>> ListByStateAsync(SubmissionState state, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(s => s.State == state), cancellationToken).ConfigureAwait(false));

    // Oldest first, ordered here: SQLite cannot order by a DateTimeOffset, and GUIDs compare differently in each database.
    private static IReadOnlyList<ReviewSubmission> Ordered(IEnumerable<ReviewSubmission> submissions)
        => [.. submissions.OrderBy(s => s.Rounds[0].StartedAt).ThenBy(s => s.Id.Value)];
}

/// <summary>The Entity Framework Core <see cref="IPanelMeetingStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkPanelMeetingStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<PanelMeeting, PanelMeetingId>(dependencies), IPanelMeetingStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PanelMeeting>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(m => m.PanelId == panelId), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PanelMeeting>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(
            q => q.Where(m => m.ChairId == participantId
                || m.Attendance.Any(a => a.ParticipantId == participantId)
                || m.Conflicts.Any(c => c.ReviewerId == participantId)
                || m.Reviews.Any(r => r.ReviewerId == participantId)
                || m.LeadReviewers.Any(l => l.ReviewerId == participantId)),
            cancellationToken).ConfigureAwait(false));

    // In date order, ordered here so that every database orders alike (GUIDs compare differently in each).
    private static IReadOnlyList<PanelMeeting> Ordered(IEnumerable<PanelMeeting> meetings)
        => [.. meetings.OrderBy(m => m.Date).ThenBy(m => m.Id.Value)];
}
