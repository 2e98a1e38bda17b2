using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Campaign.Hosting;

/// <summary>
/// A per-endpoint body cap, tighter than the server-wide one: routing applies it before the handler
/// reads the body, and a larger body is refused with 413.
/// </summary>
public static class BodySizeLimit
{
    public static TBuilder WithMaxBodySize<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(bytes));

    private sealed class Limit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
