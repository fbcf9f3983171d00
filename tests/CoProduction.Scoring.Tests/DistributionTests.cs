namespace CoProduction.Scoring.Tests;

public sealed class DistributionTests
{
    [Theory]
    // SciPy 1.10.1 (Debian python3-scipy): scipy.stats.f.ppf(p, df1, df2).
    [InlineData(0.975, 5, 18, 3.381967805875243)]
    [InlineData(0.975, 18, 5, 6.361883204654353)]
    [InlineData(0.975, 5, 15, 3.5764153492790607)]
    [InlineData(0.975, 15, 5, 6.42772816707878)]
    [InlineData(0.975, 5, 3.7, 10.466545635649881)]
    [InlineData(0.95, 2.5, 40, 3.0057226304001823)]
    [InlineData(0.5, 1, 1, 1.0)]
    [InlineData(0.999, 30, 2, 999.466583662195)]
    public void FQuantile_MatchesScipy(double p, double df1, double df2, double scipy)
    {
        FDistribution.Quantile(p, df1, df2).Should().BeApproximately(scipy, 1e-10 * scipy);
        FDistribution.Cdf(scipy, df1, df2).Should().BeApproximately(p, 1e-12);
    }

    [Fact]
    public void FCdf_OneAndOneDegreesOfFreedom_IsClosedForm()
    {
        // With df1 = df2 = 1, P(F <= f) = (2 / pi) atan(sqrt(f)).
        foreach (var f in new[] { 0.01, 0.5, 1, 3, 40, 1e4 })
        {
            FDistribution.Cdf(f, 1, 1).Should().BeApproximately(2 / Math.PI * Math.Atan(Math.Sqrt(f)), 1e-13);
        }
    }

    [Fact]
    public void LogGamma_MatchesFactorials() =>
        Enumerable.Range(1, 20).Should().AllSatisfy(n =>
            FDistribution.LogGamma(n).Should().BeApproximately(Enumerable.Range(1, n - 1).Sum(i => Math.Log(i)), 1e-12));

    [Theory]
    // SciPy 1.10.1: scipy.stats.norm.ppf(p).
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.3, -0.5244005127080409)]
    [InlineData(0.5, 0.0)]
    public void NormalQuantile_MatchesScipy(double p, double scipy) =>
        NormalDistribution.Quantile(p).Should().BeApproximately(scipy, 1e-13);
}
