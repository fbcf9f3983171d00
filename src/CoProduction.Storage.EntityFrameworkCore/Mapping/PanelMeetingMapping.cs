using CoProduction.PeerReview;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="PanelMeeting"/> to <c>panel_meetings</c> (date, the quorum rule it was arranged under, chair,
/// when recording started), with its agenda in <c>panel_meeting_agenda_slots</c>, attendance in
/// <c>panel_meeting_attendance</c>, conflicts of interest in <c>panel_meeting_conflicts_of_interest</c>, reviews in
/// <c>panel_meeting_reviews</c> (their ratings in <c>panel_meeting_review_ratings</c> and answers in
/// <c>panel_meeting_review_answers</c>) and lead reviewers in <c>panel_meeting_lead_reviewers</c>.
/// </summary>
internal sealed class PanelMeetingMapping : AggregateMapping<PanelMeeting, PanelMeetingId>
{
    private const string MeetingColumn = "panel_meeting_id";

    /// <inheritdoc />
    protected override string TableName => "panel_meetings";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<PanelMeeting> builder)
    {
        builder.Property(m => m.PanelId).IsRequired();
        builder.Property(m => m.Date);
        builder.Property(m => m.ChairId);
        builder.Property(m => m.RecordingStartedAt);
        builder.ComplexProperty(m => m.QuorumRule, QuorumRuleMapping.Configure);
        builder.HasIndex(m => new { m.OrganisationId, m.PanelId, m.Date });

        OwnChildTable(builder, m => m.Agenda, "panel_meeting_agenda_slots", MeetingColumn, slot =>
        {
            slot.Property(s => s.Id);
            slot.Property(s => s.SubmissionId);
            slot.Property(s => s.Title).IsRequired();
            slot.Property(s => s.StartsAt);
            slot.Property(s => s.DurationMinutes);
            slot.HasIndex(s => s.SubmissionId);
        });
        OwnChildTable(builder, m => m.Attendance, "panel_meeting_attendance", MeetingColumn, attendance =>
        {
            attendance.Property(a => a.ParticipantId);
            attendance.Property(a => a.Role).HasMaxLength(30);
            attendance.Property(a => a.Status).HasMaxLength(20);
            attendance.Property(a => a.ConsentsToRecording);
            attendance.Property(a => a.RecordedAt);
            attendance.HasIndex(a => a.ParticipantId);
        });
        OwnChildTable(builder, m => m.Conflicts, "panel_meeting_conflicts_of_interest", MeetingColumn, conflict =>
        {
            conflict.Property(c => c.Id);
            conflict.Property(c => c.ReviewerId);
            conflict.Property(c => c.SubmissionId);
            conflict.Property(c => c.Kind).HasMaxLength(30);
            conflict.Property(c => c.Note).IsRequired();
            conflict.Property(c => c.Origin).HasMaxLength(20);
            conflict.Property(c => c.RecordedAt);
            conflict.Property(c => c.DismissalReason);
            conflict.Property(c => c.DismissedAt);
            conflict.HasIndex(c => c.ReviewerId);
        });
        OwnChildTable(builder, m => m.Reviews, "panel_meeting_reviews", MeetingColumn, review =>
        {
            review.Property(r => r.Id);
            review.Property(r => r.ReviewerId);
            review.Property(r => r.SubmissionId);
            review.Property(r => r.RoundNumber);
            review.Property(r => r.FormId);
            review.Property(r => r.Comments);
            review.Property(r => r.SubmittedAt);
            review.HasIndex(r => r.ReviewerId);
            review.HasIndex(r => r.SubmissionId);
            string[] reviewKey = [MeetingColumn, "review_position"];
            OwnNestedChildTable(review, r => r.Ratings, "panel_meeting_review_ratings", reviewKey, rating =>
            {
                rating.Property(r => r.CriterionKey).IsRequired();
                rating.Property(r => r.Rating);
            });
            OwnNestedChildTable(review, r => r.Answers, "panel_meeting_review_answers", reviewKey, answer =>
            {
                answer.Property(a => a.QuestionKey).IsRequired();
                answer.Property(a => a.Answer).IsRequired();
            });
        });
        OwnChildTable(builder, m => m.LeadReviewers, "panel_meeting_lead_reviewers", MeetingColumn, lead =>
        {
            lead.Property(l => l.SubmissionId);
            lead.Property(l => l.ReviewerId);
            lead.HasIndex(l => l.ReviewerId);
        });
    }
}
