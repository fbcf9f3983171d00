using Ardalis.GuardClauses;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoProduction.People;

/// <summary>
/// Contributes one section to a participant's subject-access export: everything an area of the library holds about
/// them. Register implementations in DI (<c>services.AddScoped&lt;IParticipantDataContributor, MyContributor&gt;()</c>)
/// so that exports include data held by your own extensions too.
/// </summary>
public interface IParticipantDataContributor
{
    /// <summary>Gets the section's name in the export, such as <c>paymentClaims</c>.</summary>
    string Section { get; }

    /// <summary>Collects what this area holds about a participant, as JSON-serialisable data.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The data, or <see langword="null"/> when the area holds nothing about them.</returns>
    Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken);
}

/// <summary>Everything held about one participant, as given to them on a subject-access request.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="OrganisationId">The organisation that holds the data.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Sections">The data, by section name.</param>
public sealed record SubjectAccessExport(ParticipantId ParticipantId, Guid OrganisationId, DateTimeOffset ExportedAt, IReadOnlyDictionary<string, object?> Sections)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the export as indented JSON (camelCase names, enums as text).</summary>
    /// <returns>The JSON document.</returns>
    public string ToJson() => JsonSerializer.Serialize(
        new Dictionary<string, object?>
        {
            ["participantId"] = ParticipantId.Value,
            ["organisationId"] = OrganisationId,
            ["exportedAt"] = ExportedAt,
            ["sections"] = Sections,
        },
        JsonOptions);
}

/// <summary>The participant record as it appears in a subject-access export.</summary>
/// <param name="FullName">The full name.</param>
/// <param name="PreferredName">The preferred name.</param>
/// <param name="Roles">The roles.</param>
/// <param name="Contact">The contact details.</param>
/// <param name="AccessibilityNeeds">The accessibility needs.</param>
/// <param name="DiversityAnswers">The diversity-monitoring answers.</param>
/// <param name="PaymentPreference">The payment preference.</param>
/// <param name="Consents">The consents given and withdrawn.</param>
/// <param name="RegisteredAt">When registered.</param>
/// <param name="ErasedAt">When erased, if erased.</param>
public sealed record ParticipantRecordExport(
    string FullName,
    string? PreferredName,
    IReadOnlyList<ParticipantRole> Roles,
    ContactDetails? Contact,
    IReadOnlyList<AccessibilityNeed> AccessibilityNeeds,
    IReadOnlyDictionary<string, string> DiversityAnswers,
    PaymentPreference PaymentPreference,
    IReadOnlyList<ConsentRecord> Consents,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ErasedAt)
{
    /// <summary>Copies what a participant record holds.</summary>
    /// <param name="participant">The participant.</param>
    /// <returns>The export section.</returns>
    public static ParticipantRecordExport From(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return new(
            participant.FullName,
            participant.PreferredName,
            [.. participant.Roles],
            participant.Contact,
            [.. participant.AccessibilityNeeds],
            new Dictionary<string, string>(participant.DiversityAnswers, StringComparer.Ordinal),
            participant.PaymentPreference,
            [.. participant.Consents],
            participant.RegisteredAt,
            participant.ErasedAt);
    }
}

/// <summary>One recipient of a mailing: a person whose consent to be contacted is in force.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="DisplayName">The name to address them by.</param>
/// <param name="Contact">Their contact details and preferred method.</param>
public sealed record MailingListEntry(ParticipantId ParticipantId, string DisplayName, ContactDetails Contact)
{
    /// <summary>Gets the name to address them by.</summary>
    public string DisplayName { get; init; } = Primitives.Input.Required(DisplayName);

    /// <summary>Gets their contact details.</summary>
    public ContactDetails Contact { get; init; } = Guard.Against.Null(Contact);
}

/// <summary>The people who may be contacted about involvement, and how many were left out.</summary>
/// <param name="Recipients">The people to contact.</param>
/// <param name="LeftOutWithoutConsent">People left out because their consent to be contacted is not in force.</param>
/// <param name="LeftOutWithoutContactDetails">People who consented but have no contact details recorded.</param>
public sealed record MailingList(IReadOnlyList<MailingListEntry> Recipients, int LeftOutWithoutConsent, int LeftOutWithoutContactDetails)
{
    /// <summary>Gets the people to contact.</summary>
    public IReadOnlyList<MailingListEntry> Recipients { get; init; } = Guard.Against.Null(Recipients);

    /// <summary>Gets, in words, who was left out and why (counts, never names).</summary>
    public string LeftOutNote => (LeftOutWithoutConsent, LeftOutWithoutContactDetails) switch
    {
        (0, 0) => "Nobody was left out.",
        _ => string.Join(
            " ",
            new[]
            {
                LeftOutWithoutConsent == 0 ? null : $"{People(LeftOutWithoutConsent)} left out: they have not consented to be contacted.",
                LeftOutWithoutContactDetails == 0 ? null : $"{People(LeftOutWithoutContactDetails)} left out: they consented but no contact details are recorded.",
            }.Where(s => s is not null)),
    };

    private static string People(int count) => count == 1 ? "1 person" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} people";
}
