using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newsroom.Grpc;

namespace Newsroom.ServiceDefaults;

/// <summary>What every Newsroom service shares, composed the same way by each service and by the standalone host.</summary>
public static class ServiceDefaultsExtensions
{
    private const string RegistrationsKey = "Newsroom.BusConsumerRegistrations";

    /// <summary>
    /// Adds a consumer with its definition (endpoint name and policy) to the bus that
    /// <see cref="AddServiceDefaults"/> creates. Call it from a service's own registrations.
    /// </summary>
    public static WebApplicationBuilder AddBusConsumer<TConsumer, TDefinition>(this WebApplicationBuilder builder)
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        var registrations = Registrations(builder);
        if (registrations.BusAdded)
        {
            throw new InvalidOperationException(
                $"{typeof(TConsumer).Name} was added after the bus was created: call AddServiceDefaults() after the services' own registrations.");
        }
        registrations.Registrations.Add(bus => bus.AddConsumer<TConsumer, TDefinition>());
        return builder;
    }

    /// <summary>
    /// The bus (RabbitMQ or in-memory, from <c>Bus:Uri</c>) with every consumer added so far, kebab-case
    /// endpoints, persistent messages and publisher confirms; the gRPC server on <c>Grpc:Url</c> with
    /// health that follows the bus; and structured console logs. Call it after the services' own
    /// registrations, which add the consumers.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        var busOptions = builder.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        var grpcOptions = builder.Configuration.GetSection(GrpcEndpointOptions.SectionName).Get<GrpcEndpointOptions>() ?? new GrpcEndpointOptions();
        builder.Services.Configure<DataOptions>(builder.Configuration.GetSection(DataOptions.SectionName));

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        // Plain-text HTTP/2 (h2c) is what gRPC clients speak without TLS; it needs an endpoint of its own.
        builder.WebHost.UseUrls(grpcOptions.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer();

        var registrations = Registrations(builder);
        registrations.BusAdded = true;
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var register in registrations.Registrations)
            {
                register(bus);
            }
            if (busOptions.IsInMemory)
            {
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, transport) =>
                {
                    transport.Host(new Uri(busOptions.Uri), host => host.PublisherConfirmation = true);
                    transport.Durable = true;
                    transport.ConfigureEndpoints(context);
                });
            }
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            // Start serving only once the bus is connected and the endpoints exist.
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddHostedService<BusHealthMonitor>();
        return builder;
    }

    /// <summary>Maps gRPC health (following the bus) and server reflection.</summary>
    public static IEndpointRouteBuilder MapServiceDefaults(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcHealthService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }

    private static BusConsumerRegistrations Registrations(WebApplicationBuilder builder)
    {
        var properties = ((IHostApplicationBuilder)builder).Properties;
        if (!properties.TryGetValue(RegistrationsKey, out var value))
        {
            value = new BusConsumerRegistrations();
            properties[RegistrationsKey] = value;
        }
        return (BusConsumerRegistrations)value;
    }
}
