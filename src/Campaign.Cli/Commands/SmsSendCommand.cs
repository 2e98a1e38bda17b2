using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Sending;

namespace Campaign.Cli.Commands;

/// <summary>
/// <c>sms send --to NUMBER TEXT</c>: one message through the configured provider, with the same
/// settings, rendering, delivery record and pace as SmsGateway, so an operator can check a route.
/// </summary>
internal static class SmsSendCommand
{
    private const string Usage = """
        usage: campaign sms send --to NUMBER TEXT
          Sends TEXT to NUMBER (any Vietnamese format: 0912 345 678, +84912345678, 84912345678)
          through the provider SmsGateway is configured with (Sms:Provider and its settings, from
          src/SmsGateway/appsettings.json and environment variables such as Sms__Provider,
          Twilio__AuthToken). Prints the provider's message id, or its error (exit 1).
          Needs Redis (ConnectionStrings__Redis, default 127.0.0.1:6379): the message is recorded as a delivery.
        """;

    public static async Task<int> RunAsync(CliArgs args)
    {
        if (args.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var to = args.Option("--to") ?? throw new CliUsageException(Usage);
        var text = string.Join(' ', args.Words.Skip(2));
        if (text.Trim().Length == 0)
        {
            throw new CliUsageException("sms send: the message text is missing\n" + Usage);
        }
        var number = VietnamPhoneNumber.Normalize(to);
        if (!number.IsValid)
        {
            throw new CliUsageException($"--to: {number.Error}");
        }

        try
        {
            await using var services = CliServices.Build();
            var dispatcher = services.GetRequiredService<DeliveryDispatcher>();
            var provider = services.GetRequiredService<ISmsProvider>();
            var delivery = await services.GetRequiredService<DeliveryStore>().CreateAsync(
                services.GetRequiredService<SmsSender>().Prepare(number.E164!, text, DeliveryKind.Operator));
            Console.WriteLine($"to {PhoneMask.Mask(number.E164)} via {provider.Name}: {delivery.Segments} segment(s), {delivery.Encoding}, delivery {delivery.Id}");

            var result = await dispatcher.SendNowAsync(delivery);
            switch (result)
            {
                case { Outcome: SendOutcome.Accepted }:
                    Console.WriteLine($"accepted: provider message id {result.ProviderMessageId}");
                    return 0;
                case null:
                    Console.Error.WriteLine($"not sent: {provider.Name} is paused after refusing our credentials; check its settings");
                    return 1;
                default:
                    Console.Error.WriteLine($"{result.Outcome}: {result.ErrorCode} {result.Error}".TrimEnd());
                    return 1;
            }
        }
        catch (OptionsValidationException ex)
        {
            throw new CliUsageException(string.Join(Environment.NewLine, ex.Failures));
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith(SmsProviderOptions.Setting, StringComparison.Ordinal))
        {
            throw new CliUsageException(ex.Message);
        }
    }
}
