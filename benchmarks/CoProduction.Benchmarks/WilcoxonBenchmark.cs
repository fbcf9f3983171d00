using BenchmarkDotNet.Attributes;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>Wilcoxon signed-rank test, n = 1,000,000 pairs (budget: under 150 ms).</summary>
[MemoryDiagnoser]
public class WilcoxonBenchmark
{
    private double[] _x = null!;
    private double[] _y = null!;

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Pairs(1_000_000, 4, round: false);

    [Benchmark(Baseline = true)]
    public double NaiveComparisonSort() => Naive.Wilcoxon(_x, _y);

    [Benchmark]
    public double Library() => SignedRankTest.Wilcoxon(_x, _y).PValue;
}
