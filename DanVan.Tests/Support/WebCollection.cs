namespace DanVan.Tests.Support;

/// <summary>Tests that share one portal (and one database) and only read, or write what no other test reads.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<DanVanFactory>
{
    public const string Name = "shared portal";
}
