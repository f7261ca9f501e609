using System.Net;
using System.Net.Sockets;

namespace Newsroom.Testing;

public static class FreePort
{
    private const int Lowest = 10000;

    /// <summary>
    /// A loopback port nobody listens on right now, below the kernel's ephemeral range: a port the kernel
    /// hands out can go to any outgoing connection in the moment between this check and the service's
    /// bind (it happened with RabbitMQ and gRPC clients busy beside the tests).
    /// </summary>
    public static int Next()
    {
        var ephemeralStart = EphemeralStart();
        for (var attempt = 0; attempt < 100 && ephemeralStart > Lowest; attempt++)
        {
            var port = Random.Shared.Next(Lowest, ephemeralStart);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        using var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        return ((IPEndPoint)any.LocalEndpoint).Port;
    }

    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 32768;
    }
}
