using System.Diagnostics;
using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// What the outbox stores about a failed delivery (<see cref="OutboxMessage.LastError"/>): the exception's type, its
/// code when it is a <see cref="CoProductionException"/>, and the method that threw, but never its message, which can
/// quote the person the event is about (a handler that failed to email "alexandra@example.org"). The outbox is the
/// audit trail and is kept long after an erasure; the whole message belongs in the application's logs, which have
/// their own retention.
/// </summary>
public static class OutboxFailure
{
    /// <summary>Describes a handler's failure without its message, for storing with the event.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>Such as <c>System.Net.Mail.SmtpException in MyApp.NotifyPartner.HandleAsync</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var root = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var code = root is CoProductionException coded ? $" ({coded.Code})" : string.Empty;
        var method = new StackTrace(root, fNeedFileInfo: false).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType is not null);
        var where = method is null ? string.Empty : $" in {method.DeclaringType!.FullName}.{method.Name}";
        return $"{root.GetType().FullName}{code}{where}";
    }
}
