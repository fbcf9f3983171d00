using CoProduction.Primitives;

namespace CoProduction.People;

/// <summary>How to reach a participant. Any part may be missing, but not all of them.</summary>
public sealed record ContactDetails
{
    /// <summary>Initialises contact details.</summary>
    /// <param name="email">An email address, if any.</param>
    /// <param name="phone">A telephone number, if any.</param>
    /// <param name="postalAddress">A postal address, if any.</param>
    /// <param name="preferredMethod">How the participant prefers to be contacted.</param>
    /// <exception cref="InvalidInputException">Every part is blank, or the email address has no '@'.</exception>
    public ContactDetails(string? email, string? phone, string? postalAddress, ContactMethod preferredMethod = ContactMethod.Email)
    {
        Email = Normalise(email);
        Phone = Normalise(phone);
        PostalAddress = Normalise(postalAddress);
        if (Email is null && Phone is null && PostalAddress is null)
        {
            throw new InvalidInputException(nameof(email), "Contact details need at least an email address, a telephone number or a postal address.");
        }

        if (Email is not null && (!Email.Contains('@', StringComparison.Ordinal) || Email.StartsWith('@') || Email.EndsWith('@')))
        {
            throw new InvalidInputException(nameof(email), $"'{Email}' is not an email address: it needs a name, '@' and a domain, such as partner@example.org.");
        }

        Input.Defined(preferredMethod);
        PreferredMethod = preferredMethod;
    }

    /// <summary>Gets the email address, if any.</summary>
    public string? Email { get; }

    /// <summary>Gets the telephone number, if any.</summary>
    public string? Phone { get; }

    /// <summary>Gets the postal address, if any.</summary>
    public string? PostalAddress { get; }

    /// <summary>Gets how the participant prefers to be contacted.</summary>
    public ContactMethod PreferredMethod { get; }

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Ways of contacting a participant.</summary>
public enum ContactMethod
{
    /// <summary>By email.</summary>
    Email,

    /// <summary>By telephone.</summary>
    Phone,

    /// <summary>By text message.</summary>
    TextMessage,

    /// <summary>By post.</summary>
    Post,
}

/// <summary>An accessibility need and the reasonable adjustment that meets it.</summary>
/// <param name="Need">The need, in the participant's words, such as "Step-free access".</param>
/// <param name="ReasonableAdjustment">What the organisation does about it, such as "Ground-floor rooms only".</param>
public sealed record AccessibilityNeed(string Need, string? ReasonableAdjustment)
{
    /// <summary>Gets the need.</summary>
    public string Need { get; } = Input.Required(Need).Trim();
}

/// <summary>How a participant wants to receive involvement payments.</summary>
public enum PaymentMethod
{
    /// <summary>By bank transfer.</summary>
    BankTransfer,

    /// <summary>Through payroll (for those the organisation already pays).</summary>
    Payroll,

    /// <summary>As vouchers.</summary>
    Voucher,

    /// <summary>
    /// The participant declines payment for their time (accepting payment is optional, for example because of
    /// benefits); out-of-pocket expenses are still reimbursed.
    /// </summary>
    DeclinesPayment,
}

/// <summary>A participant's payment preference.</summary>
/// <param name="Method">How to pay.</param>
/// <param name="Notes">Anything the finance team should know, such as a benefits advice note.</param>
public sealed record PaymentPreference(PaymentMethod Method, string? Notes = null)
{
    /// <summary>Gets whether the participant declines payment for their time.</summary>
    public bool DeclinesPayment => Method == PaymentMethod.DeclinesPayment;
}

/// <summary>The purposes for which a participant gives, or withdraws, consent.</summary>
public enum ConsentPurpose
{
    /// <summary>To be contacted about involvement opportunities.</summary>
    Contact,

    /// <summary>To be recorded (audio, video or photographs) at sessions and panel meetings.</summary>
    Recording,

    /// <summary>To have diversity-monitoring answers held.</summary>
    DiversityMonitoring,

    /// <summary>To be quoted (without their name) in reports and publications.</summary>
    Quotation,

    /// <summary>To have their accessibility needs and reasonable adjustments shared with the organisers of the sessions and meetings they are expected at.</summary>
    AccessibilityNeeds,
}

/// <summary>One consent given for a purpose, and when it was withdrawn, if it was.</summary>
/// <param name="Purpose">The purpose.</param>
/// <param name="GivenAt">When consent was given.</param>
/// <param name="WithdrawnAt">When it was withdrawn, if it was.</param>
public sealed record ConsentRecord(ConsentPurpose Purpose, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt)
{
    /// <summary>Tells whether this consent was in force at <paramref name="at"/>.</summary>
    /// <param name="at">The moment.</param>
    /// <returns><see langword="true"/> when given at or before it and not withdrawn by then.</returns>
    public bool IsInForceAt(DateTimeOffset at) => GivenAt <= at && (WithdrawnAt is null || WithdrawnAt > at);
}
