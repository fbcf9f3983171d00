using CoProduction.Partners;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CoProduction.Calendars;

/// <summary>Options of the iCalendar files.</summary>
public sealed class CalendarOptions
{
    /// <summary>Gets or sets the domain that ends every event's UID, such as <c>involvement.example-trust.nhs.uk</c>: each event keeps its UID for life, so choose it once.</summary>
    /// <value>Default: <c>coproduction.invalid</c>.</value>
    public string UidDomain { get; set; } = "coproduction.invalid";

    /// <summary>Gets or sets the product id written in each file's PRODID.</summary>
    /// <value>Default: <c>-//CoProduction.Core//Calendars//EN</c>.</value>
    public string ProductId { get; set; } = "-//CoProduction.Core//Calendars//EN";

    /// <summary>Gets or sets the IANA (or Windows) id of the trust's time zone, in which panel meetings' agenda times are given.</summary>
    /// <value>Default: <c>Europe/London</c>.</value>
    public string TimeZoneId { get; set; } = "Europe/London";
}

/// <summary>
/// Writes iCalendar (RFC 5545) files for cohort sessions, panel meetings and a person's own involvement, with
/// Ical.Net. Each event's UID is derived from the id of what it shows (a session, a meeting, a story-sharing session),
/// so an update or a cancellation carries the same UID; its SEQUENCE is the stored version of the aggregate that holds
/// it (the cohort, the meeting, the partner record), which rises with every saved change, so a calendar that received
/// an earlier copy replaces it. A cancelled session is written with STATUS:CANCELLED, and on its own with METHOD:CANCEL.
/// </summary>
/// <remarks>
/// A person's feed (<see cref="ForParticipantAsync"/>) holds their own sessions, meetings and story-sharing sessions
/// only, each described by what it is (a module code, a panel's name, the occasion they gave), never by who else is
/// there: no attendees, no organiser, no other person's name or id.
/// </remarks>
public sealed class InvolvementCalendar
{
    private readonly IProgrammeStore _programmes;
    private readonly ICohortStore _cohorts;
    private readonly IPanelMeetingStore _meetings;
    private readonly IPanelStore _panels;
    private readonly IPartnerRecordStore _partners;
    private readonly CalendarOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the writer.</summary>
    /// <param name="programmes">The programme store (a person's cohorts are looked for in each programme).</param>
    /// <param name="cohorts">The cohort store.</param>
    /// <param name="meetings">The panel meeting store.</param>
    /// <param name="panels">The panel store.</param>
    /// <param name="partners">The partner record store (story-sharing sessions).</param>
    /// <param name="options">The calendar options.</param>
    /// <param name="clock">The clock, for DTSTAMP.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public InvolvementCalendar(IProgrammeStore programmes, ICohortStore cohorts, IPanelMeetingStore meetings, IPanelStore panels, IPartnerRecordStore partners, CalendarOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        ArgumentNullException.ThrowIfNull(cohorts);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _programmes = programmes;
        _cohorts = cohorts;
        _meetings = meetings;
        _panels = panels;
        _partners = partners;
        _options = options;
        _clock = clock;
    }

    /// <summary>Writes every session of a cohort (METHOD:PUBLISH; a cancelled one with STATUS:CANCELLED).</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The iCalendar text.</returns>
    /// <exception cref="RecordNotFoundException">The cohort is unknown (<see cref="Programmes.ProgrammeErrorCodes.CohortNotFound"/>).</exception>
    public async Task<string> ForCohortAsync(CohortId cohortId, CancellationToken cancellationToken)
    {
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        var calendar = NewCalendar(CalendarMethods.Publish);
        foreach (var session in cohort.Sessions.OrderBy(s => s.StartsAt))
        {
            calendar.Events.Add(SessionEvent(cohort, session));
        }

        return Write(calendar);
    }

    /// <summary>Writes one cohort session: METHOD:PUBLISH while it stands, METHOD:CANCEL (same UID, higher SEQUENCE) once it is cancelled.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The iCalendar text.</returns>
    /// <exception cref="RecordNotFoundException">The cohort or the session is unknown (<see cref="Programmes.ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PartnerErrorCodes.SessionNotFound"/>).</exception>
    public async Task<string> ForCohortSessionAsync(CohortId cohortId, CohortSessionId sessionId, CancellationToken cancellationToken)
    {
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        var session = cohort.FindSession(sessionId)
            ?? throw new RecordNotFoundException(PartnerErrorCodes.SessionNotFound, $"Cohort '{cohort.Name}' has no session {sessionId}: check the id.");
        var calendar = NewCalendar(session.Status == SessionStatus.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Publish);
        calendar.Events.Add(SessionEvent(cohort, session));
        return Write(calendar);
    }

    /// <summary>Writes a panel meeting: from the start of its first agenda slot to the end of its last, in the trust's time zone, or all day when it has no agenda yet.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The iCalendar text.</returns>
    /// <exception cref="RecordNotFoundException">The meeting or its panel is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>, <see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    public async Task<string> ForPanelMeetingAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await _meetings.FindAsync(meetingId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PeerReviewErrorCodes.MeetingNotFound, $"There is no panel meeting {meetingId} in this organisation: check the id.");
        var panel = await _panels.FindAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PeerReviewErrorCodes.PanelNotFound, $"The panel of meeting {meetingId} is not in this organisation.");
        var calendar = NewCalendar(CalendarMethods.Publish);
        calendar.Events.Add(MeetingEvent(panel, meeting));
        return Write(calendar);
    }

    /// <summary>
    /// Writes a person's own involvement, found from the records themselves: the sessions of the cohorts (in any of the
    /// organisation's programmes) whose teams they are enrolled in (while their team is enrolled) or that they
    /// facilitate, the meetings of the organisation's panels they serve on at the meeting's date or chair, and their
    /// story-sharing sessions. Nothing about anyone else.
    /// </summary>
    /// <param name="participantId">The person.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The iCalendar text.</returns>
    /// <remarks>
    /// The stores have no index from a person to their cohorts, so every cohort of every programme of the current
    /// organisation is read (as the retention review does); a trust runs a handful of programmes and panels, so this is
    /// a few reads per feed.
    /// </remarks>
    public async Task<string> ForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var calendar = NewCalendar(CalendarMethods.Publish);
        foreach (var programme in await _programmes.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var cohort in await _cohorts.ListByProgrammeAsync(programme.Id, cancellationToken).ConfigureAwait(false))
            {
                var enrolled = cohort.ActiveTeams.Any(t => t.HasMember(participantId));
                foreach (var session in cohort.Sessions.Where(s => enrolled || s.Facilitators.Any(f => f.ParticipantId == participantId)).OrderBy(s => s.StartsAt))
                {
                    calendar.Events.Add(SessionEvent(cohort, session));
                }
            }
        }

        foreach (var panel in await _panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var meeting in (await _meetings.ListByPanelAsync(panel.Id, cancellationToken).ConfigureAwait(false)).Where(m => panel.MembersServingOn(m.Date).Any(x => x.ParticipantId == participantId) || m.ChairId == participantId))
            {
                calendar.Events.Add(MeetingEvent(panel, meeting));
            }
        }

        if (await _partners.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false) is { } record)
        {
            foreach (var story in record.StorySharing.OrderBy(s => s.SessionOn))
            {
                var e = NewEvent($"story-sharing-{story.Id.Value:D}", record.Version, $"Sharing your story: {story.Occasion}");
                e.Start = new CalDateTime(story.SessionOn.Year, story.SessionOn.Month, story.SessionOn.Day);
                e.End = e.Start.AddDays(1);
                if (story.Readiness == StoryReadiness.Withdrawn)
                {
                    e.Status = EventStatus.Cancelled;
                }

                calendar.Events.Add(e);
            }
        }

        return Write(calendar);
    }

    private async Task<Cohort> RequireCohortAsync(CohortId cohortId, CancellationToken cancellationToken)
        => await _cohorts.FindAsync(cohortId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(Programmes.ProgrammeErrorCodes.CohortNotFound, $"There is no cohort {cohortId} in this organisation: check the id.");

    private CalendarEvent SessionEvent(Cohort cohort, CohortSession session)
    {
        var e = NewEvent($"cohort-session-{session.Id.Value:D}", cohort.Version, $"{cohort.Name}: session {session.ModuleCode}");
        e.Start = Utc(session.StartsAt);
        e.End = Utc(session.StartsAt + session.Duration);
        if (session.Status == SessionStatus.Cancelled)
        {
            e.Status = EventStatus.Cancelled;
        }

        return e;
    }

    private CalendarEvent MeetingEvent(Panel panel, PanelMeeting meeting)
    {
        var e = NewEvent($"panel-meeting-{meeting.Id.Value:D}", meeting.Version, $"{panel.Name}: panel meeting");
        if (meeting.Agenda.Count == 0)
        {
            e.Start = new CalDateTime(meeting.Date.Year, meeting.Date.Month, meeting.Date.Day);
            e.End = e.Start.AddDays(1);
        }
        else
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZoneId);
            e.Start = Utc(Local(meeting.Date, meeting.Agenda.Min(s => s.StartsAt), zone));
            e.End = Utc(Local(meeting.Date, meeting.Agenda.Max(s => s.EndsAt), zone));
        }

        return e;
    }

    private static DateTimeOffset Local(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private CalendarEvent NewEvent(string key, long version, string summary) => new()
    {
        Uid = $"{key}@{_options.UidDomain}",
        Sequence = checked((int)version),
        Summary = summary,
        DtStamp = Utc(_clock.GetUtcNow()),
    };

    private Calendar NewCalendar(string method) => new()
    {
        Method = method,
        ProductId = _options.ProductId,
    };

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, at.UtcDateTime.Minute, at.UtcDateTime.Second, CalDateTime.UtcTzId);

    private static string Write(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
}

/// <summary>The iCalendar METHOD values the library writes.</summary>
public static class CalendarMethods
{
    /// <summary>Publishes events (a feed, or a standing event).</summary>
    public const string Publish = "PUBLISH";

    /// <summary>Cancels an event a calendar received before, by its UID.</summary>
    public const string Cancel = "CANCEL";
}
