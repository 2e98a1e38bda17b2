namespace CampaignBot.Console.Officers;

/// <summary><c>POST /api/admin/officers</c>: areas as "D01,08" (or "*", for an admin, by an admin who has it).</summary>
internal sealed record CreateOfficerRequest(string? Name, string? Username, string? Password, string? Role, string? Areas);

/// <summary><c>POST /api/admin/officers/{id}/password</c>.</summary>
internal sealed record PasswordRequest(string? Password);
