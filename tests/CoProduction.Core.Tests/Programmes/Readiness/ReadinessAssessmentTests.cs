using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Readiness;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.Programmes.Readiness;

public sealed class ReadinessAssessmentTests
{
    private static readonly DateOnly Today = new(2025, 1, 10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly ParticipantId _assessor = ParticipantId.New();

    [Fact]
    public void Start_DefaultChecklist_HasTheCoreItemsAllNotAssessed()
    {
        var assessment = NewAssessment();

        assessment.Items.Select(i => i.Key).Should().Contain(["payment-process", "accessibility", "facilitator-support", "sponsorship", "evaluation-plan"]);
        var summary = assessment.Summarise();
        summary.Total.Should().Be(ReadinessChecklist.Default.Count);
        summary.NotAssessed.Should().Be(summary.Total);
        summary.IsReady.Should().BeFalse();
    }

    [Fact]
    public void Summarise_MixedRatings_CountsAndOrdersGapsWorstFirst()
    {
        var assessment = ReadinessAssessment.Start(OrganisationId.New(), "Readiness", null, ReadinessChecklist.Default.Take(4), _clock);
        assessment.Rate("payment-process", ReadinessRating.Partly, "No policy on benefits advice yet", _assessor, Today, _clock);
        assessment.Rate("expenses", ReadinessRating.Met, null, _assessor, Today, _clock);
        assessment.Rate("accessibility", ReadinessRating.NotMet, "Training room has no hearing loop", _assessor, Today, _clock);

        var summary = assessment.Summarise();

        // 4 items: expenses met; accessibility not met; payment partly; facilitator support not assessed.
        summary.Should().BeEquivalentTo(new { Total = 4, Met = 1, Partly = 1, NotMet = 1, NotAssessed = 1, IsReady = false });
        summary.Gaps.Select(g => g.Key).Should().Equal("accessibility", "payment-process", "facilitator-support");
        summary.ToMarkdown().Should().Contain("Readiness: 1 of 4 met, 1 partly, 1 not met, 1 not assessed.")
            .And.Contain("- Accessibility: not met - Training room has no hearing loop")
            .And.Contain("- Payment process: partly met - No policy on benefits advice yet")
            .And.Contain("- Support for patient trainers: not assessed");
    }

    [Fact]
    public void Summarise_EverythingMet_IsReady()
    {
        var assessment = ReadinessAssessment.Start(OrganisationId.New(), "Readiness", null, ReadinessChecklist.Default.Take(2), _clock);
        assessment.Rate("payment-process", ReadinessRating.Met, null, _assessor, Today, _clock);
        assessment.Rate("expenses", ReadinessRating.Met, "Paid within 5 days", _assessor, Today, _clock);

        assessment.Summarise().IsReady.Should().BeTrue();
        assessment.Summarise().Gaps.Should().BeEmpty();
    }

    [Theory]
    [InlineData(ReadinessRating.Partly)]
    [InlineData(ReadinessRating.NotMet)]
    public void Rate_GapWithoutNotes_IsRefusedSayingWhatIsMissingIsNeeded(ReadinessRating rating)
    {
        var assessment = NewAssessment();

        var act = () => assessment.Rate("sponsorship", rating, " ", _assessor, Today, _clock);

        act.ShouldBeRefusedLeavingUnchanged(assessment, ProgrammeErrorCodes.ReadinessNotesRequired, $"rated {rating} without notes", "say what is missing");
        assessment.FindItem("sponsorship")!.Rating.Should().BeNull();
    }

    [Fact]
    public void Rate_UnknownItem_IsRefusedListingTheKeys()
    {
        var assessment = NewAssessment();

        var act = () => assessment.Rate("catering", ReadinessRating.Met, null, _assessor, Today, _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.ReadinessItemNotFound, "no item 'catering'", "payment-process", "add it with AddItem");
    }

    [Fact]
    public void AddItem_OwnItem_CanBeRated()
    {
        var assessment = NewAssessment();

        assessment.AddItem(new ReadinessItemDefinition("Interpreters", "Interpreters", "Interpreters are booked for partners who need them."), _clock);
        assessment.Rate("interpreters", ReadinessRating.Met, null, _assessor, Today, _clock);

        assessment.FindItem("INTERPRETERS")!.Rating.Should().Be(ReadinessRating.Met);
    }

    [Fact]
    public void AddItem_ExistingKey_IsRefused()
    {
        var assessment = NewAssessment();
        var count = assessment.Items.Count;

        var act = () => assessment.AddItem(new ReadinessItemDefinition("sponsorship", "Sponsor", "x"), _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.DuplicateReadinessItem, "already has an item 'sponsorship'");
        assessment.Items.Should().HaveCount(count);
    }

    [Fact]
    public void Start_RepeatedKey_ThrowsNamingChecklist()
    {
        var act = () => ReadinessAssessment.Start(OrganisationId.New(), "Readiness", null, [ReadinessChecklist.Default[0], ReadinessChecklist.Default[0]], _clock);

        act.Should().ThrowInvalidInput("checklist");
    }

    private ReadinessAssessment NewAssessment() => ReadinessAssessment.Start(OrganisationId.New(), "Readiness for cohort 4", null, ReadinessChecklist.Default, _clock);
}
