using CoProduction.Involvement.Frameworks;
using CoProduction.Primitives;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoProduction;

/// <summary>Puts a refusal into MVC or Razor Pages model state, so that a form shows it in its error summary.</summary>
public static class CoProductionModelStateExtensions
{
    /// <summary>
    /// Adds a refusal to model state: each field error of <see cref="InvalidInputException"/> (or
    /// <see cref="FrameworkValidationException"/>) under its field, mapped by <paramref name="fieldFor"/>, and any other
    /// refusal's message under the model-level key (<see cref="string.Empty"/>).
    /// </summary>
    /// <param name="modelState">The model state.</param>
    /// <param name="exception">The refusal.</param>
    /// <param name="fieldFor">Maps a library field name (such as <c>description</c>) to the form's field (such as <c>Input.Description</c>); a <see langword="null"/> answer puts the error at model level. By default, every error goes at model level.</param>
    /// <exception cref="ArgumentNullException"><paramref name="modelState"/> or <paramref name="exception"/> is <see langword="null"/>.</exception>
    public static void AddCoProductionError(this ModelStateDictionary modelState, CoProductionException exception, Func<string, string?>? fieldFor = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(exception);
        IEnumerable<(string Field, string Message)> errors = exception switch
        {
            InvalidInputException invalid => invalid.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))),
            FrameworkValidationException framework => framework.Errors.Select(e => (e.Path, e.Message)),
            _ => [(string.Empty, exception.Message)],
        };
        foreach (var (field, message) in errors)
        {
            var key = field.Length == 0 ? string.Empty : fieldFor?.Invoke(field) ?? string.Empty;
            modelState.AddModelError(key, message);
        }
    }
}
