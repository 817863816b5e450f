namespace DanVan.Tests.Domain;

/// <summary>
/// Domain entities get their Id from the database (private setter, 0 until saved). Tests that need distinct,
/// saved-looking entities give them one here, as EF Core would.
/// </summary>
internal static class EntityIds
{
    public static T WithId<T>(this T entity, int id) where T : class
    {
        var property = typeof(T).GetProperty("Id") ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id.");
        property.SetValue(entity, id);
        return entity;
    }
}
