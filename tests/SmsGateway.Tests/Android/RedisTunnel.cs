using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SmsGateway.Tests.Android;

/// <summary>
/// A TCP relay in front of the test Redis that a test can cut: the gateway starts with Redis
/// reachable, then loses it mid-run, as in a real outage (the test Redis itself stays up for others).
/// </summary>
internal sealed class RedisTunnel : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly EndPoint _target;
    private readonly CancellationTokenSource _cut = new();
    private readonly List<TcpClient> _sockets = [];
    private readonly Task _accepting;

    private RedisTunnel(EndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The connection string of the real server, pointed through the tunnel, failing fast.</summary>
    public string ConnectionString { get; private set; } = "";

    public static RedisTunnel Open(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var tunnel = new RedisTunnel(options.EndPoints[0]);
        options.EndPoints.Clear();
        options.EndPoints.Add(IPAddress.Loopback, ((IPEndPoint)tunnel._listener.LocalEndpoint).Port);
        options.AsyncTimeout = 1000;
        options.SyncTimeout = 1000;
        tunnel.ConnectionString = options.ToString();
        return tunnel;
    }

    /// <summary>Drops every connection and refuses new ones.</summary>
    public async Task CutAsync()
    {
        await _cut.CancelAsync();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_cut.IsCancellationRequested)
        {
            await CutAsync();
        }
        _cut.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_cut.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_cut.Token);
            var upstream = new TcpClient();
            await upstream.ConnectAsync(Host(_target), Port(_target), _cut.Token);
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(upstream);
            }
            _ = Pump(client.GetStream(), upstream.GetStream());
            _ = Pump(upstream.GetStream(), client.GetStream());
        }
    }

    private async Task Pump(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, _cut.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static string Host(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => ip.Address.ToString(),
        DnsEndPoint dns => dns.Host,
        _ => throw new NotSupportedException(endPoint.ToString()),
    };

    private static int Port(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => ip.Port,
        DnsEndPoint dns => dns.Port,
        _ => throw new NotSupportedException(endPoint.ToString()),
    };
}
