using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoProduction.Benchmarks;

/// <summary>
/// Prints the text of every command the store's context sends (queries and writes) when
/// <c>COPRODUCTION_BENCH_SQL=1</c>, to compare the store's statements with a hand-written baseline's.
/// </summary>
internal sealed class SqlEcho : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Echo(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Echo(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Echo(command);
        return ValueTask.FromResult(result);
    }

    private static void Echo(DbCommand command) => Console.WriteLine($"  SQL> {command.CommandText.ReplaceLineEndings(" ")}");
}
