namespace Campaign.Core.Content;

/// <summary>A subscription theme residents receive news about and campaigns target.</summary>
public sealed record Theme(string Id, string Name, string SmsName);
