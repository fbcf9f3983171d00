namespace CoProduction.Scoring;

/// <summary>One reviewer on one submission.</summary>
/// <param name="Reviewer">Zero-based reviewer index.</param>
/// <param name="Submission">Zero-based submission index.</param>
/// <param name="Affinity">The pair's affinity.</param>
public readonly record struct ReviewerPair(int Reviewer, int Submission, double Affinity);

/// <summary>An optimal assignment.</summary>
public sealed class AssignmentResult
{
    internal AssignmentResult(ReviewerPair[] pairs, double totalAffinity, int[] loads)
    {
        Pairs = pairs;
        TotalAffinity = totalAffinity;
        Loads = loads;
    }

    /// <summary>The assigned pairs, ordered by submission then reviewer.</summary>
    public IReadOnlyList<ReviewerPair> Pairs { get; }

    /// <summary>The sum of the affinities of the assigned pairs: the largest possible under the bounds.</summary>
    public double TotalAffinity { get; }

    /// <summary>How many submissions each reviewer got.</summary>
    public IReadOnlyList<int> Loads { get; }
}
