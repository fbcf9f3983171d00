using BenchmarkDotNet.Attributes;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>Optimal reviewer assignment, 200 submissions x 60 reviewers, 3 per submission, loads 8-12 (budget: under 20 ms).</summary>
[MemoryDiagnoser]
public class ReviewerAssignmentBenchmark
{
    private AssignmentProblem _problem = null!;

    [GlobalSetup]
    public void Setup() => _problem = BenchmarkData.Assignment(60, 200, 3, 8, 12, 7);

    [Benchmark(Baseline = true)]
    public double NaiveBellmanFordPaths() => Naive.AssignmentBellmanFord(_problem);

    [Benchmark]
    public double Library() => ReviewerAssignment.Solve(_problem).TotalAffinity;
}
