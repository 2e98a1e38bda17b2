using System.Diagnostics;
using StackExchange.Redis;
using Xunit;

namespace Campaign.TestSupport;

/// <summary>
/// A real <c>redis-server</c> for tests: started on a free loopback port with no persistence, or the
/// server named by <c>ConnectionStrings__Redis</c> when that is set (as <c>./campaign test</c> does).
/// Each test gets its own key prefix, so tests never see each other's data.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;
    private int _prefixCounter;

    public string ConnectionString { get; private set; } = "";
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("ConnectionStrings__Redis");
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
        }
        else
        {
            var port = LoopbackPort.Free();
            var dir = Directory.CreateTempSubdirectory("campaign-redis-").FullName;
            _process = Process.Start(new ProcessStartInfo("redis-server",
                $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --dir {dir}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("could not start redis-server; install it (apt-get install -y redis-server)");
            ConnectionString = $"127.0.0.1:{port}";
        }
        Connection = await ConnectWithRetryAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    /// <summary>A key prefix no other test in this run uses.</summary>
    public string NewPrefix() => $"t{Environment.ProcessId}:{Interlocked.Increment(ref _prefixCounter)}:";

    private static async Task<ConnectionMultiplexer> ConnectWithRetryAsync(string connectionString)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                return await ConnectionMultiplexer.ConnectAsync(connectionString);
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

}
