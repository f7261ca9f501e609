using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Newsroom.Grpc;

/// <summary>Matches only requests whose content type is gRPC.</summary>
internal sealed class GrpcContentTypeRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null && GrpcProtocolConstants.IsGrpcContentType(httpContext.Request.ContentType);
}
