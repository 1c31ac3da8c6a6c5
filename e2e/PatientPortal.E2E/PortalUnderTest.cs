using System.Net;
using PatientPortal.Testing;

namespace PatientPortal.E2E;

/// <summary>
/// The portal the browser tests drive, and one Chromium for the whole collection.
/// Set PORTAL_BASE_URL to test a running deployment (in Development: the tests read mail from its /dev/mailbox);
/// otherwise the real portal is started here on its own throw-away databases, served by Kestrel on a free loopback port.
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
        if (Environment.GetEnvironmentVariable("PORTAL_BASE_URL") is { Length: > 0 } url)
        {
            BaseAddress = new Uri(url);
        }
        else
        {
            _factory = await LocalPortal.StartAsync();
            BaseAddress = _factory.ClientOptions.BaseAddress;
        }

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

    /// <summary>
    /// A fresh browser (no cookies) whose Accept-Language follows <paramref name="locale"/>, on this portal or on
    /// <paramref name="portal"/> (another instance, e.g. <see cref="QuebecPortal"/>).
    /// </summary>
    public Task<IBrowserContext> NewBrowserAsync(string locale, Uri? portal = null) =>
        _browser!.NewContextAsync(new()
        {
            BaseURL = (portal ?? BaseAddress).ToString(),
            Locale = locale,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });

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

/// <summary>A second portal whose invitations use the Quebec activation code (health card digits or date of birth).</summary>
public sealed class QuebecPortal : IAsyncLifetime
{
    private PortalFactory? _factory;

    public Uri BaseAddress => _factory!.ClientOptions.BaseAddress;

    public async Task InitializeAsync() =>
        _factory = await LocalPortal.StartAsync(new Dictionary<string, string?> { ["Accounts:QuebecInvitations"] = "true" });

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

internal static class LocalPortal
{
    /// <summary>The real portal in Development (demo patient, clinic admin, /dev/mailbox), served on 127.0.0.1 only.</summary>
    public static async Task<PortalFactory> StartAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        // Every test posts from 127.0.0.1, and the per-IP limit (10 credential posts a minute) is meant for one
        // person, not for a whole suite: without this the later journeys get 429 Too Many Requests.
        settings["RateLimits:CredentialPostsPerMinute"] = "1000";
        settings["RateLimits:ConnectionPostsPerHour"] = "1000";
        // The suite opens the demo family's threads and PDFs as one account, from many tests at once (60 a minute is per person).
        settings["RateLimits:InboxReadsPerMinute"] = "1000";
        settings["RateLimits:TabReadsPerMinute"] = "5000";
        settings["RateLimits:BookingPostsPerMinute"] = "1000";
        // The test-only clock (Development only): POST /testing/clock?to=yyyy-MM-dd&runAgeOfConsentJob=true (header X-Test-Clock: move) lets a
        // child's 14th birthday pass inside a journey. It only moves forward, and this portal is shared by every test.
        settings["Testing:ClockHook"] = "true";
        var factory = await PortalFactory.CreateAsync(settings: settings);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }
}

// One portal and one Chromium shared by every browser test (they run one after another).
[CollectionDefinition(Name)]
public sealed class PortalInChromium : ICollectionFixture<PortalUnderTest>
{
    public const string Name = "Portal in a browser";
}
