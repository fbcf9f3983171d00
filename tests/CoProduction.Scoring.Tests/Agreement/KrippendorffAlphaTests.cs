using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class KrippendorffAlphaTests
{
    private const double N = double.NaN;

    // Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for Communication,
    // University of Pennsylvania, section C ("nominal, ordinal, interval and ratio data, any number of observers,
    // missing values"): 4 observers x 12 units.
    private static readonly double[,] Krippendorff2011 =
    {
        { 1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N },
        { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3 },
        { N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N },
        { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N },
    };

    [Theory]
    [InlineData(MeasurementLevel.Nominal, 0.743)]
    [InlineData(MeasurementLevel.Ordinal, 0.815)]
    [InlineData(MeasurementLevel.Interval, 0.849)]
    [InlineData(MeasurementLevel.Ratio, 0.797)]
    public void KrippendorffAlpha_Krippendorff2011Example_MatchesPublishedFigures(MeasurementLevel level, double published) =>
        Agreement.KrippendorffAlpha(Krippendorff2011, level).Should().BeApproximately(published, 0.0005);

    [Fact]
    public void KrippendorffAlpha_Krippendorff2011ExampleInterval_IsExactly951Over1120() =>
        Agreement.KrippendorffAlpha(Krippendorff2011, MeasurementLevel.Interval).Should().BeApproximately(951.0 / 1120, 1e-14);

    [Fact]
    public void KrippendorffAlpha_Krippendorff2011ExampleNominal_IsExactly113Over152() =>
        Agreement.KrippendorffAlpha(Krippendorff2011, MeasurementLevel.Nominal).Should().BeApproximately(113.0 / 152, 1e-14);

    [Fact]
    public void KrippendorffAlpha_Krippendorff2011BinaryTwoObservers_Is0095()
    {
        // Krippendorff (2011), section A: binary data, two observers, no missing data; alpha = 0.095.
        double[,] data =
        {
            { 0, 1, 0, 0, 0, 0, 0, 0, 1, 0 },
            { 1, 1, 1, 0, 0, 1, 0, 0, 0, 0 },
        };

        Agreement.KrippendorffAlpha(data, MeasurementLevel.Nominal).Should().BeApproximately(0.095, 0.0005);
    }

    [Fact]
    public void KrippendorffAlpha_PerfectAgreement_IsOne()
    {
        double[,] data = { { 1, 2, 3, N }, { 1, 2, 3, 4 } };
        Agreement.KrippendorffAlpha(data, MeasurementLevel.Interval).Should().Be(1);
    }

    [Fact]
    public void KrippendorffAlpha_NoPairableUnit_IsNaN()
    {
        double[,] data = { { 1, N }, { N, 2 } };
        Agreement.KrippendorffAlpha(data, MeasurementLevel.Nominal).Should().Be(double.NaN);
    }

    [Fact]
    public void KrippendorffAlpha_SpanOverload_EqualsArrayOverload()
    {
        var flat = new double[Krippendorff2011.Length];
        Buffer.BlockCopy(Krippendorff2011, 0, flat, 0, flat.Length * sizeof(double));
        Agreement.KrippendorffAlpha(flat, 4, MeasurementLevel.Ordinal)
            .Should().Be(Agreement.KrippendorffAlpha(Krippendorff2011, MeasurementLevel.Ordinal));
    }

    [Fact]
    public void KrippendorffAlpha_Null_ThrowsArgumentNull() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlpha(null!, MeasurementLevel.Nominal))
            .Should().Throw<ArgumentNullException>().WithParameterName("reliabilityData");

    [Fact]
    public void KrippendorffAlpha_Empty_ThrowsNamingEmpty() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlpha(new double[0, 0], MeasurementLevel.Nominal))
            .Should().Throw<ArgumentException>().WithParameterName("reliabilityData").WithMessage("*empty*");

    [Fact]
    public void KrippendorffAlpha_RaggedSpan_ThrowsNamingRagged() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlpha(new double[7], 2, MeasurementLevel.Nominal))
            .Should().Throw<ArgumentException>().WithParameterName("reliabilityData").WithMessage("*ragged*");

    [Fact]
    public void KrippendorffAlpha_Infinity_Throws() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlpha(new double[,] { { 1, double.PositiveInfinity } }, MeasurementLevel.Interval))
            .Should().Throw<ArgumentException>().WithParameterName("reliabilityData").WithMessage("*infinite*");

    [Fact]
    public void KrippendorffAlpha_RatioWithNonPositiveValue_Throws() =>
        FluentActions.Invoking(() => Agreement.KrippendorffAlpha(new double[,] { { 1, 0 }, { 2, 3 } }, MeasurementLevel.Ratio))
            .Should().Throw<ArgumentException>().WithParameterName("reliabilityData").WithMessage("*positive*");

    public static TheoryData<MeasurementLevel> Levels => new(Enum.GetValues<MeasurementLevel>());

    [Theory]
    [MemberData(nameof(Levels))]
    public void KrippendorffAlpha_RandomRatingScaleWithMissing_MatchesCoincidenceMatrixReference(MeasurementLevel level) =>
        ReliabilityData(Gen.Int[1, 5].Select(v => (double)v)).Sample(
            data => AssertMatchesReference(data, level),
            iter: 300);

    [Theory]
    [MemberData(nameof(Levels))]
    public void KrippendorffAlpha_RandomHundredPointScaleWithMissing_MatchesCoincidenceMatrixReference(MeasurementLevel level) =>
        ReliabilityData(Gen.Int[1, 100].Select(v => (double)v)).Sample(
            data => AssertMatchesReference(data, level),
            iter: 300);

    [Theory]
    [MemberData(nameof(Levels))]
    public void KrippendorffAlpha_RandomContinuousWithMissing_MatchesCoincidenceMatrixReference(MeasurementLevel level) =>
        ReliabilityData(Gen.Double[0.01, 100]).Sample(
            data => AssertMatchesReference(data, level),
            iter: 300);

    [Theory]
    [MemberData(nameof(Levels))]
    public void KrippendorffAlpha_RandomManyObserversWideIntegers_MatchesCoincidenceMatrixReference(MeasurementLevel level) =>
        Gen.Select(Gen.Int[17, 24], Gen.Int[1, 6])
            .SelectMany((observers, units) => MaybeMissing(Gen.Int[1, 3_000_000].Select(v => (double)v)).Array2D[observers, units])
            .Sample(data => AssertMatchesReference(data, level), iter: 60);

    private static void AssertMatchesReference(double[,] data, MeasurementLevel level)
    {
        var expected = ReferenceAgreement.KrippendorffAlpha(data, level);
        var actual = Agreement.KrippendorffAlpha(data, level);
        if (double.IsNaN(expected))
        {
            actual.Should().Be(double.NaN);
        }
        else
        {
            actual.Should().BeApproximately(expected, 1e-9 * Math.Max(1, Math.Abs(expected)));
        }
    }

    private static Gen<double> MaybeMissing(Gen<double> value) => Gen.Frequency((1, Gen.Const(double.NaN)), (4, value));

    private static Gen<double[,]> ReliabilityData(Gen<double> value) =>
        Gen.Select(Gen.Int[2, 6], Gen.Int[1, 20]).SelectMany((observers, units) => MaybeMissing(value).Array2D[observers, units]);
}
