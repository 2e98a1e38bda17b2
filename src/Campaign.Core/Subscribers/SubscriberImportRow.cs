using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>
/// One resident of an import (e.g. a CSV line). Area, name and themes replace the current ones when
/// given (null, empty); they never clear them.
/// </summary>
public sealed record SubscriberImportRow(Channel Channel, string Address, string? AreaCode, string? Name, IReadOnlyList<string> Themes);
