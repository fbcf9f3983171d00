using CoProduction.Primitives;
using Ardalis.GuardClauses;
using CoProduction.People;

namespace CoProduction.PeerReview;

/// <summary>One patient member's workload and attendance over an evaluation period.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="ReviewsWritten">Reviews they wrote at the period's meetings.</param>
/// <param name="LeadReviews">Submissions they were chosen to lead.</param>
/// <param name="MeetingsServed">Meetings held while they served on the panel.</param>
/// <param name="MeetingsAttended">Of those, the meetings they were recorded present at.</param>
public sealed record ReviewerWorkload(ParticipantId MemberId, int ReviewsWritten, int LeadReviews, int MeetingsServed, int MeetingsAttended);

/// <summary>
/// The panel's evaluation over a period: how long projects wait for feedback, what happens to the recommendations,
/// how project leads found it, and how evenly the reviewing work and attendance are spread.
/// </summary>
/// <param name="PanelId">The panel.</param>
/// <param name="From">The first day of the period, if bounded.</param>
/// <param name="To">The last day of the period, if bounded.</param>
/// <param name="RoundsWithFeedback">Rounds whose feedback was issued in the period.</param>
/// <param name="MedianDaysToFeedback">Median calendar days from a round's first submission to its feedback.</param>
/// <param name="MeanDaysToFeedback">Mean of the same.</param>
/// <param name="Recommendations">Recommendations issued in those rounds.</param>
/// <param name="RecommendationsAnswered">Of those, the ones the team has answered.</param>
/// <param name="Accepted">Answered Accept.</param>
/// <param name="Adapted">Answered Adapt.</param>
/// <param name="Declined">Answered Decline.</param>
/// <param name="Implemented">Accepted or adapted with every action reported implemented.</param>
/// <param name="ShareAccepted">(Accepted + Adapted) / Recommendations.</param>
/// <param name="ShareImplemented">Implemented / Recommendations.</param>
/// <param name="LeadExperienceRatings">How many project leads rated their experience.</param>
/// <param name="MeanLeadExperience">The mean experience rating (1 to 5).</param>
/// <param name="Workload">Per patient member: reviews, leads and attendance.</param>
/// <param name="MinimumReviewsPerMember">The fewest reviews written by a member.</param>
/// <param name="MaximumReviewsPerMember">The most reviews written by a member.</param>
/// <param name="MeanReviewsPerMember">The mean reviews per member.</param>
/// <param name="ReviewsStandardDeviation">The population standard deviation of reviews per member.</param>
/// <param name="MeetingsHeld">Meetings in the period.</param>
/// <param name="QuorateMeetings">Of those, the quorate ones.</param>
/// <param name="AttendanceRate">Member-meetings attended / member-meetings served, over patient members.</param>
public sealed record PanelEvaluation(
    PanelId PanelId,
    DateOnly? From,
    DateOnly? To,
    int RoundsWithFeedback,
    double? MedianDaysToFeedback,
    double? MeanDaysToFeedback,
    int Recommendations,
    int RecommendationsAnswered,
    int Accepted,
    int Adapted,
    int Declined,
    int Implemented,
    double? ShareAccepted,
    double? ShareImplemented,
    int LeadExperienceRatings,
    double? MeanLeadExperience,
    IReadOnlyList<ReviewerWorkload> Workload,
    int MinimumReviewsPerMember,
    int MaximumReviewsPerMember,
    double? MeanReviewsPerMember,
    double? ReviewsStandardDeviation,
    int MeetingsHeld,
    int QuorateMeetings,
    double? AttendanceRate)
{
    /// <summary>Gets each patient member's reviews, leads and attendance.</summary>
    public IReadOnlyList<ReviewerWorkload> Workload { get; init; } = Guard.Against.Null(Workload);

    /// <summary>
    /// Renders the evaluation as Markdown. For <see cref="ReportAudience.Publication"/> it names nobody and gives no
    /// ids: the workload is described by its spread over the members, and the report says that the per-member table
    /// is left out. An <see cref="ReportAudience.Internal"/> report adds the table of each member's workload by id.
    /// </summary>
    /// <param name="audience">Whom the report is for.</param>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown(ReportAudience audience)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine("# Peer review panel evaluation").AppendLine();
        text.AppendLine(c, $"Period: {(From is { } from ? from.ToString("yyyy-MM-dd", c) : "the start")} to {(To is { } to ? to.ToString("yyyy-MM-dd", c) : "today")}.").AppendLine();
        text.AppendLine(c, $"- Rounds with feedback: {RoundsWithFeedback}; days from submission to feedback: median {Number(MedianDaysToFeedback, "0.#")}, mean {Number(MeanDaysToFeedback, "0.#")}.");
        text.AppendLine(c, $"- Recommendations: {Recommendations}, of which {RecommendationsAnswered} answered ({Accepted} accepted, {Adapted} adapted, {Declined} declined) and {Implemented} implemented.");
        text.AppendLine(c, $"- Project leads' experience: {LeadExperienceRatings} rating(s), mean {Number(MeanLeadExperience, "0.0")} of 5.");
        text.AppendLine(c, $"- Meetings: {MeetingsHeld}, of which {QuorateMeetings} quorate; attendance of patient members {Number(AttendanceRate, "0%")}.");
        text.AppendLine(c, $"- Reviews per patient member ({Workload.Count} members): fewest {MinimumReviewsPerMember}, most {MaximumReviewsPerMember}, mean {Number(MeanReviewsPerMember, "0.0")}, standard deviation {Number(ReviewsStandardDeviation, "0.0")}.");
        if (audience == ReportAudience.Internal)
        {
            text.AppendLine().AppendLine("## Workload by member (internal: not for publication)").AppendLine();
            text.AppendLine("| Member id | Reviews | Leads | Meetings served | Meetings attended |").AppendLine("|---|---|---|---|---|");
            foreach (var member in Workload)
            {
                text.AppendLine(c, $"| {member.MemberId} | {member.ReviewsWritten} | {member.LeadReviews} | {member.MeetingsServed} | {member.MeetingsAttended} |");
            }
        }
        else if (Workload.Count > 0)
        {
            text.AppendLine().AppendLine("Each member's own workload is left out of this published report, so that no one can be identified from it; it is in the internal report.");
        }

        return text.ToString();

        string Number(double? value, string format) => value is { } v ? v.ToString(format, c) : "not known";
    }
}

