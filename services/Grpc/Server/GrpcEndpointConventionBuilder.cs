using Microsoft.AspNetCore.Builder;

namespace Newsroom.Grpc;

/// <summary>Applies a convention (authorization, host, metadata) to every route of a service.</summary>
internal sealed class GrpcEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
