using BenchmarkDotNet.Attributes;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>XmR analysis with every rule, 1,000,000 points (budget: under 20 ms).</summary>
[MemoryDiagnoser]
public class XmRChartBenchmark
{
    private double[] _values = null!;
    private PointType[] _types = null!;
    private SpecialCauseRule[] _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        _values = BenchmarkData.Series(1_000_000, 5);
        _types = new PointType[_values.Length];
        _rules = new SpecialCauseRule[_values.Length];
    }

    [Benchmark(Baseline = true)]
    public int NaiveWindows() => Naive.XmR(_values);

    [Benchmark]
    public double LibraryIntoSpans() => XmRChart.Analyse(_values, _types, _rules, options: null).Mean;

    [Benchmark]
    public double LibraryWithResult() => XmRChart.Analyse(_values).Mean;
}
