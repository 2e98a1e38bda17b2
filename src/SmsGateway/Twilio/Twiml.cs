using System.Text;
using System.Xml;

namespace SmsGateway.Twilio;

/// <summary>The TwiML answer to an inbound SMS: one &lt;Message&gt; per reply, or an empty &lt;Response /&gt; for none.</summary>
public static class Twiml
{
    public const string ContentType = "text/xml; charset=utf-8";

    // Written by hand because XmlWriter spells the encoding "utf-8"; Twilio's own libraries write "UTF-8".
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        NewLineHandling = NewLineHandling.None, // a menu's line breaks reach the phone as they are
        Indent = false,
    };

    /// <param name="replies">The message texts.</param>
    /// <param name="statusCallbacks">Per message, where Twilio should post its status (the &lt;Message&gt; <c>action</c> attribute), or none.</param>
    public static string Messages(IReadOnlyList<string> replies, IReadOnlyList<string>? statusCallbacks = null)
    {
        var text = new StringBuilder(Declaration);
        using (var writer = XmlWriter.Create(text, Settings))
        {
            writer.WriteStartElement("Response");
            for (var i = 0; i < replies.Count; i++)
            {
                writer.WriteStartElement("Message");
                if (statusCallbacks is not null && i < statusCallbacks.Count)
                {
                    writer.WriteAttributeString("action", statusCallbacks[i]);
                }
                writer.WriteString(XmlSafe(replies[i]));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return text.ToString();
    }

    /// <summary>Drops characters XML 1.0 cannot carry at all (control characters), which would make the whole answer unreadable to Twilio.</summary>
    private static string XmlSafe(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }
        return kept.Length == text.Length ? text : kept.ToString();
    }
}
