using System.Reflection;
using System.Xml.Linq;
using CoProduction.People;

namespace CoProduction.Core.Tests;

/// <summary>
/// Reads the XML documentation file the build writes next to CoProduction.Core.dll and checks that every public method
/// of every public <c>*Service</c> class documents what it throws with at least one <c>&lt;exception&gt;</c> element, so
/// that a host knows which refusals (and which error codes) to expect from each use case.
/// </summary>
public sealed class ServiceDocumentationTests
{
    /// <summary>
    /// Methods that refuse nothing, so have no <c>&lt;exception&gt;</c> element. A Find method returns
    /// <see langword="null"/> for an id it does not find (an empty id included); a list, scan or portfolio analysis reads
    /// what is stored. Like every asynchronous method they throw <see cref="OperationCanceledException"/> when cancelled,
    /// which is not documented method by method. A method that starts to refuse something leaves this list.
    /// </summary>
    private static readonly HashSet<string> RefuseNothing =
    [
        // Finders: null for an unknown (or empty) id.
        "InvolvementFrameworkService.FindAsync",
        "ImprovementProjectService.FindAsync",
        "PanelService.FindAsync",
        "PanelMeetingService.FindAsync",
        "ReviewSubmissionService.FindAsync",
        "ProgrammeService.FindAsync",
        "ProgrammeService.FindReadinessAssessmentAsync",
        "CohortService.FindAsync",
        "ProgrammeEvaluationService.FindEvaluationAsync",
        "PatientTrainerPathwayService.FindByParticipantAsync",
        "PatientTrainerPathwayService.FindAsync",
        "AssessmentService.FindAsync",
        "PaymentService.FindClaimAsync",
        "ParticipantService.FindAsync",

        // Lists and analyses of what is stored in the current organisation: no input to refuse.
        "PaymentService.GetOutstandingClaimsAsync",
        "PaymentService.GetClaimAgeingReportAsync",
        "ReviewSubmissionService.ListOverdueFollowUpsAsync",
        "InvolvementPortfolioService.ScanChallengesAsync",
        "InvolvementPortfolioService.AnalysePortfolioImpactAsync",
        "ParticipantService.ListForMailingAsync",
        "ParticipantService.ListAsync",
        "PatientTrainerPathwayService.ListAsync",
        "ProgrammeService.ListAsync",
        "ProgrammeService.ListReadinessAssessmentsAsync",
        "ProgrammeEvaluationService.ListQuestionnairesAsync",
        "CohortService.ListByProgrammeAsync",
        "PanelService.ListAsync",
        "PanelMeetingService.ListByPanelAsync",
        "ReviewSubmissionService.ListByPanelAsync",
        "ImprovementProjectService.ListAsync",
        "AssessmentService.ListForProjectAsync",
        "PaymentService.ListClaimsForParticipantAsync",
        "PaymentService.ListActivitiesForParticipantAsync",
    ];

    [Fact]
    public void EveryPublicServiceMethod_DocumentsWhatItThrows()
    {
        var members = DocumentedMembers();
        var methods = ServiceMethods();

        var offenders = methods
            .Where(m => !RefuseNothing.Contains(ShortName(m)))
            .Where(m => !members.TryGetValue(DocumentationId(m), out var member) || !member.Elements("exception").Any())
            .Select(m => $"{ShortName(m)} ({DocumentationId(m)})")
            .ToList();

        offenders.Should().BeEmpty(
            "every public method of a *Service class documents what it throws with <exception cref=\"...\"> (or, if it refuses nothing, is on the commented allow-list); these do not:{0}{1}",
            Environment.NewLine,
            string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void AllowList_NamesOnlyExistingMethodsThatDocumentNoException()
    {
        var members = DocumentedMembers();
        var methods = ServiceMethods().ToDictionary(ShortName, m => m);

        RefuseNothing.Where(name => !methods.ContainsKey(name)).Should().BeEmpty("the allow-list must name existing service methods");
        RefuseNothing
            .Where(name => methods.TryGetValue(name, out var method) && members.TryGetValue(DocumentationId(method), out var member) && member.Elements("exception").Any())
            .Should().BeEmpty("a method that documents an exception does not belong on the allow-list of methods that refuse nothing");
    }

    [Fact]
    public void Walk_ReachesEveryService()
    {
        var services = ServiceMethods().Select(m => m.DeclaringType!.Name).Distinct().ToList();

        // If the filters ever dropped whole services, the check above would pass vacuously.
        services.Should().Contain(new[]
        {
            "AssessmentService", "InvolvementFrameworkService", "InvolvementPortfolioService", "ImprovementProjectService",
            "PaymentService", "PanelMeetingService", "PanelService", "ReviewSubmissionService", "ParticipantService",
            "CohortService", "ProgrammeEvaluationService", "PatientTrainerPathwayService", "ProgrammeService",
        });
        ServiceMethods().Should().HaveCountGreaterThan(100);
    }

    private static List<MethodInfo> ServiceMethods() =>
        [.. typeof(Participant).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .OrderBy(ShortName, StringComparer.Ordinal)];

    private static Dictionary<string, XElement> DocumentedMembers()
    {
        var path = Path.ChangeExtension(typeof(Participant).Assembly.Location, ".xml");
        File.Exists(path).Should().BeTrue($"the build writes CoProduction.Core's XML documentation next to the assembly ({path})");
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value, StringComparer.Ordinal);
    }

    private static string ShortName(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    /// <summary>The id the C# compiler gives a method in the XML documentation file, such as <c>M:N.T.M(System.String,N.Id)</c>.</summary>
    private static string DocumentationId(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var list = parameters.Length == 0 ? string.Empty : $"({string.Join(",", parameters.Select(p => TypeId(p.ParameterType)))})";
        return $"M:{TypeId(method.DeclaringType!)}.{method.Name}{(method.IsGenericMethod ? $"``{method.GetGenericArguments().Length}" : string.Empty)}{list}";
    }

    private static string TypeId(Type type)
    {
        if (type.IsByRef)
        {
            return TypeId(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeId(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var name = type.GetGenericTypeDefinition().FullName!;
            return $"{name[..name.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.')}{{{string.Join(",", type.GetGenericArguments().Select(TypeId))}}}";
        }

        return type.FullName!.Replace('+', '.');
    }
}
