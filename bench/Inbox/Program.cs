using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Bench;
using PatientPortal.Bench.Inbox;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Inbox;
using PatientPortal.Modules.Inbox.Contracts;
using PatientPortal.Modules.Inbox.Data;
using PatientPortal.Modules.Inbox.Domain;

// Issue 10's performance targets: a profile with 10,000 communications (and other profiles' beside it), through the
// module's real slices as a page sends them (a fresh scope, the pooled context, MediatR, the real handlers), each timed
// call by call beside a bare ADO.NET query of the same rows, interleaved so that both see the same machine:
//   page      ListCommunications: the Inbox's first page, a random page among the first 50, the Bills tab's first page
//             (count + 20 rows, newest first); target <= 20 ms;
//   counters  GetUnreadCounters (the sidebar's three counts); target <= 5 ms.
// Profiles' access check and trail are stood in (their cost is bench/AccessCheck's and Profiles').
// Usage: PatientPortal.Bench.Inbox [sqlite|postgres|both]
// Env: INBOX_COMMUNICATIONS (10000), INBOX_OTHER_PROFILES (200, 50 communications each), INBOX_SAMPLES (400),
//      PORTAL_TEST_POSTGRES (an admin connection string; default portal/portal on 127.0.0.1).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
var which = args.Length > 0 ? args[0] : "both";
var settings = new BenchSettings(Env("INBOX_COMMUNICATIONS", 10_000), Env("INBOX_OTHER_PROFILES", 200), Env("INBOX_SAMPLES", 400));

if (which is "sqlite" or "both")
{
    await using var database = BenchDatabase.Sqlite(InboxModule.Name);
    await new InboxBench(database, settings).RunAsync();
}

if (which is "postgres" or "both")
{
    var (database, why) = await BenchDatabase.PostgresAsync(InboxModule.Name);
    if (database is null)
    {
        Console.WriteLine($"== Inbox on PostgreSQL: skipped, PostgreSQL could not be reached ({why}); set PORTAL_TEST_POSTGRES or start it (pg_ctlcluster 15 main start).");
    }
    else
    {
        await using (database)
        {
            await new InboxBench(database, settings).RunAsync();
        }
    }
}

