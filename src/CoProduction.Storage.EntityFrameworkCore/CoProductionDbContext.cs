using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore;

/// <summary>
/// The ready-made context that holds only the library's tables. <c>UseSqlite(...)</c> and <c>UsePostgreSql(...)</c>
/// use it, with migrations for each provider. To keep the tables in your own context instead, implement
/// <see cref="ICoProductionDbContext"/> and call <c>modelBuilder.UseCoProduction(this)</c>.
/// </summary>
public class CoProductionDbContext : DbContext, ICoProductionDbContext
{
    /// <summary>Initialises the context.</summary>
    /// <param name="options">The options, which choose the database provider.</param>
    public CoProductionDbContext(DbContextOptions<CoProductionDbContext> options)
        : base(options)
    {
    }

    /// <summary>Initialises a context of a derived type.</summary>
    /// <param name="options">The options, which choose the database provider.</param>
    protected CoProductionDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public OrganisationId CurrentOrganisationId { get; set; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.UseCoProduction(this);
    }
}
