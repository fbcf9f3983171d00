namespace CoProduction.Scoring.Tests;

public sealed class AgreementIntervalTests
{
    private static readonly int[,] FourCategories = { { 22, 5, 1, 0 }, { 4, 18, 6, 1 }, { 1, 3, 15, 4 }, { 0, 1, 2, 9 } };

    [Theory]
    // statsmodels 0.13.5+dfsg (Debian python3-statsmodels): cohens_kappa(table, wt=None | "linear" | "quadratic"):
    // std_kappa, std_kappa0, kappa_low, kappa_upp (95%), z_value.
    [InlineData(KappaWeighting.None, 0.06549897247931459, 0.061906614016427906, 0.4564752995882019, 0.7132265537558754, 9.447309240929235)]
    [InlineData(KappaWeighting.Linear, 0.05371756075401651, 0.07347329910844869, 0.5899536108228806, 0.8005225796533099, 9.462459201837445)]
    [InlineData(KappaWeighting.Quadratic, 0.04659463796487532, 0.10401280185336767, 0.7042544567973749, 0.8869020813650516, 7.648849515685404)]
    public void CohenKappaEstimate_FourCategoryTable_MatchesStatsmodels(
        KappaWeighting weighting, double standardError, double standardErrorUnderNull, double lower, double upper, double z)
    {
        var estimate = Agreement.CohenKappaEstimate(FourCategories, weighting);
        estimate.Kappa.Should().Be(Agreement.CohenKappa(FourCategories, weighting));
        estimate.StandardError.Should().BeApproximately(standardError, 1e-14);
        estimate.StandardErrorUnderNull.Should().BeApproximately(standardErrorUnderNull, 1e-14);
        estimate.Z.Should().BeApproximately(z, 1e-11);
        var interval = estimate.Interval();
        interval.Lower.Should().BeApproximately(lower, 1e-12);
        interval.Upper.Should().BeApproximately(upper, 1e-12);
        interval.Confidence.Should().Be(0.95);
    }

    [Fact]
    public void CohenKappaEstimate_WikipediaTwoByTwo_MatchesStatsmodels()
    {
        // statsmodels 0.13.5: cohens_kappa([[20, 5], [10, 15]]) -> std_kappa 0.12699606293110033,
        // std_kappa0 0.13856406460551018, 95% interval 0.151092290476661 to 0.6489077095233389.
        var estimate = Agreement.CohenKappaEstimate(new[,] { { 20, 5 }, { 10, 15 } });
        estimate.StandardError.Should().BeApproximately(0.12699606293110033, 1e-14);
        estimate.StandardErrorUnderNull.Should().BeApproximately(0.13856406460551018, 1e-14);
        estimate.Interval().Lower.Should().BeApproximately(0.151092290476661, 1e-12);
        estimate.Interval(0.99).Upper.Should().BeGreaterThan(estimate.Interval().Upper);
    }

    [Fact]
    public void CohenKappaEstimate_AllInOneCategory_IsNaNThroughout()
    {
        var estimate = Agreement.CohenKappaEstimate(new[,] { { 5, 0 }, { 0, 0 } });
        estimate.Kappa.Should().Be(double.NaN);
        estimate.StandardError.Should().Be(double.NaN);
        estimate.StandardErrorUnderNull.Should().Be(double.NaN);
        estimate.Interval().Lower.Should().Be(double.NaN);
    }

    [Fact]
    public void CohenKappaEstimate_Null_Throws() =>
        FluentActions.Invoking(() => Agreement.CohenKappaEstimate(null!)).Should().Throw<ArgumentNullException>().WithParameterName("table");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void KappaEstimateInterval_BadConfidence_Throws(double confidence) =>
        FluentActions.Invoking(() => Agreement.CohenKappaEstimate(FourCategories).Interval(confidence))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidence");

