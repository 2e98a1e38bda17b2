namespace Campaign.Core.Content;

/// <summary>
/// A value that differs by commune (hotline, office). Area settings fill it; <see cref="Default"/>
/// is shown until they do. <see cref="MaxLength"/> bounds what an area may set, so SMS length checks
/// stay true for every commune.
/// </summary>
public sealed record Placeholder(string Name, string Description, string Default, int MaxLength);
