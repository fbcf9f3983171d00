using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>The peer review rules that say "one", kept by every store (see <see cref="UniqueRule"/>).</summary>
internal static class PeerReviewUniqueRules
{
    /// <summary>One panel per name in an organisation: the panel's natural key.</summary>
    internal static readonly UniqueRule<Panel> OnePanelPerName = new(
        PeerReviewErrorCodes.PanelNameTaken,
        p => $"A panel named '{p.Name}' already exists in this organisation: find it with PanelService.FindByNameAsync, or give the new panel another name.",
        p => p.Name);

    /// <summary>Gets every rule of the area.</summary>
    internal static IReadOnlyList<UniqueRule> All { get; } = [OnePanelPerName];
}
