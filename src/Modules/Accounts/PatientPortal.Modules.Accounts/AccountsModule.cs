using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.Modules.Accounts.Features;
using PatientPortal.Modules.Accounts.Startup;
using Quartz;

namespace PatientPortal.Modules.Accounts;

/// <summary>The Accounts module's only public entry point: the host calls this and talks to the module through its Contracts.</summary>
public static class AccountsModule
{
    public const string Name = "Accounts";

    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext>(configuration, Name);
        // The key ring that encrypts the session cookies (and the authenticator keys) is kept with the sessions, where
        // every instance shares it (and a restart finds it). The host names the application and protects the keys at
        // rest; it never sees this context.
        services.AddDataProtection().PersistKeysToDbContext<AccountsDbContext>();
        services.AddMediatorHandlersFrom(typeof(AccountsModule).Assembly);
        services.Configure<AccountsOptions>(configuration.GetSection(AccountsOptions.Section));
        // What the host may know of the settings, through the Contracts: the password rule and the session limits.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccountsOptions>>().Value.Password);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccountsOptions>>().Value.SessionLimits());
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<PasswordPolicy>();
        Pepper.Register(services);
        services.AddScoped<Credentials>();
        services.AddScoped<SignInGuard>();
        services.AddSingleton<KnownDevices>();
        services.AddScoped<CurrentPassword>();
        services.AddScoped<AccountMail>();
        services.AddSingleton<Authenticator>();
        services.AddScoped<SecondFactorProof>();
        services.AddScoped<SignInSteps>();
        services.AddScoped<IModuleRetention, SecondFactorRetention>();
        services.AddScoped<IModuleRetention, ThrottleRetention>();
        services.AddScoped<IModuleRetention, UnclaimedAccountRetention>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<IStartupTask, FirstAdmin>();
        services.AddScoped<IDemoDataSeeder, DemoAccounts>();
        // As often as mail goes out: a reset link should not wait longer than the mail that carries it.
        services.AddModuleJob<SendPasswordResetsJob>(s => s.WithSimpleSchedule(TimeSpan.FromSeconds(configuration.GetValue("Jobs:EmailIntervalSeconds", 5))));
        return services;
    }
}
