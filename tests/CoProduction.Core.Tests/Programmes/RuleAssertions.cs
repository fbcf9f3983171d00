using CoProduction.Primitives;

namespace CoProduction.Core.Tests.Programmes;

internal static class RuleAssertions
{
    /// <summary>Asserts that the action is refused with the rule's code and a message containing each part (what was wrong and what to do).</summary>
    public static DomainRuleViolationException ShouldBeRefused(this Action act, string code, params string[] messageParts)
    {
        var exception = act.Should().Throw<DomainRuleViolationException>().Which;
        exception.Code.Should().Be(code);
        foreach (var part in messageParts)
        {
            exception.Message.Should().Contain(part);
        }

        return exception;
    }

    /// <summary>Asserts that the function is refused with the rule's code and a message containing each part.</summary>
    public static DomainRuleViolationException ShouldBeRefused<T>(this Func<T> act, string code, params string[] messageParts)
        => ShouldBeRefused(() => { _ = act(); }, code, messageParts);

    /// <summary>Asserts that the asynchronous action is refused with the rule's code and a message containing each part.</summary>
    public static async Task<DomainRuleViolationException> ShouldBeRefusedAsync(this Func<Task> act, string code, params string[] messageParts)
    {
        var exception = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        exception.Code.Should().Be(code);
        foreach (var part in messageParts)
        {
            exception.Message.Should().Contain(part);
        }

        return exception;
    }
}
