using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Campaign.Hosting.Http;

/// <summary>
/// Reads a webhook's raw body (signatures are computed over the exact bytes) up to a cap, whether the
/// size was declared or the body arrives chunked.
/// </summary>
public static class CappedBody
{
    /// <returns>The body, or null when it is over <paramref name="maxBytes"/> (the caller answers 413).</returns>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return null;
        }
        // Lower Kestrel's per-request cap too, so a chunked body is cut off by the server as well.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }
}
