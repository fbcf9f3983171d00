using CoProduction.Core.Tests.TestSupport;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Challenges;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Impact;
using CoProduction.Involvement.Projects;
using CoProduction.Involvement.Reporting;
using CoProduction.People;

namespace CoProduction.Core.Tests.Involvement;

/// <summary>Valid instances of the involvement aggregates for <see cref="PublicApiGuardTests"/>, sharing one framework per host.</summary>
internal static class InvolvementSamples
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestHost, Set> Sets = [];

    /// <summary>Result records the involvement area builds itself; callers never pass them in.</summary>
    public static IReadOnlyList<Type> ResultTypes { get; } =
    [
        typeof(FrameworkValidationError),
        typeof(AssessmentResult),
        typeof(StandardResult),
        typeof(LadderAnalysis),
        typeof(PhaseLevel),
        typeof(Challenge),
        typeof(ChallengeFinding),
        typeof(ChallengeScan),
        typeof(ProjectChallenges),
        typeof(MeasureImpact),
        typeof(ProjectImpact),
        typeof(PortfolioImpactRow),
        typeof(LevelImpactSummary),
        typeof(PortfolioImpact),
        typeof(Gripp2Report),
        typeof(Gripp2Item),
    ];

    public static object? For(Type type, TestHost host)
    {
        if (type != typeof(InvolvementFramework) && type != typeof(ImprovementProject) && type != typeof(Assessment) && type != typeof(FrameworkDefinition))
        {
            return null;
        }

        var set = Sets.GetValue(host, h => new Set(h));
        return type == typeof(InvolvementFramework) ? set.Framework
            : type == typeof(ImprovementProject) ? set.Project
            : type == typeof(Assessment) ? set.Assessment
            : set.Framework.ToDefinition();
    }

    private sealed class Set
    {
        public Set(TestHost host)
        {
            Framework = InvolvementFramework.Adopt(
                host.TrustA, "sample", "Sample", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], host.Clock);
            Framework.Publish(host.Clock);
            Project = ImprovementProject.Start(host.TrustA, Framework, "Sample project", "Aim", "Service", ParticipantId.New(), new DateOnly(2025, 3, 1), host.Clock);
            Assessment = Assessment.Open(host.TrustA, Framework, "Sample assessment", Project.Id, host.Clock);
        }

        public InvolvementFramework Framework { get; }

        public ImprovementProject Project { get; }

        public Assessment Assessment { get; }
    }
}
