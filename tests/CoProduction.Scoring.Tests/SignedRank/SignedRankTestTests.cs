using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class SignedRankTestTests
{
    // R documentation, ?wilcox.test, "One-sample test" (Hollander and Wolfe 1973, p. 29): depression scale
    // before (x) and after (y) therapy; wilcox.test(x, y, paired = TRUE, alternative = "greater") gives
    // V = 40, p-value = 0.01953 (= 10/512).
    private static readonly double[] DepressionX = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
    private static readonly double[] DepressionY = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

    [Fact]
    public void Wilcoxon_RDepressionExampleGreater_IsExactTenOver512()
    {
        var result = SignedRankTest.Wilcoxon(DepressionX, DepressionY, Alternative.Greater);
        result.V.Should().Be(40);
        result.PValue.Should().Be(0.01953125);
        result.IsExact.Should().BeTrue();
        result.N.Should().Be(9);
    }

    [Fact]
    public void Wilcoxon_RDepressionExampleTwoSided_IsTwiceTheTail() =>
        SignedRankTest.Wilcoxon(DepressionX, DepressionY).PValue.Should().Be(0.0390625);

    [Fact]
    public void Wilcoxon_RDepressionExampleLess_IsOneMinusUpperTailAbove40()
    {
        // P(V >= 41) counts subsets of 1..9 whose complement sums to at most 4: {}, {1}, {2}, {3}, {4}, {1,2}, {1,3}.
        SignedRankTest.Wilcoxon(DepressionX, DepressionY, Alternative.Less).PValue.Should().Be(1 - (7.0 / 512));
    }

    [Fact]
    public void Wilcoxon_SciPyDocsFisherCucumberDifferences_MatchesPublishedExactP()
    {
        // SciPy documentation, scipy.stats.wilcoxon example (Fisher's "Design of Experiments": height differences of
        // cross- and self-fertilised plants): two-sided p = 0.041259765625 (statistic min(T+, T-) = 24), and
        // alternative 'greater' p = 0.0206298828125.
        double[] d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
        var zeros = new double[d.Length];
        var twoSided = SignedRankTest.Wilcoxon(d, zeros);
        twoSided.PValue.Should().Be(0.041259765625);
        twoSided.V.Should().Be(120 - 24);
        SignedRankTest.Wilcoxon(d, zeros, Alternative.Greater).PValue.Should().Be(0.0206298828125);
    }

    [Theory]
    [InlineData(Alternative.TwoSided, 0.017154117599594825)]
    [InlineData(Alternative.Greater, 0.0085770587997974126)]
    [InlineData(Alternative.Less, 0.99355896992340964)]
    public void Wilcoxon_TiesAndZeros_MatchesR422NormalApproximation(Alternative alternative, double rPValue)
    {
        // R 4.2.2: x <- c(5,7,8,6,9,4,7,8,10,6,5,8,12,3); y <- c(4,7,6,6,7,5,5,9,7,4,5,6,9,3);
        // wilcox.test(x, y, paired = TRUE, alternative = ...): V = 51 (4 zero differences, tied ranks).
        double[] x = [5, 7, 8, 6, 9, 4, 7, 8, 10, 6, 5, 8, 12, 3];
        double[] y = [4, 7, 6, 6, 7, 5, 5, 9, 7, 4, 5, 6, 9, 3];
        var result = SignedRankTest.Wilcoxon(x, y, alternative);
        result.V.Should().Be(51);
        result.IsExact.Should().BeFalse();
        result.ZeroDifferences.Should().Be(4);
        result.PValue.Should().BeApproximately(rPValue, 1e-14);
    }

    [Fact]
    public void Wilcoxon_SixtyRoundedNormalPairs_MatchesR422()
    {
        // R 4.2.2: set.seed(1); a <- round(rnorm(60), 1); b <- round(rnorm(60), 1); wilcox.test(a, b, paired = TRUE)
        // gives V = 854, p-value = 0.99382110324707373 (normal approximation: n >= 50, ties, zeros).
        double[] a =
        [
            -0.6, 0.2, -0.8, 1.6, 0.3, -0.8, 0.5, 0.7, 0.6, -0.3, 1.5, 0.4, -0.6, -2.2, 1.1, 0, 0, 0.9, 0.8, 0.6,
            0.9, 0.8, 0.1, -2, 0.6, -0.1, -0.2, -1.5, -0.5, 0.4, 1.4, -0.1, 0.4, -0.1, -1.4, -0.4, -0.4, -0.1, 1.1, 0.8,
            -0.2, -0.3, 0.7, 0.6, -0.7, -0.7, 0.4, 0.8, -0.1, 0.9, 0.4, -0.6, 0.3, -1.1, 1.4, 2, -0.4, -1, 0.6, -0.1,
        ];
        double[] b =
        [
            2.4, 0, 0.7, 0, -0.7, 0.2, -1.8, 1.5, 0.2, 2.2, 0.5, -0.7, 0.6, -0.9, -1.3, 0.3, -0.4, 0, 0.1, -0.6,
            -0.6, -0.1, 1.2, -1.5, 0.6, 0.3, 1.1, -0.3, 0.4, 0.3, -0.5, 1.2, 1.2, 0.7, 1.6, 0.6, -1.3, -0.6, -1.2, -0.5,
            -0.6, 0, -0.9, 0.2, -0.7, 1.8, 0.7, 0.9, 0.4, 1.7, -0.6, -0.5, 1.4, -0.7, -0.2, -0.4, -0.3, -0.3, 0.5, -0.2,
        ];
        var result = SignedRankTest.Wilcoxon(a, b);
        result.V.Should().Be(854);
        result.PValue.Should().BeApproximately(0.99382110324707373, 1e-14);
    }

    [Theory]
    [InlineData(Alternative.TwoSided, 0.10207423082664492)]
    [InlineData(Alternative.Greater, 0.95015549061756133)]
    [InlineData(Alternative.Less, 0.051037115413322461)]
    public void Wilcoxon_FortyFiveDistinctPairs_MatchesR422ExactP(Alternative alternative, double rPValue)
    {
        // R 4.2.2: set.seed(7); x <- round(runif(45, 0, 100), 3); y <- x + round(rnorm(45, 1.5, 6), 3);
        // wilcox.test(x, y, paired = TRUE, alternative = ...): V = 372, exact p (n = 45 < 50, no ties, no zeros).
        double[] x =
        [
            98.891, 39.775, 11.570, 6.975, 24.375, 79.201, 34.006, 97.206, 16.586, 45.910, 17.175, 23.148, 77.281, 9.630, 45.345,
            8.470, 56.067, 0.870, 98.574, 31.658, 63.945, 29.522, 99.670, 90.602, 98.874, 6.565, 62.704, 49.048, 97.102, 36.222,
            67.999, 26.372, 18.571, 18.514, 37.930, 84.702, 49.808, 79.059, 83.846, 45.690, 79.948, 38.194, 75.970, 43.678, 90.422,
        ];
        double[] y =
        [
            97.577, 46.683, 24.060, 11.973, 27.831, 78.975, 30.177, 95.100, 18.152, 50.448, 21.135, 24.374, 77.639, 12.669, 48.691,
            10.993, 56.630, 11.345, 107.080, 37.045, 56.972, 35.301, 99.909, 77.759, 94.932, 9.153, 61.972, 45.195, 98.395, 36.000,
            67.087, 17.552, 15.102, 18.434, 43.221, 88.180, 56.132, 86.348, 84.942, 42.581, 78.662, 33.734, 70.057, 49.784, 91.998,
        ];
        var result = SignedRankTest.Wilcoxon(x, y, alternative);
        result.V.Should().Be(372);
        result.IsExact.Should().BeTrue();
        result.PValue.Should().BeApproximately(rPValue, 1e-15);
    }

    [Fact]
    public void Wilcoxon_AllPositive_HasRankBiserialOne()
    {
        var result = SignedRankTest.Wilcoxon([3.0, 4, 5, 6], [1.0, 1, 1, 1]);
        result.RankBiserialCorrelation.Should().Be(1);
        result.V.Should().Be(10);
    }

    [Fact]
    public void Wilcoxon_AllZeroDifferences_HasNaNPValue()
    {
        var result = SignedRankTest.Wilcoxon([1.0, 2], [1.0, 2]);
        result.N.Should().Be(0);
        result.ZeroDifferences.Should().Be(2);
        result.PValue.Should().Be(double.NaN);
    }

    [Fact]
    public void Wilcoxon_MismatchedLengths_ThrowsNamingY() =>
        FluentActions.Invoking(() => SignedRankTest.Wilcoxon([1.0, 2], [1.0]))
            .Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("*2 values*1*");

    [Fact]
    public void Wilcoxon_Empty_ThrowsNamingX() =>
        FluentActions.Invoking(() => SignedRankTest.Wilcoxon([], []))
            .Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("*empty*");

    [Fact]
    public void Wilcoxon_NaN_ThrowsNamingIndex() =>
        FluentActions.Invoking(() => SignedRankTest.Wilcoxon([1.0, 2], [1.0, double.NaN]))
            .Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("y[1]*");

    [Fact]
    public void Wilcoxon_RandomSmallSamplesWithoutTies_ExactPMatchesSignPatternEnumeration() =>
        Gen.Int[1, 14].SelectMany(n => Gen.Select(Gen.Double[-10, 10].Array[n], Gen.Int[0, 2]))
            .Where(t => t.Item1.All(v => v != 0) && t.Item1.Select(Math.Abs).Distinct().Count() == t.Item1.Length)
            .Sample(
                t =>
                {
                    var (d, alternativeIndex) = t;
                    var alternative = (Alternative)alternativeIndex;
                    var result = SignedRankTest.Wilcoxon(d, new double[d.Length], alternative);
                    var reference = ReferenceSignedRank.Compute(d, alternative);
                    result.IsExact.Should().BeTrue();
                    result.V.Should().Be(reference.V);
                    result.PValue.Should().Be(ReferenceSignedRank.ExactPByEnumeration(reference.V, d.Length, alternative));
                },
                iter: 300);

    [Fact]
    public void Wilcoxon_RandomSamplesWithTiesAndZeros_MatchesReferenceNormalApproximation() =>
        Gen.Int[1, 300].SelectMany(n => Gen.Select(Gen.Int[-6, 6].Array[n], Gen.Int[0, 2]))
            .Sample(
                t =>
                {
                    var (ints, alternativeIndex) = t;
                    var alternative = (Alternative)alternativeIndex;
                    var d = ints.Select(v => (double)v).ToArray();
                    var result = SignedRankTest.Wilcoxon(d, new double[d.Length], alternative);
                    var reference = ReferenceSignedRank.Compute(d, alternative);
                    result.V.Should().Be(reference.V);
                    result.N.Should().Be(reference.N);
                    result.IsExact.Should().Be(reference.IsExact);
                    if (double.IsNaN(reference.PValue))
                    {
                        result.PValue.Should().Be(double.NaN);
                    }
                    else
                    {
                        result.PValue.Should().BeApproximately(reference.PValue, 1e-12);
                    }
                },
                iter: 300);

    [Fact]
    public void Wilcoxon_LargeContinuousSample_RadixRankingMatchesReference() =>
        Gen.Int[600, 1500].SelectMany(n => Gen.Double[-1000, 1000].Array[n])
            .Sample(
                d =>
                {
                    var result = SignedRankTest.Wilcoxon(d, new double[d.Length]);
                    var reference = ReferenceSignedRank.Compute(d, Alternative.TwoSided);
                    result.V.Should().Be(reference.V);
                    result.PValue.Should().BeApproximately(reference.PValue, 1e-12);
                },
                iter: 40);
}
