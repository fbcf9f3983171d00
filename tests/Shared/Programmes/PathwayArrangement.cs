using CoProduction.People;
using CoProduction.Programmes.Pathways;

namespace CoProduction.Tests.Shared;

/// <summary>Takes a patient partner along the patient-trainer pathway through the service, for tests that need trainers.</summary>
internal static class PathwayArrangement
{
    /// <summary>
    /// Starts a pathway 60 days before <paramref name="today"/>, agrees a support plan, records the evidence each step
    /// needs and has <paramref name="signatory"/> sign off, up to <paramref name="stage"/>.
    /// </summary>
    internal static async Task ToStageAsync(PatientTrainerPathwayService pathways, ParticipantId partner, PathwayStage stage, ParticipantId signatory, DateOnly today, CancellationToken ct)
    {
        var began = today.AddDays(-60);
        var pathwayId = (await pathways.StartAsync(partner, began, ct)).Id;
        await pathways.AgreeSupportPlanAsync(pathwayId, new SupportPlan("A debrief after every session", null, "Paid at the Lead rate", null), ct);
        foreach (var kind in new[] { EvidenceKind.SessionObserved, EvidenceKind.SessionObserved, EvidenceKind.Debrief })
        {
            await pathways.RecordEvidenceAsync(pathwayId, kind, began.AddDays(10), null, ct);
        }

        await pathways.ProgressAsync(pathwayId, signatory, began.AddDays(20), ct);
        if (stage < PathwayStage.LeadTrainer)
        {
            return;
        }

        foreach (var kind in new[] { EvidenceKind.SessionCoDelivered, EvidenceKind.SessionCoDelivered, EvidenceKind.SessionCoDelivered, EvidenceKind.Supervision })
        {
            await pathways.RecordEvidenceAsync(pathwayId, kind, began.AddDays(30), null, ct);
        }

        await pathways.ProgressAsync(pathwayId, signatory, began.AddDays(40), ct);
    }
}
