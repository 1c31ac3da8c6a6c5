using Microsoft.Extensions.Time.Testing;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Testing;

namespace PatientPortal.Modules.Accounts.Tests.TestData;

/// <summary>The Accounts module on a real, migrated database, with a test clock and a settable signed-in account.</summary>
internal sealed class AccountsHarness : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private AccountsHarness(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        Services = services;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public FakeCurrentAccount Current => Services.GetRequiredService<FakeCurrentAccount>();

    /// <param name="environment">The host's environment: Development (the default) hashes with the development key unless <c>Accounts:HashKey</c> is set.</param>
    /// <param name="replace">Swaps a module service for a test's own (after the module registered its own).</param>
    public static async Task<AccountsHarness> CreateAsync(
        DatabaseProvider provider, Dictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? replace = null) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), settings, environment, replace);

    /// <summary>The module again on this harness's database, with other settings (a restart, or a copy of the database elsewhere).</summary>
    public Task<AccountsHarness> AnotherInstanceAsync(Dictionary<string, string?>? settings = null, string environment = "Development") =>
        StartAsync(_database.Share(), settings, environment, replace: null);

    private static async Task<AccountsHarness> StartAsync(
        TestDatabase database, Dictionary<string, string?>? settings, string environment, Action<IServiceCollection>? replace)
    {
        var all = database.Settings(AccountsModule.Name);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var collection = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestEnvironment(environment))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero)))
            .AddSingleton<FakeCurrentAccount>()
            .AddSingleton<ICurrentAccount>(sp => sp.GetRequiredService<FakeCurrentAccount>())
            .AddSingleton<IPortalLinks, TestLinks>()
            .AddSingleton<IAccountLinks, TestLinks>()
            .AddBuildingBlocks(configuration)
            .AddAccountsModule(configuration);
        replace?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.MigrateAsync();
        }

        return new AccountsHarness(database, services);
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> QueryAsync<T>(Func<AccountsDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AccountsDbContext>());
    }

    /// <summary>The queued emails to an address, oldest first.</summary>
    public Task<List<BuildingBlocks.Email.QueuedEmail>> MailsToAsync(string to) =>
        QueryAsync(db => db.QueuedEmails.AsNoTracking().Where(e => e.To == to).OrderBy(e => e.CreatedUtc).ToListAsync());

    /// <summary>The token in the newest mail's link to this address ("…?token=XYZ").</summary>
    public async Task<string> TokenMailedToAsync(string to)
    {
        var mail = (await MailsToAsync(to))[^1];
        var start = mail.TextBody.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        var end = mail.TextBody.IndexOfAny([' ', '\n', '\r'], start);
        return Uri.UnescapeDataString(end < 0 ? mail.TextBody[start..] : mail.TextBody[start..end]);
    }

    /// <summary>The six-digit code in the newest mail to this address.</summary>
    public async Task<string> CodeMailedToAsync(string to) =>
        (await MailsToAsync(to))[^1].TextBody.Split('\n').Select(l => l.Trim()).Single(l => l.Length == 6 && l.All(char.IsAsciiDigit));

    /// <summary>One wrong password for <paramref name="email"/> from each of <paramref name="sources"/> networks (203.0.113.x).</summary>
    public async Task OneWrongPasswordFromEachOfAsync(string email, int sources)
    {
        for (var source = 1; source <= sources; source++)
        {
            Current.Source = $"203.0.113.{source}";
            await SendAsync(new SignIn(email, "Wrong-Pass-1!", null));
        }
    }

    /// <summary>"Forgot your password?", then the job that mails the link (the form itself only records the request).</summary>
    public async Task ForgotPasswordAsync(string email)
    {
        (await SendAsync(new ForgotPassword(email))).IsSuccess.ShouldBeTrueWith("forgot password");
        await SendPasswordResetsAsync();
    }

    public async Task SendPasswordResetsAsync()
    {
        using var scope = Services.CreateScope();
        await ActivatorUtilities.CreateInstance<PatientPortal.Modules.Accounts.Features.SendPasswordResetsJob>(scope.ServiceProvider).SendBatchAsync(CancellationToken.None);
    }

    /// <summary>Registers and activates a patient; returns the session it opened.</summary>
    public async Task<SignedIn> ActivePatientAsync(string email, string password = Builders.Password)
    {
        (await SendAsync(Builders.Registration(email, password))).IsSuccess.ShouldBeTrueWith("registration");
        var activated = await SendAsync(new AcceptTermsAndActivate(await TokenMailedToAsync(email), "2026-01", password, "tests"));
        activated.IsSuccess.ShouldBeTrueWith("activation");
        return activated.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PatientPortal.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    /// <summary>Links go to https://portal.test/, each to a page named after the link ("/Activation?token=…").</summary>
    private sealed class TestLinks : IPortalLinks, IAccountLinks
    {
        public Uri To(string pathAndQuery) => new(new Uri("https://portal.test/"), pathAndQuery.TrimStart('/'));

        public string PathOf(AccountLink link) => $"/{link}";
    }
}

internal sealed class FakeCurrentAccount : ICurrentAccount
{
    public Guid? AccountId { get; set; }
    public string? Role { get; set; }
    public string Source { get; set; } = "198.51.100.1";

    public bool SecondFactorPassed { get; set; }

    public bool IsInRole(string role) => Role == role;

    /// <summary>A session of that account; it passed a second factor unless <paramref name="secondFactorPassed"/> says not (staff checks ask for it).</summary>
    public void SignedInAs(Guid accountId, string role = Roles.Patient, bool secondFactorPassed = true)
    {
        AccountId = accountId;
        Role = role;
        SecondFactorPassed = secondFactorPassed;
    }
}

internal static class ResultAssertions
{
    public static void ShouldBeTrueWith(this bool value, string what) =>
        Assert.True(value, $"{what} should have succeeded");

    public static void ShouldFailWith(this Result result, string key) =>
        Assert.Contains(key, result.Errors.Select(e => e.Key));
}
