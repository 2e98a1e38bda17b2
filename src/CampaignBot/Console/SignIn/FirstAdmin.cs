using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Console.SignIn;

/// <summary>
/// Creates the first admin (every area) from <see cref="FirstAdminOptions"/> at start-up, when no
/// officer has a username yet. Idempotent, and safe with several instances starting at once: the
/// username index lets only one of them create it.
/// </summary>
internal sealed partial class FirstAdmin(
    OfficerStore officers,
    OfficerPasswords passwords,
    IAuditLog audit,
    IOptions<FirstAdminOptions> options,
    ILogger<FirstAdmin> logger) : IHostedService
{
    public const string Actor = "config";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Username))
        {
            return;
        }
        if (!OfficerUsername.TryParse(settings.Username, out var username, out var usernameError))
        {
            throw new InvalidOperationException($"{FirstAdminOptions.Section}:Username: {usernameError}");
        }
        if (OfficerPasswordPolicy.Problem(settings.Password) is { } passwordError)
        {
            throw new InvalidOperationException($"{FirstAdminOptions.Section}:Password: {passwordError}");
        }
        try
        {
            if (await officers.AnyWithUsernameAsync())
            {
                return;
            }
            var created = await officers.AddWithPasswordAsync(
                new NewOfficer(settings.Name, OfficerRole.Admin, AreaScope.All, username), passwords.Hash(settings.Password!));
            if (created is null)
            {
                return; // another instance was first
            }
            await audit.RecordAsync(new AuditEntry(Actor, "operator", "officer.create", "officer:" + created.Id, AuditOutcome.Allowed,
                new Dictionary<string, string> { ["username"] = username, ["role"] = "admin", ["areas"] = "*", ["reason"] = "first_admin" }), cancellationToken);
            LogCreated(logger, username, created.Id);
        }
        catch (RedisException ex)
        {
            // The service can still start; the admin is created at the next start with Redis up.
            LogFailed(logger, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first console admin '{Username}' ({OfficerId}) from configuration")]
    private static partial void LogCreated(ILogger logger, string username, string officerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create the first console admin: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
