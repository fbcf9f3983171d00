using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class ReviewerAssignmentTests
{
    [Fact]
    public void Solve_ClassicThreeByThree_FindsAssignmentOptimum()
    {
        // One reviewer per submission, loads exactly 1: the linear assignment problem. Best is 9 + 8 + 7 = 24 on the
        // anti-diagonal-free permutation (0->2, 1->0, 2->1), where greedy picking 9 first would be worse.
        double[,] affinity = { { 1, 2, 9 }, { 8, 9, 1 }, { 1, 7, 1 } };
        var result = ReviewerAssignment.Solve(new AssignmentProblem(affinity, [1, 1, 1], [1, 1, 1], [1, 1, 1]));
        result.TotalAffinity.Should().Be(24);
        result.Pairs.Should().Equal(new ReviewerPair(1, 0, 8), new ReviewerPair(2, 1, 7), new ReviewerPair(0, 2, 9));
    }

    [Fact]
    public void Solve_MinimumLoad_ForcesLowAffinityReviewerIn()
    {
        // Reviewer 1 is worse everywhere but must review at least one submission.
        double[,] affinity = { { 5, 5 }, { 1, 2 } };
        var result = ReviewerAssignment.Solve(new AssignmentProblem(affinity, [0, 1], [2, 2], [1, 1]));
        result.Loads.Should().Equal(1, 1);
        result.TotalAffinity.Should().Be(7);
    }

    [Fact]
    public void Solve_Conflict_IsRespected()
    {
        double[,] affinity = { { 9, 1 }, { 8, 1 } };
        bool[,] conflicts = { { true, false }, { false, false } };
        var result = ReviewerAssignment.Solve(new AssignmentProblem(affinity, [1, 1], [1, 1], [1, 1], conflicts));
        result.Pairs.Should().NotContain(p => p.Reviewer == 0 && p.Submission == 0);
        result.TotalAffinity.Should().Be(9);
    }

    [Fact]
    public void Solve_DemandAboveTotalMaximum_ThrowsTotalLoad()
    {
        var problem = new AssignmentProblem(new double[2, 2], [0, 0], [1, 1], [2, 1]);
        FluentActions.Invoking(() => ReviewerAssignment.Solve(problem))
            .Should().Throw<InfeasibleAssignmentException>().WithMessage("*3 reviews*only 2*")
            .Which.Bound.Should().Be(AssignmentBound.TotalLoad);
    }

    [Fact]
    public void Solve_SubmissionWithTooFewEligibleReviewers_ThrowsNamingSubmission()
    {
        bool[,] conflicts = { { false, true }, { false, true } };
        var problem = new AssignmentProblem(new double[2, 2], [0, 0], [2, 2], [1, 1], conflicts);
        var exception = FluentActions.Invoking(() => ReviewerAssignment.Solve(problem))
            .Should().Throw<InfeasibleAssignmentException>().WithMessage("Submission 1*").Which;
        exception.Bound.Should().Be(AssignmentBound.SubmissionDemand);
        exception.Index.Should().Be(1);
    }

    [Fact]
    public void Solve_MinimumLoadBlockedByCapacityElsewhere_ThrowsNamingReviewer()
    {
        // Submission 0 needs 2 reviewers, only reviewers 0 and 1 may take it; reviewer 2 must review 1 but conflicts
        // with submission 0 and submission 1 needs nobody... so reviewer 2's minimum cannot be met.
        bool[,] conflicts = { { false, false }, { false, false }, { true, false } };
        var problem = new AssignmentProblem(new double[3, 2], [0, 0, 1], [2, 2, 2], [2, 0], conflicts);
        var exception = FluentActions.Invoking(() => ReviewerAssignment.Solve(problem))
            .Should().Throw<InfeasibleAssignmentException>().Which;
        exception.Bound.Should().Be(AssignmentBound.ReviewerMinimumLoad);
        exception.Index.Should().Be(2);
    }

    [Fact]
    public void AssignmentProblem_MaximumBelowMinimum_Throws() =>
        FluentActions.Invoking(() => new AssignmentProblem(new double[1, 1], [2], [1], [1]))
            .Should().Throw<ArgumentException>().WithParameterName("maximumLoads").WithMessage("Reviewer 0*below*");

    [Fact]
    public void AssignmentProblem_NaNAffinity_Throws() =>
        FluentActions.Invoking(() => new AssignmentProblem(new double[,] { { double.NaN } }, [0], [1], [1]))
            .Should().Throw<ArgumentException>().WithParameterName("affinity").WithMessage("*finite*");

    [Fact]
    public void AssignmentProblem_MismatchedDemands_Throws() =>
        FluentActions.Invoking(() => new AssignmentProblem(new double[1, 2], [0], [1], [1]))
            .Should().Throw<ArgumentException>().WithParameterName("demands").WithMessage("*2 submissions*1 demands*");

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Solve_RandomTinyProblems_MatchesBruteForceOptimumOrInfeasibility(bool useHeap, bool warmStart) =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int)
            .Where(t => t.Item1 * t.Item2 <= 12)
            .Sample(
                t =>
                {
                    var (reviewers, submissions, seed) = t;
                    var random = new Random(seed);
                    var affinity = new double[reviewers, submissions];
                    var conflicts = new bool[reviewers, submissions];
                    for (var r = 0; r < reviewers; r++)
                    {
                        for (var j = 0; j < submissions; j++)
                        {
                            affinity[r, j] = random.Next(-3, 10) + (random.Next(4) * 0.25);
                            conflicts[r, j] = random.NextDouble() < 0.2;
                        }
                    }

                    var minimum = Enumerable.Range(0, reviewers).Select(_ => random.Next(0, 3)).ToArray();
                    var maximum = minimum.Select(m => m + random.Next(0, 3)).ToArray();
                    var demands = Enumerable.Range(0, submissions).Select(_ => random.Next(0, reviewers + 1)).ToArray();
                    var problem = new AssignmentProblem(affinity, minimum, maximum, demands, conflicts);
                    var best = BruteForce(problem);
                    if (best is null)
                    {
                        FluentActions.Invoking(() => ReviewerAssignment.Solve(problem, useHeap, warmStart)).Should().Throw<InfeasibleAssignmentException>();
                        return;
                    }

                    var result = ReviewerAssignment.Solve(problem, useHeap, warmStart);
                    result.TotalAffinity.Should().BeApproximately(best.Value, 1e-9);
                    AssertFeasible(problem, result);
                },
                iter: 1500);

    [Fact]
    public void Solve_RandomMediumProblems_HeapScanAndBellmanFordReferenceAgree() =>
        Gen.Select(Gen.Int[5, 40], Gen.Int[5, 90], Gen.Int)
            .Sample(
                t =>
                {
                    var (reviewers, submissions, seed) = t;
                    var random = new Random(seed);
                    var affinity = new double[reviewers, submissions];
                    var conflicts = new bool[reviewers, submissions];
                    for (var r = 0; r < reviewers; r++)
                    {
                        for (var j = 0; j < submissions; j++)
                        {
                            affinity[r, j] = Math.Round(random.NextDouble() * 10, 2);
                            conflicts[r, j] = random.NextDouble() < 0.1;
                        }
                    }

                    var demand = Math.Min(3, reviewers - 1);
                    var total = demand * submissions;
                    var minimum = Enumerable.Repeat(total / reviewers / 2, reviewers).ToArray();
                    var maximum = Enumerable.Repeat((total / reviewers) + 3, reviewers).ToArray();
                    var problem = new AssignmentProblem(affinity, minimum, maximum, Enumerable.Repeat(demand, submissions).ToArray(), conflicts);
                    AssignmentResult scan, heap;
                    try
                    {
                        scan = ReviewerAssignment.Solve(problem, useHeap: false);
                    }
                    catch (InfeasibleAssignmentException)
                    {
                        FluentActions.Invoking(() => ReviewerAssignment.Solve(problem, useHeap: true)).Should().Throw<InfeasibleAssignmentException>();
                        return;
                    }

                    heap = ReviewerAssignment.Solve(problem, useHeap: true);
                    heap.TotalAffinity.Should().BeApproximately(scan.TotalAffinity, 1e-6);

                    // The greedy warm start and the empty start reach the same optimum.
                    var cold = ReviewerAssignment.Solve(problem, useHeap: false, warmStart: false);
                    cold.TotalAffinity.Should().BeApproximately(scan.TotalAffinity, 1e-6);
                    AssertFeasible(problem, cold);
                    scan.TotalAffinity.Should().BeApproximately(ReferenceAssignment.BellmanFordOptimum(problem), 1e-6);
                    AssertFeasible(problem, scan);
                    AssertFeasible(problem, heap);
                },
                iter: 60);

    [Theory]
    [InlineData(0, 12)]
    [InlineData(8, 12)]
    [InlineData(10, 10)]
    public void Solve_GreedyStartFarFromLoads_MatchesReferenceAndEmptyStart(int minimumLoad, int maximumLoad)
    {
        // Every submission prefers the same three reviewers (the greedy start puts all 600 reviews on them), so the
        // repair has to move almost every unit, through the pool and between reviewers, to meet the load bounds.
        var affinity = new double[60, 200];
        var random = new Random(31);
        for (var r = 0; r < 60; r++)
        {
            for (var j = 0; j < 200; j++)
            {
                affinity[r, j] = (r < 3 ? 5 : 0) + Math.Round(random.NextDouble(), 3);
            }
        }

        var problem = new AssignmentProblem(affinity, Enumerable.Repeat(minimumLoad, 60).ToArray(), Enumerable.Repeat(maximumLoad, 60).ToArray(), Enumerable.Repeat(3, 200).ToArray());
        var warm = ReviewerAssignment.Solve(problem);
        var cold = ReviewerAssignment.Solve(problem, useHeap: false, warmStart: false);
        warm.TotalAffinity.Should().BeApproximately(cold.TotalAffinity, 1e-9);
        warm.TotalAffinity.Should().BeApproximately(ReferenceAssignment.BellmanFordOptimum(problem), 1e-6);
        AssertFeasible(problem, warm);
        warm.Loads.Take(3).Should().AllSatisfy(load => load.Should().Be(maximumLoad));
    }

    private static void AssertFeasible(AssignmentProblem problem, AssignmentResult result)
    {
        result.Pairs.Should().OnlyHaveUniqueItems();
        result.Pairs.Where(p => !problem.IsAllowed(p.Reviewer, p.Submission)).Should().BeEmpty();
        for (var r = 0; r < problem.Reviewers; r++)
        {
            var load = result.Pairs.Count(p => p.Reviewer == r);
            load.Should().Be(result.Loads[r]);
            load.Should().BeInRange(problem.MinimumLoads[r], problem.MaximumLoads[r]);
        }

        for (var j = 0; j < problem.Submissions; j++)
        {
            result.Pairs.Count(p => p.Submission == j).Should().Be(problem.Demands[j]);
        }

        result.TotalAffinity.Should().BeApproximately(result.Pairs.Sum(p => p.Affinity), 1e-9);
    }

    /// <summary>Tries every subset of allowed pairs; returns the best total affinity of a feasible one, or null.</summary>
    private static double? BruteForce(AssignmentProblem problem)
    {
        var cells = new List<(int Reviewer, int Submission)>();
        for (var r = 0; r < problem.Reviewers; r++)
        {
            for (var j = 0; j < problem.Submissions; j++)
            {
                if (problem.IsAllowed(r, j))
                {
                    cells.Add((r, j));
                }
            }
        }

        double? best = null;
        for (var mask = 0; mask < 1 << cells.Count; mask++)
        {
            var loads = new int[problem.Reviewers];
            var counts = new int[problem.Submissions];
            double total = 0;
            for (var c = 0; c < cells.Count; c++)
            {
                if ((mask & (1 << c)) != 0)
                {
                    loads[cells[c].Reviewer]++;
                    counts[cells[c].Submission]++;
                    total += problem.AffinityOf(cells[c].Reviewer, cells[c].Submission);
                }
            }

            var feasible = true;
            for (var r = 0; r < problem.Reviewers && feasible; r++)
            {
                feasible = loads[r] >= problem.MinimumLoads[r] && loads[r] <= problem.MaximumLoads[r];
            }

            for (var j = 0; j < problem.Submissions && feasible; j++)
            {
                feasible = counts[j] == problem.Demands[j];
            }

            if (feasible && (best is null || total > best))
            {
                best = total;
            }
        }

        return best;
    }
}
