using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.Modules.Audit.Data;

namespace PatientPortal.Modules.Audit;

/// <summary>
/// The Audit module's only public entry point: the access log of each profile's file ("Who saw my file", ADR 0019), fed
/// only by Profiles' <c>ProfileFileRead</c> integration events. The host talks to it through its Contracts.
/// </summary>
public static class AuditModule
{
    public const string Name = "Audit";

    public static IServiceCollection AddAuditModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(AuditModule).Assembly);
        return services;
    }
}
