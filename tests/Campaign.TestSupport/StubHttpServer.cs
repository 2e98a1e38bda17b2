using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaign.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a provider's API (Twilio, an Android phone, the
/// Bot Connector ...): it records every request and answers with whatever <see cref="Handler"/> says.
/// </summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private StubHttpServer(WebApplication app) => _app = app;

    /// <summary>The answer to the next requests; replace it per test. Default: 200 with "{}".</summary>
    public Func<RecordedRequest, StubResponse> Handler { get; set; } = _ => StubResponse.Json(200, "{}");

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<StubHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new StubHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray());
        _requests.Enqueue(request);

        var response = Handler(request);
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A request the stub received, with its raw body.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The body as an <c>application/x-www-form-urlencoded</c> form.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(BodyText).ToDictionary(p => p.Key, p => p.Value.ToString());
}

/// <summary>What the stub answers.</summary>
public sealed record StubResponse(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before answering (to provoke client timeouts).</summary>
    public TimeSpan Delay { get; init; }

    public static StubResponse Json(int status, string body) => new(status, body);
}
