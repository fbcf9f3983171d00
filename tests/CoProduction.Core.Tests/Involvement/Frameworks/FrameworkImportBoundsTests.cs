using System.Text;
using CoProduction.Core.Tests.TestSupport;
using CoProduction.Involvement.Frameworks;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Involvement.Frameworks;

public sealed class FrameworkImportBoundsTests
{
    private const string Head = """{ "id": "bad", "name": "Bad", "version": "1", "source": "Gen", "phases": [ { "id": "p", "name": "P", "description": "P" } ], "levels": [""";

    [Fact]
    public async Task ImportAsync_OverTheLimit_IsRefusedNamingTheSizeAndNothingIsStored()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>();
        var valid = FrameworkJson.Serialize(FrameworkPresets.ArnsteinLadder with { Phases = FrameworkPresets.ModelForImprovement.Phases });
        var json = valid.Insert(valid.Length - 1, new string(' ', FrameworkJson.MaxJsonLength - valid.Length + 1));

        var exception = (await FluentActions.Invoking(() => service.ImportAsync(json, TestContext.Current.CancellationToken)).Should().ThrowAsync<FrameworkValidationException>()).Which;

        json.Length.Should().Be(FrameworkJson.MaxJsonLength + 1);
        var error = exception.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be(FrameworkValidationCodes.TooLarge);
        error.Message.Should().Contain("2,097,153 characters").And.Contain("the limit is 2,097,152 characters");
        exception.OmittedErrorCount.Should().Be(0);
        (await scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>().ListAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    [Fact]
    public void Parse_AtTheLimit_IsRead()
    {
        var valid = FrameworkJson.Serialize(FrameworkPresets.ArnsteinLadder with { Phases = FrameworkPresets.ModelForImprovement.Phases });
        var json = valid.Insert(valid.Length - 1, new string(' ', FrameworkJson.MaxJsonLength - valid.Length));

        FrameworkJson.Parse(json, FrameworkParts.Usable).Levels.Should().HaveCount(FrameworkPresets.ArnsteinLadder.Levels.Count);
    }

    [Fact]
    public void Parse_ManyFaults_ListsTheFirstHundredAndCountsTheRest()
    {
        // 1,000 levels, each with five faults: an unknown property (structural), a missing name and description,
        // an unknown group and (after the first) a duplicate id.
        var json = new StringBuilder(Head);
        for (var i = 0; i < 1000; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append("""{ "id": "dup", "nam": "x", "group": "nowhere" }""");
        }

        json.Append("] }");

        var exception = FluentActions.Invoking(() => FrameworkJson.Parse(json.ToString(), FrameworkParts.Usable)).Should().Throw<FrameworkValidationException>().Which;

        exception.Errors.Should().HaveCount(FrameworkValidationException.MaxReportedErrors);
        exception.OmittedErrorCount.Should().Be(4999 - 100);
        exception.TotalErrorCount.Should().Be(4999);
        exception.Errors[0].Should().Be(new FrameworkValidationError("$.levels[0].nam", FrameworkValidationCodes.UnknownProperty, exception.Errors[0].Message));
        exception.Message.Length.Should().BeLessThan(20_000);
        exception.Message.Should().StartWith("The involvement framework was rejected with 4999 fault(s)").And.EndWith("... and 4899 more");
    }

    [Fact]
    public void Parse_StructuralFaultOverAnItem_StillHidesTheRuleFaultsInsideIt()
    {
        var json = Head + """ "not an object", { "id": "b", "name": "B", "description": "B" } ] }""";

        var errors = FluentActions.Invoking(() => FrameworkJson.Parse(json, FrameworkParts.Usable)).Should().Throw<FrameworkValidationException>().Which.Errors;

        errors.Select(e => (e.Path, e.Code)).Should().Equal(("$.levels[0]", FrameworkValidationCodes.WrongType));
    }

    [Fact]
    public void Parse_LongStringValue_IsQuotedCut()
    {
        var value = new string('x', 10_000);
        var json = Head + """{ "id": "a", "name": "A", "description": "A" }, { "id": "b", "name": "B", "description": "B", "group": """ + $"\"{value}\"" + " } ] }";

        var exception = FluentActions.Invoking(() => FrameworkJson.Parse(json, FrameworkParts.Usable)).Should().Throw<FrameworkValidationException>().Which;

        var error = exception.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be(FrameworkValidationCodes.UnknownReference);
        error.Message.Should().Contain($"'{new string('x', 60)}… (10000 characters)'").And.NotContain(new string('x', 61));
        exception.Message.Length.Should().BeLessThan(1_000);
    }

    [Fact]
    public void Parse_LongStringWhereAnArrayBelongs_IsQuotedCut()
    {
        var json = """{ "id": "bad", "name": "Bad", "version": "1", "source": "Gen", "phases": [ { "id": "p", "name": "P", "description": "P" } ], "levels": """ + $"\"{new string('y', 1_000_000)}\"" + " }";

        var exception = FluentActions.Invoking(() => FrameworkJson.Parse(json, FrameworkParts.Usable)).Should().Throw<FrameworkValidationException>().Which;

        exception.Errors.Should().ContainSingle(e => e.Path == "$.levels" && e.Code == FrameworkValidationCodes.WrongType).Which.Message.Should().Contain("… (1000000 characters)");
        exception.Message.Length.Should().BeLessThan(1_000);
    }

    [Fact]
    public void Parse_LongUnknownPropertyName_IsCutInPathAndMessage()
    {
        var name = new string('z', 5_000);
        var json = """{ "id": "x", "name": "X", "version": "1", "source": "S", "levels": [ { "id": "a", "name": "A", "description": "A" }, { "id": "b", "name": "B", "description": "B" } ], "phases": [ { "id": "p", "name": "P", "description": "P" } ], """ + $"\"{name}\": 1 }}";

        var exception = FluentActions.Invoking(() => FrameworkJson.Parse(json, FrameworkParts.Usable)).Should().Throw<FrameworkValidationException>().Which;

        var error = exception.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be(FrameworkValidationCodes.UnknownProperty);
        error.Path.Length.Should().BeLessThan(100);
        exception.Message.Length.Should().BeLessThan(1_000);
    }

    [Fact]
    public void Exception_GivenMoreThanTheCap_KeepsTheCapAndCountsTheRest()
    {
        var errors = Enumerable.Range(0, 250).Select(i => new FrameworkValidationError($"$.levels[{i}]", FrameworkValidationCodes.Required, "Missing.")).ToList();

        var exception = new FrameworkValidationException(errors, 7);

        exception.Errors.Should().HaveCount(100);
        exception.Errors[^1].Path.Should().Be("$.levels[99]");
        exception.OmittedErrorCount.Should().Be(157);
        exception.Message.Should().EndWith("... and 157 more");
    }

    [Fact]
    public async Task ImportAsync_ValidDocument_RoundTripsAsBefore()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>();
        var json = FrameworkJson.Serialize(InvolvementFramework.Adopt(host.TrustA, "ours", "Ours", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], host.Clock).ToDefinition());

        var framework = await service.ImportAsync(json, TestContext.Current.CancellationToken);

        (await service.ExportJsonAsync(framework.Id, TestContext.Current.CancellationToken)).Should().Be(json);
    }
}
