namespace CoProduction.People;

/// <summary>
/// Whom a report is for. A report for <see cref="Publication"/> names nobody and holds no ids: people are counted and
/// described in words, free text that can name people is left out (the report says what was left out and why), and
/// people's words are quoted only with their consent to be quoted (<see cref="ConsentPurpose.Quotation"/>). An
/// <see cref="Internal"/> report is for the staff who run involvement, and may hold ids and every recorded text.
/// </summary>
public enum ReportAudience
{
    /// <summary>A report that may be published or shared outside the team: it names nobody.</summary>
    Publication,

    /// <summary>A report for internal use only, which may refer to people by id and quote recorded text.</summary>
    Internal,
}
