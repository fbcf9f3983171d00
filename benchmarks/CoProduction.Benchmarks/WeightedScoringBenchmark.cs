using BenchmarkDotNet.Attributes;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>Weighted involvement scoring, 1,000,000 assessments x 30 indicators in 6 standards (budget: under 100 ms).</summary>
[MemoryDiagnoser]
public class WeightedScoringBenchmark
{
    private const int Assessments = 1_000_000;

    private static readonly int[] StandardOf = Enumerable.Range(0, 30).Select(i => i % 6).ToArray();
    private static readonly double[] Weights = Enumerable.Range(0, 30).Select(i => 1 + (i % 3)).Select(w => (double)w).ToArray();
    private static readonly double[] StandardWeights = [1, 1, 2, 1, 2, 1];

    private ScoringScheme _scheme = null!;
    private double[] _ratings = null!;
    private double[] _standardScores = null!;
    private double[] _overall = null!;

    public static ScoringScheme CreateScheme() => new(StandardOf, Weights, StandardWeights);

    [GlobalSetup]
    public void Setup()
    {
        _scheme = CreateScheme();
        _ratings = BenchmarkData.Ratings(Assessments, 30, 6);
        _standardScores = new double[Assessments * 6];
        _overall = new double[Assessments];
    }

    [Benchmark(Baseline = true)]
    public double NaivePerAssessment()
    {
        Naive.WeightedScores(StandardOf, Weights, StandardWeights, _ratings, _overall);
        return _overall[0];
    }

    [Benchmark]
    public double LibraryBatch()
    {
        WeightedScoring.ScoreBatch(_scheme, _ratings, _standardScores, _overall);
        return _overall[0];
    }
}
