using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Programmes;

/// <summary>A test host with in-memory stores, the Programmes services of one scope (Trust A), and made-up people.</summary>
internal sealed class ServiceWorld : IAsyncDisposable
{
    public static readonly DateOnly CohortStart = new(2025, 4, 7);
    public static readonly DateOnly CohortEnd = new(2025, 7, 25);
    public static readonly CancellationToken None = CancellationToken.None;

    private readonly AsyncServiceScope _scope;
    private ParticipantId? _signatory;

    private ServiceWorld(TestHost host)
    {
        Host = host;
        _scope = host.Scope();
    }

    public TestHost Host { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public ProgrammeService Programmes => Services.GetRequiredService<ProgrammeService>();

    public CohortService Cohorts => Services.GetRequiredService<CohortService>();

    public PatientTrainerPathwayService Pathways => Services.GetRequiredService<PatientTrainerPathwayService>();

    public ProgrammeEvaluationService Evaluation => Services.GetRequiredService<ProgrammeEvaluationService>();

    public ParticipantService People => Services.GetRequiredService<ParticipantService>();

    /// <summary>
    /// Creates the world: claims priced by <see cref="TestPolicies.Illustrative"/>, a patient trainer who leads a session
    /// paid at its <c>Lead</c> level (the library's default is <c>Partner</c>), then <paramref name="configure"/>.
    /// </summary>
    public static ServiceWorld Create(Action<CoProductionOptions>? configure = null) => new(TestHost.CreatePaying(o =>
    {
        o.Programmes.LeadFacilitatorRoleLevel = "Lead";
        configure?.Invoke(o);
    }));

    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0, TimeSpan.Zero);

    public async Task<ParticipantId> RegisterAsync(string name, ParticipantRole role) => (await People.RegisterAsync(name, [role], None)).Id;

    /// <summary>Registers a participant in Trust B, the other organisation.</summary>
    public async Task<ParticipantId> RegisterInOtherTrustAsync(string name, ParticipantRole role)
    {
        await using var other = Host.Scope(Host.TrustB);
        return (await other.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync(name, [role], None)).Id;
    }

    /// <summary>Creates a programme and publishes version 1 (modules M1, M2, M3), co-designed by the given people.</summary>
    public async Task<ProgrammeId> ProgrammeAsync(params ParticipantId[] coDesigners)
    {
        return (await Programmes.CreateAsync("Co-Production for Improvement", "Teams learn to improve services with patients", "First version", ProgrammeTestData.ModulesV1, coDesigners.Select(d => new CoDesigner(d, "Shaped the curriculum")), None)).Id;
    }

    /// <summary>Registers a patient partner and puts them on the patient-trainer pathway at <paramref name="stage"/>.</summary>
    public async Task<ParticipantId> TrainerAsync(string name, PathwayStage stage = PathwayStage.LeadTrainer, ParticipantRole role = ParticipantRole.PatientPartner)
    {
        var id = await RegisterAsync(name, role);
        await PutOnPathwayAsync(id, stage);
        return id;
    }

    /// <summary>
    /// Puts a participant on the patient-trainer pathway at <paramref name="stage"/>, through the pathway service: hand
    /// evidence dated before the cohorts, a support plan, and sign-off by a member of staff at each step.
    /// </summary>
    public async Task<PatientTrainerPathwayId> PutOnPathwayAsync(ParticipantId participantId, PathwayStage stage)
    {
        var began = new DateOnly(2025, 1, 6);
        var pathwayId = (await Pathways.StartAsync(participantId, began, None)).Id;
        if (stage == PathwayStage.Observer)
        {
            return pathwayId;
        }

        _signatory ??= await RegisterAsync("Pathway signatory S", ParticipantRole.Staff);
        await Pathways.AgreeSupportPlanAsync(pathwayId, new SupportPlan("Debrief after every session", null, "Paid at the Lead rate", null), None);
        var options = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoProductionOptions>>().Value.Programmes.PatientTrainerPathway;
        await RecordAsync(pathwayId, options.ToCoFacilitator, began);
        await Pathways.ProgressAsync(pathwayId, _signatory.Value, began.AddDays(7), None);
        if (stage == PathwayStage.LeadTrainer)
        {
            await RecordAsync(pathwayId, options.ToLeadTrainer, began.AddDays(8));
            await Pathways.ProgressAsync(pathwayId, _signatory.Value, began.AddDays(14), None);
        }

        return pathwayId;
    }

    private async Task RecordAsync(PatientTrainerPathwayId pathwayId, StageRequirement needed, DateOnly on)
    {
        foreach (var (kind, count) in new[] { (EvidenceKind.SessionObserved, needed.SessionsObserved), (EvidenceKind.SessionCoDelivered, needed.SessionsCoDelivered), (EvidenceKind.Supervision, needed.Supervisions), (EvidenceKind.Debrief, needed.Debriefs) })
        {
            for (var i = 0; i < count; i++)
            {
                await Pathways.RecordEvidenceAsync(pathwayId, kind, on, "Before the cohorts", None);
            }
        }
    }

    public Task<Cohort?> CohortAsync(CohortId id) => Cohorts.FindAsync(id, None).AsTask();

    public void SetNow(DateTimeOffset now) => Host.Clock.SetUtcNow(now);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Host.DisposeAsync();
    }
}