    [Fact]
    public void CohenKappaEstimate_StandardError_MatchesSpreadOfSimulatedKappas()
    {
        // Independent of the formula: draw 4,000 tables of 300 subjects from fixed cell probabilities and compare the
        // standard deviation of their kappas with the asymptotic standard error at the true cell probabilities.
        double[] cells = [0.30, 0.05, 0.02, 0.08, 0.25, 0.05, 0.03, 0.07, 0.15];
        var expected = Agreement.CohenKappaEstimate(new[,] { { 300, 50, 20 }, { 80, 250, 50 }, { 30, 70, 150 } }, KappaWeighting.Linear);
        var random = new Random(11);
        var kappas = new List<double>();
        for (var sim = 0; sim < 4000; sim++)
        {
            var table = new int[3, 3];
            for (var s = 0; s < 300; s++)
            {
                var u = random.NextDouble();
                var c = 0;
                while (c < 8 && u >= cells[c])
                {
                    u -= cells[c++];
                }

                table[c / 3, c % 3]++;
            }

            kappas.Add(Agreement.CohenKappa(table, KappaWeighting.Linear));
        }

        var mean = kappas.Average();
        var sd = Math.Sqrt(kappas.Sum(k => (k - mean) * (k - mean)) / (kappas.Count - 1));
        var asymptotic = expected.StandardError * Math.Sqrt(1000.0 / 300);
        sd.Should().BeApproximately(asymptotic, 0.05 * asymptotic);
    }

    [Fact]
    public void FleissKappaEstimate_StandardErrorUnderNull_MatchesSpreadOfKappasWithoutAgreement()
    {
        // Under the null every rating is an independent draw from the category shares: the standard deviation of
        // Fleiss' kappa over 3,000 such panels (150 subjects, 5 raters, shares 0.5 / 0.3 / 0.2) should be SE0.
        double[] shares = [0.5, 0.3, 0.2];
        var random = new Random(23);
        var kappas = new List<double>();
        int[,] last = null!;
        for (var sim = 0; sim < 3000; sim++)
        {
            var counts = new int[150, 3];
            for (var s = 0; s < 150; s++)
            {
                for (var r = 0; r < 5; r++)
                {
                    var u = random.NextDouble();
                    counts[s, u < shares[0] ? 0 : u < shares[0] + shares[1] ? 1 : 2]++;
                }
            }

            kappas.Add(Agreement.FleissKappa(counts));
            last = counts;
        }

        var mean = kappas.Average();
        var sd = Math.Sqrt(kappas.Sum(k => (k - mean) * (k - mean)) / (kappas.Count - 1));
        var se0 = Agreement.FleissKappaEstimate(last).StandardErrorUnderNull;
        sd.Should().BeApproximately(se0, 0.05 * se0);
    }

