using CoProduction.Involvement.Frameworks;

namespace CoProduction.Core.Tests.Involvement.Frameworks;

public sealed class FrameworkJsonTests
{
    private const string ValidJson = """
        {
          "id": "our-framework", "name": "Our framework", "version": "2026.1", "source": "Test trust", "verified": true,
          "levelGroups": [ { "id": "low", "name": "Low" }, { "id": "high", "name": "High" } ],
          "levels": [
            { "id": "informing", "name": "Informing", "description": "Told", "group": "low" },
            { "id": "partnership", "name": "Partnership", "description": "Shared", "group": "high" }
          ],
          "informingLevel": "informing",
          "ratingScales": [ { "id": "three", "name": "Three point", "points": [ { "value": 0, "label": "No" }, { "value": 1, "label": "Partly" }, { "value": 2, "label": "Yes" } ] } ],
          "standards": [
            { "id": "s1", "name": "Standard one", "description": "First", "weight": 2,
              "indicators": [ { "id": "i1", "text": "Indicator one", "weight": 1, "scale": "three" }, { "id": "i2", "text": "Indicator two", "weight": 3, "scale": "three" } ] }
          ],
          "phases": [ { "id": "aim", "name": "Aim", "description": "Agree the aim", "definesProblem": true }, { "id": "do", "name": "Do", "description": "Test" } ]
        }
        """;

    [Fact]
    public void Parse_ValidJson_ReadsEveryPart()
    {
        var definition = FrameworkJson.Parse(ValidJson, FrameworkParts.Usable);

        definition.Levels.Select(l => l.Id).Should().Equal("informing", "partnership");
        definition.Standards[0].Weight.Should().Be(2);
        definition.Standards[0].Indicators.Select(i => i.Weight).Should().Equal(1, 3);
        definition.Phases[0].DefinesProblem.Should().BeTrue();
        definition.Phases[1].DefinesProblem.Should().BeFalse();
        definition.RatingScales[0].Maximum.Should().Be(2);
    }

    [Fact]
    public void Parse_MissingLevels_IsRejectedNamingThePath()
    {
        var json = ValidJson.Replace("\"levels\": [", "\"unusedLevels\": [", StringComparison.Ordinal).Replace("\"informingLevel\": \"informing\",", string.Empty, StringComparison.Ordinal);

        var errors = Reject(json);

        errors.Should().ContainSingle(e => e.Code == FrameworkValidationCodes.MissingLevels).Which.Path.Should().Be("$.levels");
        errors.Should().Contain(e => e.Code == FrameworkValidationCodes.UnknownProperty && e.Path == "$.unusedLevels");
    }

    [Fact]
    public void Parse_EmptyLevelsArray_IsRejectedAsMissingLevels()
    {
        var json = """{ "id": "x", "name": "X", "version": "1", "source": "S", "levels": [], "phases": [ { "id": "aim", "name": "Aim", "description": "A" } ] }""";

        var exception = FluentActions.Invoking(() => FrameworkJson.Parse(json, FrameworkParts.Usable)).Should().Throw<FrameworkValidationException>().Which;

        exception.Code.Should().Be(FrameworkValidationException.ErrorCode);
        exception.Errors.Should().ContainSingle().Which.Should().Be(new FrameworkValidationError("$.levels", FrameworkValidationCodes.MissingLevels, exception.Errors[0].Message));
        exception.Message.Should().Contain("$.levels: Missing levels");
    }

    [Fact]
    public void Parse_DuplicateLevelId_IsRejectedNamingBothPlaces()
    {
        var json = ValidJson.Replace("{ \"id\": \"partnership\"", "{ \"id\": \"informing\"", StringComparison.Ordinal);

        var error = Reject(json).Should().ContainSingle().Which;

        error.Path.Should().Be("$.levels[1].id");
        error.Code.Should().Be(FrameworkValidationCodes.DuplicateId);
        error.Message.Should().Contain("Duplicate id 'informing'").And.Contain("$.levels[0].id");
    }

    [Fact]
    public void Parse_DuplicateIndicatorIdAcrossStandards_IsRejected()
    {
        var json = ValidJson.Replace("\"id\": \"i2\"", "\"id\": \"i1\"", StringComparison.Ordinal);

        var error = Reject(json).Should().ContainSingle().Which;

        error.Path.Should().Be("$.standards[0].indicators[1].id");
        error.Code.Should().Be(FrameworkValidationCodes.DuplicateId);
    }

    [Fact]
    public void Parse_NegativeWeight_IsRejectedNamingThePath()
    {
        var json = ValidJson.Replace("\"weight\": 3", "\"weight\": -3", StringComparison.Ordinal);

        var error = Reject(json).Should().ContainSingle().Which;

        error.Path.Should().Be("$.standards[0].indicators[1].weight");
        error.Code.Should().Be(FrameworkValidationCodes.NegativeWeight);
        error.Message.Should().Contain("-3").And.Contain("negative");
    }

    [Fact]
    public void Parse_AllIndicatorWeightsZero_IsRejected()
    {
        var json = ValidJson.Replace("\"weight\": 1, \"scale\"", "\"weight\": 0, \"scale\"", StringComparison.Ordinal).Replace("\"weight\": 3", "\"weight\": 0", StringComparison.Ordinal);

        var error = Reject(json).Should().ContainSingle().Which;

        error.Path.Should().Be("$.standards[0].indicators");
        error.Code.Should().Be(FrameworkValidationCodes.AllWeightsZero);
        error.Message.Should().Contain("zero");
    }

