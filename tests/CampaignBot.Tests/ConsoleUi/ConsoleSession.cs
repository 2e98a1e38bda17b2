using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Campaign.Core.Officers;
using Campaign.TestSupport;
using CampaignBot.Tests.Console;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CampaignBot.Tests.ConsoleUi;

/// <summary>An officer the browser tests sign in as: username and password (the console's sign-in), or an API key.</summary>
public sealed record ConsoleLogin(string Name, string Username, string Password, string? ApiKey);

/// <summary>
/// A phone-sized Chromium on the console: officers created through the officers API (as an admin
/// would), signed in through <c>/console/login</c>, a screenshot of the page when a step fails.
/// </summary>
/// <remarks>
/// Before the console sign-in exists, set CONSOLE_UI_KEY_AUTH=1 to run the pages with officers' API
/// keys sent as a header by the browser itself (Chrome DevTools), a test-only stand-in: nothing in
/// the product accepts anything but the cookie or a key it issued.
/// </remarks>
public sealed class ConsoleSession : IDisposable
{
    private static readonly bool KeyAuth = Environment.GetEnvironmentVariable("CONSOLE_UI_KEY_AUTH") == "1";
    private int _officers;

    public ConsoleSession(AdminApiHost host, int width = 420)
    {
        Host = host;
        Browser = Browser.Start(width);
    }

    public AdminApiHost Host { get; }
    public Browser Browser { get; }
    public IWebDriver Driver => Browser.Driver;

    /// <summary>A new officer, made by an admin through the API (with a password to sign in with).</summary>
    public async Task<ConsoleLogin> AddOfficerAsync(OfficerRole role, string areas, string name)
    {
        var number = Interlocked.Increment(ref _officers);
        var username = $"canbo{number}{Guid.NewGuid().ToString("N")[..6]}";
        const string password = "Mat-khau-thu-2030!";
        if (KeyAuth)
        {
            var (_, key) = await Host.AddAsync(role, areas, name);
            return new ConsoleLogin(name, username, password, key);
        }
        var (_, adminKey) = await Host.AddAsync(OfficerRole.Admin, "*", "Quản trị thử");
        var body = JsonSerializer.Serialize(new { name, username, password, role = role.ToString().ToLowerInvariant(), areas });
        using var created = await Host.SendAsync(HttpMethod.Post, "api/admin/officers", adminKey, body);
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"creating officer {username}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return new ConsoleLogin(name, username, password, null);
    }

    /// <summary>Signs in through the login form (signing out whoever was signed in) and waits for the dashboard.</summary>
    public async Task SignInAsync(ConsoleLogin officer)
    {
        if (officer.ApiKey is { } key)
        {
            var chrome = (ChromeDriver)Driver;
            chrome.ExecuteCdpCommand("Network.enable", []);
            chrome.ExecuteCdpCommand("Network.setExtraHTTPHeaders", new Dictionary<string, object?>
            {
                ["headers"] = new Dictionary<string, object> { ["Authorization"] = "Bearer " + key },
            });
            Open("console");
            return;
        }
        Driver.Manage().Cookies.DeleteAllCookies();
        Open("console/login");
        Driver.FindElement(By.Name("username")).SendKeys(officer.Username);
        var password = Driver.FindElement(By.Name("password"));
        password.SendKeys(officer.Password);
        password.Submit();
        await Eventually.GetAsync(() => new Uri(Driver.Url).AbsolutePath, p => p is "/console" or "/console/", p => $"signed in and on the dashboard; at {p}");
        await TextAsync("#who-name", t => t.Contains(officer.Name, StringComparison.Ordinal), "the officer's name in the header");
    }

    public void Open(string path) => Browser.Open(new Uri(Host.Bot.BaseAddress, path));

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    /// <summary>The first element matching <paramref name="css"/>, once there is one and it is shown.</summary>
    public Task<IWebElement> WaitAsync(string css, string what) =>
        Eventually.GetAsync(
            () => Fresh(() => Driver.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed)),
            e => e is not null,
            _ => $"{what} ('{css}')")!;

    /// <summary>Waits for the element, scrolls it to the middle of the screen (a phone shows little at once) and clicks it.</summary>
    public async Task ClickAsync(string css, string what)
    {
        var element = await WaitAsync(css, what);
        ((IJavaScriptExecutor)Driver).ExecuteScript("arguments[0].scrollIntoView({ block: 'center' });", element);
        element.Click();
    }

    public Task<string> TextAsync(string css, Func<string, bool> done, string what, TimeSpan? within = null) =>
        Eventually.GetAsync(
            () => Task.FromResult(Fresh(() => Driver.FindElements(By.CssSelector(css)).Select(e => e.Text).FirstOrDefault()) ?? ""),
            done,
            t => $"{what}; '{css}' says: {t}",
            within);

    public Task<string> AttributeAsync(string css, string attribute, Func<string, bool> done, string what, TimeSpan? within = null) =>
        Eventually.GetAsync(
            () => Task.FromResult(Fresh(() => Driver.FindElements(By.CssSelector(css)).Select(e => e.GetAttribute(attribute)).FirstOrDefault()) ?? ""),
            done,
            t => $"{what}; '{css}' {attribute}={t}",
            within);

    /// <summary>
    /// Reads the page, or null when the element was replaced between finding and reading it (the
    /// page re-renders as answers arrive): the next poll reads the new one.
    /// </summary>
    private static T? Fresh<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (StaleElementReferenceException)
        {
            return default;
        }
    }

    /// <summary>Sets an input's value as a date or time picker would and tells the page.</summary>
    public void SetValue(string css, string value) =>
        ((IJavaScriptExecutor)Driver).ExecuteScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", Find(css), value);

    /// <summary>Runs a journey; when it fails, saves what the browser showed (TestResults/console-ui/&lt;test&gt;.png) and says where.</summary>
    public async Task RunAsync(Func<Task> journey, [CallerMemberName] string test = "")
    {
        try
        {
            await journey();
        }
        catch (Exception failure)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "console-ui");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, test + ".png");
            try
            {
                ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(file);
            }
            catch (WebDriverException)
            {
                file = "(no screenshot: the browser did not answer)";
            }
            throw new InvalidOperationException($"{failure.Message}\nScreenshot: {file}\nPage: {Driver.Url}", failure);
        }
    }

    public void Dispose() => Browser.Dispose();
}
