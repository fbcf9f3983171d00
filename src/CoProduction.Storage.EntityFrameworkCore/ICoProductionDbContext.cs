using CoProduction.Primitives;

namespace CoProduction.Storage.EntityFrameworkCore;

/// <summary>
/// A <see cref="Microsoft.EntityFrameworkCore.DbContext"/> that holds the library's tables: <see cref="CoProductionDbContext"/>,
/// or a trust's own context that calls <see cref="CoProductionModelBuilderExtensions.UseCoProduction{TContext}"/> in
/// <c>OnModelCreating</c>. The organisation query filter reads <see cref="CurrentOrganisationId"/>.
/// </summary>
public interface ICoProductionDbContext
{
    /// <summary>
    /// Gets or sets the organisation whose rows this context's queries return. The stores set it for every
    /// operation; while it is the default (empty) value no aggregate or outbox row is returned.
    /// </summary>
    OrganisationId CurrentOrganisationId { get; set; }
}
