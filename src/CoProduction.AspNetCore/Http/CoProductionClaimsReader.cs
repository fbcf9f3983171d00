using System.Globalization;
using System.Security.Claims;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoProduction.AspNetCore;

/// <summary>Who a signed-in user is to the library: their organisation and, when the claim is there, the participant acting.</summary>
/// <param name="OrganisationId">The organisation from the organisation claim, or <see langword="null"/> when it is missing or not a GUID.</param>
/// <param name="ParticipantId">The participant from the participant claim, or <see langword="null"/> when it is missing or not a GUID.</param>
public sealed record CoProductionUser(OrganisationId? OrganisationId, ParticipantId? ParticipantId);

/// <summary>
/// Reads <see cref="CoProductionUser"/> from a <see cref="ClaimsPrincipal"/> with the claim types of
/// <see cref="CoProductionAspNetCoreOptions"/>. The request middleware (<c>UseCoProductionRequestContext()</c>) uses it to
/// set the organisation of each request; applications use it to find the participant acting.
/// </summary>
public sealed class CoProductionClaimsReader
{
    private readonly IOptionsMonitor<CoProductionAspNetCoreOptions> _options;

    /// <summary>Initialises the reader.</summary>
    /// <param name="options">The options naming the claim types.</param>
    public CoProductionClaimsReader(IOptionsMonitor<CoProductionAspNetCoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Reads the user's organisation and participant from their claims.</summary>
    /// <param name="user">The user; an anonymous one has neither.</param>
    /// <returns>What the claims say.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    public CoProductionUser Read(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var options = _options.CurrentValue;
        return new CoProductionUser(Parse<OrganisationId>(user, options.OrganisationClaimType), Parse<ParticipantId>(user, options.ParticipantClaimType));
    }

    /// <summary>Reads the participant acting in a request, refusing when the claim is missing.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The participant id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainRuleViolationException">The user has no participant claim (<see cref="ErrorKind.Forbidden"/>, code <c>http.no-participant</c>).</exception>
    public ParticipantId RequireParticipant(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Read(httpContext.User).ParticipantId
            ?? throw new DomainRuleViolationException("http.no-participant", $"The signed-in user has no '{_options.CurrentValue.ParticipantClaimType}' claim naming a participant: sign in as a registered participant.", ErrorKind.Forbidden);
    }

    private static TId? Parse<TId>(ClaimsPrincipal user, string claimType)
        where TId : struct, ITypedId<TId> =>
        user.FindFirst(claimType)?.Value is { } value && TId.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>
/// Sets each request's <see cref="OrganisationContext"/> from the signed-in user's organisation claim, and its
/// <see cref="ActorContext"/> from their participant claim, so that every change the request makes is recorded as
/// theirs. Runs after authentication. An anonymous request keeps the application's own process as its actor.
/// </summary>
internal sealed class CoProductionRequestContextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CoProductionClaimsReader claims, OrganisationContext organisation, ActorContext actor)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var user = claims.Read(context.User);
            if (user.OrganisationId is { } organisationId)
            {
                organisation.SetCurrent(organisationId);
            }

            if (user.ParticipantId is { } participantId)
            {
                actor.SetCurrent(Actor.ForParticipant(participantId));
            }
        }

        return next(context);
    }
}
