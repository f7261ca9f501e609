using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc;

/// <summary>
/// Handles one method's HTTP requests: checks the request is a gRPC call, creates the
/// service and the call context, runs the call and ends it with a status.
/// </summary>
internal abstract class ServerCallHandler<TService>(string method, GrpcServerOptions options, ILogger logger)
    where TService : class
{
    private static readonly ObjectFactory CreateService = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);

    public string Method { get; } = method;

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (httpContext.Request.Protocol != "HTTP/2")
        {
            await GrpcStatusHeaders.RejectAsync(httpContext, StatusCodes.Status426UpgradeRequired, new Status(StatusCode.Internal, $"Request protocol '{httpContext.Request.Protocol}' is not supported: gRPC needs HTTP/2.")).ConfigureAwait(false);
            return;
        }

        if (!GrpcProtocolConstants.IsGrpcContentType(httpContext.Request.ContentType))
        {
            await GrpcStatusHeaders.RejectAsync(httpContext, StatusCodes.Status415UnsupportedMediaType, new Status(StatusCode.Internal, $"Content-Type '{httpContext.Request.ContentType}' is not supported: use application/grpc.")).ConfigureAwait(false);
            return;
        }

        using var context = new ServerCallContext(httpContext, Method, options, logger);
        if (!GrpcProtocolConstants.IsSupportedEncoding(context.RequestEncoding))
        {
            await GrpcStatusHeaders.RejectAsync(httpContext, StatusCodes.Status200OK, new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{context.RequestEncoding}'. Supported encodings: {GrpcProtocolConstants.SupportedEncodings}."), GrpcProtocolConstants.SupportedEncodings).ConfigureAwait(false);
            return;
        }

        RemoveRequestBodyLimits(httpContext);
        context.StartDeadlineTimer();
        var service = httpContext.RequestServices.GetService<TService>();
        var created = service is null;
        service ??= (TService)CreateService(httpContext.RequestServices, null);
        Status status;
        try
        {
            await HandleCallCoreAsync(service, context).ConfigureAwait(false);
            status = Status.DefaultSuccess;
        }
        catch (Exception exception) when (context.IsCompleted)
        {
            GrpcServerLog.FailedAfterEnd(logger, Method, exception);
            return;
        }
        catch (Exception exception)
        {
            status = context.StatusFromException(exception);
        }
        finally
        {
            if (created)
            {
                await DisposeAsync(service).ConfigureAwait(false);
            }
        }

        await context.EndCallAsync(status).ConfigureAwait(false);
    }

    protected abstract Task HandleCallCoreAsync(TService service, ServerCallContext context);

    protected static TDelegate CreateInvoker<TDelegate>(MethodInfo handler)
        where TDelegate : Delegate => handler.CreateDelegate<TDelegate>();

    private static void RemoveRequestBodyLimits(HttpContext httpContext)
    {
        // A stream of messages may be long and slow; the message size limit guards memory instead.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }
    }

    private static async ValueTask DisposeAsync(TService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
