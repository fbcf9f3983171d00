using System.Collections.Concurrent;
using CoProduction.PeerReview;
using CoProduction.Primitives;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Scheduling across aggregates: a submission and the meeting whose agenda holds it are one unit of work, so concurrent
/// schedulings and deferrals can never leave a submission on two agendas, or an agenda slot for a submission scheduled
/// elsewhere. Every refusal is a <see cref="ConcurrencyConflictException"/> or a named peer review rule.
/// </summary>
public abstract class PeerReviewIntegritySpecification : StoreSpecification
{
    private static readonly string[] AllowedRefusals = [PeerReviewErrorCodes.TransitionNotAllowed, PeerReviewErrorCodes.AlreadyOnAgenda, PeerReviewErrorCodes.NotOnAgenda];

    private CrossAggregateScenario Scenario => field ??= new CrossAggregateScenario(() => ScopeFor(OrganisationA), Clock);

    [Fact]
    public async Task ScheduleAsync_EightConcurrentSchedulingsOfOneSubmissionToDifferentMeetings_OnExactlyOneAgenda()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var round = 0; round < 3; round++)
        {
            var submissionId = await Scenario.AcceptedSubmissionAsync($"Shorter waits in triage ({round})", ct);
            var meetings = new List<PanelMeetingId>();
            for (var i = 0; i < 8; i++)
            {
                meetings.Add(await Scenario.MeetingAsync(new DateOnly(2026, 6, 1).AddDays(i), ct));
            }

            var failures = new ConcurrentBag<Exception>();
            var scheduled = 0;
            using var start = new ManualResetEventSlim();
            var schedulers = meetings.Select(meetingId => Task.Run(
                async () =>
                {
                    start.Wait(ct);
                    if (await AttemptAsync(() => Scenario.ScheduleAsync(submissionId, meetingId, ct), failures))
                    {
                        Interlocked.Increment(ref scheduled);
                    }
                },
                ct)).ToList();
            start.Set();
            await Task.WhenAll(schedulers);

            failures.Should().BeEmpty("every refusal must be a concurrency conflict or a named peer review rule");
            scheduled.Should().Be(1, "one scheduling wins; the others conflict or find the submission already scheduled");
            await ShouldBeOnTheAgendaOfItsCurrentMeetingOnlyAsync(submissionId, meetings, ct);
        }
    }

    [Fact]
    public async Task ScheduleAndDefer_Concurrently_SubmissionOnTheAgendaOfItsCurrentMeetingOnly()
    {
        // An accepted submission: two schedulers (to meetings A and B) and a deferral race, ten times over. Whatever
        // wins, a scheduled submission is on its current meeting's agenda and no other; a deferred one is on none.
        var ct = TestContext.Current.CancellationToken;
        for (var round = 0; round < 10; round++)
        {
            var submissionId = await Scenario.AcceptedSubmissionAsync($"Discharge letters in plain English ({round})", ct);
            var meetings = new List<PanelMeetingId>
            {
                await Scenario.MeetingAsync(new DateOnly(2026, 7, 1), ct),
                await Scenario.MeetingAsync(new DateOnly(2026, 7, 8), ct),
            };
            var failures = new ConcurrentBag<Exception>();
            using var start = new ManualResetEventSlim();
            var commands = new List<Func<Task>>
            {
                () => Scenario.ScheduleAsync(submissionId, meetings[0], ct),
                () => Scenario.DeferAsync(submissionId, ct),
                () => Scenario.ScheduleAsync(submissionId, meetings[1], ct),
            };
            var racers = commands.Select(command => Task.Run(
                async () =>
                {
                    start.Wait(ct);
                    await AttemptAsync(command, failures);
                },
                ct)).ToList();
            start.Set();
            await Task.WhenAll(racers);

            failures.Should().BeEmpty("every refusal must be a concurrency conflict or a named peer review rule");
            await ShouldBeOnTheAgendaOfItsCurrentMeetingOnlyAsync(submissionId, meetings, ct);
        }
    }

    private static async Task<bool> AttemptAsync(Func<Task> command, ConcurrentBag<Exception> failures)
    {
        try
        {
            await command();
            return true;
        }
        catch (ConcurrencyConflictException)
        {
        }
        catch (DomainRuleViolationException ex) when (AllowedRefusals.Contains(ex.Code))
        {
        }
        catch (Exception ex)
        {
            failures.Add(ex);
        }

        return false;
    }

    private async Task ShouldBeOnTheAgendaOfItsCurrentMeetingOnlyAsync(ReviewSubmissionId submissionId, IReadOnlyList<PanelMeetingId> meetings, CancellationToken ct)
    {
        var submission = (await Scenario.SubmissionAsync(submissionId, ct))!;
        var holders = new List<PanelMeetingId>();
        foreach (var meetingId in meetings)
        {
            var meeting = (await Scenario.MeetingAsync(meetingId, ct))!;
            var slots = meeting.Agenda.Count(s => s.SubmissionId == submissionId);
            slots.Should().BeLessThanOrEqualTo(1, "an agenda holds a submission once at most");
            if (slots == 1)
            {
                holders.Add(meetingId);
            }
        }

        if (submission.State == SubmissionState.Scheduled)
        {
            holders.Should().ContainSingle("a scheduled submission is on exactly one agenda")
                .Which.Should().Be(submission.CurrentRound.MeetingId!.Value, "the agenda that holds it is its current meeting's");
        }
        else
        {
            submission.State.Should().BeOneOf(SubmissionState.Accepted, SubmissionState.Deferred);
            holders.Should().BeEmpty("a submission that is not scheduled is on no agenda");
        }
    }
}
