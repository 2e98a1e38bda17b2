using System.Text.Json;
using Campaign.Core.Text;

namespace Campaign.Cli.Commands;

/// <summary><c>sms preview TEXT</c>: how an SMS will be encoded and split, as written and unaccented.</summary>
internal static class SmsPreviewCommand
{
    private const string Usage = """
        usage: campaign sms preview TEXT [--json]
          Prints encoding (GSM-7 or UCS-2), characters and segments for TEXT as written and unaccented.
          --json prints one object:
          {"encoding": "UCS-2", "characters": 75, "segments": 2, "unaccented": {"text": "...", "encoding": "GSM-7", "characters": 75, "segments": 1}}
        """;

    public static int Run(CliArgs args)
    {
        if (args.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        if (args.Words.Count < 3)
        {
            throw new CliUsageException(Usage);
        }
        var text = string.Join(' ', args.Words.Skip(2));
        var preview = SmsPreview.For(text);
        if (args.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                encoding = preview.AsWritten.Encoding.ToDisplayName(),
                characters = preview.AsWritten.Characters,
                segments = preview.AsWritten.Segments,
                unaccented = new
                {
                    text = preview.UnaccentedText,
                    encoding = preview.Unaccented.Encoding.ToDisplayName(),
                    characters = preview.Unaccented.Characters,
                    segments = preview.Unaccented.Segments,
                },
            }, FaqMatchCommand.Json));
            return 0;
        }
        Console.WriteLine($"as written:  {preview.AsWritten.Encoding.ToDisplayName(),-6} {preview.AsWritten.Characters,4} characters  {preview.AsWritten.Segments} segment(s)");
        Console.WriteLine($"unaccented:  {preview.Unaccented.Encoding.ToDisplayName(),-6} {preview.Unaccented.Characters,4} characters  {preview.Unaccented.Segments} segment(s)");
        Console.WriteLine($"             {preview.UnaccentedText}");
        if (preview.Unaccented.Segments < preview.AsWritten.Segments)
        {
            Console.WriteLine($"sending it unaccented saves {preview.AsWritten.Segments - preview.Unaccented.Segments} segment(s) per recipient");
        }
        return 0;
    }
}
