using CoProduction.Primitives;
using CoProduction.People;

namespace CoProduction.PeerReview;

/// <summary>The capacity in which someone sits on a peer review panel.</summary>
public enum PanelRole
{
    /// <summary>A patient, carer or service user who reviews improvement projects.</summary>
    PatientReviewer,

    /// <summary>A patient member who chairs the panel (and reviews, and counts towards the quorum of patients).</summary>
    PatientChair,

    /// <summary>A member of staff who supports the panel; facilitators do not review and do not count towards the quorum of patients.</summary>
    StaffFacilitator,
}

/// <summary>Helpers for <see cref="PanelRole"/>.</summary>
public static class PanelRoles
{
    /// <summary>Tells whether a role is held by a patient member (a reviewer or the chair).</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for <see cref="PanelRole.PatientReviewer"/> and <see cref="PanelRole.PatientChair"/>.</returns>
    public static bool IsPatientRole(this PanelRole role) => role is PanelRole.PatientReviewer or PanelRole.PatientChair;
}

/// <summary>
/// When a panel meeting may make decisions: at least <see cref="MinimumPatientMembers"/> patient members present
/// (reviewers and the chair count; staff do not), a patient in the chair if <see cref="RequirePatientChair"/>, and a
/// staff facilitator present if <see cref="RequireStaffFacilitator"/>.
/// </summary>
public sealed record QuorumRule
{
    /// <summary>Initialises a quorum rule.</summary>
    /// <param name="minimumPatientMembers">How many patient members must be present (at least 1).</param>
    /// <param name="requirePatientChair">Whether a patient member must chair the meeting.</param>
    /// <param name="requireStaffFacilitator">Whether a staff facilitator must be present.</param>
    /// <exception cref="ArgumentOutOfRangeException">The minimum is below 1.</exception>
    public QuorumRule(int minimumPatientMembers, bool requirePatientChair = true, bool requireStaffFacilitator = false)
    {
        MinimumPatientMembers = Input.Positive(minimumPatientMembers, message: "A quorum needs at least one patient member present: pass 1 or more.");
        RequirePatientChair = requirePatientChair;
        RequireStaffFacilitator = requireStaffFacilitator;
    }

    /// <summary>Gets the rule most panels start with: three patient members present and a patient in the chair.</summary>
    public static QuorumRule Default { get; } = new(3);

    /// <summary>Gets how many patient members (reviewers or chair) must be present.</summary>
    public int MinimumPatientMembers { get; }

    /// <summary>Gets whether a patient member must chair the meeting.</summary>
    public bool RequirePatientChair { get; }

    /// <summary>Gets whether a staff facilitator must be present.</summary>
    public bool RequireStaffFacilitator { get; }
}

/// <summary>One term of office of a panel member. A person may serve several terms; their terms do not overlap.</summary>
/// <param name="Id">The term's id.</param>
/// <param name="ParticipantId">The member.</param>
/// <param name="Role">The capacity in which they serve.</param>
/// <param name="TermStartsOn">The first day of the term.</param>
/// <param name="TermEndsOn">The last day of the term.</param>
public sealed record PanelMember(Guid Id, ParticipantId ParticipantId, PanelRole Role, DateOnly TermStartsOn, DateOnly TermEndsOn)
{
    /// <summary>Tells whether the member serves on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the date falls within the term, both ends included.</returns>
    public bool IsServingOn(DateOnly date) => TermStartsOn <= date && date <= TermEndsOn;

    /// <summary>Tells whether this term overlaps a period.</summary>
    /// <param name="startsOn">The first day of the period.</param>
    /// <param name="endsOn">The last day of the period.</param>
    /// <returns><see langword="true"/> when they share at least one day.</returns>
    public bool Overlaps(DateOnly startsOn, DateOnly endsOn) => TermStartsOn <= endsOn && startsOn <= TermEndsOn;
}

/// <summary>A service area in which a panel member has lived experience (as a patient, carer or service user), used to choose lead reviewers.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="ServiceArea">The service area, such as "Community mental health".</param>
public sealed record LivedExperience(ParticipantId MemberId, string ServiceArea)
{
    /// <summary>Gets the service area.</summary>
    public string ServiceArea { get; init; } = Input.Required(ServiceArea);
}

/// <summary>How a panel member is linked to another person, for conflict-of-interest checks.</summary>
public enum PersonalLinkKind
{
    /// <summary>The two are relatives.</summary>
    Relative,

    /// <summary>One is the other's carer.</summary>
    Carer,
}

/// <summary>
/// An entry in the panel's register of interests: a member is a relative or carer of another participant (for
/// example of someone on an improvement team). Holds ids only.
/// </summary>
/// <param name="MemberId">The panel member.</param>
/// <param name="RelatedParticipantId">The other person.</param>
/// <param name="Kind">The link.</param>
/// <param name="RecordedAt">When the link was registered.</param>
public sealed record PersonalLink(ParticipantId MemberId, ParticipantId RelatedParticipantId, PersonalLinkKind Kind, DateTimeOffset RecordedAt);

