namespace CoProduction.Scoring;

/// <summary>
/// Optimal reviewer assignment as a minimum-cost flow with lower bounds (the formulation of OpenReview's matcher),
/// solved exactly by successive shortest paths with Johnson potentials.
/// </summary>
/// <remarks>
/// <para>
/// Network: a pool node supplies D - sum(min) units (D = total demand) to each reviewer r through an arc of capacity
/// max_r - min_r; each reviewer also supplies min_r units of their own; a reviewer sends at most one unit to each
/// submission they do not conflict with, at cost -affinity; each submission j absorbs exactly demand_j units. Every
/// feasible flow of this network is an assignment meeting every bound (lower bounds included) and vice versa, so the
/// minimum-cost flow is the maximum-affinity assignment: not a two-phase approximation.
/// </para>
/// <para>
/// Each augmentation runs Dijkstra from one node with remaining supply over reduced costs (potentials start from
/// the largest affinity per submission and are updated after each search) and stops at the first submission still
/// short of reviewers; D augmentations in all.
/// </para>
/// </remarks>
public static class ReviewerAssignment
{
    /// <summary>Finds an assignment with the largest total affinity that meets every bound.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The optimal pairs and their total affinity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    /// <exception cref="InfeasibleAssignmentException">No assignment meets every bound; the message names it.</exception>
    public static AssignmentResult Solve(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckObviousBounds(problem);
        return new Solver(problem).Run();
    }

    private static void CheckObviousBounds(AssignmentProblem problem)
    {
        long demand = 0, minimum = 0, maximum = 0;
        foreach (var d in problem.Demands)
        {
            demand += d;
        }

        for (var r = 0; r < problem.Reviewers; r++)
        {
            minimum += problem.MinimumLoads[r];
            maximum += problem.MaximumLoads[r];
        }

        if (demand > maximum)
        {
            throw new InfeasibleAssignmentException(
                $"The submissions need {demand} reviews in total but the reviewers' maximum loads allow only {maximum}.", AssignmentBound.TotalLoad, null);
        }

        if (demand < minimum)
        {
            throw new InfeasibleAssignmentException(
                $"The reviewers' minimum loads add up to {minimum} reviews but the submissions need only {demand}.", AssignmentBound.TotalLoad, null);
        }

        for (var j = 0; j < problem.Submissions; j++)
        {
            var eligible = 0;
            for (var r = 0; r < problem.Reviewers; r++)
            {
                eligible += problem.IsAllowed(r, j) && problem.MaximumLoads[r] > 0 ? 1 : 0;
            }

            if (eligible < problem.Demands[j])
            {
                throw new InfeasibleAssignmentException(
                    $"Submission {j} needs {problem.Demands[j]} reviewers but only {eligible} reviewers without a conflict can take it.",
                    AssignmentBound.SubmissionDemand,
                    j);
            }
        }

        for (var r = 0; r < problem.Reviewers; r++)
        {
            var eligible = 0;
            for (var j = 0; j < problem.Submissions; j++)
            {
                eligible += problem.IsAllowed(r, j) && problem.Demands[j] > 0 ? 1 : 0;
            }

            if (eligible < problem.MinimumLoads[r])
            {
                throw new InfeasibleAssignmentException(
                    $"Reviewer {r} must review at least {problem.MinimumLoads[r]} submissions but only {eligible} need reviewers and are free of conflicts.",
                    AssignmentBound.ReviewerMinimumLoad,
                    r);
            }
        }
    }

    /// <summary>Successive shortest paths on the pool / reviewer / submission network.</summary>
    private sealed class Solver
    {
        private const int Pool = 0;

        private readonly AssignmentProblem _problem;
        private readonly int _reviewers;
        private readonly int _submissions;
        private readonly double[] _affinity;
        private readonly bool[] _allowed;
        private readonly bool[] _assigned;
        private readonly int[] _poolCapacity;
        private readonly int[] _poolFlow;
        private readonly int[] _excess;
        private readonly int[] _deficit;
        private readonly int[][] _assignedReviewers;
        private readonly int[] _assignedCount;
        private readonly double[] _potential;
        private readonly double[] _distance;
        private readonly int[] _previous;
        private readonly bool[] _settled;
        private readonly bool[] _reached;
        private readonly int[] _touched;
        private readonly PriorityQueue<int, double> _queue = new();

