using System.Diagnostics;
using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Bench;
using PatientPortal.Bench.Appointments;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Appointments;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Appointments.Domain;
using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Appointments.Scheduling;
using PatientPortal.Modules.Profiles.Contracts;

// Issue 9's performance targets on a seeded clinic (ClinicSeed: 50 practitioners, 26 weeks of schedules, 100k
// appointments), through the module's real code paths as a page sends them (a fresh scope, the pooled context,
// MediatR, the real handlers), each timed call by call beside a bare ADO.NET query of the rows it needs, interleaved so
// that both see the same machine:
//   grid     one practitioner-week grid (GetAvailabilities with a week), target <= 5 ms;
//   asap     "as soon as possible" across a specialty's practitioners: the emergency wizard's grid (anyone at the site whose
//            schedule offers the type: the site's family doctors), and the SlotFinder for a routine type with every
//            practitioner of the specialty at the site; target <= 50 ms;
//   booking  BookAppointment, BOOKERS parallel requests at once for a few free slots of one practitioner (winners and
//            losers both timed); target p99 <= 50 ms. Its baseline: the same number of bare transactions at once, each
//            taking the same lock (SQLite's write lock, PostgreSQL's advisory lock), reading the day and inserting a row.
// Usage: PatientPortal.Bench.Appointments [sqlite|postgres|both]
// Env: APPT_SEED_APPOINTMENTS (100000), APPT_PRACTITIONERS (50), APPT_SAMPLES (grid calls, 400), APPT_BOOKERS (16),
//      APPT_ROUNDS (booking rounds, 40), PORTAL_TEST_POSTGRES (an admin connection string; default portal/portal on 127.0.0.1),
//      APPT_ONLY (grid|emergency|specialty|booking: one measurement), APPT_BREAKDOWN=1 (SQL against the rest, per step).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
var which = args.Length > 0 ? args[0] : "both";
var settings = new BenchSettings(
    Env("APPT_SEED_APPOINTMENTS", 100_000), Env("APPT_PRACTITIONERS", 50), Env("APPT_SAMPLES", 400), Env("APPT_BOOKERS", 16), Env("APPT_ROUNDS", 40));

if (which is "sqlite" or "both")
{
    await using var database = BenchDatabase.Sqlite(AppointmentsModule.Name);
    await new AppointmentsBench(database, settings).RunAsync();
}

if (which is "postgres" or "both")
{
    var (database, why) = await BenchDatabase.PostgresAsync(AppointmentsModule.Name);
    if (database is null)
    {
        Console.WriteLine($"== Appointments on PostgreSQL: skipped, PostgreSQL could not be reached ({why}); set PORTAL_TEST_POSTGRES or start it (pg_ctlcluster 15 main start).");
    }
    else
    {
        await using (database)
        {
            await new AppointmentsBench(database, settings).RunAsync();
        }
    }
}

