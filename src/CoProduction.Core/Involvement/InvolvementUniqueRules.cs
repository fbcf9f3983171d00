using CoProduction.Involvement.Frameworks;
using CoProduction.Storage;

namespace CoProduction.Involvement;

/// <summary>The Involvement rules that say "one", kept by every store (see <see cref="UniqueRule"/>).</summary>
internal static class InvolvementUniqueRules
{
    /// <summary>One framework per key and version: the framework's natural key.</summary>
    internal static readonly UniqueRule<InvolvementFramework> OneFrameworkPerKeyAndVersion = new(
        InvolvementErrorCodes.FrameworkVersionExists,
        f => $"A framework '{f.Key}' version '{f.FrameworkVersion}' already exists in this organisation: find it with FindByKeyAsync, or give the new one another version.",
        f => f.Key,
        f => f.FrameworkVersion);

    /// <summary>Gets every rule of the area.</summary>
    internal static IReadOnlyList<UniqueRule> All { get; } = [OneFrameworkPerKeyAndVersion];
}
