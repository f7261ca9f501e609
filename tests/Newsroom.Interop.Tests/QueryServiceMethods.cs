using Google.Protobuf;
using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.Interop.Tests;

/// <summary>
/// The QueryService method the fixture needs to see the samples indexed, declared the way generated
/// clients declare it: Newsroom.Contracts generates the messages only.
/// </summary>
public static class QueryServiceMethods
{
    public static Method<ListStoriesRequest, ListStoriesResponse> ListStories { get; } = new(
        MethodType.Unary,
        QueryReflection.Descriptor.Services[0].FullName,
        "ListStories",
        Marshallers.Create<ListStoriesRequest>(request => request.ToByteArray(), ListStoriesRequest.Parser.ParseFrom),
        Marshallers.Create<ListStoriesResponse>(response => response.ToByteArray(), ListStoriesResponse.Parser.ParseFrom));
}
