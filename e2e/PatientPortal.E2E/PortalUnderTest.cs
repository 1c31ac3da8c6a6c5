using System.Net;
using PatientPortal.Testing;

namespace PatientPortal.E2E;

/// <summary>
/// The portal the browser tests drive, and one Chromium for the whole collection.
/// Set PORTAL_BASE_URL to test a running deployment; otherwise the real portal is started here on its own
/// throw-away databases, served by Kestrel on a free loopback port.
/// </summary>
public sealed class PortalUnderTest : IAsyncLifetime
{
    // Debian's Chromium: Playwright's own browsers cannot be downloaded here (platform.md, "browser tests").
    private const string Chromium = "/usr/bin/chromium";

    private PortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = Environment.GetEnvironmentVariable("PORTAL_BASE_URL") is { Length: > 0 } url
            ? new Uri(url)
            : await StartPortalAsync();

        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install it with `apt-get update && apt-get install -y chromium`.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser (no cookies) whose Accept-Language follows <paramref name="locale"/>.</summary>
    public Task<IBrowserContext> NewBrowserAsync(string locale) =>
        _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });

    private async Task<Uri> StartPortalAsync()
    {
        _factory = await PortalFactory.CreateAsync();
        // 127.0.0.1 only: nothing a test starts listens beyond the machine.
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        return _factory.ClientOptions.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

// One portal and one Chromium shared by every browser test (they run one after another).
[CollectionDefinition(Name)]
public sealed class PortalInChromium : ICollectionFixture<PortalUnderTest>
{
    public const string Name = "Portal in a browser";
}
