using System.Net;
using System.Net.Sockets;

namespace Campaign.TestSupport;

/// <summary>Loopback ports for tests: one to start a server on, or one where nothing answers (connection refused).</summary>
public static class LoopbackPort
{
    /// <summary>A port free a moment ago (taken from the OS, then released): listen on it, or use it as a closed port.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
