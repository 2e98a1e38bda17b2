using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Campaign.TestSupport;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (packages <c>chromium</c> and
/// <c>chromium-driver</c>, which <c>./campaign test</c> and <c>.ci/run</c> install). Paths are given
/// explicitly so Selenium never tries to download a browser or a driver.
/// </summary>
public sealed class Browser : IDisposable
{
    private Browser(ChromeDriver driver) => Driver = driver;

    public IWebDriver Driver { get; }

    /// <param name="width">Window width: 420 is a phone held upright.</param>
    public static Browser Start(int width = 420, int height = 860)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROME_BIN") ?? "/usr/bin/chromium";
        var driverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER") ?? "/usr/bin/chromedriver";
        if (!File.Exists(chromium) || !File.Exists(driverPath))
        {
            throw new InvalidOperationException(
                $"browser tests need {chromium} and {driverPath}: apt-get install -y chromium chromium-driver (./campaign test does it when run as root)");
        }
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--window-size={width},{height}", "--lang=vi");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    public void Open(Uri url) => Driver.Navigate().GoToUrl(url);

    /// <summary>The texts of the elements matching <paramref name="css"/>, once <paramref name="done"/> holds for them.</summary>
    public Task<IReadOnlyList<string>> TextsAsync(string css, Func<IReadOnlyList<string>, bool> done, string what) =>
        Eventually.GetAsync<IReadOnlyList<string>>(
            () => [.. Driver.FindElements(By.CssSelector(css)).Select(e => e.Text)],
            done,
            texts => $"{what}; saw {texts.Count} element(s) '{css}': {string.Join(" | ", texts.TakeLast(3))}");

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
