using CoProduction.Primitives;
using CoProduction.Storage.InMemory;

namespace CoProduction.Core.Tests.Programmes;

internal static class RuleAssertions
{
    /// <summary>
    /// Asserts that the action is refused with the rule's code, of the kind the code's pattern names (a not-found code
    /// is a <see cref="RecordNotFoundException"/>), and a message containing each part (what was wrong and what to do).
    /// </summary>
    public static CoProductionException ShouldBeRefused(this Action act, string code, params string[] messageParts)
    {
        var exception = act.Should().Throw<CoProductionException>().Which;
        CheckKind(exception, code);
        foreach (var part in messageParts)
        {
            exception.Message.Should().Contain(part);
        }

        return exception;
    }

    /// <summary>
    /// Asserts that the action is refused with the rule's code and message parts, and that the aggregate is exactly
    /// as it was before (every public member, compared with a deep copy taken first).
    /// </summary>
    public static void ShouldBeRefusedLeavingUnchanged<TAggregate>(this Action act, TAggregate aggregate, string code, params string[] messageParts)
        where TAggregate : class
    {
        var before = DeepCopier.Copy(aggregate);
        act.ShouldBeRefused(code, messageParts);
        aggregate.Should().BeEquivalentTo(before, options => options.RespectingRuntimeTypes(), "a refused command leaves the aggregate unchanged");
    }

    /// <summary>As <see cref="ShouldBeRefusedLeavingUnchanged{TAggregate}(Action, TAggregate, string, string[])"/> for a function.</summary>
    public static void ShouldBeRefusedLeavingUnchanged<TAggregate, T>(this Func<T> act, TAggregate aggregate, string code, params string[] messageParts)
        where TAggregate : class
        => ShouldBeRefusedLeavingUnchanged(() => { _ = act(); }, aggregate, code, messageParts);

    /// <summary>Asserts that the function is refused with the rule's code and a message containing each part.</summary>
    public static CoProductionException ShouldBeRefused<T>(this Func<T> act, string code, params string[] messageParts)
        => ShouldBeRefused(() => { _ = act(); }, code, messageParts);

    /// <summary>Asserts that the asynchronous action is refused with the rule's code and a message containing each part.</summary>
    public static async Task<CoProductionException> ShouldBeRefusedAsync(this Func<Task> act, string code, params string[] messageParts)
    {
        var exception = (await act.Should().ThrowAsync<CoProductionException>()).Which;
        CheckKind(exception, code);
        foreach (var part in messageParts)
        {
            exception.Message.Should().Contain(part);
        }

        return exception;
    }

    private static void CheckKind(CoProductionException exception, string code)
    {
        exception.Code.Should().Be(code);
        if (code.EndsWith("-not-found", StringComparison.Ordinal))
        {
            exception.Should().BeOfType<RecordNotFoundException>().Which.Kind.Should().Be(ErrorKind.NotFound);
        }
        else
        {
            exception.Should().BeOfType<DomainRuleViolationException>();
        }
    }
}
