using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Inbox.Data;

namespace PatientPortal.Modules.Inbox;

/// <summary>The Inbox module's only public entry point: the host calls this and talks to the module through its Contracts.</summary>
public static class InboxModule
{
    public const string Name = "Inbox";

    public static IServiceCollection AddInboxModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<InboxDbContext, SqliteInboxDbContext, PostgresInboxDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(InboxModule).Assembly);
        return services;
    }
}
