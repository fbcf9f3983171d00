namespace CoProduction.People;

/// <summary>The stable codes of the business rules about people, carried by <see cref="Primitives.DomainRuleViolationException"/>.</summary>
public static class PeopleErrorCodes
{
    /// <summary>Diversity-monitoring answers were given without consent to hold them.</summary>
    public const string DiversityConsentMissing = "people.diversity-consent-missing";

    /// <summary>Consent was withdrawn when none was in force for that purpose.</summary>
    public const string ConsentNotInForce = "people.consent-not-in-force";

    /// <summary>Consent was given when it was already in force for that purpose.</summary>
    public const string ConsentAlreadyGiven = "people.consent-already-given";

    /// <summary>A change was attempted on an erased participant.</summary>
    public const string ParticipantErased = "people.participant-erased";

    /// <summary>A participant was left without any role.</summary>
    public const string RoleRequired = "people.role-required";

    /// <summary>No participant with that id exists in the current organisation.</summary>
    public const string ParticipantNotFound = "people.participant-not-found";
}
