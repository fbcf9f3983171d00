using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class WeightedScoringTests
{
    // Two standards: indicators 0 and 2 in standard 0 (weights 1 and 3), indicator 1 in standard 1 (weight 2).
    private static readonly ScoringScheme Scheme = new([0, 1, 0], [1.0, 2.0, 3.0], [1.0, 3.0]);

    [Fact]
    public void Score_AllRated_IsWeightedMeanOfWeightedMeans()
    {
        var score = WeightedScoring.Score(Scheme, [4.0, 2.0, 0.0]);
        score.StandardScores.Should().Equal(1.0, 2.0); // (1*4 + 3*0) / 4 = 1; 2
        score.Overall.Should().Be(((1 * 1.0) + (3 * 2.0)) / 4); // 1.75
    }

    [Fact]
    public void Score_MissingIndicator_RenormalisesOverRatedIndicators()
    {
        var score = WeightedScoring.Score(Scheme, [4.0, 2.0, double.NaN]);
        score.StandardScores[0].Should().Be(4.0);
        score.Overall.Should().Be(((1 * 4.0) + (3 * 2.0)) / 4);
    }

    [Fact]
    public void Score_StandardWithNothingRated_IsNaNAndLeftOutOfOverall()
    {
        var score = WeightedScoring.Score(Scheme, [4.0, double.NaN, 0.0]);
        score.StandardScores[1].Should().Be(double.NaN);
        score.Overall.Should().Be(1.0);
    }

    [Fact]
    public void Score_NothingRated_OverallIsNaN() =>
        WeightedScoring.Score(Scheme, [double.NaN, double.NaN, double.NaN]).Overall.Should().Be(double.NaN);

    [Fact]
    public void Score_InfiniteRating_Throws() =>
        FluentActions.Invoking(() => WeightedScoring.Score(Scheme, [double.PositiveInfinity, 1, 1]))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*infinite*");

    [Fact]
    public void Score_WrongRatingCount_Throws() =>
        FluentActions.Invoking(() => WeightedScoring.Score(Scheme, [1.0, 2.0]))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*3 indicators*2 ratings*");

    [Fact]
    public void ScoreBatch_OutputTooShort_Throws() =>
        FluentActions.Invoking(() => WeightedScoring.ScoreBatch(Scheme, new double[6], new double[3], new double[2]))
            .Should().Throw<ArgumentException>().WithParameterName("standardScores");

    [Fact]
    public void ScoringScheme_StandardWithoutIndicator_Throws() =>
        FluentActions.Invoking(() => new ScoringScheme([0, 0], [1.0, 1.0], [1.0, 1.0]))
            .Should().Throw<ArgumentException>().WithParameterName("standardOfIndicator").WithMessage("Standard 1 has no indicator*");

    [Fact]
    public void ScoringScheme_NonPositiveWeight_Throws() =>
        FluentActions.Invoking(() => new ScoringScheme([0], [0.0], [1.0]))
            .Should().Throw<ArgumentException>().WithParameterName("indicatorWeights").WithMessage("*positive*");

    [Fact]
    public void ScoringScheme_StandardOutOfRange_Throws() =>
        FluentActions.Invoking(() => new ScoringScheme([0, 2], [1.0, 1.0], [1.0, 1.0]))
            .Should().Throw<ArgumentException>().WithParameterName("standardOfIndicator").WithMessage("Indicator 1 belongs to standard 2*");

    [Fact]
    public void ScoreBatch_RandomSchemesAndRatings_MatchNaiveReference() =>
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 6], Gen.Int[1, 30], Gen.Int)
            .Sample(
                t =>
                {
                    var (indicators, standardCount, assessments, seed) = t;
                    standardCount = Math.Min(standardCount, indicators);
                    var random = new Random(seed);
                    var standardOf = Enumerable.Range(0, indicators).Select(i => i < standardCount ? i : random.Next(standardCount)).ToArray();
                    var weights = Enumerable.Range(0, indicators).Select(_ => 0.1 + (random.NextDouble() * 5)).ToArray();
                    var standardWeights = Enumerable.Range(0, standardCount).Select(_ => 0.1 + (random.NextDouble() * 5)).ToArray();
                    var ratings = Enumerable.Range(0, indicators * assessments)
                        .Select(_ => random.NextDouble() < 0.3 ? double.NaN : random.Next(0, 5))
                        .ToArray();
                    var scheme = new ScoringScheme(standardOf, weights, standardWeights);
                    var standardScores = new double[assessments * standardCount];
                    var overall = new double[assessments];
                    WeightedScoring.ScoreBatch(scheme, ratings, standardScores, overall);
                    for (var a = 0; a < assessments; a++)
                    {
                        var expectedStandards = Enumerable.Range(0, standardCount).Select(s =>
                        {
                            var rated = Enumerable.Range(0, indicators).Where(i => standardOf[i] == s && !double.IsNaN(ratings[(a * indicators) + i])).ToList();
                            return rated.Count == 0 ? double.NaN : rated.Sum(i => weights[i] * ratings[(a * indicators) + i]) / rated.Sum(i => weights[i]);
                        }).ToArray();
                        var scored = Enumerable.Range(0, standardCount).Where(s => !double.IsNaN(expectedStandards[s])).ToList();
                        var expectedOverall = scored.Count == 0 ? double.NaN : scored.Sum(s => standardWeights[s] * expectedStandards[s]) / scored.Sum(s => standardWeights[s]);
                        for (var s = 0; s < standardCount; s++)
                        {
                            AssertClose(standardScores[(a * standardCount) + s], expectedStandards[s]);
                        }

                        AssertClose(overall[a], expectedOverall);
                    }
                },
                iter: 300);

    private static void AssertClose(double actual, double expected)
    {
        if (double.IsNaN(expected))
        {
            actual.Should().Be(double.NaN);
        }
        else
        {
            actual.Should().BeApproximately(expected, 1e-12);
        }
    }
}
