namespace CoProduction.Scoring.Tests;

/// <summary>
/// An independent exact reference for reviewer assignment: the same network, but each unit routed along a shortest
/// path found by queue-based Bellman-Ford on the raw (negative) costs, with no potentials and no blocking flow.
/// </summary>
internal static class ReferenceAssignment
{
    /// <summary>The maximum total affinity, or throws when infeasible.</summary>
    public static double BellmanFordOptimum(AssignmentProblem problem)
    {
        var reviewers = problem.Reviewers;
        var submissions = problem.Submissions;
        var nodes = 1 + reviewers + submissions;
        var poolCapacity = new int[reviewers];
        var poolFlow = new int[reviewers];
        var assigned = new bool[reviewers, submissions];
        var excess = new int[nodes];
        var deficit = new int[nodes];
        long poolSupply = 0;
        for (var j = 0; j < submissions; j++)
        {
            deficit[1 + reviewers + j] = problem.Demands[j];
            poolSupply += problem.Demands[j];
        }

        for (var r = 0; r < reviewers; r++)
        {
            excess[1 + r] = problem.MinimumLoads[r];
            poolCapacity[r] = problem.MaximumLoads[r] - problem.MinimumLoads[r];
            poolSupply -= problem.MinimumLoads[r];
        }

        excess[0] = (int)poolSupply;
        var distance = new double[nodes];
        var previous = new int[nodes];
        var inQueue = new bool[nodes];
        var queue = new Queue<int>();
        double total = 0;
        for (var source = 0; source < nodes; source++)
        {
            while (excess[source] > 0)
            {
                Array.Fill(distance, double.PositiveInfinity);
                distance[source] = 0;
                queue.Enqueue(source);
                inQueue[source] = true;
                while (queue.Count > 0)
                {
                    var u = queue.Dequeue();
                    inQueue[u] = false;
                    void Relax(int v, double cost)
                    {
                        if (distance[u] + cost < distance[v] - 1e-12)
                        {
                            distance[v] = distance[u] + cost;
                            previous[v] = u;
                            if (!inQueue[v])
                            {
                                inQueue[v] = true;
                                queue.Enqueue(v);
                            }
                        }
                    }

                    if (u == 0)
                    {
                        for (var r = 0; r < reviewers; r++)
                        {
                            if (poolFlow[r] < poolCapacity[r])
                            {
                                Relax(1 + r, 0);
                            }
                        }
                    }
                    else if (u <= reviewers)
                    {
                        var r = u - 1;
                        if (poolFlow[r] > 0)
                        {
                            Relax(0, 0);
                        }

                        for (var j = 0; j < submissions; j++)
                        {
                            if (!assigned[r, j] && problem.IsAllowed(r, j))
                            {
                                Relax(1 + reviewers + j, -problem.AffinityOf(r, j));
                            }
                        }
                    }
                    else
                    {
                        var j = u - 1 - reviewers;
                        for (var r = 0; r < reviewers; r++)
                        {
                            if (assigned[r, j])
                            {
                                Relax(1 + r, problem.AffinityOf(r, j));
                            }
                        }
                    }
                }

                var target = -1;
                for (var v = 1 + reviewers; v < nodes; v++)
                {
                    if (deficit[v] > 0 && !double.IsPositiveInfinity(distance[v]) && (target < 0 || distance[v] < distance[target]))
                    {
                        target = v;
                    }
                }

                if (target < 0)
                {
                    throw new InfeasibleAssignmentException("infeasible");
                }

                total -= distance[target];
                excess[source]--;
                deficit[target]--;
                for (var v = target; v != source; v = previous[v])
                {
                    var u = previous[v];
                    if (u == 0)
                    {
                        poolFlow[v - 1]++;
                    }
                    else if (v == 0)
                    {
                        poolFlow[u - 1]--;
                    }
                    else if (u <= reviewers)
                    {
                        assigned[u - 1, v - 1 - reviewers] = true;
                    }
                    else
                    {
                        assigned[v - 1, u - 1 - reviewers] = false;
                    }
                }
            }
        }

        return total;
    }
}
