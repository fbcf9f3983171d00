namespace CoProduction.Scoring.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void MeasurementLevel_HasFourLevels() => Enum.GetValues<MeasurementLevel>().Should().HaveCount(4);
}