static int Env(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

internal sealed record BenchSettings(int Communications, int OtherProfiles, int Samples);

internal sealed class InboxBench(BenchDatabase database, BenchSettings settings)
{
    private const int Warmup = 40;
    private const int OthersEach = 50;
    private static readonly Guid Profile = new("0193a2d0-0000-7000-8000-00000000a001");
    private static readonly Sender Medfar = new(new Guid("0193a2d0-0000-7000-8000-00000000a201"), "Dr Medfar Solutions");
    private static readonly Guid Site = new("0193a2d0-0000-7000-8000-00000000a301");
    private readonly bool _sqlite = database.Provider == DatabaseProvider.Sqlite;
    private readonly Random _random = new(7);
    private readonly List<string> _rows = [];
    private ServiceProvider _services = null!;

    public async Task RunAsync()
    {
        await using var services = BenchServices.Build(database);
        _services = services;
        var seeding = Stopwatch.StartNew();
        int unread;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            await db.Database.MigrateAsync();
            unread = await SeedAsync(db);
            if (!_sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE"); // as autovacuum would have by then
            }
        }

        seeding.Stop();
        var name = _sqlite ? "SQLite" : "PostgreSQL";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== Inbox on {name}: one profile with {settings.Communications:N0} communications ({unread:N0} unread), {settings.OtherProfiles} other profiles with {OthersEach} each (seeded in {seeding.Elapsed.TotalSeconds:F1} s)"));

        var pages = Math.Min(50, Math.Max(1, settings.Communications / ListCommunications.PageSize));
        await MeasureAsync("page: Inbox, first page (ListCommunications)", () => new ListCommunications(Profile, InboxFolder.Inbox, 1),
            _ => BarePageAsync(null, 0), "<= 20 ms", 20);
        await MeasureAsync("page: Inbox, a random page of the first 50", () => new ListCommunications(Profile, InboxFolder.Inbox, 1 + _random.Next(pages)),
            r => BarePageAsync(null, (r.Page - 1) * ListCommunications.PageSize), "<= 20 ms", 20);
        await MeasureAsync("page: Bills, first page (ListCommunications)", () => new ListCommunications(Profile, InboxFolder.Bills, 1),
            _ => BarePageAsync("Bill", 0), "<= 20 ms", 20);
        await MeasureAsync("counters (GetUnreadCounters)", () => new GetUnreadCounters(Profile), _ => BareCountersAsync(), "<= 5 ms", 5);

        Console.WriteLine($"{"what",-56}{"n",6}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"bare p50",10}{"bare p95",10}{"bare p99",10}   target");
        foreach (var row in _rows)
        {
            Console.WriteLine(row);
        }

        Console.WriteLine("  bare: plain ADO.NET on the same data, interleaved with the measured calls (see bench/Inbox/Program.cs)");
        Console.WriteLine();
    }

    /// <summary>
    /// The profile's communications over two years, newest unread (one in five: the oldest are read, as a patient who
    /// reads them would leave them), 60% messages, 25% documents, 15% bills, one in ten replied to; then the others'.
    /// </summary>
    private async Task<int> SeedAsync(InboxDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var staff = Guid.CreateVersion7();
        var step = TimeSpan.FromDays(730) / settings.Communications;
        await InsertAsync(db, Profile, settings.Communications, now - TimeSpan.FromDays(730), step, staff);
        var cutoff = now - TimeSpan.FromDays(730) + (step * (settings.Communications * 4 / 5));
        var others = new Random(11);
        for (var p = 0; p < settings.OtherProfiles; p++)
        {
            await InsertAsync(db, Guid.CreateVersion7(), OthersEach, now - TimeSpan.FromDays(others.Next(30, 730)), TimeSpan.FromDays(3), staff);
        }

        await db.Communications.Where(c => c.LastMessageUtc < cutoff).ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadByPatient, false));
        return await db.Communications.CountAsync(c => c.ProfileId == Profile && c.UnreadByPatient);
    }

    private async Task InsertAsync(InboxDbContext db, Guid profile, int count, DateTimeOffset first, TimeSpan step, Guid staff)
    {
        for (var i = 0; i < count; i++)
        {
            var at = first + (step * i);
            var roll = _random.Next(100);
            var category = roll < 60 ? CommunicationCategory.Message : roll < 85 ? CommunicationCategory.Document : CommunicationCategory.Bill;
            var communication = Communication.Send(
                profile, category, $"Communication {i}", "Hi Heather,\nHere is the form for your consultation request in dermatology.\nPlease print it.",
                i % 3 == 0 ? Sender.Administration : Medfar, Site, "My Clinic", category == CommunicationCategory.Bill ? "Consultation receipt" : "Dermatology", 1, staff, at);
            if (category != CommunicationCategory.Message)
            {
                communication.Attach("form.pdf", Guid.NewGuid().ToString("N"), 48_213, at);
            }

            if (i % 10 == 0)
            {
                communication.Reply("Thank you, I am registered on the december list.", BenchAccount.Id, new ReplyWriter("Heather Milner", "Nathan Milner"), at.AddHours(2));
            }

            db.Communications.Add(communication);
            if (i % 1000 == 999 || i == count - 1)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task MeasureAsync<TResponse>(
        string what, Func<IRequest<Result<TResponse>>> request, Func<TResponse, Task<int>> bareQuery, string target, double limit)
    {
        var mine = new List<double>();
        var bare = new List<double>();
        for (var i = 0; i < Warmup + settings.Samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Result<TResponse> result;
            using (var scope = _services.CreateScope())
            {
                result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request());
            }

            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (result.IsFailure)
            {
                throw new InvalidOperationException($"{what} failed: {result.Errors[0].Key}");
            }

            start = Stopwatch.GetTimestamp();
            var rows = await bareQuery(result.Value);
            var bareMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (rows == 0)
            {
                throw new InvalidOperationException($"The bare query of {what} read nothing: its parameters do not match the stored values.");
            }

            if (i >= Warmup)
            {
                mine.Add(ms);
                bare.Add(bareMs);
            }
        }

        var p99 = Percentile(mine, 0.99);
        var verdict = p99 <= limit ? "met at p99" : Percentile(mine, 0.5) <= limit ? "met at p50, missed at p99" : "MISSED";
        _rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"{what,-56}{mine.Count,6}{Percentile(mine, 0.5),9:F2}{Percentile(mine, 0.95),9:F2}{p99,9:F2}{Percentile(bare, 0.5),10:F2}{Percentile(bare, 0.95),10:F2}{Percentile(bare, 0.99),10:F2}   {target} ({verdict})"));
    }

    private string Table => _sqlite ? "\"Communications\"" : "inbox.\"Communications\"";

    /// <summary>A page's floor: the tab's count, then its 20 rows, newest first.</summary>
    private async Task<int> BarePageAsync(string? category, int offset)
    {
        await using var connection = await database.OpenAsync();
        var filter = category is null ? "" : " AND \"Category\" = @c";
        var rows = 0;
        await using (var count = connection.CreateCommand())
        {
#pragma warning disable CA2100 // Constant text; every value is a parameter.
            count.CommandText = $"SELECT COUNT(*) FROM {Table} WHERE \"ProfileId\" = @p{filter}";
            Bind(count, "@p", Profile);
            if (category is not null)
            {
                Bind(count, "@c", category);
            }

            _ = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Id\", \"LastMessageUtc\", \"Category\", \"FromPractitioner\", \"Site\", \"TypeLabel\", \"Subject\", \"Preview\", " +
                              $"\"UnreadByPatient\", \"HasAttachments\" FROM {Table} WHERE \"ProfileId\" = @p{filter} " +
                              "ORDER BY \"LastMessageUtc\" DESC, \"Id\" DESC LIMIT 20 OFFSET @o";
#pragma warning restore CA2100
        Bind(command, "@p", Profile);
        Bind(command, "@o", offset);
        if (category is not null)
        {
            Bind(command, "@c", category);
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>The counters' floor: the profile's unread rows counted by category.</summary>
    private async Task<int> BareCountersAsync()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant text; every value is a parameter.
        command.CommandText = $"SELECT \"Category\", COUNT(*) FROM {Table} WHERE \"ProfileId\" = @p AND \"UnreadByPatient\" GROUP BY \"Category\"";
#pragma warning restore CA2100
        Bind(command, "@p", Profile);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    private void Bind(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value is Guid g && _sqlite ? g.ToString().ToUpperInvariant() : value;
        command.Parameters.Add(parameter);
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
