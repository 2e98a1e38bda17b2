using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignBot.Tests.Console.SignIn;

/// <summary>
/// What a browser does with the console, over plain HTTP: keeps cookies, does not follow redirects
/// (so tests see them), reads the login form's token and sends forms.
/// </summary>
public sealed partial class ConsoleBrowser : IDisposable
{
    public ConsoleBrowser(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Client { get; }

    /// <summary>Opens the login form and posts it; the answer is not followed.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string username, string password, string? returnUrl = null)
    {
        var token = await FormTokenAsync(returnUrl);
        return await PostFormAsync("console/login", new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = returnUrl ?? "",
        });
    }

    /// <summary>Signs in and insists it worked.</summary>
    public async Task SignInOrFailAsync(string username, string password)
    {
        using var response = await SignInAsync(username, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<string> FormTokenAsync(string? returnUrl = null)
    {
        var path = "console/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var page = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no token in the login page: " + html);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>GET /api/admin/me with the session cookie.</summary>
    public async Task<JsonElement> MeAsync()
    {
        using var response = await Client.GetAsync(new Uri("api/admin/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A JSON request with the session cookie, and the CSRF token when given.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? csrfToken = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, contentType);
        }
        if (csrfToken is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrfToken);
        }
        return await Client.SendAsync(request);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
