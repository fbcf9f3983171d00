using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;

namespace CoProduction.Core.Tests.People;

/// <summary>
/// Keeps docs/personal-data.md complete and current. The model is walked by reflection (every aggregate root of
/// CoProduction.Core, its child entities and value objects, the outbox contract <see cref="OutboxMessage"/> and every
/// domain event, which the outbox stores as JSON), and every text field found must have a row in one of the
/// inventory's tables; every row must name a field that still exists. The relational outbox row
/// (<c>OutboxRecord</c>, internal to CoProduction.Storage.EntityFrameworkCore, which this project does not reference)
/// is read from its source file.
/// </summary>
public sealed class PersonalDataInventoryTests
{
    private const string OutboxRecordSource = "src/CoProduction.Storage.EntityFrameworkCore/Outbox/OutboxRecord.cs";

    private static readonly string[] ErasureStatuses = ["**Implemented**", "**Planned**"];
    private static readonly string[] ExportStatuses = ["**Included**", "**Missing**", "**Not exported**"];

    [Fact]
    public void EveryTextFieldOfTheModel_HasAnInventoryRow()
    {
        var undeclared = PersonalDataModel.Undeclared(ModelFields(), Inventory());

        undeclared.Should().BeEmpty(
            "every text field the library stores is classified in {0} (personal, with why, how long, erasure and export; or not personal, with why); add a row for each of these:{1}{2}",
            PersonalDataModel.InventoryPath,
            Environment.NewLine,
            string.Join(Environment.NewLine, undeclared));
    }

    [Fact]
    public void EveryInventoryRow_NamesAFieldThatExists()
    {
        var stale = PersonalDataModel.Stale(ModelFields(), Inventory());

        stale.Should().BeEmpty(
            "every row of {0} names an existing text field as Type.Property; these rows name fields that no longer exist (renamed, removed or no longer text):{1}{2}",
            PersonalDataModel.InventoryPath,
            Environment.NewLine,
            string.Join(Environment.NewLine, stale));
    }

    [Fact]
    public void EveryField_IsListedOnce()
    {
        var repeated = Inventory().SelectMany(t => t.Rows).GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} (lines {string.Join(", ", g.Select(r => r.Line))})").ToList();

