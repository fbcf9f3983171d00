using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.Involvement;

/// <summary>Shared test data: made-up people and a published framework (TLAP ladder, UK Standards, Model for Improvement).</summary>
internal static class InvolvementTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static InvolvementFramework PublishedFramework(OrganisationId organisation, TimeProvider clock)
    {
        var framework = InvolvementFramework.Adopt(
            organisation,
            "trust-framework",
            "Trust involvement framework",
            "2026.1",
            [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement],
            clock);
        framework.Publish(clock);
        return framework;
    }

    public static ImprovementProject StartProject(OrganisationId organisation, InvolvementFramework framework, TimeProvider clock, ParticipantId? lead = null, DateOnly? startedOn = null, string title = "Discharge lounge")
        => ImprovementProject.Start(organisation, framework, title, "Reduce waits for medicines at discharge", "Acute medicine", lead ?? ParticipantId.New(), startedOn ?? Day(2025, 6, 1), clock);

    public static InvolvedParticipant Patient(ParticipantId? id = null) => new(id ?? ParticipantId.New(), true);

    public static InvolvedParticipant StaffMember(ParticipantId? id = null) => new(id ?? ParticipantId.New(), false);
}
