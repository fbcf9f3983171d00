using System.Diagnostics;
using CoProduction.Benchmarks;
using CoProduction.Scoring;
using Google.OrTools.Graph;

// Times CoProduction.Scoring's ReviewerAssignment and OR-Tools' min-cost flow (cost scaling) on the same instances
// (BenchmarkData.Assignment, as in ReviewerAssignmentBenchmark and quick), alternating the two, and checks that
// both reach the same optimum. Affinities have three decimals, so OR-Tools gets them x 1000 as exact integers.
var process = Process.GetCurrentProcess();
Console.WriteLine($"OR-Tools {typeof(MinCostFlow).Assembly.GetName().Version}, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"{"instance",-34} {"library ms",11} {"OR-Tools ms",12} {"ratio",6}   {"library CPU",11} {"OR-Tools CPU",12}   optimum (library / OR-Tools)");
Run("200 x 60, 3 each, loads 8-12", BenchmarkData.Assignment(60, 200, 3, 8, 12, 7), args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 41);
if (args.Contains("large"))
{
    Run("2,600 x 1,400, 3 each, loads 0-8", BenchmarkData.Assignment(1_400, 2_600, 3, 0, 8, 8), 5);
}

void Run(string name, AssignmentProblem problem, int rounds)
{
    double libraryTotal = 0, peerTotal = 0;
    var library = new List<(double Wall, double Cpu)>();
    var peer = new List<(double Wall, double Cpu)>();
    for (var round = 0; round < rounds; round++)
    {
        // Alternate which goes first so that neither always runs on a warmer cache.
        if (round % 2 == 0)
        {
            library.Add(Time(() => libraryTotal = ReviewerAssignment.Solve(problem).TotalAffinity));
            peer.Add(Time(() => peerTotal = SolveWithOrTools(problem)));
        }
        else
        {
            peer.Add(Time(() => peerTotal = SolveWithOrTools(problem)));
            library.Add(Time(() => libraryTotal = ReviewerAssignment.Solve(problem).TotalAffinity));
        }
    }

    // The first round of each is the JIT warm-up.
    var ours = library.Skip(1).ToList();
    var theirs = peer.Skip(1).ToList();
    double Median(IEnumerable<double> xs)
    {
        var sorted = xs.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    var ourMedian = Median(ours.Select(t => t.Wall));
    var theirMedian = Median(theirs.Select(t => t.Wall));
    Console.WriteLine(
        $"{name,-34} {ourMedian,11:F2} {theirMedian,12:F2} {ourMedian / theirMedian,6:F2}   {Median(ours.Select(t => t.Cpu)),11:F2} {Median(theirs.Select(t => t.Cpu)),12:F2}   {libraryTotal:F3} / {peerTotal:F3}");
    Console.WriteLine(
        $"{"  best of " + (rounds - 1),-34} {ours.Min(t => t.Wall),11:F2} {theirs.Min(t => t.Wall),12:F2} {ours.Min(t => t.Wall) / theirs.Min(t => t.Wall),6:F2}");
    if (Math.Abs(libraryTotal - peerTotal) > 1e-6)
    {
        Console.WriteLine("  OPTIMA DIFFER");
        Environment.ExitCode = 1;
    }
}

(double Wall, double Cpu) Time(Action action)
{
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    action();
    var wall = stopwatch.Elapsed.TotalMilliseconds;
    process.Refresh();
    return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
}

// The same network as ReviewerAssignment: a pool supplying D - sum(min) through arcs of capacity max - min to each
// reviewer, each reviewer supplying its minimum, unit arcs reviewer -> submission at cost -affinity, each submission
// demanding its reviewers. Building the network is part of the timed work, as it is for the library.
static double SolveWithOrTools(AssignmentProblem problem)
{
    var flow = new MinCostFlow();
    var reviewers = problem.Reviewers;
    var submissions = problem.Submissions;
    const int Pool = 0;
    long demand = 0;
    for (var j = 0; j < submissions; j++)
    {
        demand += problem.Demands[j];
        flow.SetNodeSupply(1 + reviewers + j, -problem.Demands[j]);
    }

    long minimum = 0;
    for (var r = 0; r < reviewers; r++)
    {
        minimum += problem.MinimumLoads[r];
        flow.SetNodeSupply(1 + r, problem.MinimumLoads[r]);
        flow.AddArcWithCapacityAndUnitCost(Pool, 1 + r, problem.MaximumLoads[r] - problem.MinimumLoads[r], 0);
    }

    flow.SetNodeSupply(Pool, demand - minimum);
    for (var r = 0; r < reviewers; r++)
    {
        for (var j = 0; j < submissions; j++)
        {
            if (problem.IsAllowed(r, j))
            {
                flow.AddArcWithCapacityAndUnitCost(1 + r, 1 + reviewers + j, 1, -(long)Math.Round(problem.Affinity[(r * submissions) + j] * 1000));
            }
        }
    }

    var status = flow.Solve();
    if (status != MinCostFlowBase.Status.OPTIMAL)
    {
        throw new InvalidOperationException($"OR-Tools: {status}");
    }

    return -flow.OptimalCost() / 1000.0;
}
