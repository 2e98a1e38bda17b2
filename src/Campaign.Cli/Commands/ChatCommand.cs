using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Cli.Commands;

/// <summary><c>chat</c>: a terminal conversation with the real engine against the running Redis.</summary>
internal static class ChatCommand
{
    private const string Usage = """
        usage: campaign chat [--channel sms|zalo|messenger|webchat] [--from ADDRESS] [--content DIR]
          Talk to the bot as a resident. Redis from ConnectionStrings__Redis (default 127.0.0.1:6379).
          --from is a phone number for sms (default 0912345678), a user id otherwise.
          Type a line and press Enter; an empty line or Ctrl-D ends.
        """;

    public static async Task<int> RunAsync(CliArgs args)
    {
        if (args.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        if (!ChannelExtensions.TryParse(args.Option("--channel") ?? "sms", out var channel))
        {
            throw new CliUsageException(Usage);
        }
        var address = args.Option("--from") ?? (channel == Channel.Sms ? "0912345678" : "terminal-user");
        if (channel == Channel.Sms)
        {
            var phone = VietnamPhoneNumber.Normalize(address);
            address = phone.IsValid ? phone.E164! : throw new CliUsageException($"--from: {phone.Error}");
        }

        await using var services = CliServices.Build(args.Option("--content"));
        var engine = services.GetRequiredService<ConversationEngine>();

        Console.WriteLine($"chatting on {channel.Key()} as {PhoneMask.MaskAddress(channel.Key(), address)} (empty line to quit)");
        while (true)
        {
            Console.Write("> ");
            var line = Console.ReadLine();
            if (string.IsNullOrEmpty(line))
            {
                return 0;
            }
            foreach (var reply in await engine.HandleAsync(new InboundMessage(channel, address, line, DateTimeOffset.UtcNow)))
            {
                Console.WriteLine(reply.Text);
                if (reply.Choices.Count > 0 && !channel.IsSms())
                {
                    Console.WriteLine("   [" + string.Join("] [", reply.Choices.Select(c => $"{c.Value}: {c.Label}")) + "]");
                }
                Console.WriteLine();
            }
        }
    }
}
