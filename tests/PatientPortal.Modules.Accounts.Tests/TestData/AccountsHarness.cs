using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Testing;

namespace PatientPortal.Modules.Accounts.Tests.TestData;

/// <summary>The Accounts module on a real, migrated database, with a test clock and a settable signed-in account (<see cref="ModuleHarness{TContext}"/>).</summary>
internal sealed class AccountsHarness : ModuleHarness<AccountsDbContext>
{
    private AccountsHarness(TestDatabase database, ServiceProvider services)
        : base(database, services)
    {
    }

    /// <param name="environment">The host's environment: Development (the default) hashes with the development key unless <c>Accounts:HashKey</c> is set.</param>
    /// <param name="replace">Swaps a module service for a test's own (after the module registered its own).</param>
    public static async Task<AccountsHarness> CreateAsync(
        DatabaseProvider provider, Dictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? replace = null) =>
        await OnAsync(await TestDatabase.CreateAsync(provider), settings, environment, replace);

    /// <summary>The module again on this harness's database, with other settings (a restart, or a copy of the database elsewhere).</summary>
    public Task<AccountsHarness> AnotherInstanceAsync(Dictionary<string, string?>? settings = null, string environment = "Development") =>
        OnAsync(Database.Share(), settings, environment, replace: null);

    private static async Task<AccountsHarness> OnAsync(
        TestDatabase database, Dictionary<string, string?>? settings, string environment, Action<IServiceCollection>? replace) =>
        new(database, await StartAsync(
            database,
            AccountsModule.Name,
            (services, configuration) => services.AddSingleton<IAccountLinks, TestLinks>().AddAccountsModule(configuration),
            settings,
            environment,
            replace));

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

    /// <summary>Account links go to a page named after the link ("/Activation?token=…").</summary>
    private sealed class TestLinks : IAccountLinks
    {
        public string PathOf(AccountLink link) => $"/{link}";
    }
}

internal static class ResultAssertions
{
    public static void ShouldBeTrueWith(this bool value, string what) =>
        Assert.True(value, $"{what} should have succeeded");

    public static void ShouldFailWith(this Result result, string key) =>
        Assert.Contains(key, result.Errors.Select(e => e.Key));
}
