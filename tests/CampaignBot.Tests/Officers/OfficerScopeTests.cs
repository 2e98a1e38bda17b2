using System.Net;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Officers;

/// <summary>An officer reads and targets only inside their areas; the endpoint checks and audits with <c>OfficerContext</c>.</summary>
[Collection(UsesRedis.Name)]
public sealed class OfficerScopeTests(RedisServer redis) : IAsyncLifetime
{
    private OfficerApiHost _host = null!;

    public async Task InitializeAsync() => _host = await OfficerApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, OfficerRole, string, string, bool> Matrix => new()
    {
        { "a commune officer in a hamlet of the commune", OfficerRole.Officer, "D0101", "D010101", true },
        { "a commune officer in the commune", OfficerRole.Officer, "D0101", "D0101", true },
        { "a commune officer in the neighbouring commune", OfficerRole.Officer, "D0101", "D0102", false },
        { "a commune officer in the province", OfficerRole.Officer, "D0101", "D01", false },
        { "a province approver in a commune", OfficerRole.Approver, "D01", "D0102", true },
        { "a province approver in a hamlet", OfficerRole.Approver, "D01", "D010201", true },
        { "a province approver in another province", OfficerRole.Approver, "D01", "D02", false },
        { "an officer of two communes in the second", OfficerRole.Officer, "D0101,D0102", "D010201", true },
        { "a national admin anywhere", OfficerRole.Admin, "*", "D010201", true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Areas_outside_the_scope_are_refused_and_audited(string name, OfficerRole role, string scope, string area, bool allowed)
    {
        var (officer, key) = await _host.AddAsync(role, scope);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(OfficerApiHost.AreaPrefix + area, UriKind.Relative));
        request.Headers.Add("Authorization", "Bearer " + key.Secret);

        using var response = await _host.Client.SendAsync(request);

        Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == response.StatusCode, $"{name}: {(int)response.StatusCode}");
        var entry = Assert.Single(await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id))).Entry;
        Assert.Equal(("area.read", "area:" + area, allowed ? AuditOutcome.Allowed : AuditOutcome.Denied), (entry.Action, entry.Target, entry.Outcome));
    }
}
