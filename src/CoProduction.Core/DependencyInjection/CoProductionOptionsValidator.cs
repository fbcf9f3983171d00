using Microsoft.Extensions.Options;

namespace CoProduction;

/// <summary>Validates <see cref="CoProductionOptions"/>, reporting every failure at once.</summary>
internal sealed class CoProductionOptionsValidator : IValidateOptions<CoProductionOptions>
{
    public ValidateOptionsResult Validate(string? name, CoProductionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StoreProvider))
        {
            failures.Add(CoProductionBuilder.NoStoreChosenMessage);
        }

        if (options.OrganisationId == Guid.Empty)
        {
            failures.Add("CoProductionOptions.OrganisationId is an empty GUID: set the id of the organisation, or leave it null and set OrganisationContext per request.");
        }

        if (!Primitives.Actor.TryParse("system:" + options.SystemProcessName, out _))
        {
            failures.Add($"CoProductionOptions.SystemProcessName '{options.SystemProcessName}' is not a process name: use 1 to {Primitives.Actor.MaxProcessNameLength} letters, digits, dots, hyphens or underscores, such as 'trust-portal'.");
        }

        failures.AddRange(options.Payments.Validate());
        failures.AddRange(options.PeerReview.Validate());
        failures.AddRange(options.Involvement.Validate());
        failures.AddRange(options.Programmes.Validate(options.Payments.Policy));
        failures.AddRange(options.Partners.Validate());
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
