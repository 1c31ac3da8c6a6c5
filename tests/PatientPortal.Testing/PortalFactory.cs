using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Testing;

/// <summary>
/// The real portal (Program.cs) on a real database of its own, in Development, with mail written to a pickup
/// folder. Use <see cref="CreateAsync"/>; <see cref="WebApplicationFactory{T}.UseKestrel()"/> serves it on a real port for browsers.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private static readonly string[] Modules = ["Accounts", "Profiles", "Appointments", "Inbox", "Activity", "Audit"];

    // Each portal watches files (its appsettings, and wwwroot for asp-append-version) with inotify instances; a suite runs
    // more portals at once than Linux's default per-user limit (128), and then pages fail with a 500. Tests never edit
    // those files: no config reload, and polling watchers, which need no inotify instance.
    static PortalFactory()
    {
        System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services = [];

    private PortalFactory(TestDatabase database, IDictionary<string, string?> settings, string environment)
    {
        _database = database;
        Environment = environment;
        _settings = database.Settings(Modules);
        _settings["Email:PickupDirectory"] = MailFolder;
        _settings["Jobs:OutboxIntervalSeconds"] = "1";
        _settings["Jobs:EmailIntervalSeconds"] = "1";
        if (environment != "Development")
        {
            // What the portal refuses to start without outside Development (a test may blank either to see it refuse).
            _settings["Portal:PublicUrl"] = "https://localhost";
            _settings["DataProtection:CertificatePath"] = TestCertificate.Path;
            _settings["DataProtection:CertificatePassword"] = TestCertificate.Password;
            // A key for tests only (not the development key, which is refused outside Development).
            _settings["Accounts:HashKey"] = "q22kJb8RrZPvmcRCVAvM3YuFZ5Ej296qd2e8mikgTFE=";
        }

        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        // The in-memory test server answers as https://localhost, so Secure cookies flow as in a browser.
        ClientOptions.BaseAddress = new Uri("https://localhost/");
    }

    public string DataFolder => _database.Folder;

    public string MailFolder => Path.Combine(_database.Folder, "mail");

    public string Environment { get; }

    public static async Task<PortalFactory> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null, string environment = "Development") =>
        new(await TestDatabase.CreateAsync(provider), settings ?? new Dictionary<string, string?>(), environment);

    /// <summary>
    /// Another portal on this one's database, with the same settings: a restart (same data folder) or, with
    /// <paramref name="dataFolder"/>, a second instance on another machine's disk (PostgreSQL: the databases are shared, the disk is not).
    /// The database is dropped when the last of them is disposed.
    /// </summary>
    public PortalFactory AnotherInstance(string? dataFolder = null)
    {
        var settings = new Dictionary<string, string?>(_settings);
        if (dataFolder is not null)
        {
            settings["Database:DataFolder"] = dataFolder;
        }

        return new PortalFactory(_database.Share(), settings, Environment);
    }

    /// <summary>Replaces or adds services after the portal's own registrations (before the host starts).</summary>
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
