using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Core.Conversations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CampaignBot.Console;

/// <summary>
/// The admin API writes the domain's enums as strings (<c>"zalo"</c>, <c>"draft"</c>, see
/// <c>CampaignJson</c>), but the OpenAPI generator reads the app's default JSON options, which
/// would describe them as integers; this gives the document the names actually sent.
/// </summary>
internal sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && type.Namespace?.StartsWith("Campaign.Core", StringComparison.Ordinal) == true)
        {
            var nullable = schema.Type is { } t && t.HasFlag(JsonSchemaType.Null);
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = null;
            schema.Enum = [.. Names(type).Select(n => (JsonNode)JsonValue.Create(n))];
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<string> Names(Type type) => type == typeof(Channel)
        ? Enum.GetValues<Channel>().Select(c => c.Key())
        : Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName);
}
