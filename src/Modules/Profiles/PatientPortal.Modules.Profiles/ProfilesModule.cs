using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Profiles.Data;
using PatientPortal.Modules.Profiles.Emails;
using PatientPortal.Modules.Profiles.Jobs;
using PatientPortal.Modules.Profiles.Security;
using PatientPortal.Modules.Profiles.Startup;
using Quartz;

namespace PatientPortal.Modules.Profiles;

/// <summary>The Profiles module's only public entry point: the host calls this and talks to the module through its Contracts.</summary>
public static class ProfilesModule
{
    public const string Name = "Profiles";

    /// <summary>When the age-of-consent job runs (Quartz cron, in the clinic's time zone "Clinic:TimeZone"); default 00:05 every day.</summary>
    public const string AgeOfConsentCronSetting = "Jobs:AgeOfConsentCron";

    public static IServiceCollection AddProfilesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ProfilesDbContext, SqliteProfilesDbContext, PostgresProfilesDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(ProfilesModule).Assembly);
        services.Configure<ProfilesOptions>(configuration.GetSection(ProfilesOptions.Section));
        services.AddScoped<ProfileMail>();
        services.AddScoped<AgeOfConsentJob>();
        services.AddScoped<IDemoDataSeeder, DemoProfiles>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Clinic:TimeZone"] ?? "America/Montreal");
        services.AddModuleJob<AgeOfConsentJob>(s => s.WithCronSchedule(
            configuration[AgeOfConsentCronSetting] ?? AgeOfConsentJob.DefaultCron, cron => cron.InTimeZone(zone)));
        services.AddScoped<StaffGrant>();
        services.AddScoped<LinksThisRequest>();
        return services;
    }

    /// <summary>
    /// Runs the age-of-consent job now, outside its schedule (the test-only clock hook uses it after moving the clock).
    /// Safe beside a scheduled run: each link is revoked and announced once whoever gets there first.
    /// </summary>
    /// <returns>How many links it revoked and how many notices it sent.</returns>
    public static async Task<(int Revoked, int Noticed)> RunAgeOfConsentJobAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<AgeOfConsentJob>().RunAsync(cancellationToken);
        return (run.Revoked, run.Noticed);
    }
}
