namespace Campaign.Cli.Commands;

/// <summary>Dispatches "faq match", "faq eval", "chat", "sms preview", "sms send", "officer ..." and "admin create".</summary>
internal static class CliApp
{
    public const string Usage = """
        usage: campaign <command> [options]

          faq match [--content DIR]              one query per stdin line -> one JSON object per line
          faq eval FILE [--content DIR]          accuracy and rejection on query<TAB>expected lines
          chat [--channel sms|zalo|messenger] [--from ADDRESS]
                                                 talk to the bot in the terminal (needs Redis)
          sms preview TEXT [--json]              encoding, characters and segments, as written and unaccented
          sms send --to NUMBER TEXT              send one SMS through the configured provider
          officer add --name N --role officer|approver|admin --areas CODE[,CODE]
                                                 add an officer; prints their API key once (needs Redis)
          officer list [--json]                  officers, roles, areas and key ids (never keys)
          officer key OFFICER_ID                 issue another key (rotation); printed once
          officer revoke KEY_ID|OFFICER_ID       revoke one key, or every key of an officer
          officer disable|enable OFFICER_ID      refuse (or accept again) all of an officer's keys
          admin create --username U [--name N] [--password P]
                                                 a console admin (every area); prints a generated password once

        Each command prints its own usage with --help.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new CliArgs(args);
        try
        {
            return (a.Word(0), a.Word(1)) switch
            {
                ("faq", "match") => FaqMatchCommand.Run(a),
                ("faq", "eval") => FaqEvalCommand.Run(a),
                ("sms", "preview") => SmsPreviewCommand.Run(a),
                ("sms", "send") => await SmsSendCommand.RunAsync(a),
                ("chat", _) => await ChatCommand.RunAsync(a),
                ("officer", _) => await OfficerCommand.RunAsync(a),
                ("admin", _) => await AdminCommand.RunAsync(a),
                _ => Fail(Usage),
            };
        }
        catch (CliUsageException ex)
        {
            return Fail(ex.Message);
        }
        catch (Core.Content.ContentValidationException ex)
        {
            return Fail(ex.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
