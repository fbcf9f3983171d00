namespace CoProduction.PeerReview;

/// <summary>Options of the patient-led peer review panel.</summary>
public sealed class PeerReviewOptions
{
    /// <summary>
    /// Gets or sets whether a reviewer with lived experience of the service area a project improves is suggested as
    /// a conflict of interest (some trusts treat current patients of a service that way; most value the experience).
    /// </summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool SuggestSameServiceAreaConflicts { get; set; }

    /// <summary>Gets or sets how many lead reviewers each submission on an agenda gets.</summary>
    /// <value>Default: 2.</value>
    public int LeadReviewersPerSubmission { get; set; } = 2;

    /// <summary>Gets or sets the most submissions one reviewer leads at a meeting.</summary>
    /// <value>Default: 2.</value>
    public int MaximumLeadReviewsPerReviewer { get; set; } = 2;

    /// <summary>Gets or sets the relevance of a reviewer without lived experience of the service area (1 is full relevance).</summary>
    /// <value>Default: 0.2.</value>
    public double RelevanceWithoutLivedExperience { get; set; } = 0.2;

    internal IEnumerable<string> Validate()
    {
        if (LeadReviewersPerSubmission < 1)
        {
            yield return $"PeerReview.LeadReviewersPerSubmission is {LeadReviewersPerSubmission}: each submission needs at least 1 lead reviewer.";
        }

        if (MaximumLeadReviewsPerReviewer < 1)
        {
            yield return $"PeerReview.MaximumLeadReviewsPerReviewer is {MaximumLeadReviewsPerReviewer}: allow each reviewer to lead at least 1 submission.";
        }

        if (!(RelevanceWithoutLivedExperience >= 0 && RelevanceWithoutLivedExperience <= 1))
        {
            yield return $"PeerReview.RelevanceWithoutLivedExperience is {RelevanceWithoutLivedExperience}: use a number from 0 to 1.";
        }
    }
}
