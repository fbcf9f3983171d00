namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>The model annotations the library's mappings use.</summary>
internal static class MappingAnnotations
{
    /// <summary>Marks a string property as holding JSON: <c>jsonb</c> on PostgreSQL, text elsewhere.</summary>
    internal const string Json = "CoProduction:Json";
}
