using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CoProduction.Primitives;

/// <summary>
/// Checks of values a person can type (names, notes, choices, numbers), throwing <see cref="InvalidInputException"/>
/// with the field's name when one is missing or out of range. <see langword="null"/> text counts as missing (a form
/// field left empty binds as null); other null references remain <see cref="ArgumentNullException"/>, a caller's bug.
/// </summary>
internal static class Input
{
    /// <summary>Refuses missing or blank text.</summary>
    internal static string Required([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? field = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidInputException(FieldName(field), RequiredMessage);
        }

        return value;
    }

    /// <summary>Refuses a value outside the enum's defined members.</summary>
    internal static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? field = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new InvalidInputException(FieldName(field), NotDefinedMessage(value));
        }

        return value;
    }

    /// <summary>Refuses an empty (default) typed id.</summary>
    internal static TId Id<TId>(TId id, [CallerArgumentExpression(nameof(id))] string? field = null)
        where TId : struct, ITypedId<TId>
    {
        if (id.Value == Guid.Empty)
        {
            throw new InvalidInputException(FieldName(field), EmptyIdMessage<TId>());
        }

        return id;
    }

    /// <summary>Refuses a number outside <paramref name="minimum"/> to <paramref name="maximum"/> (inclusive).</summary>
    internal static int InRange(int value, string field, int minimum, int maximum, string? message = null)
    {
        if (value < minimum || value > maximum)
        {
            throw new InvalidInputException(field, message ?? RangeMessage(value, minimum, maximum));
        }

        return value;
    }

    /// <summary>Refuses zero or a negative number.</summary>
    internal static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? field = null, string? message = null)
    {
        if (value <= 0)
        {
            throw new InvalidInputException(FieldName(field), message ?? string.Create(CultureInfo.InvariantCulture, $"Is {value}: enter a number of 1 or more."));
        }

        return value;
    }

    internal const string RequiredMessage = "Is required: enter a value (it cannot be blank).";

    internal static string NotDefinedMessage<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        $"'{value}' is not a {typeof(TEnum).Name}: choose one of {string.Join(", ", Enum.GetNames<TEnum>())}.";

    internal static string EmptyIdMessage<TId>() =>
        $"The {typeof(TId).Name} is empty: choose an existing record.";

    internal static string RangeMessage(int value, int minimum, int maximum) =>
        string.Create(CultureInfo.InvariantCulture, $"Is {value}: enter a number from {minimum} to {maximum}.");

    /// <summary>The field name from a caller's argument expression: <c>nameof(x)</c> or a plain name as it is.</summary>
    internal static string FieldName(string? expression) => expression ?? "value";
}

/// <summary>
/// Checks every value of one command at once, so that a person who typed several wrong values hears of all of them in
/// one <see cref="InvalidInputException"/> (the shape of ASP.NET Core's <c>ValidationProblemDetails</c>). Services
/// start with it, before loading anything.
/// </summary>
internal sealed class CommandInput
{
    private Dictionary<string, List<string>>? _errors;