/// <summary>Computes a <see cref="PanelEvaluation"/> from a panel, its submissions and its meetings.</summary>
public static class PanelEvaluator
{
    /// <summary>
    /// Evaluates a panel over a period. Rounds count when their feedback was issued in the period (UTC dates);
    /// meetings count when their date is in it. Workload and attendance cover the patient members (reviewers and
    /// chairs) who served at a meeting of the period.
    /// </summary>
    /// <param name="panel">The panel.</param>
    /// <param name="submissions">The panel's submissions.</param>
    /// <param name="meetings">The panel's meetings.</param>
    /// <param name="from">The first day, or <see langword="null"/> for no lower bound.</param>
    /// <param name="to">The last day, or <see langword="null"/> for no upper bound.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">The period ends before it starts, or a submission or meeting belongs to another panel.</exception>
    public static PanelEvaluation Evaluate(Panel panel, IEnumerable<ReviewSubmission> submissions, IEnumerable<PanelMeeting> meetings, DateOnly? from, DateOnly? to)
    {
        Guard.Against.Null(panel);
        Guard.Against.Null(submissions);
        Guard.Against.Null(meetings);
        if (from > to)
        {
            throw new InvalidInputException(nameof(to), $"The period ends on {to:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}.");
        }

        var submissionList = submissions.ToList();
        var meetingList = meetings.ToList();
        if (submissionList.Exists(s => s.PanelId != panel.Id))
        {
            throw new InvalidInputException(nameof(submissions), $"Every submission must belong to panel {panel.Id}.");
        }

        if (meetingList.Exists(m => m.PanelId != panel.Id))
        {
            throw new InvalidInputException(nameof(meetings), $"Every meeting must belong to panel {panel.Id}.");
        }

        bool InPeriod(DateOnly date) => (from is null || date >= from) && (to is null || date <= to);

        var rounds = submissionList.SelectMany(s => s.Rounds)
            .Where(r => r.FeedbackIssuedAt is { } issued && InPeriod(DateOnly.FromDateTime(issued.UtcDateTime)))
            .ToList();
        var days = rounds
            .Select(r => (double)(DateOnly.FromDateTime(r.FeedbackIssuedAt!.Value.UtcDateTime).DayNumber - DateOnly.FromDateTime(r.SubmittedAt!.Value.UtcDateTime).DayNumber))
            .ToList();
        var recommendations = rounds.SelectMany(r => r.Feedback!.Recommendations.Select(x => (Round: r, Recommendation: x))).ToList();
        var responses = rounds.SelectMany(r => r.Responses).ToList();
        var accepted = responses.Count(x => x.Decision == ResponseDecision.Accept);
        var adapted = responses.Count(x => x.Decision == ResponseDecision.Adapt);
        var declined = responses.Count(x => x.Decision == ResponseDecision.Decline);
        var implemented = recommendations.Count(x => x.Round.IsImplemented(x.Recommendation.Id));
        var experience = rounds.Where(r => r.LeadExperience is not null).Select(r => (double)r.LeadExperience!.Rating).ToList();

        var periodMeetings = meetingList.Where(m => InPeriod(m.Date)).ToList();
        var memberIds = periodMeetings
            .SelectMany(m => panel.MembersServingOn(m.Date).Where(x => x.Role.IsPatientRole()).Select(x => x.ParticipantId))
            .Distinct()
            .ToList();
        var workload = memberIds.Select(id => new ReviewerWorkload(
                id,
                periodMeetings.Sum(m => m.Reviews.Count(r => r.ReviewerId == id)),
                periodMeetings.Sum(m => m.LeadReviewers.Count(l => l.ReviewerId == id)),
                periodMeetings.Count(m => panel.ServingMember(id, m.Date) is { } term && term.Role.IsPatientRole()),
                periodMeetings.Count(m => panel.ServingMember(id, m.Date) is { } term && term.Role.IsPatientRole()
                    && m.Attendance.Any(a => a.ParticipantId == id && a.Status == AttendanceStatus.Present))))
            .ToList();
        var reviewCounts = workload.Select(w => (double)w.ReviewsWritten).ToList();
        var served = workload.Sum(w => w.MeetingsServed);

        return new PanelEvaluation(
            panel.Id,
            from,
            to,
            rounds.Count,
            Median(days),
            days.Count == 0 ? null : days.Average(),
            recommendations.Count,
            responses.Count,
            accepted,
            adapted,
            declined,
            implemented,
            recommendations.Count == 0 ? null : (accepted + adapted) / (double)recommendations.Count,
            recommendations.Count == 0 ? null : implemented / (double)recommendations.Count,
            experience.Count,
            experience.Count == 0 ? null : experience.Average(),
            workload,
            workload.Count == 0 ? 0 : workload.Min(w => w.ReviewsWritten),
            workload.Count == 0 ? 0 : workload.Max(w => w.ReviewsWritten),
            reviewCounts.Count == 0 ? null : reviewCounts.Average(),
            reviewCounts.Count == 0 ? null : PopulationStandardDeviation(reviewCounts),
            periodMeetings.Count,
            periodMeetings.Count(m => m.CheckQuorum().IsQuorate),
            served == 0 ? null : workload.Sum(w => w.MeetingsAttended) / (double)served);
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    private static double PopulationStandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
