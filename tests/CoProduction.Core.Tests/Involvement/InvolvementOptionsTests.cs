namespace CoProduction.Core.Tests.Involvement;

public sealed class InvolvementOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoFailures()
    {
        var options = new CoProductionOptions { StoreProvider = "in-memory" };

        new CoProductionOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        (options.Involvement.MaxActiveProjectsPerPartner, options.Involvement.FeedbackDueWithinDays, options.Involvement.PostClosureCheckAfterDays).Should().Be((3, 28, 90));
    }

    [Fact]
    public void Validate_BadThresholds_ReportsEveryOne()
    {
        var options = new CoProductionOptions { StoreProvider = "in-memory" };
        options.Involvement.MaxActiveProjectsPerPartner = 0;
        options.Involvement.FeedbackDueWithinDays = 0;
        options.Involvement.PostClosureCheckAfterDays = -1;
        options.Involvement.SustainedPoints = 1;
        options.Involvement.MinimumBaselinePoints = 1;

        var result = new CoProductionOptionsValidator().Validate(null, options);

        result.Failures.Should().HaveCount(5).And.OnlyContain(f => f.StartsWith("Involvement.", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.Contains("MaxActiveProjectsPerPartner is 0", StringComparison.Ordinal));
    }
}
