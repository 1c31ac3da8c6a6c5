using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Profiles.Data;

namespace PatientPortal.Modules.Profiles;

/// <summary>The Profiles module's only public entry point: the host calls this and talks to the module through its Contracts.</summary>
public static class ProfilesModule
{
    public const string Name = "Profiles";

    public static IServiceCollection AddProfilesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ProfilesDbContext, SqliteProfilesDbContext, PostgresProfilesDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(ProfilesModule).Assembly);
        services.AddScoped<Emails.ProfileMail>();
        services.AddScoped<Domain.StaffGrant>();
        return services;
    }
}