/// <summary>A criterion of a review form, rated on a whole-number scale (an ordinal rating).</summary>
public sealed record ReviewCriterion
{
    /// <summary>Initialises a criterion.</summary>
    /// <param name="key">A short stable key, such as <c>patient-voice</c>, unique within the form.</param>
    /// <param name="prompt">The question reviewers answer, in plain English.</param>
    /// <param name="scaleMinimum">The lowest rating.</param>
    /// <param name="scaleMaximum">The highest rating (above the lowest).</param>
    /// <exception cref="ArgumentException">The key or prompt is blank, or the scale is empty.</exception>
    public ReviewCriterion(string key, string prompt, int scaleMinimum = 1, int scaleMaximum = 5)
    {
        Key = Input.Required(key).Trim();
        Prompt = Input.Required(prompt).Trim();
        if (scaleMaximum <= scaleMinimum)
        {
            throw new InvalidInputException(nameof(scaleMaximum), $"The rating scale of criterion '{Key}' runs from {scaleMinimum} to {scaleMaximum}: the maximum must be above the minimum, for example 1 to 5.");
        }

        ScaleMinimum = scaleMinimum;
        ScaleMaximum = scaleMaximum;
    }

    /// <summary>Gets the criterion's key.</summary>
    public string Key { get; }

    /// <summary>Gets the question reviewers answer.</summary>
    public string Prompt { get; }

    /// <summary>Gets the lowest rating.</summary>
    public int ScaleMinimum { get; }

    /// <summary>Gets the highest rating.</summary>
    public int ScaleMaximum { get; }

    /// <summary>Tells whether a rating is on the scale.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns><see langword="true"/> when within the scale, both ends included.</returns>
    public bool Accepts(int rating) => rating >= ScaleMinimum && rating <= ScaleMaximum;
}

/// <summary>A free-text question of a review form.</summary>
public sealed record ReviewQuestion
{
    /// <summary>Initialises a question.</summary>
    /// <param name="key">A short stable key, unique within the form.</param>
    /// <param name="prompt">The question, in plain English.</param>
    /// <param name="isRequired">Whether every reviewer must answer it.</param>
    /// <exception cref="ArgumentException">The key or prompt is blank.</exception>
    public ReviewQuestion(string key, string prompt, bool isRequired = false)
    {
        Key = Input.Required(key).Trim();
        Prompt = Input.Required(prompt).Trim();
        IsRequired = isRequired;
    }

    /// <summary>Gets the question's key.</summary>
    public string Key { get; }

    /// <summary>Gets the question.</summary>
    public string Prompt { get; }

    /// <summary>Gets whether every reviewer must answer it.</summary>
    public bool IsRequired { get; }
}

/// <summary>
/// A version of the panel's review form: rated criteria and free-text questions, used from round
/// <see cref="AppliesFromRound"/> on (round 1 and later rounds may use different forms). Forms are never edited: a
/// change defines a new version, and reviews keep the id of the version they used.
/// </summary>
public sealed class ReviewForm
{
    private readonly List<ReviewCriterion> _criteria = [];
    private readonly List<ReviewQuestion> _questions = [];

    internal ReviewForm(ReviewFormId id, string name, int appliesFromRound, IEnumerable<ReviewCriterion> criteria, IEnumerable<ReviewQuestion> questions, DateTimeOffset definedAt)
    {
        Id = id;
        Name = name;
        AppliesFromRound = appliesFromRound;
        _criteria.AddRange(criteria);
        _questions.AddRange(questions);
        DefinedAt = definedAt;
    }

    private ReviewForm()
    {
        Name = string.Empty;
    }

    /// <summary>Gets the form's id.</summary>
    public ReviewFormId Id { get; private set; }

    /// <summary>Gets the form's name, such as "First review".</summary>
    public string Name { get; private set; }

    /// <summary>Gets the first review round this form is used for (1 for first reviews, 2 for second and later rounds).</summary>
    public int AppliesFromRound { get; private set; }

    /// <summary>Gets the rated criteria, in order.</summary>
    public IReadOnlyList<ReviewCriterion> Criteria => _criteria;

    /// <summary>Gets the free-text questions, in order.</summary>
    public IReadOnlyList<ReviewQuestion> Questions => _questions;

    /// <summary>Gets when the form was defined.</summary>
    public DateTimeOffset DefinedAt { get; private set; }

    /// <summary>Finds a criterion by key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The criterion, or <see langword="null"/>.</returns>
    public ReviewCriterion? FindCriterion(string key)
    {
        Input.Required(key);
        return _criteria.Find(c => string.Equals(c.Key, key, StringComparison.Ordinal));
    }
}
