using CoProduction.PeerReview;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary>Sample peer review aggregates and children for tests that walk the public API (they cannot be built from public constructors).</summary>
internal static class PeerReviewSamples
{
    /// <summary>Returns a valid sample of a peer review type that has no public constructor, or <see langword="null"/> for other types.</summary>
    internal static object? TryCreate(Type type)
    {
        if (type == typeof(Panel))
        {
            return new PeerReviewWorld().Panel;
        }

        if (type == typeof(ReviewForm))
        {
            return new PeerReviewWorld().FirstRoundForm;
        }

        if (type == typeof(ReviewSubmission) || type == typeof(PanelMeeting) || type == typeof(Review) || type == typeof(PanelFeedback))
        {
            var world = new PeerReviewWorld();
            var (submission, meeting) = world.InState(SubmissionState.Presented);
            return type == typeof(ReviewSubmission) ? submission
                : type == typeof(PanelMeeting) ? meeting
                : type == typeof(Review) ? meeting.Reviews[0]
                : world.Compile(meeting, submission);
        }

        return null;
    }
}
