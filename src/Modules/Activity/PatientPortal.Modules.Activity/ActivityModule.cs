using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.Modules.Activity.Jobs;
using Quartz;

namespace PatientPortal.Modules.Activity;

/// <summary>
/// The Activity module's only public entry point: recent activity, a timeline per profile fed by the other modules'
/// integration events (ADR 0018). The host calls this and talks to the module through its Contracts.
/// </summary>
public static class ActivityModule
{
    public const string Name = "Activity";

    public static IServiceCollection AddActivityModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ActivityDbContext, SqliteActivityDbContext, PostgresActivityDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(ActivityModule).Assembly);
        services.Configure<ActivityOptions>(configuration.GetSection(ActivityOptions.Section));
        services.AddScoped<PruneTimelineJob>();
        services.AddModuleJob<PruneTimelineJob>(s => s.WithSimpleSchedule(TimeSpan.FromHours(24)));
        return services;
    }
}
