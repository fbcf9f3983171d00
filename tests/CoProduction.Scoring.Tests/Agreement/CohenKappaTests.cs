using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class CohenKappaTests
{
    [Fact]
    public void CohenKappa_WikipediaExample_IsPointFour()
    {
        // Wikipedia, "Cohen's kappa", simple example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15;
        // po = 0.7, pe = 0.5, kappa = 0.4.
        int[,] table = { { 20, 5 }, { 10, 15 } };
        Agreement.CohenKappa(table).Should().BeApproximately(0.4, 1e-15);
    }

    [Fact]
    public void CohenKappa_WikipediaInconsistentPrecisionExample_MatchesPublished()
    {
        // Wikipedia, "Cohen's kappa", same agreement different kappa: {{45, 15}, {25, 15}} gives 0.1304 and
        // {{25, 35}, {5, 35}} gives 0.2593 (both po = 0.60).
        Agreement.CohenKappa(new[,] { { 45, 15 }, { 25, 15 } }).Should().BeApproximately(0.1304, 0.00005);
        Agreement.CohenKappa(new[,] { { 25, 35 }, { 5, 35 } }).Should().BeApproximately(0.2593, 0.00005);
    }

    [Theory]
    [InlineData(KappaWeighting.None, 0.5848509266720386)]
    [InlineData(KappaWeighting.Linear, 0.6952380952380952)]
    [InlineData(KappaWeighting.Quadratic, 0.7955782690812132)]
    public void CohenKappa_FourCategoryTable_MatchesStatsmodels(KappaWeighting weighting, double statsmodelsKappa)
    {
        // statsmodels 0.13.5 (Debian python3-statsmodels): cohens_kappa(table, wt=None | "linear" | "quadratic").
        int[,] table = { { 22, 5, 1, 0 }, { 4, 18, 6, 1 }, { 1, 3, 15, 4 }, { 0, 1, 2, 9 } };
        Agreement.CohenKappa(table, weighting).Should().BeApproximately(statsmodelsKappa, 1e-15);
    }

    [Fact]
    public void CohenKappa_TwoCategoriesAnyWeighting_EqualsUnweighted()
    {
        int[,] table = { { 20, 5 }, { 10, 15 } };
        Agreement.CohenKappa(table, KappaWeighting.Linear).Should().BeApproximately(0.4, 1e-15);
        Agreement.CohenKappa(table, KappaWeighting.Quadratic).Should().BeApproximately(0.4, 1e-15);
    }

    [Fact]
    public void CohenKappa_NotSquare_Throws() =>
        FluentActions.Invoking(() => Agreement.CohenKappa(new int[2, 3]))
            .Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("*square*");

    [Fact]
    public void CohenKappa_AllZero_Throws() =>
        FluentActions.Invoking(() => Agreement.CohenKappa(new int[2, 2]))
            .Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("*no subjects*");

    [Fact]
    public void CohenKappa_NegativeCount_Throws() =>
        FluentActions.Invoking(() => Agreement.CohenKappa(new[,] { { 1, -1 }, { 0, 1 } }))
            .Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("*negative*");

    public static TheoryData<KappaWeighting> Weightings => new(Enum.GetValues<KappaWeighting>());

    [Theory]
    [MemberData(nameof(Weightings))]
    public void CohenKappa_RandomTables_MatchDisagreementWeightReference(KappaWeighting weighting) =>
        Gen.Int[2, 6].SelectMany(k => Gen.Int[0, 20].Array2D[k, k])
            .Where(t => t.Cast<int>().Sum() > 0)
            .Sample(
                table =>
                {
                    var expected = ReferenceAgreement.CohenKappa(table, weighting);
                    var actual = Agreement.CohenKappa(table, weighting);
                    if (!double.IsFinite(expected))
                    {
                        double.IsFinite(actual).Should().BeFalse();
                    }
                    else
                    {
                        actual.Should().BeApproximately(expected, 1e-10);
                    }
                },
                iter: 500);
}
