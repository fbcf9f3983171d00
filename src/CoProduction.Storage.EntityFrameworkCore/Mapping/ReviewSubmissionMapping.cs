using CoProduction.PeerReview;
using CoProduction.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="ReviewSubmission"/> to <c>review_submissions</c> (project, title, service area, lead, state; the
/// team's participant ids as a small JSON or array column), with its rounds in <c>review_submission_rounds</c> (the project lead's experience rating as
/// three columns of the round) and
/// its state history in <c>review_submission_state_changes</c>. Each round's feedback is a row of
/// <c>review_submission_feedback</c> (the reviewers counted as a small JSON or array column), with its per-criterion
/// summaries in <c>review_submission_feedback_criteria</c> and recommendations in
/// <c>review_submission_feedback_recommendations</c>; the team's action plan is in
/// <c>review_submission_round_responses</c> and <c>review_submission_round_actions</c>, and follow-up reports in
/// <c>review_submission_round_follow_ups</c>. Rows of a round's tables carry the submission id and the round's
/// position (the round number less one).
/// </summary>
internal sealed class ReviewSubmissionMapping : AggregateMapping<ReviewSubmission, ReviewSubmissionId>
{
    /// <summary>The shadow column that holds the ids of the team members (the lead apart).</summary>
    internal const string TeamMemberIdsColumn = "team_member_ids";

    /// <summary>The shadow column of <c>review_submission_feedback</c> that holds the ids of the reviewers whose reviews were counted.</summary>
    internal const string ReviewerIdsColumn = "reviewer_ids";

    private const string SubmissionColumn = "review_submission_id";

    private static readonly string[] RoundKey = [SubmissionColumn, "round_position"];

    private static readonly PrivateField<ReviewSubmission, List<ParticipantId>> TeamMemberIdsField = new("_teamMemberIds");
    private static readonly PrivateField<PanelFeedback, List<ParticipantId>> ReviewerIdsField = new("_reviewerIds");

    /// <inheritdoc />
    protected override string TableName => "review_submissions";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<ReviewSubmission> builder)
    {
        builder.Property(s => s.PanelId).IsRequired();
        builder.Property(s => s.ProjectId);
        builder.Property(s => s.Title).IsRequired();
        builder.Property(s => s.ServiceArea).IsRequired();
        builder.Property(s => s.ProjectLeadId).IsRequired();
        builder.Property(s => s.State).HasMaxLength(30);
        builder.Ignore(s => s.CurrentRound);
        builder.Ignore(s => s.PermittedTriggers);
        builder.HasIndex(s => new { s.OrganisationId, s.PanelId });
        builder.HasIndex(s => new { s.OrganisationId, s.State });
        builder.HasIndex(s => new { s.OrganisationId, s.ProjectLeadId });

        // The team lives in a private read-only list of ids, which EF Core cannot set: it is kept in a shadow column
        // that WriteShadowState and ReadShadowState copy to and from the list.
        builder.Ignore(s => s.TeamMemberIds);
        builder.PrimitiveCollection<List<Guid>>(TeamMemberIdsColumn).IsRequired();

        OwnChildTable(builder, s => s.Rounds, "review_submission_rounds", SubmissionColumn, round =>
        {
            round.Property(r => r.Number);
            round.Property(r => r.Summary).IsRequired();
            round.Property(r => r.StartedAt);
            round.Property(r => r.SubmittedAt);
            round.Property(r => r.TriageOutcome).HasMaxLength(30);
            round.Property(r => r.TriageReason);
            round.Property(r => r.MeetingId);
            round.Property(r => r.PresentedAt);
            round.Property(r => r.FeedbackIssuedAt);
            round.Property(r => r.ResponseReceivedAt);
            round.Property(r => r.ClosedAt);
            round.OwnsOne(r => r.LeadExperience, experience =>
            {
                experience.Property(e => e.Rating);
                experience.Property(e => e.Comment);
                experience.Property(e => e.RecordedAt);
            });
            round.HasIndex(r => r.MeetingId);

            round.OwnsOne(r => r.Feedback, feedback =>
            {
                feedback.ToTable("review_submission_feedback");
                feedback.WithOwner().HasForeignKey(RoundKey);
                feedback.HasKey(RoundKey);
                feedback.Property(f => f.SubmissionId);
                feedback.Property(f => f.RoundNumber);
                feedback.Property(f => f.MeetingId);
                feedback.Property(f => f.FormId);
                feedback.Property(f => f.Summary).IsRequired();
                feedback.Property(f => f.AgreementAlpha);
                feedback.Property(f => f.CompiledAt);
                feedback.Ignore(f => f.ReviewerIds);
                feedback.PrimitiveCollection<List<Guid>>(ReviewerIdsColumn).IsRequired();
                OwnNestedChildTable(feedback, f => f.Criteria, "review_submission_feedback_criteria", RoundKey, criterion =>
                {
                    criterion.Property(c => c.CriterionKey).IsRequired();
                    criterion.Property(c => c.RatingCount);
                    criterion.Property(c => c.Mean);
                    criterion.Property(c => c.Median);
                    criterion.Property(c => c.Minimum);
                    criterion.Property(c => c.Maximum);
                    criterion.Property(c => c.StandardDeviation);
                    criterion.Ignore(c => c.Range);
                });
                OwnNestedChildTable(feedback, f => f.Recommendations, "review_submission_feedback_recommendations", RoundKey, recommendation =>
                {
                    recommendation.Property(r => r.Id);
                    recommendation.Property(r => r.Text).IsRequired();
                });
            });

            OwnNestedChildTable(round, r => r.Responses, "review_submission_round_responses", RoundKey, response =>
            {
                response.Property(r => r.RecommendationId);
                response.Property(r => r.Decision).HasMaxLength(20);
                response.Property(r => r.Reason);
            });
            OwnNestedChildTable(round, r => r.Actions, "review_submission_round_actions", RoundKey, action =>
            {
                action.Property(a => a.Id);
                action.Property(a => a.RecommendationId);
                action.Property(a => a.Description).IsRequired();
                action.Property(a => a.OwnerId);
                action.Property(a => a.DueOn);
                action.HasIndex(a => a.OwnerId);
                action.HasIndex(a => a.DueOn);
            });
            OwnNestedChildTable(round, r => r.FollowUps, "review_submission_round_follow_ups", RoundKey, followUp =>
            {
                followUp.Property(f => f.ActionId);
                followUp.Property(f => f.Status).HasMaxLength(20);
                followUp.Property(f => f.Impact).IsRequired();
                followUp.Property(f => f.ReportedAt);
            });
        });
        OwnChildTable(builder, s => s.History, "review_submission_state_changes", SubmissionColumn, change =>
        {
            change.Property(c => c.RoundNumber);
            change.Property(c => c.From).HasMaxLength(30);
            change.Property(c => c.Trigger).HasMaxLength(30);
            change.Property(c => c.To).HasMaxLength(30);
            change.Property(c => c.Reason);
            change.Property(c => c.At);
        });
    }

    /// <inheritdoc />
    protected internal override void WriteShadowState(ReviewSubmission aggregate, EntityEntry<ReviewSubmission> entry)
    {
        entry.Property<List<Guid>>(TeamMemberIdsColumn).CurrentValue = [.. aggregate.TeamMemberIds.Select(m => m.Value)];
        foreach (var feedback in aggregate.Rounds.Select(r => r.Feedback).OfType<PanelFeedback>())
        {
            entry.Context.Entry(feedback).Property<List<Guid>>(ReviewerIdsColumn).CurrentValue = [.. feedback.ReviewerIds.Select(r => r.Value)];
        }
    }

    /// <inheritdoc />
    protected internal override void ReadShadowState(EntityEntry<ReviewSubmission> entry, ReviewSubmission aggregate)
    {
        var team = TeamMemberIdsField.Get(aggregate);
        team.Clear();
        team.AddRange((entry.Property<List<Guid>>(TeamMemberIdsColumn).CurrentValue ?? []).Select(id => new ParticipantId(id)));
        foreach (var feedback in aggregate.Rounds.Select(r => r.Feedback).OfType<PanelFeedback>())
        {
            var reviewers = ReviewerIdsField.Get(feedback);
            reviewers.Clear();
            reviewers.AddRange((entry.Context.Entry(feedback).Property<List<Guid>>(ReviewerIdsColumn).CurrentValue ?? []).Select(id => new ParticipantId(id)));
        }
    }
}
