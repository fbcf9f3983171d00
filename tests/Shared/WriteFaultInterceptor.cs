using System.Data.Common;
using System.Text.RegularExpressions;
using CoProduction.Storage.Specification;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoProduction.Storage.Tests.Shared;

/// <summary>
/// Consults a <see cref="WriteFaultInjector"/> before each command that writes (<c>INSERT</c>, <c>UPDATE</c>,
/// <c>DELETE</c>) inside a transaction, so that the conformance suite can fail a unit of work between two of its writes. Linked into the
/// SQLite and PostgreSQL test projects; registered with <c>ConfigureDbContext</c> for one test's service provider.
/// The outbox's own bookkeeping after a commit (<c>UPDATE outbox_messages</c>, marking events dispatched, in a
/// transaction of its own) is not a write of the command: a fault there would come after the command committed.
/// </summary>
internal sealed partial class WriteFaultInterceptor(WriteFaultInjector faults) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Consult(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Consult(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Consult(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Consult(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Consult(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Consult(command);
        return ValueTask.FromResult(result);
    }

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    [GeneratedRegex(@"^\s*UPDATE\s+""?outbox_messages\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DispatchBookkeeping();

    private void Consult(DbCommand command)
    {
        var text = command.CommandText;
        if (command.Transaction is not null && WriteStatement().IsMatch(text) && !DispatchBookkeeping().IsMatch(text))
        {
            faults.BeforeWrite();
        }
    }
}