        public Solver(AssignmentProblem problem)
        {
            _problem = problem;
            _reviewers = problem.Reviewers;
            _submissions = problem.Submissions;
            _affinity = problem.Affinity.ToArray();
            _allowed = new bool[_affinity.Length];
            _assigned = new bool[_affinity.Length];
            var nodes = 1 + _reviewers + _submissions;
            _poolCapacity = new int[_reviewers];
            _poolFlow = new int[_reviewers];
            _excess = new int[nodes];
            _deficit = new int[nodes];
            _assignedReviewers = new int[_submissions][];
            _assignedCount = new int[_submissions];
            _potential = new double[nodes];
            _distance = new double[nodes];
            _previous = new int[nodes];
            _settled = new bool[nodes];
            _reached = new bool[nodes];
            _touched = new int[nodes];

            long poolSupply = 0;
            for (var j = 0; j < _submissions; j++)
            {
                _deficit[SubmissionNode(j)] = problem.Demands[j];
                _assignedReviewers[j] = new int[problem.Demands[j]];
                poolSupply += problem.Demands[j];
            }

            for (var r = 0; r < _reviewers; r++)
            {
                _excess[ReviewerNode(r)] = problem.MinimumLoads[r];
                _poolCapacity[r] = problem.MaximumLoads[r] - problem.MinimumLoads[r];
                poolSupply -= problem.MinimumLoads[r];
            }

            _excess[Pool] = (int)poolSupply;

            // Initial potentials make every residual arc's reduced cost non-negative: 0 on pool and reviewers,
            // -max affinity on each submission.
            for (var j = 0; j < _submissions; j++)
            {
                var best = double.NegativeInfinity;
                for (var r = 0; r < _reviewers; r++)
                {
                    var index = (r * _submissions) + j;
                    _allowed[index] = problem.IsAllowed(r, j) && problem.MaximumLoads[r] > 0;
                    if (_allowed[index])
                    {
                        best = Math.Max(best, _affinity[index]);
                    }
                }

                _potential[SubmissionNode(j)] = double.IsNegativeInfinity(best) ? 0 : -best;
            }
        }

        private int ReviewerNode(int r) => 1 + r;

        private int SubmissionNode(int j) => 1 + _reviewers + j;

        public AssignmentResult Run()
        {
            // Reviewers' own (minimum-load) supply first, then the pool.
            for (var r = 0; r < _reviewers; r++)
            {
                while (_excess[ReviewerNode(r)] > 0)
                {
                    if (!Augment(ReviewerNode(r)))
                    {
                        throw new InfeasibleAssignmentException(
                            $"Reviewer {r}'s minimum load of {_problem.MinimumLoads[r]} cannot be met together with the other bounds and conflicts.",
                            AssignmentBound.ReviewerMinimumLoad,
                            r);
                    }
                }
            }

            while (_excess[Pool] > 0)
            {
                if (!Augment(Pool))
                {
                    var shortSubmission = FirstShortSubmission();
                    throw new InfeasibleAssignmentException(
                        $"Submission {shortSubmission} cannot get its {_problem.Demands[shortSubmission]} reviewers within the reviewers' maximum loads and conflicts.",
                        AssignmentBound.SubmissionDemand,
                        shortSubmission);
                }
            }

            return BuildResult();
        }

        private int FirstShortSubmission()
        {
            for (var j = 0; j < _submissions; j++)
            {
                if (_deficit[SubmissionNode(j)] > 0)
                {
                    return j;
                }
            }

            return 0;
        }

