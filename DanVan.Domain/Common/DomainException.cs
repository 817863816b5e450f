namespace DanVan.Domain.Common;

/// <summary>A move the domain refuses; the message is Vietnamese and safe to show to the user.</summary>
public class DomainException(string message) : Exception(message);
