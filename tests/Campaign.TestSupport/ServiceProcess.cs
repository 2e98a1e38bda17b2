using System.Diagnostics;
using System.Text;

namespace Campaign.TestSupport;

/// <summary>
/// One of the services running as a real process on a free loopback port, the way operators run it
/// (<c>dotnet Service.dll --urls ...</c>), from the build output of <c>src/&lt;Service&gt;</c>.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Client => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the service; waits until /healthz answers unless <paramref name="waitUntilHealthy"/> is false.</summary>
    public static async Task<ServiceProcess> StartAsync(string service, IDictionary<string, string> environment, bool waitUntilHealthy = true)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", service, "bin", BuildConfiguration, "net10.0", service + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; build the solution first");
        }
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(RepoPaths.Root, "src", service),
        };
        info.Environment["Content__Path"] = RepoPaths.Content;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var started = new ServiceProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        if (waitUntilHealthy)
        {
            await started.WaitUntilHealthyAsync();
        }
        return started;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = Client;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"service did not become healthy; output:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

}
