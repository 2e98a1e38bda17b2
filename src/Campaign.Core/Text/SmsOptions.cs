namespace Campaign.Core.Text;

/// <summary>How every outgoing SMS is rendered; bound from the <c>Sms</c> configuration section.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>Marks policy; <see cref="SmsDiacritics.Strip"/> by default because it is cheapest and reads on every handset.</summary>
    public SmsDiacritics Diacritics { get; set; } = SmsDiacritics.Strip;

    /// <summary>No message is sent longer than this many segments; longer texts are shortened with a continuation hint.</summary>
    public int MaxSegments { get; set; } = 3;

    /// <summary>What the provider charges for one segment, for cost estimates in the officers' preview (0: not set).</summary>
    public decimal PricePerSegment { get; set; }

    /// <summary>The currency of <see cref="PricePerSegment"/> (ISO 4217).</summary>
    public string Currency { get; set; } = "VND";
}
