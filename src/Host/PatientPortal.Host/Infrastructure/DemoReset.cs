using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Development only: <c>dotnet run --project src/Host/PatientPortal.Host -- reset-demo</c> puts the demo clinic back to
/// its first state. Before anything opens a database it deletes the SQLite files of the data folder (every module's
/// database and the job store), the inbox's attachment files and the Development mailbox; the start that follows
/// migrates and seeds the demo clinic afresh (then serves, as usual). Refused outside Development and on PostgreSQL or
/// any configured connection string: it only ever deletes a developer's own throw-away files.
/// </summary>
public static class DemoReset
{
    public const string Command = "reset-demo";

    private static readonly string[] SqliteFiles = ["*.db", "*.db-wal", "*.db-shm", "*.db-journal"];

    public static IReadOnlyList<string> Run(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"'{Command}' is for Development only: it deletes the portal's data.");
        }

        var provider = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!string.Equals(provider, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase)
            || configuration.GetSection("ConnectionStrings").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            throw new InvalidOperationException($"'{Command}' resets the Development SQLite files only (Database:Provider Sqlite, no ConnectionStrings).");
        }

        var lines = new List<string>();
        var folder = configuration["Database:DataFolder"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(environment.ContentRootPath, "App_Data");
        if (Directory.Exists(folder))
        {
            var databases = SqliteFiles.SelectMany(p => Directory.EnumerateFiles(folder, p)).ToList();
            databases.ForEach(File.Delete);
            lines.Add($"Deleted {databases.Count} database files in {folder}");
        }

        var attachments = configuration["Inbox:AttachmentsFolder"] is { Length: > 0 } own
            ? Path.GetFullPath(own, environment.ContentRootPath)
            : Path.Combine(folder, "inbox-attachments");
        if (Directory.Exists(attachments))
        {
            Directory.Delete(attachments, recursive: true);
            lines.Add($"Deleted the inbox attachments in {attachments}");
        }

        if (configuration["Email:PickupDirectory"] is { Length: > 0 } pickup && Directory.Exists(Path.GetFullPath(pickup, environment.ContentRootPath)))
        {
            var mails = Directory.EnumerateFiles(Path.GetFullPath(pickup, environment.ContentRootPath), "*.eml").ToList();
            mails.ForEach(File.Delete);
            lines.Add($"Deleted {mails.Count} mails of the Development mailbox");
        }

        return lines;
    }
}