    /// <summary>Refuses missing or blank text.</summary>
    internal CommandInput Text(string? value, [CallerArgumentExpression(nameof(value))] string? field = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, Input.RequiredMessage);
        }

        return this;
    }

    /// <summary>Refuses a value outside the enum's defined members.</summary>
    internal CommandInput Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? field = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, Input.NotDefinedMessage(value));
        }

        return this;
    }

    /// <summary>Refuses an empty (default) typed id.</summary>
    internal CommandInput Id<TId>(TId id, [CallerArgumentExpression(nameof(id))] string? field = null)
        where TId : struct, ITypedId<TId>
    {
        if (id.Value == Guid.Empty)
        {
            Add(field, Input.EmptyIdMessage<TId>());
        }

        return this;
    }

    /// <summary>Refuses a number outside <paramref name="minimum"/> to <paramref name="maximum"/> (inclusive).</summary>
    internal CommandInput InRange(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string? field = null, string? message = null)
    {
        if (value < minimum || value > maximum)
        {
            Add(field, message ?? Input.RangeMessage(value, minimum, maximum));
        }

        return this;
    }

    /// <summary>Adds <paramref name="message"/> for <paramref name="field"/> unless <paramref name="condition"/> holds.</summary>
    internal CommandInput That(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return this;
    }

    /// <summary>Throws when any check failed.</summary>
    /// <exception cref="InvalidInputException">Every fault found, by field.</exception>
    internal void ThrowIfInvalid()
    {
        if (_errors is not null)
        {
            throw new InvalidInputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    private void Add(string? field, string message)
    {
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var name = Input.FieldName(field);
        if (!_errors.TryGetValue(name, out var messages))
        {
            _errors[name] = messages = [];
        }

        messages.Add(message);
    }
}

/// <summary>Checks business rules, throwing <see cref="DomainRuleViolationException"/> when one is broken.</summary>
internal static class Rule
{
    /// <summary>
    /// Throws when <paramref name="condition"/> is false: a <see cref="RecordNotFoundException"/> for a code of the not-found
    /// pattern (<c>area.thing-not-found</c>), else a <see cref="DomainRuleViolationException"/> of the code's kind.
    /// </summary>
    internal static void Require([DoesNotReturnIf(false)] bool condition, string code, string message)
    {
        if (!condition)
        {
            throw Refusal(code, message);
        }
    }

    /// <summary>
    /// Throws as <see cref="Require(bool, string, string)"/> does, with the ids a program needs kept in
    /// <see cref="Exception.Data"/> (each value as text, or an array of texts), so that a message shown to a person can
    /// say what was wrong in words rather than quote raw ids.
    /// </summary>
    internal static void Require([DoesNotReturnIf(false)] bool condition, string code, string message, params (string Key, object Value)[] data)
    {
        if (!condition)
        {
            throw WithData(Refusal(code, message), data);
        }
    }

    /// <summary>Adds ids to a refusal's <see cref="Exception.Data"/>: a typed id as its text, a list of them as an array of texts.</summary>
    internal static TException WithData<TException>(TException exception, params (string Key, object Value)[] data)
        where TException : Exception
    {
        foreach (var (key, value) in data)
        {
            exception.Data[key] = value switch
            {
                string text => text,
                System.Collections.IEnumerable many => many.Cast<object>().Select(v => v.ToString()!).ToArray(),
                _ => value.ToString()!,
            };
        }

        return exception;
    }

    /// <summary>The exception for a refusal with <paramref name="code"/>: its kind follows from the code.</summary>
    internal static CoProductionException Refusal(string code, string message) =>
        code.EndsWith("-not-found", StringComparison.Ordinal)
            ? new RecordNotFoundException(code, message)
            : new DomainRuleViolationException(code, message, ForbiddenCodes.Contains(code) ? ErrorKind.Forbidden : ConflictCodes.Value.Contains(code) ? ErrorKind.Conflict : ErrorKind.RuleBroken);

    /// <summary>
    /// The codes of the rules the store keeps (<see cref="Storage.UniqueRules"/>): a service's early answer for one
    /// has the kind the store's answer has (a duplicate, <see cref="ErrorKind.Conflict"/>), so a caller sees one kind
    /// per code whichever check refused.
    /// </summary>
    private static readonly Lazy<HashSet<string>> ConflictCodes = new(() => [.. Storage.UniqueRules.All.Select(r => r.Code)]);

    /// <summary>The codes of refusals because of who is acting, rather than of the state.</summary>
    private static readonly HashSet<string> ForbiddenCodes = [Payments.PaymentErrorCodes.SelfDecision, Payments.PaymentErrorCodes.NotAClaimDecider, Payments.PaymentErrorCodes.NoDecidingPerson];
}
