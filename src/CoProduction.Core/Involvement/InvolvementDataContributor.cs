using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Projects;
using CoProduction.People;

namespace CoProduction.Involvement;

/// <summary>
/// Adds to a participant's subject-access export what the involvement area holds about them: their places on project
/// teams, the plan of involvement of those projects (its "who" and revision reasons may name them), the involvement
/// activities they took part in (with the feedback they were given), and their assessment ratings with their comments.
/// </summary>
internal sealed class InvolvementDataContributor(IImprovementProjectStore projects, IAssessmentStore assessments) : IParticipantDataContributor
{
    public string Section => "improvementProjects";

    public async Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var projectList = await projects.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var assessmentList = await assessments.ListForAssessorAsync(participantId, cancellationToken).ConfigureAwait(false);
        if (projectList.Count == 0 && assessmentList.Count == 0)
        {
            return null;
        }

        return new
        {
            projects = projectList.Select(p => new
            {
                id = p.Id.Value,
                p.Title,
                p.ServiceArea,
                teamRoles = p.Team.Where(m => m.ParticipantId == participantId).Select(m => new { m.Role, m.IsCoreTeam, m.JoinedOn, m.LeftOn }),
                plan = p.PlanHistory.Select(e => new { e.PhaseId, e.LevelId, e.Who, e.How, e.Kind, e.PlannedAt, e.RevisionReason }),
                involvement = p.Records.Where(r => r.Participants.Any(x => x.ParticipantId == participantId))
                    .Select(r => new { id = r.Id, r.OccurredOn, r.PhaseId, r.LevelId, r.Activity, r.FeedbackGivenOn, r.FeedbackSummary }),
            }),
            assessments = assessmentList.Select(a => new
            {
                id = a.Id.Value,
                a.Title,
                perspective = a.Assessors.First(x => x.ParticipantId == participantId).Perspective,
                ratings = a.Ratings.Where(r => r.AssessorId == participantId).Select(r => new { r.IndicatorId, r.Value, r.Comment }),
            }),
        };
    }
}

/// <summary>
/// On a participant's erasure, removes their words from improvement projects and assessments: the text of the
/// involvement records they took part in, and the comments of their assessment ratings.
/// </summary>
internal sealed class InvolvementDataEraser(IImprovementProjectStore projects, IAssessmentStore assessments) : IParticipantDataEraser
{
    public async Task<IReadOnlyList<Primitives.IAggregateRoot>> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var changed = new List<Primitives.IAggregateRoot>();
        changed.AddRange((await projects.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false)).Where(p => p.RemovePersonalText(participantId)));
        changed.AddRange((await assessments.ListForAssessorAsync(participantId, cancellationToken).ConfigureAwait(false)).Where(a => a.RemovePersonalText(participantId)));
        return changed;
    }
}
