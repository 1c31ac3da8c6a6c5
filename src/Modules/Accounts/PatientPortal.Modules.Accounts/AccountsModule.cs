using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Accounts.Data;

namespace PatientPortal.Modules.Accounts;

/// <summary>The Accounts module's only public entry point: the host calls this and talks to the module through its Contracts.</summary>
public static class AccountsModule
{
    public const string Name = "Accounts";

    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(AccountsModule).Assembly);
        return services;
    }
}
