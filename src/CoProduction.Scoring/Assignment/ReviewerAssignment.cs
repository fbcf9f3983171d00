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
/// Warm start: each submission first takes its demanded number of best allowed reviewers, ignoring loads, with its
/// potential at minus the last one's affinity. That pseudo-flow already has non-negative reduced costs everywhere, so
/// only the loads need repair: reviewers below their minimum (and the pool) keep supply, reviewers above their
/// maximum (or the pool) are left short. On the 200 x 60 benchmark the greedy start has 17 reviews above maximum
/// loads and 19 below minimum loads, against 600 units to route from an empty start. If the repair proves the
/// problem infeasible, the solve starts again from the empty flow, whose failure names the bound that cannot be met.
/// </para>
/// <para>
/// Primal-dual successive shortest paths: each phase runs Dijkstra from every node with remaining supply over reduced
/// costs, stopping at the first node still short (a submission without enough reviewers, an overloaded reviewer or
/// the pool), updates the potentials, and then pushes as many units as it can along zero-reduced-cost paths (a
/// depth-first blocking flow). Reduced costs stay non-negative throughout, so the final flow is optimal; reduced
/// costs within 1e-9 x the largest |affinity| of zero count as zero, so the total is optimal to within that
/// floating-point tolerance per pair.
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
        return new Solver(problem, useHeap: null, warmStart: true).Run()
            ?? new Solver(problem, useHeap: null, warmStart: false).Run()!;
    }

    /// <summary>
    /// Solves with the node-selection strategy (heap or linear scan) and the start (greedy or empty) forced, so tests
    /// can cover each; a warm start that proves infeasible falls back to the empty start, as <see cref="Solve(AssignmentProblem)"/> does.
    /// </summary>
    internal static AssignmentResult Solve(AssignmentProblem problem, bool useHeap, bool warmStart = true)
    {
        CheckObviousBounds(problem);
        return (warmStart ? new Solver(problem, useHeap, warmStart: true).Run() : null)
            ?? new Solver(problem, useHeap, warmStart: false).Run()!;
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

    /// <summary>Primal-dual successive shortest paths on the pool / reviewer / submission network.</summary>
    private sealed class Solver
    {
        private const int Pool = 0;
        private const byte Forbidden = 0;
        private const byte Free = 1;
        private const byte Taken = 2;

        private readonly AssignmentProblem _problem;
        private readonly int _reviewers;
        private readonly int _submissions;
        private readonly int _nodes;
        private readonly double[] _affinity;
        private readonly byte[] _state;
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
        private readonly int[] _arcCursor;
        private readonly int[] _deadPhase;
        private readonly bool[] _onPath;
        private readonly int[] _path;
        private readonly double _tolerance;
        private readonly PriorityQueue<int, double> _queue = new();
        private readonly bool _useHeap;
        private int _phase;

        private readonly bool _warmStart;

        public Solver(AssignmentProblem problem, bool? useHeap, bool warmStart)
        {
            _warmStart = warmStart;
            _problem = problem;
            _reviewers = problem.Reviewers;
            _submissions = problem.Submissions;
            _nodes = 1 + _reviewers + _submissions;
            _affinity = problem.Affinity.ToArray();
            _state = new byte[_affinity.Length];
            _poolCapacity = new int[_reviewers];
            _poolFlow = new int[_reviewers];
            _excess = new int[_nodes];
            _deficit = new int[_nodes];
            _assignedReviewers = new int[_submissions][];
            _assignedCount = new int[_submissions];
            _potential = new double[_nodes];
            _distance = new double[_nodes];
            _previous = new int[_nodes];
            _settled = new bool[_nodes];
            _arcCursor = new int[_nodes];
            _deadPhase = new int[_nodes];
            _onPath = new bool[_nodes];
            _path = new int[_nodes + 1];

            long poolSupply = 0;
            for (var j = 0; j < _submissions; j++)
            {
                _deficit[SubmissionNode(j)] = problem.Demands[j];
                _assignedReviewers[j] = new int[problem.Demands[j] + 1]; // + 1: a path may add before it removes
                poolSupply += problem.Demands[j];
            }

            for (var r = 0; r < _reviewers; r++)
            {
                _excess[ReviewerNode(r)] = problem.MinimumLoads[r];
                _poolCapacity[r] = problem.MaximumLoads[r] - problem.MinimumLoads[r];
                poolSupply -= problem.MinimumLoads[r];
            }

            _excess[Pool] = (int)poolSupply;

            // Initial potentials make every residual arc's reduced cost non-negative: 0 on the pool and reviewers,
            // -(largest affinity) on each submission.
            var largest = 0.0;
            for (var j = 0; j < _submissions; j++)
            {
                var best = double.NegativeInfinity;
                for (var r = 0; r < _reviewers; r++)
                {
                    var index = (r * _submissions) + j;
                    var allowed = problem.IsAllowed(r, j) && problem.MaximumLoads[r] > 0;
                    _state[index] = allowed ? Free : Forbidden;
                    if (allowed)
                    {
                        best = Math.Max(best, _affinity[index]);
                    }

                    largest = Math.Max(largest, Math.Abs(_affinity[index]));
                }

                _potential[SubmissionNode(j)] = double.IsNegativeInfinity(best) ? 0 : -best;
            }

            _tolerance = 1e-9 * Math.Max(1, largest);
            if (warmStart)
            {
                StartGreedy(poolSupply);
            }

            // Small networks: picking the nearest node by a linear scan beats heap operations.
            _useHeap = useHeap ?? _nodes > DenseNodeLimit;
        }

        private const int DenseNodeLimit = 1024;

        /// <summary>
        /// Warm start: every submission takes its demand's worth of best allowed reviewers, ignoring loads, and its
        /// potential becomes minus the affinity of the last one taken. Every residual arc then has a non-negative
        /// reduced cost (untaken arcs have affinity at most that one's, taken arcs at least), so this pseudo-flow is
        /// optimal for its node balances, and successive shortest paths only have to repair the loads: reviewers
        /// below their minimum (or the pool) keep supply, reviewers above their maximum (or the pool) become
        /// deficits. Usually far fewer units than the total demand need to move.
        /// </summary>
        private void StartGreedy(long poolSupply)
        {
            var loads = new int[_reviewers];
            var best = new int[_reviewers];
            for (var j = 0; j < _submissions; j++)
            {
                var demand = _problem.Demands[j];
                var v = SubmissionNode(j);
                if (demand == 0)
                {
                    continue;
                }

                // The demand's best allowed reviewers by affinity (ties to the lower index), by insertion into a
                // short sorted list: demand is small.
                var count = 0;
                for (var r = 0; r < _reviewers; r++)
                {
                    var index = (r * _submissions) + j;
                    if (_state[index] != Free)
                    {
                        continue;
                    }

                    var a = _affinity[index];
                    if (count == demand && a <= _affinity[(best[count - 1] * _submissions) + j])
                    {
                        continue;
                    }

                    var k = count == demand ? count - 1 : count++;
                    while (k > 0 && _affinity[(best[k - 1] * _submissions) + j] < a)
                    {
                        best[k] = best[k - 1];
                        k--;
                    }

                    best[k] = r;
                }

                for (var k = 0; k < count; k++)
                {
                    var r = best[k];
                    _state[(r * _submissions) + j] = Taken;
                    _assignedReviewers[j][_assignedCount[j]++] = r;
                    loads[r]++;
                }

                _deficit[v] -= count;
                _potential[v] = -_affinity[(best[count - 1] * _submissions) + j];
            }

            for (var r = 0; r < _reviewers; r++)
            {
                var node = ReviewerNode(r);
                var flow = Math.Clamp(loads[r] - _problem.MinimumLoads[r], 0, _poolCapacity[r]);
                _poolFlow[r] = flow;
                poolSupply -= flow;
                var balance = _problem.MinimumLoads[r] + flow - loads[r];
                _excess[node] = Math.Max(0, balance);
                _deficit[node] = Math.Max(0, -balance);
            }

            // poolSupply arrives as D - sum(min); what the pool has not sent is its balance.
            _excess[Pool] = (int)Math.Max(0, poolSupply);
            _deficit[Pool] = (int)Math.Max(0, -poolSupply);
        }

        private int ReviewerNode(int r) => 1 + r;

        private int SubmissionNode(int j) => 1 + _reviewers + j;

        private bool IsSubmission(int v) => v > _reviewers;

        /// <summary>Runs to optimality; null when a warm start proves infeasible (the caller then starts empty).</summary>
        public AssignmentResult? Run()
        {
            var remaining = 0L;
            for (var v = 0; v < _nodes; v++)
            {
                remaining += _excess[v];
            }

            while (remaining > 0)
            {
                _phase++;
                var target = ShortestPaths();
                if (target < 0)
                {
                    if (_warmStart)
                    {
                        return null;
                    }

                    ThrowInfeasible();
                }

                var pushed = BlockingFlow();
                if (pushed == 0)
                {
                    // Defensive: the Dijkstra tree path is a zero-reduced-cost path, so push along it.
                    PushTreePath(target);
                    pushed = 1;
                }

                remaining -= pushed;
            }

            return BuildResult();
        }

        private void ThrowInfeasible()
        {
            for (var r = 0; r < _reviewers; r++)
            {
                if (_excess[ReviewerNode(r)] > 0)
                {
                    throw new InfeasibleAssignmentException(
                        $"Reviewer {r}'s minimum load of {_problem.MinimumLoads[r]} cannot be met together with the other bounds and conflicts.",
                        AssignmentBound.ReviewerMinimumLoad,
                        r);
                }
            }

            for (var j = 0; j < _submissions; j++)
            {
                if (_deficit[SubmissionNode(j)] > 0)
                {
                    throw new InfeasibleAssignmentException(
                        $"Submission {j} cannot get its {_problem.Demands[j]} reviewers within the reviewers' maximum loads and conflicts.",
                        AssignmentBound.SubmissionDemand,
                        j);
                }
            }

            throw new InfeasibleAssignmentException("The assignment problem has no feasible solution.");
        }

        /// <summary>
        /// Multi-source Dijkstra from every node with supply, stopping at the first submission with unmet demand;
        /// then p(v) += min(d(v), d(target)). Returns the target, or -1 when no submission in need is reachable.
        /// </summary>
        private int ShortestPaths()
        {
            _queue.Clear();
            Array.Fill(_distance, double.PositiveInfinity);
            Array.Clear(_settled);
            for (var v = 0; v < _nodes; v++)
            {
                if (_excess[v] > 0)
                {
                    _distance[v] = 0;
                    _previous[v] = -1;
                    if (_useHeap)
                    {
                        _queue.Enqueue(v, 0);
                    }
                }
            }

            var target = -1;
            var targetDistance = 0.0;
            while (NextNearest(out var u, out var du))
            {
                _settled[u] = true;
                if (_deficit[u] > 0)
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
                            Relax(u, ReviewerNode(r), du, 0);
                        }
                    }
                }
                else if (!IsSubmission(u))
                {
                    var r = u - 1;
                    if (_poolFlow[r] > 0)
                    {
                        Relax(u, Pool, du, 0);
                    }

                    var row = r * _submissions;
                    var pu = _potential[u];
                    var firstSubmission = 1 + _reviewers;
                    for (var j = 0; j < _submissions; j++)
                    {
                        if (_state[row + j] != Free)
                        {
                            continue;
                        }

                        var v = firstSubmission + j;
                        var candidate = du + Math.Max(0, pu - _affinity[row + j] - _potential[v]);
                        if (candidate < _distance[v])
                        {
                            _distance[v] = candidate;
                            _previous[v] = u;
                            if (_useHeap)
                            {
                                _queue.Enqueue(v, candidate);
                            }
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
                        Relax(u, ReviewerNode(r), du, _affinity[(r * _submissions) + j]);
                    }
                }
            }

            if (target < 0)
            {
                return -1;
            }

            for (var v = 0; v < _nodes; v++)
            {
                _potential[v] += _settled[v] ? _distance[v] : targetDistance;
            }

            return target;
        }

        private void Relax(int u, int v, double du, double cost)
        {
            var candidate = du + Math.Max(0, cost + _potential[u] - _potential[v]);
            if (candidate < _distance[v])
            {
                _distance[v] = candidate;
                _previous[v] = u;
                if (_useHeap)
                {
                    _queue.Enqueue(v, candidate);
                }
            }
        }

        /// <summary>The unsettled node with the smallest tentative distance, from the heap or by a linear scan.</summary>
        private bool NextNearest(out int node, out double distance)
        {
            if (_useHeap)
            {
                while (_queue.TryDequeue(out node, out distance))
                {
                    if (!_settled[node] && distance <= _distance[node])
                    {
                        return true;
                    }
                }

                return false;
            }

            node = -1;
            distance = double.PositiveInfinity;
            for (var v = 0; v < _nodes; v++)
            {
                if (!_settled[v] && _distance[v] < distance)
                {
                    distance = _distance[v];
                    node = v;
                }
            }

            return node >= 0;
        }

        /// <summary>Pushes units along zero-reduced-cost paths from supply nodes to submissions in need.</summary>
        private int BlockingFlow()
        {
            Array.Clear(_arcCursor);
            var pushed = 0;
            for (var source = 0; source < _nodes; source++)
            {
                while (_excess[source] > 0 && _deadPhase[source] != _phase && FindAndPush(source))
                {
                    pushed++;
                }
            }

            return pushed;
        }

        /// <summary>Iterative depth-first search over admissible arcs with per-phase arc cursors and dead nodes.</summary>
        private bool FindAndPush(int source)
        {
            var depth = 0;
            _path[0] = source;
            _onPath[source] = true;
            while (depth >= 0)
            {
                var u = _path[depth];
                if (depth > 0 && _deficit[u] > 0)
                {
                    PushPath(depth);
                    for (var i = 0; i <= depth; i++)
                    {
                        _onPath[_path[i]] = false;
                    }

                    return true;
                }

                var next = NextAdmissible(u);
                if (next >= 0)
                {
                    _onPath[next] = true;
                    _path[++depth] = next;
                    continue;
                }

                // Dead end for this phase.
                _deadPhase[u] = _phase;
                _onPath[u] = false;
                depth--;
                if (depth >= 0)
                {
                    _arcCursor[_path[depth]]++;
                }
            }

            return false;
        }

        /// <summary>The next admissible neighbour of <paramref name="u"/> from its arc cursor, or -1.</summary>
        private int NextAdmissible(int u)
        {
            var pu = _potential[u];
            if (u == Pool)
            {
                for (; _arcCursor[u] < _reviewers; _arcCursor[u]++)
                {
                    var r = _arcCursor[u];
                    var v = ReviewerNode(r);
                    if (_poolFlow[r] < _poolCapacity[r] && Usable(v) && pu - _potential[v] <= _tolerance)
                    {
                        return v;
                    }
                }

                return -1;
            }

            if (!IsSubmission(u))
            {
                var r = u - 1;
                var row = r * _submissions;
                for (; _arcCursor[u] <= _submissions; _arcCursor[u]++)
                {
                    var arc = _arcCursor[u];
                    if (arc == 0)
                    {
                        if (_poolFlow[r] > 0 && Usable(Pool) && pu - _potential[Pool] <= _tolerance)
                        {
                            return Pool;
                        }

                        continue;
                    }

                    var j = arc - 1;
                    var v = SubmissionNode(j);
                    if (_state[row + j] == Free && Usable(v) && pu - _affinity[row + j] - _potential[v] <= _tolerance)
                    {
                        return v;
                    }
                }

                return -1;
            }

            var submission = u - 1 - _reviewers;
            var list = _assignedReviewers[submission];
            for (; _arcCursor[u] < _assignedCount[submission]; _arcCursor[u]++)
            {
                var r = list[_arcCursor[u]];
                var v = ReviewerNode(r);
                if (Usable(v) && _affinity[(r * _submissions) + submission] + pu - _potential[v] <= _tolerance)
                {
                    return v;
                }
            }

            return -1;
        }

        private bool Usable(int v) => !_onPath[v] && _deadPhase[v] != _phase;

        private void PushPath(int depth)
        {
            _excess[_path[0]]--;
            _deficit[_path[depth]]--;
            for (var i = 0; i < depth; i++)
            {
                Apply(_path[i], _path[i + 1]);
            }
        }

        private void PushTreePath(int target)
        {
            var v = target;
            while (_previous[v] >= 0)
            {
                Apply(_previous[v], v);
                v = _previous[v];
            }

            _excess[v]--;
            _deficit[target]--;
        }

        /// <summary>Moves one unit along the residual arc u -> v.</summary>
        private void Apply(int u, int v)
        {
            if (u == Pool)
            {
                _poolFlow[v - 1]++;
            }
            else if (v == Pool)
            {
                _poolFlow[u - 1]--;
            }
            else if (!IsSubmission(u))
            {
                var r = u - 1;
                var j = v - 1 - _reviewers;
                _state[(r * _submissions) + j] = Taken;
                _assignedReviewers[j][_assignedCount[j]++] = r;
            }
            else
            {
                var j = u - 1 - _reviewers;
                var r = v - 1;
                _state[(r * _submissions) + j] = Free;
                var list = _assignedReviewers[j];
                var k = Array.IndexOf(list, r, 0, _assignedCount[j]);
                list[k] = list[--_assignedCount[j]];
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
                    if (_state[index] == Taken)
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
