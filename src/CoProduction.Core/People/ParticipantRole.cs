namespace CoProduction.People;

/// <summary>The capacities in which a person takes part in co-production. A participant may hold several.</summary>
public enum ParticipantRole
{
    /// <summary>A patient who works in partnership with the organisation on improvement.</summary>
    PatientPartner,

    /// <summary>A carer: someone who looks after a relative or friend who uses services.</summary>
    Carer,

    /// <summary>Someone who uses (or has used) the services concerned.</summary>
    ServiceUser,

    /// <summary>A member of a community the services reach, including voluntary and community groups.</summary>
    CommunityMember,

    /// <summary>A member of staff of the organisation (paid for involvement only outside their job).</summary>
    Staff,
}

/// <summary>Helpers for <see cref="ParticipantRole"/>.</summary>
public static class ParticipantRoles
{
    /// <summary>Tells whether a role brings lived experience (patient, carer, service user or community member), as opposed to staff.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for every role but <see cref="ParticipantRole.Staff"/>.</returns>
    public static bool IsLivedExperience(this ParticipantRole role) => role != ParticipantRole.Staff;
}
