namespace CampaignBot.Console.SignIn;

/// <summary>
/// Settings under "Console:FirstAdmin": the national admin created at start-up while no officer can
/// sign in to the console yet. Once anyone has a username, these settings are ignored (changing
/// the password here changes nothing; an admin changes it in the console).
/// </summary>
public sealed class FirstAdminOptions
{
    public const string Section = "Console:FirstAdmin";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string Name { get; set; } = "Admin";
}
