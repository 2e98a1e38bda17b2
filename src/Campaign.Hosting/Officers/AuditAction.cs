using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Endpoint metadata naming the action an endpoint performs in the audit log ("campaign.approve");
/// without it, denied requests are logged as "METHOD route".
/// </summary>
public sealed record AuditAction(string Name)
{
    public static string For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<AuditAction>() is { } action)
        {
            return action.Name;
        }
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
        return $"{context.Request.Method} {route}";
    }
}

public static class AuditActionExtensions
{
    public static TBuilder WithAuditAction<TBuilder>(this TBuilder builder, string name) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditAction(name));
}
