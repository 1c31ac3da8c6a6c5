using PatientPortal.Host.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
var app = builder.Build();
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PatientPortal");

// Development only: `-- reset-demo` deletes the Development databases, attachments and mail first, so that this start
// migrates and seeds the demo clinic afresh.
if (args.Contains(DemoReset.Command))
{
    foreach (var line in DemoReset.Run(app.Configuration, app.Environment))
    {
        logger.LogWarning("Demo reset: {Line}", line);
    }
}

// `dotnet run --project src/Host/PatientPortal.Host -- migrate` applies every module's migrations and exits.
await app.Services.MigrateModuleDatabasesAsync(logger);
if (args.Contains("migrate"))
{
    return;
}

// Outside Development, no start without the public address and the key ring's certificate: checked before the start-up
// tasks queue any mail.
RequiredSettings.Check(app.Services);

foreach (var line in await app.Services.RunStartupTasksAsync())
{
    logger.LogWarning("{Line}", line);
}

if (app.Environment.IsDevelopment())
{
    foreach (var line in await app.Services.SeedDemoDataAsync())
    {
        logger.LogInformation("Demo clinic: {Line}", line);
    }
}

app.UsePortal();
app.Lifetime.ApplicationStarted.Register(() =>
    logger.LogInformation("PatientPortal is running at {Urls}", string.Join(", ", app.Urls)));
await app.RunAsync();

public partial class Program;
