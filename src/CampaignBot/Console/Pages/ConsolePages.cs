using System.Collections.Frozen;
using System.Text;

namespace CampaignBot.Console.Pages;

/// <summary>
/// The officer console's pages under <c>/console</c>: static HTML embedded in the assembly (no build
/// step, nothing from the internet), each page's body wrapped in one layout, plus its CSS and
/// JavaScript under <c>/console/assets</c>. Pages hold no data: their scripts call <c>/api/admin</c>,
/// which is where authorisation, area scope and audit happen. Every answer carries a strict CSP, so
/// the pages run only their own files.
/// </summary>
public static class ConsolePages
{
    public const string Prefix = "/console";

    /// <summary>Same origin only; no inline script or style, no framing, forms post only to us.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private const string ResourcePrefix = "CampaignBot.Console.Pages.";

    /// <summary>Route (under /console) → page file, title, script. Page routes keep ids in the path; scripts read them from location.</summary>
    private static readonly (string Route, string Page, string Title)[] Routes =
    [
        ("", "dashboard", "Tổng quan"),
        ("/campaigns", "campaigns", "Chiến dịch"),
        ("/campaigns/new", "campaign", "Chiến dịch mới"),
        ("/campaigns/{id}", "campaign", "Chiến dịch"),
        ("/approvals", "approvals", "Chờ duyệt"),
        ("/occurrences/{id}", "occurrence", "Báo cáo lần gửi"),
        ("/reports/areas", "areas", "Báo cáo theo địa bàn"),
        ("/inbox", "inbox", "Câu hỏi chưa trả lời"),
        ("/subscribers", "subscribers", "Người nhận tin"),
        ("/audit", "audit", "Nhật ký thao tác"),
        ("/officers", "officers", "Cán bộ"),
    ];

    private static readonly FrozenDictionary<string, string> AssetTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    /// <summary>
    /// Maps the assets (public: the login page needs the stylesheet) and the pages. Returns the pages'
    /// group so sign-in can require the console cookie on them.
    /// </summary>
    public static RouteGroupBuilder MapConsolePages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = LoadAssets();
        var layout = Read("layout.html");
        app.MapGet(Prefix + "/assets/{name}", (string name, HttpContext context) =>
        {
            if (!assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }
            Secure(context.Response);
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(asset.Bytes, asset.ContentType);
        }).ExcludeFromDescription();

        var pages = app.MapGroup(Prefix).ExcludeFromDescription();
        foreach (var (route, page, title) in Routes)
        {
            var html = Encoding.UTF8.GetBytes(layout
                .Replace("{{title}}", title, StringComparison.Ordinal)
                .Replace("{{page}}", page, StringComparison.Ordinal)
                .Replace("{{main}}", Read(page + ".html"), StringComparison.Ordinal));
            pages.MapGet(route, (HttpContext context) =>
            {
                Secure(context.Response);
                context.Response.Headers.CacheControl = "no-store";
                return Results.Bytes(html, "text/html; charset=utf-8");
            });
        }
        return pages;
    }

    /// <summary>The headers every console answer carries.</summary>
    public static void Secure(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.XFrameOptions = "DENY";
    }

    private static FrozenDictionary<string, (byte[] Bytes, string ContentType)> LoadAssets()
    {
        var assembly = typeof(ConsolePages).Assembly;
        var found = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix + "assets.", StringComparison.Ordinal)))
        {
            var name = resource[(ResourcePrefix.Length + "assets.".Length)..];
            if (!AssetTypes.TryGetValue(Path.GetExtension(name), out var type))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            found[name] = (copy.ToArray(), type);
        }
        return found.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Read(string file)
    {
        using var stream = typeof(ConsolePages).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"console page {file} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
