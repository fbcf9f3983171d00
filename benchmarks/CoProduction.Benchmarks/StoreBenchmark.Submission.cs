using BenchmarkDotNet.Attributes;
using CoProduction.PeerReview;
using CoProduction.PeerReview.Events;
using CoProduction.People;
using CoProduction.Storage.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Benchmarks;

/// <summary>
/// A two-round peer review submission with feedback and follow-ups (the storage specification's full submission,
/// built through the domain's methods: round 1 presented, feedback of 3 criteria and 3 recommendations, a response
/// with 3 actions, 4 follow-up reports, the lead's experience, closed; round 2 started, the team changed, submitted
/// and returned for changes; 12 state changes), loaded, and saved after one change (one more follow-up report on a
/// round-1 action), by the store and by hand-written ADO.NET that sends the minimal statements for the same work.
/// Each save appends a row, as for the project's measure values.
/// </summary>
public partial class StoreBenchmark
{
    private static readonly string[] SubmissionTables =
    [
        "review_submissions", "review_submission_rounds", "review_submission_feedback", "review_submission_feedback_criteria",
        "review_submission_feedback_recommendations", "review_submission_round_responses", "review_submission_round_actions",
        "review_submission_round_follow_ups", "review_submission_state_changes",
    ];

    private readonly FakeTimeProvider _submissionClock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private ReviewSubmission? _submission;
    private ReviewSubmission? _baselineSubmission;
    private long _baselineSubmissionVersion = 1;
    private int _baselineFollowUpRows;
    private int _followUpToggle;

    /// <summary>Loads the two-round submission through its store: the root and its eight child tables.</summary>
    [Benchmark]
    public async Task<ReviewSubmission?> LoadTwoRoundSubmission()
    {
        await using var scope = ScopeFor(_organisation);
        return await scope.ServiceProvider.GetRequiredService<IReviewSubmissionStore>().FindAsync(_submission!.Id, CancellationToken.None);
    }

    /// <summary>Records one more follow-up report on the first action of round 1 and saves the submission through its store.</summary>
    [Benchmark]
    public async Task SaveTwoRoundSubmissionAfterOneChange()
    {
        var submission = _submission!;
        submission.RecordFollowUp(submission.Rounds[0].Actions[0].Id, ++_followUpToggle % 2 == 0 ? FollowUpStatus.Implemented : FollowUpStatus.InProgress, "Reported again.", _submissionClock);
        await using var scope = ScopeFor(_organisation);
        await scope.ServiceProvider.GetRequiredService<IReviewSubmissionStore>().UpdateAsync(submission, CancellationToken.None);
    }

    /// <summary>The hand-written load: in one read transaction, the root row and the rows of each child table, by the submission's id.</summary>
    [Benchmark]
    public Task<int> RawAdoNetLoadTwoRoundSubmission() =>
        LoadRowsByHandAsync(SubmissionTables, "review_submission_id", _baselineSubmission!.Id.Value);

    /// <summary>
    /// The hand-written save of the same change: claim the root row at its version, insert the one follow-up row at
    /// the end of round 1's list, insert the event, in one transaction.
    /// </summary>
    [Benchmark]
    public async Task RawAdoNetSaveTwoRoundSubmissionAfterOneChange()
    {
        var submission = _baselineSubmission!;
        var actionId = submission.Rounds[0].Actions[0].Id;
        var status = _baselineFollowUpRows % 2 == 0 ? FollowUpStatus.Implemented : FollowUpStatus.InProgress;
        await using var connection = OpenBaselineConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = _submissionClock.GetUtcNow();
        await ClaimVersionByHandAsync(connection, transaction, "review_submissions", submission.Id.Value, _baselineSubmissionVersion);
        await using (var row = connection.CreateCommand())
        {
            row.Transaction = transaction;
            row.CommandText = "INSERT INTO review_submission_round_follow_ups (review_submission_id, round_position, position, action_id, status, reported_at, impact) VALUES (@id, 0, @position, @action, @status, @at, @impact)";
            IdParameter(row, "id", submission.Id.Value);
            ValueParameter(row, "position", _baselineFollowUpRows);
            IdParameter(row, "action", actionId.Value);
            ValueParameter(row, "status", status.ToString());
            ValueParameter(row, "at", now);
            ValueParameter(row, "impact", "Reported again.");
            await row.ExecuteNonQueryAsync();
        }

        await InsertEventByHandAsync(
            connection,
            transaction,
            "ReviewSubmission",
            submission.Id.Value,
            _baselineSubmissionVersion + 1,
            typeof(FollowUpRecorded),
            new FollowUpRecorded(submission.Id, 1, actionId, status, now),
            now);
        await transaction.CommitAsync();
        _baselineSubmissionVersion++;
        _baselineFollowUpRows++;
    }

    /// <summary>Stores the submission the store benchmarks use, and its twin the hand-written ones use.</summary>
    private async Task SetUpSubmissionsAsync()
    {
        _submission = new PeerReviewScenario(_organisation, _submissionClock).NewFullSubmission(ParticipantId.New()).Submission;
        _baselineSubmission = new PeerReviewScenario(_organisation, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero))).NewFullSubmission(ParticipantId.New()).Submission;
        _baselineFollowUpRows = _baselineSubmission.Rounds[0].FollowUps.Count;
        await using var scope = ScopeFor(_organisation);
        var store = scope.ServiceProvider.GetRequiredService<IReviewSubmissionStore>();
        await store.AddAsync(_submission, CancellationToken.None);
        await store.AddAsync(_baselineSubmission, CancellationToken.None);

        // The store's instance as a caller would have it: loaded.
        _submission = await store.FindAsync(_submission.Id, CancellationToken.None);
    }
}
