using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.Specification;
using CoProduction.Storage.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlUnitOfWorkTests(PostgreSqlTestDatabase database) : UnitOfWorkSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlPaymentIntegrityTests(PostgreSqlTestDatabase database) : PaymentIntegritySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlMultiAggregateFaultTests(PostgreSqlTestDatabase database) : MultiAggregateFaultSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);

    protected override void InjectWriteFaults(IServiceCollection services, WriteFaultInjector faults) =>
        services.ConfigureDbContext<CoProductionDbContext>(db => db.AddInterceptors(new WriteFaultInterceptor(faults)));
}

public sealed class PostgreSqlPeerReviewIntegrityTests(PostgreSqlTestDatabase database) : PeerReviewIntegritySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlStorableInputTests(PostgreSqlTestDatabase database) : StorableInputSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
