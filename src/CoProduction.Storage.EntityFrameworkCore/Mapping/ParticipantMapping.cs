using System.Text.Json;
using CoProduction.People;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="Participant"/> to <c>participants</c> (names, contact details, payment preference, dates; roles
/// as a small JSON or array column; diversity-monitoring answers as a small JSON column), with the child tables
/// <c>participant_accessibility_needs</c> and <c>participant_consents</c>.
/// </summary>
internal sealed class ParticipantMapping : AggregateMapping<Participant, ParticipantId>
{
    /// <summary>The shadow column that holds the role names.</summary>
    internal const string RolesColumn = "roles";

    /// <summary>The shadow column that holds the diversity-monitoring answers as a JSON object.</summary>
    internal const string DiversityAnswersColumn = "diversity_answers";

    private static readonly PrivateField<Participant, List<ParticipantRole>> RolesField = new("_roles");
    private static readonly PrivateField<Participant, Dictionary<string, string>> DiversityAnswersField = new("_diversityAnswers");

    /// <inheritdoc />
    protected override string TableName => "participants";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.FullName).IsRequired();
        builder.Property(p => p.PreferredName);
        builder.Property(p => p.RegisteredAt);
        builder.Property(p => p.ErasedAt);

        // Roles and diversity answers live in private read-only collections, which EF Core cannot set: they are
        // kept in shadow columns that WriteShadowState and ReadShadowState copy to and from the collections.
        builder.Ignore(p => p.Roles);
        builder.Ignore(p => p.DiversityAnswers);
        builder.PrimitiveCollection<List<string>>(RolesColumn).IsRequired();
        builder.Property<string>(DiversityAnswersColumn).IsRequired(false).HasAnnotation(JsonColumnAnnotation, true);

        builder.ComplexProperty(p => p.Contact, contact =>
        {
            contact.Property(c => c.Email);
            contact.Property(c => c.Phone);
            contact.Property(c => c.PostalAddress);
            contact.Property(c => c.PreferredMethod).HasMaxLength(20);
        });
        builder.ComplexProperty(p => p.PaymentPreference, payment =>
        {
            payment.Property(c => c.Method).HasMaxLength(30);
            payment.Property(c => c.Notes);
        });

        OwnChildTable(builder, p => p.AccessibilityNeeds, "participant_accessibility_needs", "participant_id", need =>
        {
            need.Property(n => n.Need).IsRequired();
            need.Property(n => n.ReasonableAdjustment);
        });
        OwnChildTable(builder, p => p.Consents, "participant_consents", "participant_id", consent =>
        {
            consent.Property(c => c.Purpose).HasMaxLength(30);
            consent.Property(c => c.GivenAt);
            consent.Property(c => c.WithdrawnAt);
        });
    }

    /// <inheritdoc />
    protected internal override void WriteShadowState(Participant aggregate, EntityEntry<Participant> entry)
    {
        entry.Property<List<string>>(RolesColumn).CurrentValue = [.. aggregate.Roles.Select(r => r.ToString())];
        entry.Property<string?>(DiversityAnswersColumn).CurrentValue = aggregate.DiversityAnswers.Count == 0
            ? null
            : JsonSerializer.Serialize(aggregate.DiversityAnswers);
    }

    /// <inheritdoc />
    protected internal override void ReadShadowState(EntityEntry<Participant> entry, Participant aggregate)
    {
        var roles = RolesField.Get(aggregate);
        roles.Clear();
        foreach (var name in entry.Property<List<string>>(RolesColumn).CurrentValue ?? [])
        {
            roles.Add(Enum.Parse<ParticipantRole>(name));
        }

        var answers = DiversityAnswersField.Get(aggregate);
        answers.Clear();
        var json = entry.Property<string?>(DiversityAnswersColumn).CurrentValue;
        if (json is not null)
        {
            foreach (var (question, answer) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            {
                answers[question] = answer;
            }
        }
    }
}
