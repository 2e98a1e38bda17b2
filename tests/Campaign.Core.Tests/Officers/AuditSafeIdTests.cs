using Campaign.Core.Officers;

namespace Campaign.Core.Tests.Officers;

public sealed class AuditSafeIdTests
{
    [Fact]
    public void A_plain_hex_id_can_read_as_a_phone_number_to_the_audit_log()
    {
        // The officer id of a failing test run: nine digits that make a valid mobile number (076…).
        Assert.Equal("off_76*****952f46", AuditDetails.Text("off_762450952f46"));
    }

    [Fact]
    public void Ids_come_through_the_audit_log_unchanged()
    {
        // About one plain 12-hex id in 140 would be masked, so 20,000 of them all but surely include some.
        var ids = Enumerable.Range(0, 20_000).Select(_ => AuditSafeId.New("off_", 6)).ToList();

        Assert.All(ids, id => Assert.Equal(id, AuditDetails.Text(id)));
        Assert.All(ids, id => Assert.Matches("^off_[0-9a-f]{12}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
