using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

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

        var store = new ContentStore(CliContent.Load(args));
        var redisConfig = ConfigurationOptions.Parse(Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:6379");
        redisConfig.ConnectTimeout = 3000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConfig);
        var keys = new RedisKeys(Environment.GetEnvironmentVariable("Redis__KeyPrefix") ?? "");
        var options = new ConversationOptions();
        var engine = new ConversationEngine(
            store, new LiveFaqMatcher(store), new SubscriberStore(redis, keys), new ConversationStateStore(redis, keys),
            new UnansweredQuestions(redis, keys), new ReplyComposer(new SmsRenderer(new SmsOptions(), store)), options, NullLogger<ConversationEngine>.Instance);

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
