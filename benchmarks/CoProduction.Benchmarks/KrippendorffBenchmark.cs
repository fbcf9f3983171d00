using BenchmarkDotNet.Attributes;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>Krippendorff's alpha, 1,000,000 units x 5 observers, 5-point scale, 20% missing (budget: under 50 ms).</summary>
[MemoryDiagnoser]
public class KrippendorffBenchmark
{
    private double[,] _data = null!;

    [Params(MeasurementLevel.Nominal, MeasurementLevel.Ordinal)]
    public MeasurementLevel Level { get; set; }

    [GlobalSetup]
    public void Setup() => _data = BenchmarkData.RatingScale(5, 1_000_000, 0.2, 1);

    [Benchmark(Baseline = true)]
    public double NaiveCoincidenceMatrix() => Naive.KrippendorffCoincidence(_data, Level);

    [Benchmark]
    public double Library() => Agreement.KrippendorffAlpha(_data, Level);
}

/// <summary>Krippendorff's alpha on continuous, all-distinct values, 200,000 units x 3 observers (budget: under 200 ms).</summary>
[MemoryDiagnoser]
public class KrippendorffContinuousBenchmark
{
    private double[,] _data = null!;
    private double[,] _wide = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Continuous(3, 200_000, 0.2, 2);
        _wide = BenchmarkData.UniformWide(3, 200_000, 3);
    }

    [Benchmark(Baseline = true)]
    public double NaiveIntervalLinq() => Naive.KrippendorffIntervalLinq(_data);

    [Benchmark]
    public double LibraryInterval() => Agreement.KrippendorffAlpha(_data, MeasurementLevel.Interval);

    [Benchmark]
    public double LibraryOrdinal() => Agreement.KrippendorffAlpha(_data, MeasurementLevel.Ordinal);

    [Benchmark]
    public double LibraryRatio() => Agreement.KrippendorffAlpha(_data, MeasurementLevel.Ratio);

    /// <summary>Ratio level on values uniform in [0, 1000): the wide spread of issue 17, item 7 (was 484 ms).</summary>
    [Benchmark]
    public double LibraryRatioWideSpread() => Agreement.KrippendorffAlpha(_wide, MeasurementLevel.Ratio);
}

/// <summary>
/// Ratio-level alpha on continuous values at 20,000 units x 3 observers (about 48,000 distinct values) against the
/// all-pairs baseline, which is too slow to run at 200,000 units.
/// </summary>
[MemoryDiagnoser]
public class KrippendorffRatioBenchmark
{
    private double[,] _data = null!;

    [GlobalSetup]
    public void Setup() => _data = BenchmarkData.Continuous(3, 20_000, 0.2, 2);

    [Benchmark(Baseline = true)]
    public double NaiveAllPairs() => Naive.KrippendorffRatioAllPairs(_data);

    [Benchmark]
    public double Library() => Agreement.KrippendorffAlpha(_data, MeasurementLevel.Ratio);
}
