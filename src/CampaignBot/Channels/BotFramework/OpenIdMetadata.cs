using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// The channel's signing keys: <see cref="BotFrameworkOptions.OpenIdMetadataUrl"/> names the JWKS
/// (<c>jwks_uri</c>), whose keys carry the Bot Framework's extra <c>endorsements</c> (the channels a
/// key may speak for). Kept for <see cref="KeepFor"/>; a token signed with a key we do not know
/// triggers a new fetch (keys rotate), but at most once per <see cref="RefetchAtMostEvery"/>, so
/// made-up key ids cannot make us hammer the metadata endpoint.
/// </summary>
public sealed partial class OpenIdMetadata(
    IHttpClientFactory httpClients,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<OpenIdMetadata> logger) : IDisposable
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);
    public static readonly TimeSpan RefetchAtMostEvery = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile KeySet? _keys;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    /// <summary>The key with this id, or null when the channel does not publish it.</summary>
    /// <exception cref="OpenIdMetadataUnavailableException">The keys could not be fetched and none are known.</exception>
    public async Task<ChannelSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is null || time.GetUtcNow() - keys.FetchedAt >= KeepFor)
        {
            keys = await RefreshAsync(keys, cancellationToken);
        }
        if (keys.ById.TryGetValue(keyId, out var key))
        {
            return key;
        }
        keys = await RefreshAsync(keys, cancellationToken);
        return keys.ById.GetValueOrDefault(keyId);
    }

    /// <summary>Fetches anew unless another caller just did, or the last attempt was too recent.</summary>
    private async Task<KeySet> RefreshAsync(KeySet? seen, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            var current = _keys;
            if (!ReferenceEquals(current, seen) && current is not null)
            {
                return current; // someone else refreshed while we waited
            }
            if (current is not null && time.GetUtcNow() - _lastAttempt < RefetchAtMostEvery)
            {
                return current;
            }
            _lastAttempt = time.GetUtcNow();
            try
            {
                var fetched = await FetchAsync(cancellationToken);
                _keys = fetched;
                LogFetched(logger, fetched.ById.Count);
                return fetched;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or IOException or InvalidDataException
                && !cancellationToken.IsCancellationRequested)
            {
                if (current is null)
                {
                    throw new OpenIdMetadataUnavailableException($"could not fetch the channel's signing keys: {ex.Message}", ex);
                }
                LogKeptOld(logger, ex.Message);
                return current; // keys we had are better than none; try again after RefetchAtMostEvery
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<KeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(BotConnectorSender.HttpClientName);
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.Value.OpenIdMetadataUrl, cancellationToken));
        if (metadata.RootElement.ValueKind != JsonValueKind.Object
            || !metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUri)
            || jwksUri.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(jwksUri.GetString(), UriKind.Absolute, out var keysUrl))
        {
            throw new InvalidDataException("the OpenID metadata has no jwks_uri");
        }
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(keysUrl, cancellationToken));
        return new KeySet(ReadKeys(jwks.RootElement), time.GetUtcNow());
    }

    /// <summary>The RSA keys of a JWKS by kid, with their endorsements (null when a key has none).</summary>
    internal static Dictionary<string, ChannelSigningKey> ReadKeys(JsonElement jwks)
    {
        var keys = new Dictionary<string, ChannelSigningKey>(StringComparer.Ordinal);
        if (jwks.ValueKind != JsonValueKind.Object || !jwks.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("the JWKS has no keys array");
        }
        foreach (var jwk in array.EnumerateArray())
        {
            if (Text(jwk, "kid") is not { Length: > 0 } kid || Text(jwk, "kty") != "RSA"
                || Text(jwk, "n") is not { Length: > 0 } n || Text(jwk, "e") is not { Length: > 0 } e)
            {
                continue; // not a key we can verify RS256/384/512 with
            }
            string[]? endorsements = null;
            if (jwk.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                endorsements = [.. list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)];
            }
            var rsa = new RsaSecurityKey(new System.Security.Cryptography.RSAParameters
            {
                Modulus = Base64UrlEncoder.DecodeBytes(n),
                Exponent = Base64UrlEncoder.DecodeBytes(e),
            })
            { KeyId = kid };
            keys.TryAdd(kid, new ChannelSigningKey(kid, rsa, endorsements));
        }
        return keys;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record KeySet(Dictionary<string, ChannelSigningKey> ById, DateTimeOffset FetchedAt);

    public void Dispose() => _fetching.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework signing keys fetched: {Count} keys")]
    private static partial void LogFetched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework signing keys could not be refreshed ({Reason}); keeping the ones we have")]
    private static partial void LogKeptOld(ILogger logger, string reason);
}
