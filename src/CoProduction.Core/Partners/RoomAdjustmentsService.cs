using Ardalis.GuardClauses;
using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;

namespace CoProduction.Partners;

/// <summary>
/// Adjustments that reach the room: for a cohort session, a panel meeting or a project meeting, the recorded
/// accessibility needs and reasonable adjustments (<see cref="Participant.AccessibilityNeeds"/>) of the people
/// expected, so that organisers act on them (the Accessible Information Standard's "share"). Only people who consent
/// to share them (<see cref="ConsentPurpose.AccessibilityNeeds"/>) are listed; the others are counted, never named.
/// </summary>
public sealed class RoomAdjustmentsService
{
    private readonly ICohortStore _cohorts;
    private readonly IPanelMeetingStore _meetings;
    private readonly IPanelStore _panels;
    private readonly IImprovementProjectStore _projects;
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="cohorts">The cohort store (Programmes).</param>
    /// <param name="meetings">The panel meeting store (PeerReview).</param>
    /// <param name="panels">The panel store (PeerReview).</param>
    /// <param name="projects">The improvement project store (Involvement).</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock, for whether consent is in force now.</param>
    public RoomAdjustmentsService(ICohortStore cohorts, IPanelMeetingStore meetings, IPanelStore panels, IImprovementProjectStore projects, IParticipantStore participants, IOrganisationContext organisation, TimeProvider clock)
    {
        _cohorts = Guard.Against.Null(cohorts);
        _meetings = Guard.Against.Null(meetings);
        _panels = Guard.Against.Null(panels);
        _projects = Guard.Against.Null(projects);
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Lists the adjustments for a cohort session: its facilitators and the members of the cohort's teams still enrolled.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The adjustments of the people expected who consent to share them.</returns>
    /// <exception cref="InvalidInputException">An id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The cohort or session is unknown (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PartnerErrorCodes.SessionNotFound"/>).</exception>
    public async Task<RoomAdjustments> ForCohortSessionAsync(CohortId cohortId, CohortSessionId sessionId, CancellationToken cancellationToken)
    {
        new CommandInput().Id(cohortId).Id(sessionId).ThrowIfInvalid();
        var cohort = await _cohorts.FindAsync(cohortId, cancellationToken).ConfigureAwait(false);
        Rule.Require(cohort is not null, ProgrammeErrorCodes.CohortNotFound, $"No cohort {cohortId} exists in organisation {_organisation.CurrentOrganisationId}: check the id.");
        var session = cohort.FindSession(sessionId);
        Rule.Require(session is not null, PartnerErrorCodes.SessionNotFound, $"Cohort '{cohort.Name}' has no session {sessionId}: check the id.");
        var expected = session.Facilitators.Select(f => f.ParticipantId).Concat(cohort.ActiveTeams.SelectMany(t => t.Members).Select(m => m.ParticipantId));
        return await AdjustmentsOfAsync(expected, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the adjustments for a panel meeting: the members serving on its date and its chair.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The adjustments of the people expected who consent to share them.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The meeting or its panel is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>, <see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    public async Task<RoomAdjustments> ForPanelMeetingAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        Input.Id(meetingId);
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
        var expected = panel.MembersServingOn(meeting.Date).Select(m => m.ParticipantId).Concat(meeting.ChairId is { } chair ? [chair] : []);
        return await AdjustmentsOfAsync(expected, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the adjustments for a meeting of an improvement project's team: the people on the team on that date.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="on">The date of the meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The adjustments of the people expected who consent to share them.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="Involvement.InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    public async Task<RoomAdjustments> ForProjectMeetingAsync(ImprovementProjectId projectId, DateOnly on, CancellationToken cancellationToken)
    {
        Input.Id(projectId);
        var project = await Involvement.InvolvementLookups.RequireProjectAsync(_projects, projectId, cancellationToken).ConfigureAwait(false);
        var expected = project.Team.Where(m => m.JoinedOn <= on && (m.LeftOn is null || m.LeftOn >= on)).Select(m => m.ParticipantId);
        return await AdjustmentsOfAsync(expected, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RoomAdjustments> AdjustmentsOfAsync(IEnumerable<ParticipantId> expected, CancellationToken cancellationToken)
    {
        var ids = expected.Distinct().ToList();
        var people = await _participants.FindManyAsync(ids, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var present = people.Where(p => !p.IsErased).ToList();
        var shared = present
            .Where(p => p.AccessibilityNeeds.Count > 0 && p.HasConsent(ConsentPurpose.AccessibilityNeeds, now))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
            .ThenBy(p => p.Id.Value)
            .Select(p => new PersonAdjustments(p.Id, p.DisplayName, p.AccessibilityNeeds))
            .ToList();
        var withheld = present.Count(p => p.AccessibilityNeeds.Count > 0 && !p.HasConsent(ConsentPurpose.AccessibilityNeeds, now));
        return new RoomAdjustments(present.Count, shared, withheld);
    }
}

/// <summary>The adjustments to make in the room for the people expected.</summary>
/// <param name="PeopleExpected">How many people are expected.</param>
/// <param name="People">The people expected who have needs recorded and consent to share them, with their needs and adjustments.</param>
/// <param name="NotShared">How many people expected have needs recorded but do not consent to share them: ask them directly.</param>
public sealed record RoomAdjustments(int PeopleExpected, IReadOnlyList<PersonAdjustments> People, int NotShared)
{
    /// <summary>Gets the people whose adjustments are shared.</summary>
    public IReadOnlyList<PersonAdjustments> People { get; init; } = Guard.Against.Null(People);
}

/// <summary>One person's needs and adjustments, shared with their consent.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="DisplayName">The name they like to be called, so that organisers can act.</param>
/// <param name="Needs">Their needs and the reasonable adjustments that meet them.</param>
public sealed record PersonAdjustments(ParticipantId ParticipantId, string DisplayName, IReadOnlyList<AccessibilityNeed> Needs)
{
    /// <summary>Gets the name.</summary>
    public string DisplayName { get; init; } = Input.Required(DisplayName);

    /// <summary>Gets the needs.</summary>
    public IReadOnlyList<AccessibilityNeed> Needs { get; init; } = Guard.Against.Null(Needs);
}