    [Fact]
    public void FleissKappaEstimate_Fleiss1971Example_MatchesTheFormulaWrittenOut()
    {
        int[,] counts =
        {
            { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
            { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
        };

        // Fleiss, Nee and Landis (1979) with N = 10, m = 14 and the column shares written out.
        double[] p = [20 / 140.0, 28 / 140.0, 39 / 140.0, 21 / 140.0, 32 / 140.0];
        var pq = p.Sum(x => x * (1 - x));
        var skew = p.Sum(x => x * (1 - x) * (1 - (2 * x)));
        var se0 = Math.Sqrt(2) / (pq * Math.Sqrt(10 * 14 * 13)) * Math.Sqrt((pq * pq) - skew);
        var estimate = Agreement.FleissKappaEstimate(counts);
        estimate.Kappa.Should().BeApproximately(0.20993070442195522, 1e-15);
        estimate.StandardErrorUnderNull.Should().BeApproximately(se0, 1e-15);
        estimate.StandardError.Should().Be(double.NaN);
        estimate.PValue.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void FleissKappaBootstrap_FixedSeed_IsReproducibleAndCoversTheEstimate()
    {
        var random = new Random(3);
        var counts = new int[80, 4];
        for (var s = 0; s < 80; s++)
        {
            var favourite = random.Next(4);
            for (var r = 0; r < 6; r++)
            {
                counts[s, random.NextDouble() < 0.6 ? favourite : random.Next(4)]++;
            }
        }

        var first = Agreement.FleissKappaBootstrap(counts, 0.95, 1000, seed: 5);
        var again = Agreement.FleissKappaBootstrap(counts, 0.95, 1000, seed: 5);
        var other = Agreement.FleissKappaBootstrap(counts, 0.95, 1000, seed: 6);
        again.Should().Be(first);
        other.Should().NotBe(first);
        first.Estimate.Should().Be(Agreement.FleissKappa(counts));
        first.Lower.Should().BeLessThan(first.Estimate);
        first.Upper.Should().BeGreaterThan(first.Estimate);
        Agreement.FleissKappaBootstrap(counts, 0.80, 1000, seed: 5).Upper.Should().BeLessThan(first.Upper);
    }

    [Fact]
    public void FleissKappaBootstrap_BadConfidence_Throws() =>
        FluentActions.Invoking(() => Agreement.FleissKappaBootstrap(new[,] { { 2, 0 }, { 0, 2 } }, 1.0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidence");

    [Fact]
    public void FleissKappaBootstrap_TooFewReplicates_Throws() =>
        FluentActions.Invoking(() => Agreement.FleissKappaBootstrap(new[,] { { 2, 0 }, { 0, 2 } }, 0.95, 10))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("replicates");

    // Shrout and Fleiss (1979) Table 2, as in IccTests.
    private static readonly double[,] ShroutFleissTable2 =
    {
        { 9, 2, 5, 8 }, { 6, 1, 3, 2 }, { 8, 4, 6, 8 }, { 7, 1, 2, 6 }, { 10, 5, 6, 9 }, { 6, 2, 4, 7 },
    };

    [Theory]
    // R psych::ICC help page example on the Shrout and Fleiss (1979) data (Revelle, psych package): 95% bounds
    // printed to two decimals: ICC1 -0.13 to 0.72, ICC2 0.02 to 0.76, ICC3 0.34 to 0.95, ICC1k -0.88 to 0.91,
    // ICC2k 0.07 to 0.93, ICC3k 0.68 to 0.99.
    [InlineData(IccForm.Icc1, -0.13, 0.72)]
    [InlineData(IccForm.Icc2, 0.02, 0.76)]
    [InlineData(IccForm.Icc3, 0.34, 0.95)]
    [InlineData(IccForm.Icc1k, -0.88, 0.91)]
    [InlineData(IccForm.Icc2k, 0.07, 0.93)]
    [InlineData(IccForm.Icc3k, 0.68, 0.99)]
    public void IccInterval_ShroutFleissTable2_MatchesPsych(IccForm form, double lower, double upper)
    {
        var interval = Agreement.Icc(ShroutFleissTable2).Interval(form);
        interval.Lower.Should().BeApproximately(lower, 0.005);
        interval.Upper.Should().BeApproximately(upper, 0.005);
        interval.Estimate.Should().Be(Agreement.Icc(ShroutFleissTable2).Value(form));
    }

    [Fact]
    public void IccInterval_Icc3_MatchesTheFTestWrittenOut()
    {
        // McGraw and Wong (1996) Case 3: F = BMS / EMS on 5 and 15 degrees of freedom; SciPy's F quantiles
        // f.ppf(0.975, 5, 15) = 3.5764153492790607 and f.ppf(0.975, 15, 5) = 6.42772816707878.
        var icc = Agreement.Icc(ShroutFleissTable2);
        var f = icc.BetweenTargetsMeanSquare / icc.ResidualMeanSquare;
        var fl = f / 3.5764153492790607;
        var fu = f * 6.42772816707878;
        var interval = icc.Interval(IccForm.Icc3);
        interval.Lower.Should().BeApproximately((fl - 1) / (fl + 3), 1e-10);
        interval.Upper.Should().BeApproximately((fu - 1) / (fu + 3), 1e-10);
        icc.Interval(IccForm.Icc3k).Lower.Should().BeApproximately(1 - (1 / fl), 1e-10);
    }

    [Fact]
    public void IccInterval_WiderAtHigherConfidence()
    {
        var icc = Agreement.Icc(ShroutFleissTable2);
        foreach (var form in Enum.GetValues<IccForm>())
        {
            var narrow = icc.Interval(form, 0.80);
            var wide = icc.Interval(form, 0.99);
            wide.Lower.Should().BeLessThan(narrow.Lower);
            wide.Upper.Should().BeGreaterThan(narrow.Upper);
            narrow.Lower.Should().BeLessThan(narrow.Estimate);
            narrow.Upper.Should().BeGreaterThan(narrow.Estimate);
        }
    }

    [Fact]
    public void IccInterval_UnknownForm_Throws() =>
        FluentActions.Invoking(() => Agreement.Icc(ShroutFleissTable2).Interval((IccForm)42))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("form");
}
