namespace CoProduction.Scoring.Tests;

public sealed class NormalDistributionTests
{
    // Reference values of the standard normal distribution function (R: pnorm(z), 16 significant digits).
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1.96, 0.02499789514822043)]
    [InlineData(-3.0, 0.001349898031630095)]
    [InlineData(-5.0, 2.866515718791939e-07)]
    [InlineData(-10.0, 7.619853024160527e-24)]
    [InlineData(-2.5, 0.006209665325776132)]
    public void Cdf_KnownPoints_MatchesToTwelveDigits(double z, double expected) =>
        NormalDistribution.Cdf(z).Should().BeApproximately(expected, Math.Abs(expected) * 1e-12);
}
