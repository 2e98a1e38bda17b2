namespace Campaign.Core.Text;

/// <summary>What happens to Vietnamese marks in an outgoing SMS (<c>Sms:Diacritics</c>).</summary>
public enum SmsDiacritics
{
    /// <summary>Always send without marks: GSM-7, 160 characters a segment. Feature phones read it everywhere.</summary>
    Strip,

    /// <summary>Send as written: marks force UCS-2, 70 characters a segment.</summary>
    Keep,

    /// <summary>Keep the marks unless stripping them saves at least one segment.</summary>
    Auto,
}
