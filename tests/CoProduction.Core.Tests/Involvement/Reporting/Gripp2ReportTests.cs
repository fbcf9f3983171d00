using CoProduction.Involvement.Challenges;
using CoProduction.Involvement.Impact;
using CoProduction.Involvement.Projects;
using CoProduction.Involvement.Reporting;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Scoring;
using static CoProduction.Core.Tests.Involvement.InvolvementTestData;

namespace CoProduction.Core.Tests.Involvement.Reporting;

public sealed class Gripp2ReportTests
{
    private static readonly OrganisationId Trust = OrganisationId.New();
    private readonly TimeProvider _clock = Clock();

    [Fact]
    public void Build_ProjectWithPlanRecordsFeedbackAndMeasures_FillsTheFiveItems()
    {
        var framework = PublishedFramework(Trust, _clock);
        var project = StartProject(Trust, framework, _clock);
        var partner = ParticipantId.New();
        var carer = ParticipantId.New();
        project.AddTeamMember(partner, ProjectTeamRole.PatientPartner, true, Day(2025, 6, 2), _clock);
        project.AddTeamMember(carer, ProjectTeamRole.Carer, true, Day(2025, 6, 2), _clock);
        project.StateInvolvementAim("To make sure the discharge changes answer what patients and carers find hardest.", _clock);
        project.PlanInvolvement(framework, "aim", "co-production", "Patient partner A and carer B", "Core team meetings", _clock);
        project.PlanInvolvement(framework, "do", "co-design", "Ward patients", "Testing the leaflet", _clock);
        var record = project.RecordInvolvement(framework, Day(2025, 6, 15), "aim", "co-production", "Core team agreed the aim", [Patient(partner), Patient(carer), StaffMember()], _clock);
        project.RecordFeedback(record, Day(2025, 6, 20), "You said waiting for medicines was the worst part; we made it the aim.", _clock);
        var measure = project.DefineMeasure("Felt listened to at discharge", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", _clock);
        var impact = new ProjectImpact(project.Id, project.Title, [new MeasureImpact(measure, "Felt listened to at discharge", MeasureType.Outcome, true, ImprovementDirection.Increase, 12, 7, 51, 45.68, 56.32, ImpactVerdict.Improved, true, [])]);
        var finding = new ChallengeFinding(ChallengeRule.NoFeedbackWithinDays, [ChallengeKind.NoFeedbackToParticipants], project.Id, null, "Feedback was late once.", []);

        var report = Gripp2ReportBuilder.Build(project, framework, impact, [finding], "Meeting in the evening helped carers join.", Day(2026, 3, 2), Gripp2Privacy.Internal);

        report.Items.Select(i => i.Number).Should().Equal(1, 2, 3, 4, 5);
        report.Aim.Summary.Should().StartWith("To make sure the discharge changes").And.EndWith("The project's aim was: Reduce waits for medicines at discharge.");
        report.Methods.Summary.Should().Contain("planned for 2 phases of the framework's 7-phase life cycle").And.Contain("1 activity with patients or carers was recorded, involving 2 people with lived experience");
        report.Methods.Points.Should().Contain("Core team: 1 patient partner, 1 carer and 1 member of staff.");
        report.Results.Points.Should().Contain("Aim: planned 'Co-production', reached 'Co-production' (plan met).")
            .And.Contain("Do: planned 'Co-design', reached 'no involvement of patients or carers recorded' (plan not carried out).")
            .And.Contain(p => p.StartsWith("You said, we did (2025-06-15", StringComparison.Ordinal))
            .And.Contain("Felt listened to at discharge (outcome measure of patient experience): improved, and the improvement has been sustained.");
        report.Discussion.Summary.Should().Contain("'Co-production' (Doing with), step 7 of 7").And.Contain("met or exceeded in 1 phase and missed in 1 phase").And.Contain("sustained");
        report.Reflections.Points.Should().Equal(
            "The team's reflections: Meeting in the evening helped carers join.",
            $"Feedback was late once. Suggested: {ChallengeCatalogue.Get(ChallengeKind.NoFeedbackToParticipants).Mitigations[0]}");
    }

    [Fact]
    public void ToMarkdown_HasATitleAndFiveNumberedSections()
    {
        var framework = PublishedFramework(Trust, _clock);
        var project = StartProject(Trust, framework, _clock);
        var report = Gripp2ReportBuilder.Build(project, framework, new ProjectImpact(project.Id, project.Title, []), [], null, Day(2026, 3, 2), Gripp2Privacy.Internal);

        var markdown = report.ToMarkdown();

        markdown.Should().StartWith("# GRIPP2 short form: Discharge lounge");
        markdown.Should().Contain("Prepared on 2 March 2026.");
        markdown.Should().ContainAll("## 1. Aim of involvement", "## 2. Methods of involvement", "## 3. Results of involvement", "## 4. Discussion and conclusions", "## 5. Reflections and critical perspective");
        markdown.Should().Contain("The team did not record what involvement was meant to achieve.");
        markdown.Should().Contain("No involvement of patients or carers was recorded, so it cannot have influenced the work.");
        markdown.Should().Contain("Whether patient experience improved cannot be judged");
    }
}
