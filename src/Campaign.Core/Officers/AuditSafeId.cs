using System.Security.Cryptography;

namespace Campaign.Core.Officers;

/// <summary>
/// Random ids for what the audit log names as actor or target (officers, imports): hex, drawn again
/// whenever the log would change it. The log masks whatever reads as a phone number
/// (<see cref="AuditDetails"/>), and about one plain hex id in 140 holds nine digits that do
/// ("off_762450952f46" was kept as "off_76*****952f46"): that officer's actions could then be found
/// by nobody and named nobody.
/// </summary>
public static class AuditSafeId
{
    public static string New(string prefix, int bytes)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        while (true)
        {
            var id = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
            if (AuditDetails.Text(id, int.MaxValue) == id)
            {
                return id;
            }
        }
    }
}
