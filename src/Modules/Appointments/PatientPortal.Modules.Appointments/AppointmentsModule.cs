using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Appointments.Domain;
using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Appointments.Jobs;
using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Appointments.Scheduling;
using PatientPortal.Modules.Appointments.Startup;
using Quartz;

namespace PatientPortal.Modules.Appointments;

/// <summary>The Appointments module's only public entry point: the host calls this and talks to the module through its Contracts.</summary>
public static class AppointmentsModule
{
    public const string Name = "Appointments";

    public static IServiceCollection AddAppointmentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<AppointmentsDbContext, SqliteAppointmentsDbContext, PostgresAppointmentsDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(AppointmentsModule).Assembly);
        services.Configure<AppointmentsOptions>(configuration.GetSection(AppointmentsOptions.Section));
        services.AddScoped<SlotFinder>();
        services.AddScoped<SlotBooking>();
        services.AddSingleton<BookingsUnderWay>();
        services.AddSingleton<AppointmentWindows>();
        services.AddScoped<AppointmentReads>();
        services.AddScoped<ReadTrail>();
        services.AddScoped<WizardCatalog>();
        services.AddScoped<IDemoDataSeeder, DemoSchedule>();
        services.AddScoped<AppointmentMail>();
        services.AddSingleton<EmailLinkTokens>();
        services.AddScoped<AppointmentRemindersJob>();
        services.AddModuleJob<AppointmentRemindersJob>(s => s.WithSimpleSchedule(TimeSpan.FromMinutes(
            Math.Max(1, configuration.GetValue($"{AppointmentsOptions.Section}:ReminderIntervalMinutes", AppointmentRemindersJob.DefaultIntervalMinutes)))));
        return services;
    }
}
