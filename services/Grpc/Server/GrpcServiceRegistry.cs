using Google.Protobuf.Reflection;

namespace Newsroom.Grpc;

/// <summary>The services mapped on this server, for reflection and for telling an unknown service from an unknown method.</summary>
public sealed class GrpcServiceRegistry
{
    private readonly List<ServiceDescriptor> _services = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_lock)
            {
                return [.. _services];
            }
        }
    }

    internal bool UnimplementedRouteMapped { get; set; }

    internal void Add(ServiceDescriptor service)
    {
        lock (_lock)
        {
            if (_services.Exists(s => s.FullName == service.FullName))
            {
                throw new InvalidOperationException($"The gRPC service {service.FullName} is mapped twice.");
            }

            _services.Add(service);
        }
    }

    internal bool Contains(string serviceName)
    {
        lock (_lock)
        {
            return _services.Exists(s => s.FullName == serviceName);
        }
    }
}
