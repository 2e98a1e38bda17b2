using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CampaignBot.Console.SignIn;

/// <summary>The login form, from the embedded login.html; every value put into it is HTML-encoded.</summary>
internal static class LoginPage
{
    /// <summary>Only our own files and the form's own origin: nothing injected can load or post anywhere else.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    // Vietnamese letters stay as they are; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(LoginPage).Assembly.GetManifestResourceStream("CampaignBot.Console.SignIn.login.html")
            ?? throw new InvalidOperationException("login.html is not embedded in CampaignBot");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public enum Tone
    {
        Error,
        Info,
    }

    public static IResult Render(int statusCode, string formToken, string formField, string returnUrl, string username = "", string? message = null, Tone tone = Tone.Error)
    {
        var html = Encoder;
        var block = message is null
            ? ""
            : tone == Tone.Error
                ? $"<p class=\"message error\" id=\"login-message\" role=\"alert\">{html.Encode(message)}</p>"
                : $"<p class=\"message info\" id=\"login-message\" role=\"status\">{html.Encode(message)}</p>";
        var page = Template.Value
            .Replace("{{message}}", block, StringComparison.Ordinal)
            .Replace("{{describedBy}}", message is null ? "" : "aria-describedby=\"login-message\"", StringComparison.Ordinal)
            .Replace("{{tokenField}}", html.Encode(formField), StringComparison.Ordinal)
            .Replace("{{token}}", html.Encode(formToken), StringComparison.Ordinal)
            .Replace("{{returnUrl}}", html.Encode(returnUrl), StringComparison.Ordinal)
            .Replace("{{username}}", html.Encode(username), StringComparison.Ordinal);
        return new Page(statusCode, page);
    }

    /// <summary>The HTML with the headers a sign-in page needs: never cached, never framed.</summary>
    private sealed class Page(int statusCode, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XFrameOptions = "DENY";
            response.Headers["Referrer-Policy"] = "same-origin";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
