using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class FleissKappaTests
{
    // Fleiss (1971), Psychological Bulletin 76(5), 378-382: 10 subjects, 14 raters, 5 categories; the example
    // reproduced on Wikipedia ("Fleiss' kappa"), kappa = 0.20993070442195522 (DOMAIN.md).
    private static readonly int[,] Fleiss1971 =
    {
        { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
        { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
    };

    [Fact]
    public void FleissKappa_PublishedExample_Matches() =>
        Agreement.FleissKappa(Fleiss1971).Should().BeApproximately(0.20993070442195522, 1e-15);

    [Fact]
    public void FleissKappa_SpanOverload_EqualsArrayOverload()
    {
        var flat = new int[Fleiss1971.Length];
        Buffer.BlockCopy(Fleiss1971, 0, flat, 0, flat.Length * sizeof(int));
        Agreement.FleissKappa(flat, 5).Should().Be(Agreement.FleissKappa(Fleiss1971));
    }

    [Fact]
    public void FleissKappa_UnequalRaterTotals_ThrowsNamingSubject() =>
        FluentActions.Invoking(() => Agreement.FleissKappa(new[,] { { 1, 2 }, { 2, 2 } }))
            .Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("*same number of raters*subject 1*");

    [Fact]
    public void FleissKappa_NegativeCount_Throws() =>
        FluentActions.Invoking(() => Agreement.FleissKappa(new[,] { { 3, -1 }, { 1, 1 } }))
            .Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("*negative*");

    [Fact]
    public void FleissKappa_NegativeCountWithMatchingRowTotal_ThrowsNamingSubject() =>
        FluentActions.Invoking(() => Agreement.FleissKappa(new[,] { { 1, 1 }, { 3, -1 } }))
            .Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("*negative*subject 1*");

    [Fact]
    public void FleissKappa_Empty_Throws() =>
        FluentActions.Invoking(() => Agreement.FleissKappa(new int[0, 3]))
            .Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("*empty*");

    [Fact]
    public void FleissKappa_OneRater_Throws() =>
        FluentActions.Invoking(() => Agreement.FleissKappa(new[,] { { 1, 0 }, { 0, 1 } }))
            .Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("*at least two raters*");

    [Fact]
    public void FleissKappa_AllInOneCategory_IsNaN() =>
        Agreement.FleissKappa(new[,] { { 3, 0 }, { 3, 0 } }).Should().Be(double.NaN);

    [Fact]
    public void FleissKappa_RandomTables_MatchTextbookReference() =>
        Gen.Select(Gen.Int[1, 30], Gen.Int[2, 6], Gen.Int[2, 12], Gen.Int)
            .Select((subjects, categories, raters, seed) =>
            {
                var random = new Random(seed);
                var counts = new int[subjects, categories];
                for (var s = 0; s < subjects; s++)
                {
                    for (var r = 0; r < raters; r++)
                    {
                        counts[s, random.Next(categories)]++;
                    }
                }

                return counts;
            })
            .Sample(
                counts =>
                {
                    var expected = ReferenceAgreement.FleissKappa(counts);
                    var actual = Agreement.FleissKappa(counts);
                    if (!double.IsFinite(expected))
                    {
                        actual.Should().Be(double.NaN);
                    }
                    else
                    {
                        actual.Should().BeApproximately(expected, 1e-10);
                    }
                },
                iter: 500);
}
