using CoProduction.Storage;

namespace CoProduction.Partners;

/// <summary>The Partners rules that say "one", kept by every store (see <see cref="UniqueRule"/>).</summary>
internal static class PartnerUniqueRules
{
    /// <summary>One partner record per participant.</summary>
    internal static readonly UniqueRule<PartnerRecord> OneRecordPerParticipant = new(
        PartnerErrorCodes.PartnerRecordExists,
        r => "This person already has a partner record in this organisation: find it with FindByParticipantAsync.",
        r => r.ParticipantId);

    /// <summary>Gets every rule of the area.</summary>
    internal static IReadOnlyList<UniqueRule> All { get; } = [OneRecordPerParticipant];
}
