using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>What every Newsroom service shares, composed the same way by each service and by the standalone host.</summary>
public static class ServiceDefaultsExtensions
{
    private const string RegistrationsKey = "Newsroom.BusConsumerRegistrations";

    /// <summary>
    /// Log levels every service starts from; appsettings.json, environment variables and the
    /// command line override them. Per-request lines from ASP.NET Core (a container probe every
    /// few seconds) and MassTransit's start-up chatter would bury what matters, and grpc-dotnet's
    /// call handler logs what clients cause (a reset stream, an oversized message) with a stack
    /// trace at Information; the client gets its status, and real failures are logged as errors.
    /// </summary>
    private static readonly Dictionary<string, string?> DefaultSettings = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Grpc.AspNetCore.Server.ServerCallHandler"] = "Warning",
        ["Logging:LogLevel:MassTransit"] = "Warning",
    };

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
    /// The counters the services record (<see cref="PipelineMetrics"/>), once however many services
    /// share a host. Call it from a service's own registrations.
    /// </summary>
    public static IServiceCollection AddPipelineMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PipelineMetrics>();
        return services;
    }

    /// <summary>
    /// The bus (RabbitMQ or in-memory, from <c>Bus:Uri</c>; a RabbitMQ cluster's further nodes from
    /// <c>Bus:ClusterNodes</c>, quorum queues with <c>Bus:QuorumQueues</c>) with every consumer added so far,
    /// kebab-case endpoints, persistent messages and publisher confirms; gRPC on <c>Grpc:Url</c>
    /// with exception mapping, reflection, JSON transcoding (on <c>Http:Url</c> when set) and
    /// health that is SERVING only while the bus is connected (a bus without consumers gets a
    /// <see cref="ConnectionWatchEndpoint"/> for that) and the host is not stopping; and
    /// structured console logs. Call it after the services' own registrations, which add the consumers.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultSettings });
        var busOptions = builder.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        // Checked before the bus is created from the same section, so a wrong setting is named instead of failing the bus's start.
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        builder.AddGrpcDefaults();
        var registrations = Registrations(builder);
        registrations.BusAdded = true;
        var watchConnection = !busOptions.IsInMemory && registrations.Registrations.Count == 0;
        if (watchConnection)
        {
            builder.Services.AddHealthChecks().AddCheck<ConnectionWatchHealthCheck>(ConnectionWatchHealthCheck.Name);
        }
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // Newsroom does not report usage to anyone, and often runs where nothing outside answers.
            bus.DisableUsageTelemetry();
            foreach (var register in registrations.Registrations)
            {
                register(bus);
            }
            if (busOptions.QuorumQueues)
            {
                // Every endpoint of a consumer definition; MassTransit declares its _error and _skipped
                // queues with the same arguments. Temporary endpoints stay classic and auto-delete.
                bus.AddConfigureEndpointsCallback((_, endpoint) => (endpoint as IRabbitMqReceiveEndpointConfigurator)?.SetQuorumQueue());
            }
            if (busOptions.IsInMemory)
            {
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, transport) =>
                {
                    transport.Host(new Uri(busOptions.Uri), host =>
                    {
                        host.PublisherConfirmation = true;
                        if (busOptions.ClusterNodes.Count > 0)
                        {
                            host.UseCluster(cluster =>
                            {
                                foreach (var node in busOptions.ClusterNodeAddresses())
                                {
                                    cluster.Node(node);
                                }
                            });
                        }
                    });
                    transport.Durable = true;
                    if (watchConnection)
                    {
                        ConnectionWatchEndpoint.Add(transport);
                    }
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
        return builder;
    }

    /// <summary>
    /// gRPC on <c>Grpc:Url</c> (and JSON over HTTP on <c>Http:Url</c> when set) with the exception
    /// interceptor, reflection and health checks; traces and metrics (<see cref="TelemetryRegistration"/>). Part of <see cref="AddServiceDefaults"/>; on its
    /// own for hosts that bring another bus, such as MassTransit's test harness.
    /// </summary>
    public static WebApplicationBuilder AddGrpcDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddEndpoints(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<GrpcExceptionInterceptor>()).AddJsonTranscoding();
        builder.Services.AddGrpcReflection();
        // MassTransit adds its bus check to the same health checks; the default mapping of the
        // overall service ("") takes every check, so health follows the bus and the host.
        builder.Services.AddGrpcHealthChecks().AddCheck<HostStoppingHealthCheck>(HostStoppingHealthCheck.Name);
        builder.Services.AddServiceAccess();
        builder.Services.AddClientRateLimits();
        TelemetryRegistration.AddTelemetry(builder);
        return builder;
    }

    /// <summary>
    /// Adds the per-client rate limits to the pipeline (after authentication, so that a client with
    /// a key is limited by its name) and maps gRPC health (following the bus and the host) and
    /// server reflection (v1 and v1alpha), both open to anonymous callers, and the metrics for
    /// Prometheus on <c>/metrics</c>.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        TelemetryRegistration.MapTelemetry(app);
        return app;
    }

    /// <summary>
    /// gRPC clients without TLS speak HTTP/2 with prior knowledge (h2c), which needs an endpoint of
    /// its own; JSON over HTTP is for curl and browsers, which speak HTTP/1.1 there. With TLS, ALPN
    /// lets one endpoint serve both. Kestrel binds them in this order, so <c>app.Urls</c> lists the
    /// gRPC address first.
    /// </summary>
    private static void AddEndpoints(WebApplicationBuilder builder)
    {
        var grpc = builder.Configuration.GetSection(GrpcEndpointOptions.SectionName).Get<GrpcEndpointOptions>() ?? new GrpcEndpointOptions();
        var http = builder.Configuration.GetSection(HttpEndpointOptions.SectionName).Get<HttpEndpointOptions>() ?? new HttpEndpointOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            Listen(kestrel, GrpcEndpointOptions.SectionName, grpc.Url, grpc.Certificate, grpc.Certificate, HttpProtocols.Http2);
            if (http.Url.Length > 0)
            {
                Listen(kestrel, HttpEndpointOptions.SectionName, http.Url, http.Certificate, grpc.Certificate, HttpProtocols.Http1);
            }
        });
    }

    /// <summary>Binds one endpoint; its TLS certificate is its own, or else <paramref name="sharedCertificate"/> (the gRPC one).</summary>
    private static void Listen(
        KestrelServerOptions kestrel, string section, string url, CertificateOptions ownCertificate, CertificateOptions sharedCertificate, HttpProtocols plainTextProtocols)
    {
        var certificate = ownCertificate.IsConfigured ? ownCertificate : sharedCertificate;
        var setting = $"{section}:Url";
        if (!EndpointUrl.TryParse(url, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{setting} is '{url}'; give an address such as http://localhost:5000, http://0.0.0.0:8080, or https://0.0.0.0:8443 with {section}:Certificate:Path.");
        }
        var tls = uri.Scheme == Uri.UriSchemeHttps;
        if (tls && !certificate.IsConfigured)
        {
            throw new InvalidOperationException($"{setting} is '{url}', but TLS needs a certificate: set {section}:Certificate:Path (a .pfx with {section}:Certificate:Password, or a PEM file with {section}:Certificate:KeyPath), or use http:// for plain text on a trusted network.");
        }
        if (!tls && ownCertificate.IsConfigured)
        {
            throw new InvalidOperationException($"{section}:Certificate:Path is set, but {setting} '{url}' is plain text; write it with https:// to serve TLS, or remove the certificate setting.");
        }
        var serverCertificate = tls ? certificate.Load(ownCertificate.IsConfigured ? section : GrpcEndpointOptions.SectionName) : null;

        void Configure(ListenOptions listen)
        {
            if (serverCertificate is null)
            {
                listen.Protocols = plainTextProtocols;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(serverCertificate);
            }
        }

        if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns)
        {
            kestrel.ListenLocalhost(uri.Port, Configure);
        }
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                kestrel.ListenAnyIP(uri.Port, Configure);
            }
            else
            {
                kestrel.Listen(address, uri.Port, Configure);
            }
        }
        else
        {
            throw new InvalidOperationException($"{setting} is '{url}'; use localhost, an IP address, or 0.0.0.0 for every interface as its host.");
        }
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