    [Fact]
    public void Parse_AllStandardWeightsZero_IsRejected()
    {
        var json = ValidJson.Replace("\"weight\": 2", "\"weight\": 0", StringComparison.Ordinal);

        var error = Reject(json).Should().ContainSingle().Which;

        error.Path.Should().Be("$.standards");
        error.Code.Should().Be(FrameworkValidationCodes.AllWeightsZero);
    }

    [Fact]
    public void Parse_UnknownReferences_AreRejectedEachWithItsPath()
    {
        var json = ValidJson.Replace("\"group\": \"high\"", "\"group\": \"highest\"", StringComparison.Ordinal)
            .Replace("\"scale\": \"three\" }, { \"id\": \"i2\"", "\"scale\": \"five\" }, { \"id\": \"i2\"", StringComparison.Ordinal)
            .Replace("\"informingLevel\": \"informing\"", "\"informingLevel\": \"telling\"", StringComparison.Ordinal);

        var errors = Reject(json);

        errors.Should().HaveCount(3).And.OnlyContain(e => e.Code == FrameworkValidationCodes.UnknownReference);
        errors.Select(e => e.Path).Should().Equal("$.levels[1].group", "$.informingLevel", "$.standards[0].indicators[0].scale");
        errors[0].Message.Should().Contain("'highest'");
    }

    [Fact]
    public void Parse_MalformedJson_IsRejectedWithTheLine()
    {
        var error = Reject("{ \"id\": \"x\",\n  \"name\": }").Should().ContainSingle().Which;

        error.Code.Should().Be(FrameworkValidationCodes.MalformedJson);
        error.Message.Should().Contain("line 2");
    }

    [Fact]
    public void Parse_WrongTypes_AreRejectedNamingThePath()
    {
        var json = ValidJson.Replace("\"levelGroups\": [ { \"id\": \"low\", \"name\": \"Low\" }, { \"id\": \"high\", \"name\": \"High\" } ],", "\"levelGroups\": [ { \"id\": \"low\", \"name\": \"Low\" }, { \"id\": \"high\", \"name\": \"High\" } ], \"verified\": \"yes\",", StringComparison.Ordinal)
            .Replace("\"weight\": 2", "\"weight\": \"heavy\"", StringComparison.Ordinal);

        var errors = Reject(json);

        errors.Should().Contain(e => e.Path == "$.standards[0].weight" && e.Code == FrameworkValidationCodes.WrongType && e.Message.Contains("\"heavy\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MisspeltNestedPropertyAndFractionalScaleValue_AreRejectedWithTheirPaths()
    {
        var json = ValidJson.Replace("\"description\": \"Told\", \"group\": \"low\"", "\"description\": \"Told\", \"groop\": \"low\"", StringComparison.Ordinal)
            .Replace("{ \"value\": 1, \"label\": \"Partly\" }", "{ \"value\": 1.5, \"label\": \"Partly\" }", StringComparison.Ordinal);

        var errors = Reject(json);

        errors.Should().Contain(e => e.Path == "$.levels[0].groop" && e.Code == FrameworkValidationCodes.UnknownProperty && e.Message.Contains("'group'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Path == "$.ratingScales[0].points[1].value" && e.Code == FrameworkValidationCodes.WrongType && e.Message.Contains("whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ItemThatIsNotAnObject_IsReportedAndLaterItemsKeepTheirPaths()
    {
        var json = ValidJson.Replace("\"levels\": [", "\"levels\": [ \"consulting\",", StringComparison.Ordinal)
            .Replace("\"group\": \"high\"", "\"group\": \"highest\"", StringComparison.Ordinal);

        var errors = Reject(json);

        errors.Select(e => (e.Path, e.Code)).Should().Equal(
            ("$.levels[0]", FrameworkValidationCodes.WrongType),
            ("$.levels[2].group", FrameworkValidationCodes.UnknownReference));
        errors[0].Message.Should().Contain("Expected a level as a JSON object but found the string \"consulting\"");
    }

    [Fact]
    public void Parse_WeightLeftOut_CountsAsOne()
    {
        var json = ValidJson.Replace("\"weight\": 3, ", string.Empty, StringComparison.Ordinal);

        FrameworkJson.Parse(json, FrameworkParts.Usable).Standards[0].Indicators[1].Weight.Should().Be(1);
    }

    [Fact]
    public void Parse_NotAnObject_IsRejected()
    {
        Reject("[1, 2]").Should().ContainSingle().Which.Should().Match<FrameworkValidationError>(e => e.Path == "$" && e.Code == FrameworkValidationCodes.WrongType);
    }

    [Fact]
    public void TryParse_SeveralFaults_ReportsEveryOne()
    {
        var json = ValidJson.Replace("\"weight\": 3", "\"weight\": -1", StringComparison.Ordinal)
            .Replace("{ \"id\": \"partnership\"", "{ \"id\": \"informing\"", StringComparison.Ordinal)
            .Replace("\"name\": \"Aim\"", "\"name\": \" \"", StringComparison.Ordinal);

        FrameworkJson.TryParse(json, FrameworkParts.Usable, out var definition, out var errors).Should().BeFalse();

        definition.Should().BeNull();
        errors.Select(e => e.Path).Should().Equal("$.levels[1].id", "$.standards[0].indicators[1].weight", "$.phases[0].name");
    }

    [Fact]
    public void Parse_PresetOnlyLadder_AsUsableFramework_IsRejectedForMissingPhases()
    {
        var json = FrameworkJson.Serialize(FrameworkPresets.Iap2Spectrum);

        Reject(json).Should().ContainSingle().Which.Path.Should().Be("$.phases");
    }

    private static IReadOnlyList<FrameworkValidationError> Reject(string json)
    {
        FrameworkJson.TryParse(json, FrameworkParts.Usable, out var definition, out var errors).Should().BeFalse();
        definition.Should().BeNull();
        return errors;
    }
}
