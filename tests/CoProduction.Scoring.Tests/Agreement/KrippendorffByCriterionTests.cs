using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class KrippendorffByCriterionTests
{
    private const double N = double.NaN;

    // Krippendorff (2011), section C: 4 observers x 12 units; alpha nominal 0.743, ordinal 0.815, interval 0.849,
    // ratio 0.797 (published).
    private static readonly double[,] Krippendorff2011 =
    {
        { 1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N },
        { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3 },
        { N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N },
        { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N },
    };

    /// <summary>The matrix as (criterion, unit, coder, value) ratings, reviewers and submissions named as a panel would.</summary>
    private static IEnumerable<Rating<string, string, string>> AsRatings(string criterion, double[,] matrix, int shuffleSeed)
    {
        var ratings = new List<Rating<string, string, string>>();
        for (var o = 0; o < matrix.GetLength(0); o++)
        {
            for (var u = 0; u < matrix.GetLength(1); u++)
            {
                if (!double.IsNaN(matrix[o, u]))
                {
                    ratings.Add(new(criterion, $"Submission {u + 1}", $"Patient reviewer {(char)('A' + o)}", matrix[o, u]));
                }
            }
        }

        var random = new Random(shuffleSeed);
        return ratings.OrderBy(_ => random.Next());
    }

    [Fact]
    public void KrippendorffAlphaByCriterion_EachCriterionAtItsLevel_MatchesPublishedFigures()
    {
        // Four criteria with the same ratings at four levels: each gets the published alpha of its own level.
        var ratings = AsRatings("Involvement in problem definition", Krippendorff2011, 1)
            .Concat(AsRatings("Clarity of aim", Krippendorff2011, 2))
            .Concat(AsRatings("Measures of patient experience", Krippendorff2011, 3))
            .Concat(AsRatings("Hours of involvement", Krippendorff2011, 4));
        var levels = new Dictionary<string, MeasurementLevel>
        {
            ["Involvement in problem definition"] = MeasurementLevel.Nominal,
            ["Clarity of aim"] = MeasurementLevel.Ordinal,
            ["Measures of patient experience"] = MeasurementLevel.Interval,
            ["Hours of involvement"] = MeasurementLevel.Ratio,
        };

        var result = Agreement.KrippendorffAlphaByCriterion(ratings, levels);

        result.Select(r => r.Criterion).Should().Equal(levels.Keys);
        result.Select(r => r.Alpha).Should().Equal([0.743, 0.815, 0.849, 0.797], (a, e) => Math.Abs(a - e) < 0.0005);
        result[0].Alpha.Should().BeApproximately(113.0 / 152, 1e-14);
        result[2].Alpha.Should().BeApproximately(951.0 / 1120, 1e-14);
        result.Should().AllSatisfy(r =>
        {
            r.PairableUnits.Should().Be(11);
            r.PairableValues.Should().Be(40);
            r.Coders.Should().Be(4);
        });
    }

    [Fact]
    public void KrippendorffAlphaByCriterion_CriteriaWithDifferentCoders_EachEqualsItsOwnMatrix() =>
        Gen.Select(Gen.Int[2, 6], Gen.Int[1, 25], Gen.Int)
            .Sample(
                t =>
                {
                    // Two criteria rated by overlapping but different sets of reviewers on different units: each
                    // criterion's alpha equals the matrix routine on that criterion's own coders x units table.
                    var (coders, units, seed) = t;
                    var random = new Random(seed);
                    var ratings = new List<Rating<int, int, int>>();
                    var matrices = new[] { new double[coders, units], new double[coders, units] };
                    for (var c = 0; c < 2; c++)
                    {
                        for (var o = 0; o < coders; o++)
                        {
                            for (var u = 0; u < units; u++)
                            {
                                var present = random.NextDouble() < 0.7;
                                matrices[c][o, u] = present ? random.Next(1, 6) : double.NaN;
                                if (present)
                                {
                                    ratings.Add(new(c, u + (100 * c), o + (10 * c), matrices[c][o, u]));
                                }
                            }
                        }
                    }

                    var levels = new Dictionary<int, MeasurementLevel> { [0] = MeasurementLevel.Ordinal, [1] = MeasurementLevel.Interval };
                    var result = Agreement.KrippendorffAlphaByCriterion(ratings.OrderBy(_ => random.Next()), levels);
                    for (var c = 0; c < 2; c++)
                    {
                        // The independent coincidence-matrix reference on the full matrix (empty coders and units
                        // change nothing).
                        var expected = ReferenceAgreement.KrippendorffAlpha(matrices[c], levels[c]);
                        if (double.IsNaN(expected))
                        {
                            result[c].Alpha.Should().Be(double.NaN);
                        }
                        else
                        {
                            result[c].Alpha.Should().BeApproximately(expected, 1e-12);
                        }
                    }
                },
                iter: 300);

    [Fact]
    public void KrippendorffAlphaByCriterion_CriterionWithoutRatings_IsNaNWithZeroCounts()
    {
        var levels = new Dictionary<string, MeasurementLevel> { ["Rated"] = MeasurementLevel.Nominal, ["Never rated"] = MeasurementLevel.Ordinal };
        var result = Agreement.KrippendorffAlphaByCriterion(AsRatings("Rated", Krippendorff2011, 1), levels);
        result[1].Should().BeEquivalentTo(new { Criterion = "Never rated", Alpha = double.NaN, PairableUnits = 0, PairableValues = 0, Coders = 0 });
    }

    [Fact]
    public void KrippendorffAlphaByCriterion_NaNValue_CountsAsNoRating()
    {
        var levels = new Dictionary<string, MeasurementLevel> { ["Aim"] = MeasurementLevel.Interval };
        var ratings = AsRatings("Aim", Krippendorff2011, 1).Append(new("Aim", "Submission 1", "Patient reviewer C", double.NaN));
        Agreement.KrippendorffAlphaByCriterion(ratings, levels)[0].Alpha.Should().BeApproximately(951.0 / 1120, 1e-14);
    }

    [Fact]
    public void KrippendorffAlphaByCriterion_SameCoderUnitTwice_ThrowsNamingThem() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlphaByCriterion(
                [new Rating<string, string, string>("Aim", "Submission 1", "Patient reviewer A", 3), new("Aim", "Submission 1", "Patient reviewer A", 4)],
                new Dictionary<string, MeasurementLevel> { ["Aim"] = MeasurementLevel.Ordinal }))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*Patient reviewer A rated unit Submission 1 twice on criterion Aim*");

    [Fact]
    public void KrippendorffAlphaByCriterion_CriterionWithoutLevel_Throws() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlphaByCriterion(
                [new Rating<string, string, string>("Unknown", "Submission 1", "Patient reviewer A", 3)],
                new Dictionary<string, MeasurementLevel> { ["Aim"] = MeasurementLevel.Ordinal }))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*Unknown*no measurement level*");

    [Fact]
    public void KrippendorffAlphaByCriterion_RatioLevelZero_Throws() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlphaByCriterion(
                [new Rating<string, string, string>("Hours", "Submission 1", "Patient reviewer A", 0)],
                new Dictionary<string, MeasurementLevel> { ["Hours"] = MeasurementLevel.Ratio }))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*ratio level*positive*");

    [Fact]
    public void KrippendorffAlphaByCriterion_InfiniteValue_Throws() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlphaByCriterion(
                [new Rating<string, string, string>("Aim", "Submission 1", "Patient reviewer A", double.PositiveInfinity)],
                new Dictionary<string, MeasurementLevel> { ["Aim"] = MeasurementLevel.Interval }))
            .Should().Throw<ArgumentException>().WithParameterName("ratings").WithMessage("*infinite*");

    [Fact]
    public void KrippendorffAlphaByCriterion_Null_Throws()
    {
        FluentActions.Invoking(() => Agreement.KrippendorffAlphaByCriterion<string, string, string>(null!, new Dictionary<string, MeasurementLevel>()))
            .Should().Throw<ArgumentNullException>().WithParameterName("ratings");
        FluentActions.Invoking(() => Agreement.KrippendorffAlphaByCriterion<string, string, string>([], null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("levels");
    }
}
