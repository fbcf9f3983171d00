using CoProduction.Primitives;
using CoProduction.Programmes.Evaluation;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IQuestionnaireStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryQuestionnaireStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<Questionnaire, QuestionnaireId>(database, organisation, outbox), IQuestionnaireStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Questionnaire>> ListAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Questionnaire>>(
            [.. Query(_ => true, cancellationToken).OrderBy(q => q.Title, StringComparer.Ordinal).ThenBy(q => q.Id.Value)]);
}
