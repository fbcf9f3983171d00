using System.Diagnostics;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>A rough Stopwatch timing of every routine at budget size (<c>-- quick</c>): a smoke check, not a benchmark.</summary>
public static class QuickTimer
{
    public static void Run(bool includeSlow)
    {
        var scale = BenchmarkData.RatingScale(5, 1_000_000, 0.2, 1);
        Time("Krippendorff nominal 1M x 5", () => Agreement.KrippendorffAlpha(scale, MeasurementLevel.Nominal));
        Time("Krippendorff ordinal 1M x 5", () => Agreement.KrippendorffAlpha(scale, MeasurementLevel.Ordinal));
        var continuous = BenchmarkData.Continuous(3, 200_000, 0.2, 2);
        Time("Krippendorff interval 200k x 3", () => Agreement.KrippendorffAlpha(continuous, MeasurementLevel.Interval));
        Time("Krippendorff ordinal continuous 200k x 3", () => Agreement.KrippendorffAlpha(continuous, MeasurementLevel.Ordinal));
        Time("Krippendorff ratio 200k x 3", () => Agreement.KrippendorffAlpha(continuous, MeasurementLevel.Ratio));
        var wide = BenchmarkData.UniformWide(3, 200_000, 3);
        Time("Krippendorff ratio 200k x 3, uniform [0,1000)", () => Agreement.KrippendorffAlpha(wide, MeasurementLevel.Ratio));
        if (includeSlow)
        {
            // The exact pair-by-pair expected disagreement the quadrature replaces above 8,192 values.
            var values = continuous.Cast<double>().Where(v => !double.IsNaN(v)).ToArray();
            var pairwise = 0.0;
            Time("Ratio expected, pairwise, 200k x 3", () => pairwise = PairwiseRatioExpected(values), 1);
            var quadrature = Agreement.RatioExpectedByQuadrature(values, []);
            Console.WriteLine($"  ratio expected: pairwise {pairwise:R}, quadrature {quadrature:R}, relative difference {Math.Abs(quadrature - pairwise) / pairwise:E2}");
            var wideValues = wide.Cast<double>().ToArray();
            Time("Ratio expected, pairwise, uniform [0,1000)", () => pairwise = PairwiseRatioExpected(wideValues), 1);
            quadrature = Agreement.RatioExpectedByQuadrature(wideValues, []);
            Console.WriteLine($"  ratio expected: pairwise {pairwise:R}, quadrature {quadrature:R}, relative difference {Math.Abs(quadrature - pairwise) / pairwise:E2}");
        }

        var counts = BenchmarkData.FleissCounts(1_000_000, 5, 6, 3);
        Time("Fleiss 1M x 5", () => Agreement.FleissKappa(counts));
        var (x, y) = BenchmarkData.Pairs(1_000_000, 4, round: false);
        Time("Wilcoxon 1M", () => SignedRankTest.Wilcoxon(x, y).PValue);
        var series = BenchmarkData.Series(1_000_000, 5);
        var types = new PointType[series.Length];
        var rules = new SpecialCauseRule[series.Length];
        Time("XmR 1M", () => XmRChart.Analyse(series, types, rules, options: null).Mean);
        var random = new Random(5);
        var denominators = Enumerable.Range(0, 1_000_000).Select(_ => 20 + random.Next(40)).ToArray();
        var numerators = denominators.Select(d => (int)(d * (0.4 + (0.2 * random.NextDouble())))).ToArray();
        Time("p chart 1M", () => ProportionChart.Analyse(numerators, denominators).CentreLine);
        Time("Laney p' chart 1M", () => ProportionChart.Analyse(numerators, denominators, ProportionChartKind.LaneyPPrime).Segments[0].SigmaZ);
        var scheme = WeightedScoringBenchmark.CreateScheme();
        var ratings = BenchmarkData.Ratings(1_000_000, 30, 6);
        var standardScores = new double[1_000_000 * scheme.StandardCount];
        var overall = new double[1_000_000];
        Time("Weighted scoring 1M x 30", () =>
        {
            WeightedScoring.ScoreBatch(scheme, ratings, standardScores, overall);
            return overall[0];
        });
        var small = BenchmarkData.Assignment(60, 200, 3, 8, 12, 7);
        Time("Assignment 200 x 60", () => ReviewerAssignment.Solve(small).TotalAffinity);
        if (includeSlow)
        {
            var large = BenchmarkData.Assignment(1_400, 2_600, 3, 0, 8, 8);
            Time("Assignment 2600 x 1400", () => ReviewerAssignment.Solve(large).TotalAffinity, 1);
        }
    }

    /// <summary>All values (not only pairable ones) of the data set, summed pair by pair: 2 x the unordered sum.</summary>
    private static double PairwiseRatioExpected(double[] values) =>
        2 * Agreement.RatioExpectedPairSum(values, Enumerable.Repeat(1.0, values.Length).ToArray());

    private static void Time(string name, Func<double> action, int repetitions = 5)
    {
        var result = action();
        var best = double.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            result = action();
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{name,-45} {best,10:F2} ms   result {result:G6}");
    }
}
