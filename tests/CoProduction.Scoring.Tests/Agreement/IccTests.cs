using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class IccTests
{
    // Shrout, P. E. and Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
    // Psychological Bulletin 86(2), 420-428. Table 2 (6 targets x 4 judges); Table 4 gives ICC(1,1) = .17,
    // ICC(2,1) = .29, ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62, ICC(3,4) = .91.
    private static readonly double[,] ShroutFleissTable2 =
    {
        { 9, 2, 5, 8 },
        { 6, 1, 3, 2 },
        { 8, 4, 6, 8 },
        { 7, 1, 2, 6 },
        { 10, 5, 6, 9 },
        { 6, 2, 4, 7 },
    };

    [Fact]
    public void Icc_ShroutFleissTable2_MatchesPublishedFigures()
    {
        var icc = Agreement.Icc(ShroutFleissTable2);
        icc.Icc1.Should().BeApproximately(0.17, 0.005);
        icc.Icc2.Should().BeApproximately(0.29, 0.005);
        icc.Icc3.Should().BeApproximately(0.71, 0.005);
        icc.Icc1k.Should().BeApproximately(0.44, 0.005);
        icc.Icc2k.Should().BeApproximately(0.62, 0.005);
        icc.Icc3k.Should().BeApproximately(0.91, 0.005);
    }

    [Fact]
    public void Icc_ShroutFleissTable2_MeanSquaresMatchTable3()
    {
        // Shrout and Fleiss (1979), Table 3 ANOVA: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
        var icc = Agreement.Icc(ShroutFleissTable2);
        icc.BetweenTargetsMeanSquare.Should().BeApproximately(11.24, 0.005);
        icc.WithinTargetsMeanSquare.Should().BeApproximately(6.26, 0.005);
        icc.BetweenJudgesMeanSquare.Should().BeApproximately(32.49, 0.005);
        icc.ResidualMeanSquare.Should().BeApproximately(1.02, 0.005);
    }

    [Fact]
    public void Icc_MissingRating_ThrowsNamingCell() =>
        FluentActions.Invoking(() => Agreement.Icc(new[,] { { 1.0, 2 }, { double.NaN, 3 } }))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*target 1, judge 0*");

    [Fact]
    public void Icc_OneJudge_Throws() =>
        FluentActions.Invoking(() => Agreement.Icc(new double[3, 1]))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*two judges*");

    [Fact]
    public void Icc_RandomTables_MatchTextbookAnovaReference() =>
        Gen.Select(Gen.Int[2, 12], Gen.Int[2, 6])
            .SelectMany((targets, judges) => Gen.Int[1, 9].Select(v => (double)v).Array2D[targets, judges])
            .Sample(
                ratings =>
                {
                    var expected = ReferenceIcc(ratings);
                    var actual = Agreement.Icc(ratings);
                    Close(actual.Icc1, expected[0]);
                    Close(actual.Icc2, expected[1]);
                    Close(actual.Icc3, expected[2]);
                    Close(actual.Icc1k, expected[3]);
                    Close(actual.Icc2k, expected[4]);
                    Close(actual.Icc3k, expected[5]);
                },
                iter: 500);

    private static void Close(double actual, double expected)
    {
        // Near-zero denominators (no variation) are undefined and may round either way: only defined forms are compared.
        if (double.IsFinite(expected))
        {
            actual.Should().BeApproximately(expected, 1e-9 * Math.Max(1, Math.Abs(expected)));
        }
    }

    /// <summary>Shrout and Fleiss (1979) from row, column and grand means, written independently.</summary>
    private static double[] ReferenceIcc(double[,] x)
    {
        int n = x.GetLength(0), k = x.GetLength(1);
        var grand = x.Cast<double>().Average();
        var rowMeans = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, k).Average(j => x[i, j])).ToArray();
        var columnMeans = Enumerable.Range(0, k).Select(j => Enumerable.Range(0, n).Average(i => x[i, j])).ToArray();
        var bms = k * rowMeans.Sum(m => (m - grand) * (m - grand)) / (n - 1);
        var jms = n * columnMeans.Sum(m => (m - grand) * (m - grand)) / (k - 1);
        double within = 0, residual = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                within += (x[i, j] - rowMeans[i]) * (x[i, j] - rowMeans[i]);
                var e = x[i, j] - rowMeans[i] - columnMeans[j] + grand;
                residual += e * e;
            }
        }

        var wms = within / (n * (k - 1));
        var ems = residual / ((n - 1) * (k - 1));
        static double Ratio(double a, double b) => Math.Abs(b) < 1e-9 ? double.NaN : a / b;
        return
        [
            Ratio(bms - wms, bms + ((k - 1) * wms)),
            Ratio(bms - ems, bms + ((k - 1) * ems) + (k * (jms - ems) / n)),
            Ratio(bms - ems, bms + ((k - 1) * ems)),
            Ratio(bms - wms, bms),
            Ratio(bms - ems, bms + ((jms - ems) / n)),
            Ratio(bms - ems, bms),
        ];
    }
}
