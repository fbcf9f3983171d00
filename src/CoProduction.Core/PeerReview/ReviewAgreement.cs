using CoProduction.Scoring;

namespace CoProduction.PeerReview;

/// <summary>Reviewer agreement on one submission's round, through <see cref="Agreement.KrippendorffAlpha(double[,], MeasurementLevel)"/>.</summary>
internal static class ReviewAgreement
{
    /// <summary>
    /// Krippendorff's alpha, ordinal, with the reviewers as observers and the form's criteria as units.
    /// </summary>
    /// <returns>Alpha, or <see langword="null"/> when undefined (one reviewer, or every rating equal).</returns>
    internal static double? OrdinalAlpha(ReviewForm form, IReadOnlyList<Review> reviews)
    {
        if (reviews.Count < 2)
        {
            return null;
        }

        var data = new double[reviews.Count, form.Criteria.Count];
        for (var observer = 0; observer < reviews.Count; observer++)
        {
            for (var unit = 0; unit < form.Criteria.Count; unit++)
            {
                data[observer, unit] = reviews[observer].RatingOf(form.Criteria[unit].Key) ?? double.NaN;
            }
        }

        var alpha = Agreement.KrippendorffAlpha(data, MeasurementLevel.Ordinal);
        return double.IsNaN(alpha) ? null : alpha;
    }
}
