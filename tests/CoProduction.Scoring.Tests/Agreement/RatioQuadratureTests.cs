using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class RatioQuadratureTests
{
    [Theory]
    [InlineData(0.01, 100.0)]
    [InlineData(1.0, 1.001)]
    [InlineData(1e-3, 1e6)]
    [InlineData(10.0, 100.0)]
    public void RatioExpectedByQuadrature_RandomValues_MatchesPairwiseSumToTwelveDigits(double low, double high) =>
        Gen.Select(Gen.Int[2, 3000], Gen.Int)
            .Sample(
                t =>
                {
                    var (count, seed) = t;
                    var random = new Random(seed);
                    var values = Enumerable.Range(0, count)
                        .Select(_ => Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high) - Math.Log(low)))))
                        .Distinct()
                        .Order()
                        .ToArray();
                    var counts = values.Select(_ => (double)random.Next(1, 4)).ToArray();
                    var exact = 2 * Agreement.RatioExpectedPairSum(values, counts);
                    var quadrature = Agreement.RatioExpectedByQuadrature(values, counts);
                    quadrature.Should().BeApproximately(exact, 1e-12 * exact);

                    // The same multiset expanded, in random order, with implicit unit counts.
                    var expanded = values.SelectMany((value, i) => Enumerable.Repeat(value, (int)counts[i])).OrderBy(_ => random.Next()).ToArray();
                    Agreement.RatioExpectedByQuadrature(expanded, []).Should().BeApproximately(exact, 1e-12 * exact);
                },
                iter: 40);

    [Theory]
    [InlineData(0.0, 1000.0, 0)]
    [InlineData(999.0, 1000.0, 1)]
    [InlineData(1e6, 1e6 + 1, 1)]
    [InlineData(0.0, 1e9, 3)]
    public void RatioExpectedByQuadrature_UniformValuesWithOutliersNearZero_MatchesPairwiseSumToTwelveDigits(double low, double high, int nearZero) =>
        Gen.Select(Gen.Int[2, 3000], Gen.Int)
            .Sample(
                t =>
                {
                    // Uniform on a linear scale (issue 17, item 7: most values far from the smallest), plus a few values
                    // near zero that stretch the spread the quadrature must cover while the bulk stays clustered.
                    var (count, seed) = t;
                    var random = new Random(seed);
                    var values = Enumerable.Range(0, count)
                        .Select(_ => low + (random.NextDouble() * (high - low)))
                        .Concat(Enumerable.Range(0, nearZero).Select(_ => 1e-3 * (1 + random.NextDouble())))
                        .Where(v => v > 0)
                        .Distinct()
                        .Order()
                        .ToArray();
                    var counts = values.Select(_ => (double)random.Next(1, 4)).ToArray();
                    var exact = 2 * Agreement.RatioExpectedPairSum(values, counts);
                    Agreement.RatioExpectedByQuadrature(values, counts).Should().BeApproximately(exact, 1e-12 * exact);
                    var expanded = values.SelectMany((value, i) => Enumerable.Repeat(value, (int)counts[i])).OrderBy(_ => random.Next()).ToArray();
                    Agreement.RatioExpectedByQuadrature(expanded, []).Should().BeApproximately(exact, 1e-12 * exact);
                },
                iter: 40);

    [Fact]
    public void RatioExpectedByQuadrature_AllValuesEqual_IsZero() =>
        Agreement.RatioExpectedByQuadrature([5.0, 5.0, 5.0], []).Should().Be(0);

    [Fact]
    public void KrippendorffAlpha_RatioAboveThePairwiseLimit_MatchesPairwiseComputation()
    {
        // 6,000 units x 3 observers of distinct continuous values: more than RatioPairwiseLimit distinct values, so
        // the library takes the quadrature path; the alpha is recomputed here with the pairwise expected sum.
        var random = new Random(5);
        var data = new double[3, 6000];
        for (var u = 0; u < 6000; u++)
        {
            var truth = 1 + (random.NextDouble() * 50);
            for (var o = 0; o < 3; o++)
            {
                data[o, u] = truth * (0.9 + (0.2 * random.NextDouble()));
            }
        }

        var pairable = data.Cast<double>().Order().ToArray();
        pairable.Length.Should().BeGreaterThan(Agreement.RatioPairwiseLimit);
        double observed = 0;
        for (var u = 0; u < 6000; u++)
        {
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    var q = (data[i, u] - data[j, u]) / (data[i, u] + data[j, u]);
                    observed += q * q / 2;
                }
            }
        }

        var expected = 2 * Agreement.RatioExpectedPairSum(pairable, Enumerable.Repeat(1.0, pairable.Length).ToArray());
        var alpha = 1 - ((pairable.Length - 1) * observed / expected);
        Agreement.KrippendorffAlpha(data, MeasurementLevel.Ratio).Should().BeApproximately(alpha, 1e-12);
    }
}
