using CoProduction.Involvement.Frameworks;
using CoProduction.Primitives;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.AspNetCore.Http;

/// <summary>
/// Answers a <see cref="CoProductionException"/> thrown by an endpoint with RFC 9457 problem details: the status from
/// <see cref="ErrorKind"/>, the message as <c>detail</c>, the stable code as the <c>code</c> extension, and, for invalid
/// input, the field errors as validation problem details. Other exceptions are left to the next handler.
/// </summary>
internal sealed class CoProductionExceptionHandler(IProblemDetailsService problemDetails, CoProductionInstruments instruments) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CoProductionException refusal)
        {
            return false;
        }

        var details = CoProductionProblemDetails.Create(refusal);
        instruments.Refusals.Add(1, new KeyValuePair<string, object?>("coproduction.error_kind", refusal.Kind.ToString()), new KeyValuePair<string, object?>("coproduction.error_code", refusal.Code));
        httpContext.Response.StatusCode = details.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        }).ConfigureAwait(false);
    }
}

/// <summary>Builds the problem details of a refusal, for endpoints that answer one themselves.</summary>
public static class CoProductionProblemDetails
{
    /// <summary>The name of the extension that carries <see cref="CoProductionException.Code"/>.</summary>
    public const string CodeExtension = "code";

    /// <summary>
    /// Creates the problem details of a refusal: <see cref="HttpValidationProblemDetails"/> with every field error for
    /// invalid input, plain <see cref="ProblemDetails"/> otherwise; both carry the code in <see cref="CodeExtension"/>.
    /// </summary>
    /// <param name="exception">The refusal.</param>
    /// <returns>The problem details, with status, title, detail and code set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static ProblemDetails Create(CoProductionException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ProblemDetails details = exception switch
        {
            InvalidInputException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)),
            FrameworkValidationException framework => new HttpValidationProblemDetails(
                framework.Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal)),
            _ => new ProblemDetails(),
        };
        details.Status = exception.Kind.HttpStatusCode();
        details.Title = exception.Kind switch
        {
            ErrorKind.InvalidInput => "The input is not valid.",
            ErrorKind.NotFound => "The record was not found.",
            ErrorKind.Conflict => "The request conflicts with the current state.",
            ErrorKind.Forbidden => "You may not do this.",
            _ => "A rule refused the request.",
        };
        details.Detail = exception.Message;
        details.Extensions[CodeExtension] = exception.Code;
        if (exception is FrameworkValidationException { OmittedErrorCount: > 0 } capped)
        {
            details.Extensions["omittedErrorCount"] = capped.OmittedErrorCount;
        }

        return details;
    }
}
