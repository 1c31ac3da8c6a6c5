using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Inbox.Data;
using PatientPortal.Modules.Inbox.Emails;
using PatientPortal.Modules.Inbox.Jobs;
using PatientPortal.Modules.Inbox.Reading;
using PatientPortal.Modules.Inbox.Senders;
using PatientPortal.Modules.Inbox.Startup;
using PatientPortal.Modules.Inbox.Storage;
using Quartz;

namespace PatientPortal.Modules.Inbox;

/// <summary>The Inbox module's only public entry point: the host calls this and talks to the module through its Contracts.</summary>
public static class InboxModule
{
    public const string Name = "Inbox";

    public static IServiceCollection AddInboxModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<InboxDbContext, SqliteInboxDbContext, PostgresInboxDbContext>(configuration, Name);
        services.AddMediatorHandlersFrom(typeof(InboxModule).Assembly);
        services.Configure<InboxOptions>(configuration.GetSection(InboxOptions.Section));
        services.AddSingleton<IAttachmentStore, FileSystemAttachmentStore>();
        services.AddScoped<AttachmentUploads>();
        services.AddScoped<AttachmentFiles>();
        services.AddScoped<AttachmentReads>();
        services.AddScoped<InboxAccess>();
        services.AddScoped<ReadTrail>();
        services.AddScoped<ThreadViews>();
        services.AddScoped<InboxMail>();
        services.AddScoped<ClinicSenders>();
        services.AddScoped<FileCleanupJob>();
        services.AddModuleJob<FileCleanupJob>(s => s.WithSimpleSchedule(TimeSpan.FromMinutes(FileCleanupJob.IntervalMinutes)));
        // The Development demo clinic's inbox (the host runs demo seeders in Development only).
        services.AddScoped<IDemoDataSeeder, DemoInbox>();
        return services;
    }
}
