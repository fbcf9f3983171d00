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
}