        repeated.Should().BeEmpty("each field has one classification");
    }

    [Fact]
    public void EveryPersonalField_SaysWhetherErasureAndExportAreImplemented()
    {
        var personalTables = Inventory().Where(t => t.Column("Erasure") >= 0).ToList();
        var faults = new List<string>();
        foreach (var table in personalTables)
        {
            var erasure = table.Column("Erasure");
            var export = table.Column("Export");
            if (export < 0 || table.Column("Category") < 0 || table.Column("Why held") < 0 || table.Column("Retention") < 0)
            {
                faults.Add($"the table under '{table.Heading}' lacks one of the columns Category, Why held, Retention, Export");
                continue;
            }

            foreach (var row in table.Rows)
            {
                if (row.Cells.Count != table.Header.Count || row.Cells.Any(c => c.Length == 0))
                {
                    faults.Add($"{row.Key} (line {row.Line}): {row.Cells.Count} cells for {table.Header.Count} columns, or an empty cell");
                    continue;
                }

                if (!ErasureStatuses.Any(s => row.Cells[erasure].StartsWith(s, StringComparison.Ordinal)))
                {
                    faults.Add($"{row.Key} (line {row.Line}): the Erasure cell starts with neither {string.Join(" nor ", ErasureStatuses)}");
                }

                if (!ExportStatuses.Any(s => row.Cells[export].StartsWith(s, StringComparison.Ordinal)))
                {
                    faults.Add($"{row.Key} (line {row.Line}): the Export cell starts with neither {string.Join(" nor ", ExportStatuses)}");
                }
            }
        }

        personalTables.Should().NotBeEmpty("the inventory has tables of personal fields, with an Erasure column");
        faults.Should().BeEmpty("a reader must see, per field, what erasure and the subject-access export do today");
    }

    [Fact]
    public void ErasureMarkedImplemented_IsWhatParticipantEraseClears()
    {
        // Today only Participant.Erase erases; a field of another type marked Implemented would be a claim the code
        // does not back. (The outbox payload holds ids and codes only, which erasure keeps by design.) When erasure
        // reaches another area, add its types here with the test that shows it.
        string[] erasedByTheLibrary = ["Participant", "ContactDetails", "AccessibilityNeed", "PaymentPreference", "OutboxRecord"];

        // What the areas' IParticipantDataErasers change (each checked on every store by ErasureSpecification and the
        // erasure entry of the multi-aggregate fault table). A row claims "Implemented" only when its field is here.
        string[] erasedByTheAreas =
        [
            "InvolvementActivity.Description", "Expense.Description", "PaymentClaim.RejectionReason", "PaymentClaim.PaymentReference", "PublicSectorEmployment.Employer",
            "CoDesignContribution.Contribution", "PathwayEvidence.Note", "CohortTeam.Name", "CohortTeam.WithdrawalReason", "CohortSession.CancellationReason", "SupportPlan.DebriefArrangements", "SupportPlan.PaymentArrangements", "ReadinessItem.Notes",
            "LivedExperience.ServiceArea", "ConflictOfInterest.Note", "ConflictOfInterest.DismissalReason", "Review.Comments", "QuestionAnswer.Answer",
            "PlannedAction.Description", "FollowUpReport.Impact", "LeadExperienceRating.Comment", "SubmissionStateChange.Reason", "ReviewRound.TriageReason",
            "InvolvementRecord.Activity", "InvolvementRecord.FeedbackSummary", "IndicatorRating.Comment", "PlannedInvolvement.Who", "PlannedInvolvement.RevisionReason",
            "ExpressionOfInterest.LivedExperience", "ExpressionOfInterest.AdjustmentsNeeded", "ExpressionOfInterest.DecisionReason", "StorySharing.Occasion", "SupportRecord.AgreedNextStep", "SupportRecord.Notes",
            "OutboxMessage.LastError", // holds no message at all (OutboxFailure.Describe), so nothing to erase
        ];
        var claims = Inventory().Where(t => t.Column("Erasure") >= 0)
            .SelectMany(t => t.Rows.Where(r => r.Cells[t.Column("Erasure")].StartsWith("**Implemented**", StringComparison.Ordinal)))
            .Where(r => !erasedByTheLibrary.Contains(r.Key.Split('.')[0]) && !erasedByTheAreas.Contains(r.Key))
            .Select(r => $"{r.Key} (line {r.Line})");

        claims.Should().BeEmpty("a row may claim erasure only for what the library erases");
    }

    [Fact]
    public void Walk_ReachesEveryAreaAndTheirChildEntities()
    {
        var (types, fields) = PersonalDataModel.Walk(Roots());
        var names = types.Select(PersonalDataModel.ShortName).ToList();

        // If the walk lost its way, the checks above would pass vacuously.
        names.Should().Contain(
        [
            "Participant", "ContactDetails", "AccessibilityNeed", "PaymentPreference",
            "InvolvementActivity", "PaymentClaim", "Expense",
            "Programme", "CoDesignContribution", "Cohort", "CohortTeam", "PatientTrainerPathway", "SupportPlan", "ReadinessAssessment", "ReadinessItem",
            "Panel", "LivedExperience", "PanelMeeting", "ConflictOfInterest", "Review", "QuestionAnswer", "ReviewSubmission", "ReviewRound", "PlannedAction",
            "ImprovementProject", "InvolvementRecord", "PlannedInvolvement", "Assessment", "IndicatorRating", "InvolvementFramework",
            "OutboxMessage", "ParticipantDetailsChanged",
        ]);
        fields.Should().Contain(["Participant.FullName", "Participant.DiversityAnswers", "CurriculumModule.LearningOutcomes", "Review.Comments", "ConflictOfInterest.Note", "OutboxMessage.LastError"]);
        names.Should().OnlyHaveUniqueItems("inventory keys name a type by its short name, so two types reached must not share one");
    }

    [Fact]
    public void Walk_ReportsAnUndeclaredFieldOfANewAggregate()
    {
        var (_, fields) = PersonalDataModel.Walk([typeof(FixtureAggregate)]);

        var undeclared = PersonalDataModel.Undeclared(fields, Inventory());

        // Text directly on the aggregate, in a child entity reached through a list, and in a dictionary of strings;
        // the id, the enum, the number and the domain event are not text and are skipped.
        undeclared.Should().Equal("FixtureAggregate.SecretNote", "FixtureAggregate.Tags", "FixtureChild.Remark");
    }

    [Fact]
    public void Stale_ReportsARowForAFieldThatNoLongerExists()
    {
        var inventory = PersonalDataModel.ReadTables(
            """
            ## People

            | Field | Category | Why held |
            |---|---|---|
            | `Participant.FullName` | Identifying | To address them |
            | `Participant.Nickname` | Identifying | Renamed long ago |
            """);

        PersonalDataModel.Stale(["Participant.FullName"], inventory).Should().Equal("Participant.Nickname (line 6)");
        PersonalDataModel.Undeclared(["Participant.FullName"], inventory).Should().BeEmpty();
    }

    private static IReadOnlyList<Type> Roots()
    {
        var core = typeof(Participant).Assembly;
        return [.. PersonalDataModel.AggregateRoots(core), typeof(OutboxMessage), .. PersonalDataModel.DomainEvents(core)];
    }

    private static IReadOnlyList<string> ModelFields()
    {
        var (_, fields) = PersonalDataModel.Walk(Roots());
        var source = File.ReadAllText(Path.Combine(PersonalDataModel.RepositoryRoot(), OutboxRecordSource));
        var outboxRecord = PersonalDataModel.DeclaredStringProperties(source).Select(p => $"OutboxRecord.{p}").ToList();
        outboxRecord.Should().Contain("OutboxRecord.Payload", "the relational outbox row is read from {0}", OutboxRecordSource);
        return [.. fields, .. outboxRecord];
    }

    private static IReadOnlyList<InventoryTable> Inventory() =>
        PersonalDataModel.ReadTables(File.ReadAllText(Path.Combine(PersonalDataModel.RepositoryRoot(), PersonalDataModel.InventoryPath)));

    private sealed class FixtureAggregate : IAggregateRoot
    {
        public OrganisationId OrganisationId { get; } = OrganisationId.New();

        public long Version => 0;

        public IReadOnlyList<IDomainEvent> PendingEvents { get; } = [];

        public Guid IdValue { get; } = Guid.NewGuid();

        public ParticipantId OwnerId { get; } = ParticipantId.New();

        public ConsentPurpose Purpose { get; } = ConsentPurpose.Contact;

        public int Count { get; }

        public string SecretNote { get; } = "As someone treated on Ward 5...";

        public IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>();

        public IReadOnlyList<FixtureChild> Children { get; } = [];

        public FixtureEvent? LastEvent { get; }
    }

    private sealed record FixtureChild(ParticipantId ParticipantId, string? Remark, DateOnly On);

    private sealed record FixtureEvent(string Detail, DateTimeOffset OccurredAt) : IDomainEvent;
}
