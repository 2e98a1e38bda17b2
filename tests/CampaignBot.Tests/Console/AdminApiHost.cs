using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>CampaignBot in-process as shipped, with officers added through the real store and requests sent with their keys.</summary>
public sealed class AdminApiHost : IAsyncDisposable
{
    private AdminApiHost(BotHost bot) => Bot = bot;

    public BotHost Bot { get; }

    public IAuditLog Audit => Bot.Get<IAuditLog>();

    public static async Task<AdminApiHost> StartAsync(RedisServer redis, IDictionary<string, string?>? settings = null) =>
        new(await BotHost.StartAsync(redis, settings ?? new Dictionary<string, string?>()));

    /// <summary>An officer and their API key.</summary>
    public async Task<(Officer Officer, string Key)> AddAsync(OfficerRole role, string areas, string name = "Cán bộ thử")
    {
        var (officer, key) = await Bot.Get<OfficerStore>().AddAsync(new NewOfficer(name, role, AreaScope.Parse(areas)));
        return (officer, key.Secret);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await Bot.Client.SendAsync(request);
    }

    /// <summary>Uploads a CSV file as the body, as a browser or curl would (text/csv, UTF-8).</summary>
    public Task<HttpResponseMessage> SendCsvAsync(string path, string? key, string csv, string contentType = "text/csv; charset=utf-8", bool chunked = false) =>
        SendBytesAsync(HttpMethod.Post, path, key, Encoding.UTF8.GetBytes(csv), contentType, chunked);

    public async Task<HttpResponseMessage> SendBytesAsync(HttpMethod method, string path, string? key, byte[] body, string contentType, bool chunked = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        // A stream of unknown length goes out chunked, without Content-Length.
        request.Content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await Bot.Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
