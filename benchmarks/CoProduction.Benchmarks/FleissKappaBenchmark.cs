using BenchmarkDotNet.Attributes;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>Fleiss' kappa, 1,000,000 subjects x 5 categories (budget: under 10 ms).</summary>
[MemoryDiagnoser]
public class FleissKappaBenchmark
{
    private int[,] _counts = null!;

    [GlobalSetup]
    public void Setup() => _counts = BenchmarkData.FleissCounts(1_000_000, 5, 6, 3);

    [Benchmark(Baseline = true)]
    public double NaiveTextbook() => Naive.Fleiss(_counts);

    [Benchmark]
    public double Library() => Agreement.FleissKappa(_counts);
}
