namespace CoProduction.Scoring;

/// <summary>
/// A reviewer assignment problem: which reviewers review which submissions, maximising total affinity, with every
/// submission getting exactly its demanded number of distinct reviewers, every reviewer's load between a minimum and a
/// maximum, and no reviewer on a submission they conflict with.
/// </summary>
public sealed class AssignmentProblem
{
    private readonly double[] _affinity;
    private readonly bool[]? _conflicts;
    private readonly int[] _minimumLoads;
    private readonly int[] _maximumLoads;
    private readonly int[] _demands;

    /// <summary>Creates and checks a problem. The inputs are copied.</summary>
    /// <param name="affinity">Reviewers x submissions; higher is better (for example relevance of lived experience). Finite values.</param>
    /// <param name="minimumLoads">For each reviewer, the fewest submissions they must review (0 or more).</param>
    /// <param name="maximumLoads">For each reviewer, the most submissions they may review (at least the minimum).</param>
    /// <param name="demands">For each submission, how many distinct reviewers it needs (0 or more).</param>
    /// <param name="conflicts">Optional reviewers x submissions; true means the reviewer may not review that submission.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">Shapes do not agree, a value is not finite, or a bound is negative or inverted.</exception>
    public AssignmentProblem(double[,] affinity, int[] minimumLoads, int[] maximumLoads, int[] demands, bool[,]? conflicts = null)
    {
        ArgumentNullException.ThrowIfNull(affinity);
        ArgumentNullException.ThrowIfNull(minimumLoads);
        ArgumentNullException.ThrowIfNull(maximumLoads);
        ArgumentNullException.ThrowIfNull(demands);
        Reviewers = affinity.GetLength(0);
        Submissions = affinity.GetLength(1);
        if (Reviewers == 0 || Submissions == 0)
        {
            throw new ArgumentException($"The affinity matrix is empty ({Reviewers} reviewers x {Submissions} submissions).", nameof(affinity));
        }

        if (minimumLoads.Length != Reviewers)
        {
            throw new ArgumentException($"There are {Reviewers} reviewers but {minimumLoads.Length} minimum loads.", nameof(minimumLoads));
        }

        if (maximumLoads.Length != Reviewers)
        {
            throw new ArgumentException($"There are {Reviewers} reviewers but {maximumLoads.Length} maximum loads.", nameof(maximumLoads));
        }

        if (demands.Length != Submissions)
        {
            throw new ArgumentException($"There are {Submissions} submissions but {demands.Length} demands.", nameof(demands));
        }

        if (conflicts is not null && (conflicts.GetLength(0) != Reviewers || conflicts.GetLength(1) != Submissions))
        {
            throw new ArgumentException(
                $"The conflicts matrix is {conflicts.GetLength(0)} x {conflicts.GetLength(1)} but the affinity matrix is {Reviewers} x {Submissions}.",
                nameof(conflicts));
        }

        for (var r = 0; r < Reviewers; r++)
        {
            if (minimumLoads[r] < 0)
            {
                throw new ArgumentException($"Reviewer {r} has a negative minimum load ({minimumLoads[r]}).", nameof(minimumLoads));
            }

            if (maximumLoads[r] < minimumLoads[r])
            {
                throw new ArgumentException(
                    $"Reviewer {r} has a maximum load ({maximumLoads[r]}) below their minimum load ({minimumLoads[r]}).", nameof(maximumLoads));
            }
        }

        for (var j = 0; j < Submissions; j++)
        {
            if (demands[j] < 0)
            {
                throw new ArgumentException($"Submission {j} has a negative demand ({demands[j]}).", nameof(demands));
            }
        }

        _affinity = MatrixSpan.Of(affinity).ToArray();
        for (var i = 0; i < _affinity.Length; i++)
        {
            if (!double.IsFinite(_affinity[i]))
            {
                throw new ArgumentException(
                    $"The affinity of reviewer {i / Submissions} for submission {i % Submissions} is {_affinity[i]}; affinities must be finite.",
                    nameof(affinity));
            }
        }

        _conflicts = conflicts is null ? null : MatrixSpan.Of(conflicts).ToArray();
        _minimumLoads = (int[])minimumLoads.Clone();
        _maximumLoads = (int[])maximumLoads.Clone();
        _demands = (int[])demands.Clone();
    }

    /// <summary>The number of reviewers (affinity rows).</summary>
    public int Reviewers { get; }

    /// <summary>The number of submissions (affinity columns).</summary>
    public int Submissions { get; }

    internal ReadOnlySpan<double> Affinity => _affinity;

    internal ReadOnlySpan<int> MinimumLoads => _minimumLoads;

    internal ReadOnlySpan<int> MaximumLoads => _maximumLoads;

    internal ReadOnlySpan<int> Demands => _demands;

    /// <summary>Whether reviewer <paramref name="reviewer"/> may review submission <paramref name="submission"/>.</summary>
    /// <param name="reviewer">Zero-based reviewer index.</param>
    /// <param name="submission">Zero-based submission index.</param>
    /// <returns>False when a conflict was declared for the pair.</returns>
    public bool IsAllowed(int reviewer, int submission) => _conflicts is null || !_conflicts[(reviewer * Submissions) + submission];

    /// <summary>The affinity of a reviewer for a submission.</summary>
    /// <param name="reviewer">Zero-based reviewer index.</param>
    /// <param name="submission">Zero-based submission index.</param>
    /// <returns>The affinity given for the pair.</returns>
    public double AffinityOf(int reviewer, int submission) => _affinity[(reviewer * Submissions) + submission];
}
