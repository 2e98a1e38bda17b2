using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Officers;

/// <summary>Who gets through which policy, over HTTP, and what the audit log keeps of it.</summary>
[Collection(UsesRedis.Name)]
public sealed class OfficerAuthenticationTests(RedisServer redis) : IAsyncLifetime
{
    private OfficerApiHost _host = null!;
    private readonly Dictionary<Caller, string?> _credentials = [];
    private readonly Dictionary<Caller, string> _officerIds = [];

    public enum Caller
    {
        Nobody,
        Malformed,
        BasicScheme,
        OtherBearer,
        Unknown,
        Revoked,
        Disabled,
        Officer,
        OfficerByHeader,
        Approver,
        Admin,
    }

    public async Task InitializeAsync()
    {
        _host = await OfficerApiHost.StartAsync(redis);
        var (officer, officerKey) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (approver, approverKey) = await _host.AddAsync(OfficerRole.Approver, "D01");
        var (admin, adminKey) = await _host.AddAsync(OfficerRole.Admin, "*");
        var (revoked, revokedKey) = await _host.AddAsync(OfficerRole.Approver, "D01");
        await _host.Officers.RevokeKeyAsync(revokedKey.KeyId);
        var (disabled, disabledKey) = await _host.AddAsync(OfficerRole.Admin, "*");
        await _host.Officers.SetDisabledAsync(disabled.Id, true);

        _credentials[Caller.Nobody] = null;
        _credentials[Caller.Malformed] = "Bearer cmp_short";
        _credentials[Caller.BasicScheme] = "Basic " + Convert.ToBase64String("lan:secret"u8.ToArray());
        _credentials[Caller.OtherBearer] = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        _credentials[Caller.Unknown] = "Bearer " + ApiKeys.Generate().Secret;
        _credentials[Caller.Revoked] = "Bearer " + revokedKey.Secret;
        _credentials[Caller.Disabled] = "Bearer " + disabledKey.Secret;
        _credentials[Caller.Officer] = "Bearer " + officerKey.Secret;
        _credentials[Caller.OfficerByHeader] = officerKey.Secret;
        _credentials[Caller.Approver] = "Bearer " + approverKey.Secret;
        _credentials[Caller.Admin] = "Bearer " + adminKey.Secret;
        _officerIds[Caller.Officer] = _officerIds[Caller.OfficerByHeader] = officer.Id;
        _officerIds[Caller.Approver] = approver.Id;
        _officerIds[Caller.Admin] = admin.Id;
        _officerIds[Caller.Revoked] = revoked.Id;
        _officerIds[Caller.Disabled] = disabled.Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(Caller caller, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (caller == Caller.OfficerByHeader)
        {
            request.Headers.Add("X-Api-Key", _credentials[caller]);
        }
        else if (_credentials[caller] is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await _host.Client.SendAsync(request);
    }

    /// <summary>caller, method, path, expected status, the audit action expected for the caller (null: none).</summary>
    public static TheoryData<string, Caller, string, string, HttpStatusCode, string?> Matrix => new()
    {
        { "no key", Caller.Nobody, "GET", OfficerApiHost.Me, HttpStatusCode.Unauthorized, null },
        { "a malformed key", Caller.Malformed, "GET", OfficerApiHost.Me, HttpStatusCode.Unauthorized, null },
        { "Basic instead of Bearer", Caller.BasicScheme, "GET", OfficerApiHost.Me, HttpStatusCode.Unauthorized, null },
        { "a bearer token that is no key", Caller.OtherBearer, "GET", OfficerApiHost.Me, HttpStatusCode.Unauthorized, null },
        { "an unknown key", Caller.Unknown, "GET", OfficerApiHost.Me, HttpStatusCode.Unauthorized, null },
        { "a revoked key", Caller.Revoked, "POST", OfficerApiHost.Approve, HttpStatusCode.Unauthorized, "auth.key" },
        { "a disabled officer", Caller.Disabled, "POST", OfficerApiHost.ManageOfficers, HttpStatusCode.Unauthorized, "auth.key" },
        { "an officer reads", Caller.Officer, "GET", OfficerApiHost.Me, HttpStatusCode.OK, null },
        { "an officer by X-Api-Key", Caller.OfficerByHeader, "GET", OfficerApiHost.Me, HttpStatusCode.OK, null },
        { "an officer approves", Caller.Officer, "POST", OfficerApiHost.Approve, HttpStatusCode.Forbidden, "campaign.approve" },
        { "an officer manages officers", Caller.Officer, "POST", OfficerApiHost.ManageOfficers, HttpStatusCode.Forbidden, "POST /test/officers/manage" },
        { "an approver approves", Caller.Approver, "POST", OfficerApiHost.Approve, HttpStatusCode.NoContent, null },
        { "an approver manages officers", Caller.Approver, "POST", OfficerApiHost.ManageOfficers, HttpStatusCode.Forbidden, "POST /test/officers/manage" },
        { "an admin approves", Caller.Admin, "POST", OfficerApiHost.Approve, HttpStatusCode.NoContent, null },
        { "an admin manages officers", Caller.Admin, "POST", OfficerApiHost.ManageOfficers, HttpStatusCode.NoContent, null },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_what_their_key_and_role_allow(string name, Caller caller, string method, string path, HttpStatusCode status, string? auditedAction)
    {
        using var response = await SendAsync(caller, new HttpMethod(method), path);

        Assert.True(status == response.StatusCode, $"{name}: {(int)response.StatusCode}");
        var entries = _officerIds.TryGetValue(caller, out var id) ? await _host.Audit.QueryAsync(new AuditQuery(ActorId: id)) : [];
        if (auditedAction is null)
        {
            Assert.Empty(entries);
        }
        else
        {
            var entry = Assert.Single(entries).Entry;
            Assert.Equal((auditedAction, AuditOutcome.Denied), (entry.Action, entry.Outcome));
        }
    }

    [Fact]
    public async Task A_missing_key_is_answered_with_a_challenge_and_a_problem()
    {
        using var response = await SendAsync(Caller.Nobody, HttpMethod.Get, OfficerApiHost.Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"campaign\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<Caller, string, string> Refusals => new()
    {
        { Caller.Malformed, "invalid_request", "expected form" },
        { Caller.Unknown, "invalid_token", "not recognised" },
        { Caller.Revoked, "invalid_token", "revoked" },
        { Caller.Disabled, "invalid_token", "disabled" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_key_is_told_why(Caller caller, string error, string detail)
    {
        using var response = await SendAsync(caller, HttpMethod.Get, OfficerApiHost.Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"error=\"{error}\"", Assert.Single(response.Headers.WwwAuthenticate).ToString(), StringComparison.Ordinal);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_role_is_a_403_problem_and_an_audit_entry_naming_the_need()
    {
        using var response = await SendAsync(Caller.Officer, HttpMethod.Post, OfficerApiHost.Approve);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var entry = Assert.Single(await _host.Audit.QueryAsync(new AuditQuery(ActorId: _officerIds[Caller.Officer]))).Entry;
        Assert.Equal(("officer", "/" + OfficerApiHost.Approve), (entry.Role, entry.Target));
        Assert.Equal("role approver|admin", entry.Details!["needs"]);
        Assert.Equal("POST", entry.Details["method"]);
    }

    [Fact]
    public async Task The_endpoint_sees_the_officer_it_was_called_by()
    {
        var me = await (await SendAsync(Caller.Approver, HttpMethod.Get, OfficerApiHost.Me)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(_officerIds[Caller.Approver], me.GetProperty("id").GetString());
        Assert.Equal("approver", me.GetProperty("role").GetString());
        Assert.Equal(["D01"], me.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.StartsWith("cmp_", me.GetProperty("keyId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_or_revoking_takes_effect_on_the_next_request()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Caller.Officer, HttpMethod.Get, OfficerApiHost.Me)).StatusCode);
        await _host.Officers.SetDisabledAsync(_officerIds[Caller.Officer], true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Caller.Officer, HttpMethod.Get, OfficerApiHost.Me)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Caller.Approver, HttpMethod.Get, OfficerApiHost.Me)).StatusCode);
        await _host.Officers.RevokeAllKeysAsync(_officerIds[Caller.Approver]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Caller.Approver, HttpMethod.Get, OfficerApiHost.Me)).StatusCode);
    }

    [Fact]
    public async Task Endpoints_without_an_officer_policy_ignore_authorization_headers()
    {
        // Bot Framework webhooks carry their own Bearer JWTs: the key handler must never see them.
        using var response = await SendAsync(Caller.Malformed, HttpMethod.Get, OfficerApiHost.Open);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
