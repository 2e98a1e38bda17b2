using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Campaign.Core.Fanout;

/// <summary>
/// The delivery id a campaign message carries to its provider (Twilio's StatusCallback, the Android
/// gateway's message id, the simulator), so the receipt finds its recipient without a per-message
/// record: <c>b.{occurrence}.{subscriber}</c>. Person-to-person deliveries have other ids.
/// </summary>
public readonly record struct BulkDeliveryId(string OccurrenceId, long SubscriberId)
{
    private const string Marker = "b.";

    public override string ToString() => $"{Marker}{OccurrenceId}.{SubscriberId.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse([NotNullWhen(true)] string? value, out BulkDeliveryId id)
    {
        id = default;
        if (value is null || !value.StartsWith(Marker, StringComparison.Ordinal))
        {
            return false;
        }
        var dot = value.LastIndexOf('.');
        if (dot <= Marker.Length || !long.TryParse(value.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var subscriber))
        {
            return false;
        }
        id = new BulkDeliveryId(value[Marker.Length..dot], subscriber);
        return true;
    }
}
