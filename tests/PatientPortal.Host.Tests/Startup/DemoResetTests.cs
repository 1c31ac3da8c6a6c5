using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using PatientPortal.Host.Infrastructure;
using Shouldly;

namespace PatientPortal.Host.Tests.Startup;

/// <summary>`-- reset-demo`: the Development SQLite files, attachments and mail go (nothing else), and only in Development on SQLite.</summary>
public sealed class DemoResetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("demo-reset-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_development_databases_attachments_and_mail_are_deleted_and_nothing_else()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "App_Data")).FullName;
        foreach (var file in new[] { "accounts.db", "inbox.db", "inbox.db-wal", "jobs.db", "keep.txt", "mail/1.eml", "mail/readme.txt", "inbox-attachments/ab/abcdef" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(data, file))!);
            File.WriteAllText(Path.Combine(data, file), "x");
        }

        var lines = DemoReset.Run(Configuration(("Database:DataFolder", "App_Data"), ("Email:PickupDirectory", "App_Data/mail")), Environment(Environments.Development));

        Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(data, f).Replace('\\', '/')).Order()
            .ShouldBe(["keep.txt", "mail/readme.txt"]);
        lines.Count.ShouldBe(3);
    }

    [Fact]
    public void It_is_refused_outside_development_and_on_postgres_and_deletes_nothing()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "App_Data")).FullName;
        File.WriteAllText(Path.Combine(data, "accounts.db"), "x");

        Should.Throw<InvalidOperationException>(() => DemoReset.Run(Configuration(("Database:DataFolder", "App_Data")), Environment(Environments.Production)));
        Should.Throw<InvalidOperationException>(() => DemoReset.Run(Configuration(("Database:DataFolder", "App_Data"), ("Database:Provider", "Postgres")), Environment(Environments.Development)));
        Should.Throw<InvalidOperationException>(() => DemoReset.Run(Configuration(("Database:DataFolder", "App_Data"), ("ConnectionStrings:Accounts", "Host=db")), Environment(Environments.Development)));

        File.Exists(Path.Combine(data, "accounts.db")).ShouldBeTrue();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private TestEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name, ContentRootPath = _root };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "PatientPortal.Host";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