        /// <summary>Dijkstra from <paramref name="source"/> to the nearest submission with unmet demand; pushes one unit.</summary>
        private bool Augment(int source)
        {
            var touchedCount = 0;
            _queue.Clear();
            _distance[source] = 0;
            _previous[source] = -1;
            _touched[touchedCount++] = source;
            MarkReached(source);
            _queue.Enqueue(source, 0);
            var target = -1;
            var targetDistance = 0.0;
            while (_queue.TryDequeue(out var u, out var du))
            {
                if (_settled[u] || du > _distance[u])
                {
                    continue;
                }

                _settled[u] = true;
                if (u > _reviewers && _deficit[u] > 0)
                {
                    target = u;
                    targetDistance = du;
                    break;
                }

                if (u == Pool)
                {
                    for (var r = 0; r < _reviewers; r++)
                    {
                        if (_poolFlow[r] < _poolCapacity[r])
                        {
                            Relax(u, ReviewerNode(r), du, 0, ref touchedCount);
                        }
                    }
                }
                else if (u <= _reviewers)
                {
                    var r = u - 1;
                    if (_poolFlow[r] > 0)
                    {
                        Relax(u, Pool, du, 0, ref touchedCount);
                    }

                    var row = r * _submissions;
                    var pu = _potential[u];
                    for (var j = 0; j < _submissions; j++)
                    {
                        var index = row + j;
                        if (!_allowed[index] || _assigned[index])
                        {
                            continue;
                        }

                        var v = SubmissionNode(j);
                        var reduced = Math.Max(0, -_affinity[index] + pu - _potential[v]);
                        var candidate = du + reduced;
                        if (!_reached[v] || candidate < _distance[v])
                        {
                            if (!_reached[v])
                            {
                                MarkReached(v);
                                _touched[touchedCount++] = v;
                            }

                            _distance[v] = candidate;
                            _previous[v] = u;
                            _queue.Enqueue(v, candidate);
                        }
                    }
                }
                else
                {
                    var j = u - 1 - _reviewers;
                    var list = _assignedReviewers[j];
                    for (var k = 0; k < _assignedCount[j]; k++)
                    {
                        var r = list[k];
                        Relax(u, ReviewerNode(r), du, _affinity[(r * _submissions) + j], ref touchedCount);
                    }
                }
            }

            if (target < 0)
            {
                ResetReached(touchedCount);
                return false;
            }

            // Potentials: p(v) += min(d(v), d(target)) keeps all reduced costs non-negative.
            for (var v = 0; v < _potential.Length; v++)
            {
                _potential[v] += _reached[v] && _settled[v] ? _distance[v] : targetDistance;
            }

            ResetReached(touchedCount);
            PushAlongPath(source, target);
            return true;
        }

        private void MarkReached(int v) => _reached[v] = true;

        private void ResetReached(int touchedCount)
        {
            for (var i = 0; i < touchedCount; i++)
            {
                var v = _touched[i];
                _reached[v] = false;
                _settled[v] = false;
            }
        }

        private void Relax(int u, int v, double du, double cost, ref int touchedCount)
        {
            var reduced = Math.Max(0, cost + _potential[u] - _potential[v]);
            var candidate = du + reduced;
            if (!_reached[v])
            {
                MarkReached(v);
                _touched[touchedCount++] = v;
            }
            else if (candidate >= _distance[v])
            {
                return;
            }

            _distance[v] = candidate;
            _previous[v] = u;
            _queue.Enqueue(v, candidate);
        }

        private void PushAlongPath(int source, int target)
        {
            _excess[source]--;
            _deficit[target]--;
            var v = target;
            while (v != source)
            {
                var u = _previous[v];
                if (u == Pool)
                {
                    _poolFlow[v - 1]++;
                }
                else if (v == Pool)
                {
                    _poolFlow[u - 1]--;
                }
                else if (u <= _reviewers)
                {
                    // Reviewer u-1 takes submission v.
                    var r = u - 1;
                    var j = v - 1 - _reviewers;
                    _assigned[(r * _submissions) + j] = true;
                    _assignedReviewers[j][_assignedCount[j]++] = r;
                }
                else
                {
                    // Submission u releases reviewer v-1.
                    var j = u - 1 - _reviewers;
                    var r = v - 1;
                    _assigned[(r * _submissions) + j] = false;
                    var list = _assignedReviewers[j];
                    var k = Array.IndexOf(list, r, 0, _assignedCount[j]);
                    list[k] = list[--_assignedCount[j]];
                }

                v = u;
            }
        }

        private AssignmentResult BuildResult()
        {
            var pairs = new List<ReviewerPair>();
            var loads = new int[_reviewers];
            double total = 0;
            for (var j = 0; j < _submissions; j++)
            {
                for (var r = 0; r < _reviewers; r++)
                {
                    var index = (r * _submissions) + j;
                    if (_assigned[index])
                    {
                        pairs.Add(new ReviewerPair(r, j, _affinity[index]));
                        loads[r]++;
                        total += _affinity[index];
                    }
                }
            }

            return new AssignmentResult([.. pairs], total, loads);
        }
    }
}