static int Env(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

internal sealed record BenchSettings(int Appointments, int Practitioners, int Samples, int Bookers, int Rounds);

internal sealed class AppointmentsBench(BenchDatabase database, BenchSettings settings)
{
    // Calls made before measuring: enough for the JIT's second tier (promoted after 30 calls, compiled in the background
    // once calls settle), as in a portal that has run a while: 40 measured code the JIT had not finished optimizing.
    private const int Warmup = 300;

    // Booking rounds made before measuring, for the same reason.
    private const int WarmupRounds = 10;
    private readonly bool _sqlite = database.Provider == DatabaseProvider.Sqlite;
    private readonly Random _random = new(7);
    private readonly List<string> _rows = [];
    private readonly List<string> _notes = [];
    private ServiceProvider _services = null!;
    private ClinicSeed _clinic = null!;
    private ClinicCalendar _calendar = null!;

    public async Task RunAsync()
    {
        await using var services = BenchServices.Build(database);
        _services = services;
        _calendar = services.GetRequiredService<ClinicCalendar>();
        var seeding = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
            await db.Database.MigrateAsync();
            _clinic = await ClinicSeed.SeedAsync(db, _calendar, services.GetRequiredService<TimeProvider>(), settings.Practitioners, settings.Appointments, 42);
            await db.Database.ExecuteSqlRawAsync(_sqlite
                ? "CREATE TABLE bench_writes (id TEXT PRIMARY KEY, practitioner TEXT NOT NULL, start INTEGER NOT NULL)"
                : "CREATE TABLE public.bench_writes (id uuid PRIMARY KEY, practitioner uuid NOT NULL, start timestamptz NOT NULL)");
            if (!_sqlite)
            {
                // As autovacuum would have by then; the portal never runs ANALYZE on SQLite, so neither does this bench there.
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }

        seeding.Stop();
        var name = _sqlite ? "SQLite" : "PostgreSQL";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== Appointments on {name}: {_clinic.Practitioners.Count()} practitioners, {_clinic.Specialties.Count} specialties, 3 sites, {_clinic.BlockCount} weekly blocks over 26 weeks ({_clinic.FirstDay:yyyy-MM-dd} to {_clinic.LastDay:yyyy-MM-dd}), {_clinic.ExceptionCount} closed periods, {_clinic.AppointmentCount:N0} appointments of {_clinic.ProfileCount:N0} profiles (seeded in {seeding.Elapsed.TotalSeconds:F1} s: {_clinic.Timings})"));

        if (Breakdown.Enabled)
        {
            await BreakdownAsync();
        }

        var only = Environment.GetEnvironmentVariable("APPT_ONLY");
        foreach (var (part, measure) in new (string, Func<Task>)[] { ("grid", GridAsync), ("emergency", EmergencyAsapAsync), ("specialty", SpecialtyAsapAsync), ("booking", BookingAsync) })
        {
            if (string.IsNullOrEmpty(only) || only == part)
            {
                await measure();
            }
        }

        Console.WriteLine($"{"what",-56}{"n",6}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"bare p50",10}{"bare p95",10}{"bare p99",10}   target");
        foreach (var row in _rows)
        {
            Console.WriteLine(row);
        }

        foreach (var note in _notes)
        {
            Console.WriteLine(note);
        }

        Console.WriteLine("  bare: plain ADO.NET on the same data, interleaved with the measured calls (see bench/Appointments/Program.cs)");
        Console.WriteLine();
    }

    /// <summary>(a) A practitioner's week grid, as the wizard's arrows ask it: any practitioner, their site and type, a week of the horizon.</summary>
    private async Task GridAsync()
    {
        var practitioners = _clinic.Practitioners.ToList();
        var today = _calendar.Today;
        var mine = new List<double>();
        var bare = new List<double>();
        var slots = 0L;
        var busy = 0L;
        for (var i = 0; i < Warmup + settings.Samples; i++)
        {
            var practitioner = practitioners[_random.Next(practitioners.Count)];
            var type = practitioner.Specialty.Types[_random.Next(practitioner.Specialty.Types.Count)];
            var week = today.AddDays(7 * _random.Next(0, 12));
            var start = Stopwatch.GetTimestamp();
            var grid = await SendAsync(new GetAvailabilities(Guid.NewGuid(), type.Id, practitioner.Site, practitioner.Id, null, week));
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (grid.IsFailure)
            {
                throw new InvalidOperationException($"The grid failed: {grid.Errors[0].Key}");
            }

            var monday = grid.Value.FirstDay;
            start = Stopwatch.GetTimestamp();
            var rows = await BareWeekAsync([practitioner.Id], monday);
            var bareMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= Warmup)
            {
                mine.Add(ms);
                bare.Add(bareMs);
                slots += grid.Value.Days.Sum(d => d.Morning.Count + d.Afternoon.Count);
                busy += rows;
            }
        }

        if (busy == 0)
        {
            throw new InvalidOperationException("The bare query read no appointment: its parameters do not match the stored values.");
        }

        Row("grid: one practitioner-week (GetAvailabilities)", mine, bare, "<= 5 ms", 5);
        _notes.Add($"  grid: {slots / mine.Count} free slots a week on average, {busy / bare.Count} appointments read by its bare query");
    }

    /// <summary>(b) The emergency wizard's "as soon as possible": the first week with a slot among everyone at the site, then its grid.</summary>
    private async Task EmergencyAsapAsync()
    {
        var doctors = _clinic.Specialties[0].Practitioners;
        var mine = new List<double>();
        var bare = new List<double>();
        for (var i = 0; i < Warmup + (settings.Samples / 2); i++)
        {
            var site = i % 2 == 0 ? ClinicSeed.North : ClinicSeed.South;
            var type = i % 3 == 0 ? _clinic.ComplexEmergency : _clinic.MinorEmergency;
            var start = Stopwatch.GetTimestamp();
            var grid = await SendAsync(new GetAvailabilities(Guid.NewGuid(), type.Id, site, null, null, null, Emergency: true));
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (grid.IsFailure || grid.Value.NothingUntilHorizon)
            {
                throw new InvalidOperationException($"The emergency grid found nothing: {(grid.IsFailure ? grid.Errors[0].Key : "no slot")}");
            }

            start = Stopwatch.GetTimestamp();
            await BareWeekAsync([.. doctors.Where(d => d.Site == site).Select(d => d.Id)], grid.Value.FirstDay);
            var bareMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= Warmup)
            {
                mine.Add(ms);
                bare.Add(bareMs);
            }
        }

        Row($"ASAP: emergency grid at a site ({doctors.Count / 2} family doctors)", mine, bare, "<= 50 ms", 50);
    }

    /// <summary>(b) "As soon as possible" for a routine type across every practitioner of the specialty at a site: the SlotFinder the grid uses.</summary>
    private async Task SpecialtyAsapAsync()
    {
        var mine = new List<double>();
        var bare = new List<double>();
        var today = _calendar.Today;
        for (var i = 0; i < Warmup + (settings.Samples / 2); i++)
        {
            var specialty = _clinic.Specialties[i % _clinic.Specialties.Count];
            var site = i % 4 < 2 ? ClinicSeed.North : ClinicSeed.South;
            var ids = specialty.Practitioners.Where(p => p.Site == site).Select(p => p.Id).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var typeId = specialty.Types[i % specialty.Types.Count].Id;
            var start = Stopwatch.GetTimestamp();
            DateOnly? first;
            using (var scope = _services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
                var finder = scope.ServiceProvider.GetRequiredService<SlotFinder>();
                var type = await db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Id == typeId);
                // As the grid does: the first week with a slot, whose slots it shows.
                first = (await finder.FirstWeekWithSlotAsync(type, site, ids, today, CancellationToken.None))?.Monday;
            }

            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var week = first ?? today;
            start = Stopwatch.GetTimestamp();
            await BareWeekAsync(ids, week.AddDays(-(((int)week.DayOfWeek + 6) % 7)));
            var bareMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= Warmup)
            {
                mine.Add(ms);
                bare.Add(bareMs);
            }
        }

        Row("ASAP: routine type, a specialty at a site (SlotFinder)", mine, bare, "<= 50 ms", 50);
    }

    /// <summary>(c) Bookings under contention: BOOKERS requests at once for two to four free slots of one practitioner's day.</summary>
    private async Task BookingAsync()
    {
        var practitioners = _clinic.Practitioners.Where(p => p.Specialty.Types.Count > 0).ToList();
        var today = _calendar.Today;
        var mine = new List<double>();
        var bare = new List<double>();
        var (won, lost, other, expected) = (0, 0, 0, 0);
        var errors = new Dictionary<string, int>();
        for (var round = 0; round < WarmupRounds + settings.Rounds; round++)
        {
            var practitioner = practitioners[_random.Next(practitioners.Count)];
            var type = practitioner.Specialty.Types[0];
            var day = today.AddDays(_random.Next(7, 60));
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || day.DayOfWeek == practitioner.FifthDay)
            {
                day = day.AddDays(1);
            }

            List<Slot> free;
            using (var scope = _services.CreateScope())
            {
                var finder = scope.ServiceProvider.GetRequiredService<SlotFinder>();
                var loaded = await scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().AppointmentTypes.AsNoTracking().SingleAsync(t => t.Id == type.Id);
                free = [.. await finder.FindAsync(loaded, practitioner.Site, [practitioner.Id], day, day, CancellationToken.None)];
            }

            // Slots that do not overlap, so that each one has exactly one winner.
            var apart = new List<Slot>();
            foreach (var slot in free.OrderBy(_ => _random.Next()))
            {
                if (apart.Count < 2 + _random.Next(3) && apart.All(s => s.EndUtc <= slot.StartUtc || slot.EndUtc <= s.StartUtc))
                {
                    apart.Add(slot);
                }
            }

            if (apart.Count == 0)
            {
                continue;
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var bookings = Enumerable.Range(0, settings.Bookers).Select(b => Task.Run(async () =>
            {
                await gate.Task;
                var slot = apart[b % apart.Count];
                var start = Stopwatch.GetTimestamp();
                var result = await SendAsync(new BookAppointment(Guid.NewGuid(), type.Id, practitioner.Site, practitioner.Id, slot.StartUtc, "Benchmark", Emergency: false));
                return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, result.IsSuccess ? null : result.Errors[0].Key);
            })).ToList();
            gate.SetResult();
            var outcomes = await Task.WhenAll(bookings);

            var bareGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var bares = Enumerable.Range(0, settings.Bookers).Select(b => Task.Run(async () =>
            {
                await bareGate.Task;
                var start = Stopwatch.GetTimestamp();
                await BareBookingAsync(practitioner.Id, apart[b % apart.Count].StartUtc);
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            })).ToList();
            bareGate.SetResult();
            var bareTimes = await Task.WhenAll(bares);
            if (round < WarmupRounds)
            {
                continue;
            }

            mine.AddRange(outcomes.Select(o => o.Item1));
            bare.AddRange(bareTimes);
            expected += apart.Count;
            foreach (var (_, code) in outcomes)
            {
                if (code is null)
                {
                    won++;
                }
                else if (code == AppointmentsErrors.SlotTaken)
                {
                    lost++;
                }
                else
                {
                    other++;
                    errors[code] = errors.GetValueOrDefault(code) + 1;
                }
            }
        }

        Row($"booking: {settings.Bookers} at once for 2-4 slots (BookAppointment)", mine, bare, "p99 <= 50 ms", 50);
        _notes.Add($"  bookings: {won} booked for {expected} slots, {lost} 'this time was just taken', {other} other");
        if (won != expected || other > 0)
        {
            _notes.Add($"  !! {won} bookings for {expected} slots; other outcomes: {string.Join(", ", errors.Select(e => $"{e.Key} x{e.Value}"))}");
        }
    }

    /// <summary>APPT_BREAKDOWN=1: the grid and the emergency grid, whole and in their parts, SQL against the rest.</summary>
    private async Task BreakdownAsync()
    {
        using var listener = Breakdown.Start();
        var practitioner = _clinic.Practitioners.First();
        var type = practitioner.Specialty.Types[0];
        var today = _calendar.Today;
        var emergency = _clinic.MinorEmergency.Id;
        var doctors = _clinic.Specialties[0].Practitioners.Where(p => p.Site == ClinicSeed.North).Select(p => p.Id).ToList();
        var parts = new (string Name, Func<int, Task> Call)[]
        {
            ("grid: GetAvailabilities, a practitioner-week", i => SendAsync(new GetAvailabilities(Guid.NewGuid(), type.Id, practitioner.Site, practitioner.Id, null, today.AddDays(7 * (i % 12))))),
            ("grid: SlotFinder.FindAsync, that week", i => InScopeAsync((db, finder, catalog) => finder.FindAsync(
                db.AppointmentTypes.AsNoTracking().Single(t => t.Id == type.Id), practitioner.Site, [practitioner.Id], today.AddDays(7 * (i % 12)), today.AddDays((7 * (i % 12)) + 6), CancellationToken.None))),
            ("grid: WizardCatalog.RoutineTypeAsync", _ => InScopeAsync((db, finder, catalog) => catalog.RoutineTypeAsync(type.Id, practitioner.Id, practitioner.Site, CancellationToken.None))),
            ("emergency: GetAvailabilities ASAP at a site", _ => SendAsync(new GetAvailabilities(Guid.NewGuid(), emergency, ClinicSeed.North, null, null, null, Emergency: true))),
            ("emergency: WizardCatalog.EmergencyTypeAsync", _ => InScopeAsync((db, finder, catalog) => catalog.EmergencyTypeAsync(emergency, ClinicSeed.North, CancellationToken.None))),
            ("emergency: SlotFinder.FirstWeekWithSlotAsync", _ => InScopeAsync((db, finder, catalog) => finder.FirstWeekWithSlotAsync(
                db.AppointmentTypes.AsNoTracking().Single(t => t.Id == emergency), ClinicSeed.North, null, today, CancellationToken.None))),
            ("emergency: SlotFinder.FindAsync, this week", _ => InScopeAsync((db, finder, catalog) => finder.FindAsync(
                db.AppointmentTypes.AsNoTracking().Single(t => t.Id == emergency), ClinicSeed.North, null, today, today.AddDays(6), CancellationToken.None))),
            ("emergency: the same, the site's family doctors named", _ => InScopeAsync((db, finder, catalog) => finder.FindAsync(
                db.AppointmentTypes.AsNoTracking().Single(t => t.Id == emergency), ClinicSeed.North, doctors, today, today.AddDays(6), CancellationToken.None))),
            ("booking: its emails written (one recipient, .ics)", _ => ComposeBookedAsync(type.Id, practitioner.Id, practitioner.Site)),
            ("booking: SlotFinder.FindAsync, the day", i => InScopeAsync((db, finder, catalog) => finder.FindAsync(
                db.AppointmentTypes.AsNoTracking().Single(t => t.Id == type.Id), practitioner.Site, [practitioner.Id], today.AddDays(8 + (i % 20)), today.AddDays(8 + (i % 20)), CancellationToken.None))),
        };
        foreach (var (name, call) in parts)
        {
            await Breakdown.MeasureAsync(20, call);
            Console.WriteLine($"  {name,-55}{await Breakdown.MeasureAsync(100, call)}");
        }
    }

    /// <summary>What a booking does before its locks besides looking up the slot: the confirmation written (template, .ics, link tokens).</summary>
    private async Task ComposeBookedAsync(Guid typeId, Guid practitionerId, Guid siteId)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<AppointmentMail>();
        var type = await db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Id == typeId);
        var now = DateTimeOffset.UtcNow;
        var appointment = Appointment.Book(Guid.NewGuid(), practitionerId, siteId, type, now.AddDays(10), "Benchmark", BookingChannel.Portal, Guid.NewGuid(), now);
        var recipients = await mail.RecipientsAsync(appointment.ProfileId, NotificationKind.AppointmentEmails, CancellationToken.None);
        await mail.ComposeBookedAsync(db, appointment, recipients, CancellationToken.None);
    }

    private async Task InScopeAsync<T>(Func<AppointmentsDbContext, SlotFinder, WizardCatalog, Task<T>> work)
    {
        using var scope = _services.CreateScope();
        var provider = scope.ServiceProvider;
        await work(provider.GetRequiredService<AppointmentsDbContext>(), provider.GetRequiredService<SlotFinder>(), provider.GetRequiredService<WizardCatalog>());
    }

    private async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request)
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>The busy times a week's grid needs, for the given practitioners, with plain ADO.NET; returns the rows read.</summary>
    private async Task<int> BareWeekAsync(List<Guid> practitioners, DateOnly monday)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        var table = _sqlite ? "\"Appointments\"" : "appointments.\"Appointments\"";
        var names = string.Join(", ", practitioners.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
#pragma warning disable CA2100 // Constant text; every value is a parameter.
        command.CommandText = $"SELECT \"PractitionerId\", \"StartUtc\", \"EndUtc\" FROM {table} WHERE \"PractitionerId\" IN ({names}) " +
                              "AND \"StartUtc\" >= @from AND \"StartUtc\" < @until AND \"Status\" <> 'Cancelled'";
#pragma warning restore CA2100
        for (var i = 0; i < practitioners.Count; i++)
        {
            ClinicSeed.Bind(command, "@p" + i.ToString(CultureInfo.InvariantCulture), practitioners[i], _sqlite);
        }

        ClinicSeed.Bind(command, "@from", _calendar.StartOf(monday).AddHours(-12), _sqlite);
        ClinicSeed.Bind(command, "@until", _calendar.StartOf(monday.AddDays(7)), _sqlite);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>A booking's bare floor: the same lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: the practitioner's advisory lock), the day read, a row written.</summary>
    private async Task BareBookingAsync(Guid practitioner, DateTimeOffset start)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = _sqlite
                ? "SELECT \"StartUtc\", \"EndUtc\" FROM \"Appointments\" WHERE \"PractitionerId\" = @p AND \"StartUtc\" >= @from AND \"StartUtc\" < @until AND \"Status\" <> 'Cancelled'"
                : "SELECT pg_advisory_xact_lock(hashtextextended(@p::text, 0)); SELECT \"StartUtc\", \"EndUtc\" FROM appointments.\"Appointments\" WHERE \"PractitionerId\" = @p AND \"StartUtc\" >= @from AND \"StartUtc\" < @until AND \"Status\" <> 'Cancelled'";
            ClinicSeed.Bind(command, "@p", practitioner, _sqlite);
            ClinicSeed.Bind(command, "@from", start.AddHours(-12), _sqlite);
            ClinicSeed.Bind(command, "@until", start.AddHours(12), _sqlite);
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                }
            }
            while (await reader.NextResultAsync());
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = _sqlite
                ? "INSERT INTO bench_writes (id, practitioner, start) VALUES (@id, @p, @s)"
                : "INSERT INTO public.bench_writes (id, practitioner, start) VALUES (@id, @p, @s)";
            ClinicSeed.Bind(insert, "@id", Guid.NewGuid(), _sqlite);
            ClinicSeed.Bind(insert, "@p", practitioner, _sqlite);
            ClinicSeed.Bind(insert, "@s", start, _sqlite);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private void Row(string what, List<double> mine, List<double> bare, string target, double limit)
    {
        var p99 = Percentile(mine, 0.99);
        var verdict = p99 <= limit ? "met at p99" : Percentile(mine, 0.5) <= limit ? "met at p50, missed at p99" : "MISSED";
        _rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"{what,-56}{mine.Count,6}{Percentile(mine, 0.5),9:F2}{Percentile(mine, 0.95),9:F2}{p99,9:F2}{Percentile(bare, 0.5),10:F2}{Percentile(bare, 0.95),10:F2}{Percentile(bare, 0.99),10:F2}   {target} ({verdict})"));
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
