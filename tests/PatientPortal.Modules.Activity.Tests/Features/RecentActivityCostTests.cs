using Stopwatch = System.Diagnostics.Stopwatch;
using PatientPortal.Modules.Activity.Data;
using PatientPortal.Modules.Inbox.Contracts;
using Xunit.Abstractions;

namespace PatientPortal.Modules.Activity.Tests.Features;

/// <summary>
/// The column runs on every signed-in page: its query seeks the profile's (or the account's) newest lines by index and
/// stops after them, whatever the table holds (ADR 0018). Checked on SQLite's plan; the time is printed, not asserted.
/// </summary>
public sealed class RecentActivityCostTests(ITestOutputHelper output)
{
    private static readonly Guid Heather = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    private static readonly Guid HeatherOwn = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    private static readonly Guid Nathan = Guid.Parse("b0000000-0000-0000-0000-000000000002");

    [Fact]
    public async Task The_newest_lines_are_sought_by_index_not_scanned()
    {
        await using var harness = await ActivityHarness.CreateAsync(DatabaseProvider.Sqlite);
        harness.Links.Own(Heather, HeatherOwn);
        harness.Links.Proxy(Heather, Nathan, ProfileTabs.Appointments | ProfileTabs.Messages);

        foreach (var (profile, account) in new[] { (Nathan, (Guid?)null), (HeatherOwn, Heather) })
        {
            var plan = await harness.QueryAsync(async db =>
            {
                var tabs = ProfileTabs.All;
                var lines = account is { } me
                    ? db.Entries.Where(e => (e.ProfileId == profile && (e.Tab & tabs) != ProfileTabs.None) || e.AccountId == me)
                    : db.Entries.Where(e => e.ProfileId == profile && (e.Tab & tabs) != ProfileTabs.None);
                await using var command = lines.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id).Take(8).CreateDbCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                await db.Database.OpenConnectionAsync();
                await using var reader = await command.ExecuteReaderAsync();
                var steps = new List<string>();
                while (await reader.ReadAsync())
                {
                    steps.Add(reader.GetString(3));
                }

                return string.Join(" | ", steps);
            });

            output.WriteLine(plan);
            plan.ShouldContain("IX_TimelineEntries_Profile_Latest");
            plan.ShouldNotContain("SCAN TimelineEntries");
            if (account is not null)
            {
                plan.ShouldContain("IX_TimelineEntries_Account_Latest");
            }
        }
    }

    [Fact]
    public async Task Reading_a_column_among_many_lines_is_quick()
    {
        await using var harness = await ActivityHarness.CreateAsync(DatabaseProvider.Sqlite);
        harness.Links.Own(Heather, HeatherOwn);
        harness.Links.Proxy(Heather, Nathan, ProfileTabs.All);
        // 1,000 profiles with 20 lines each, Nathan's among them.
        await harness.QueryAsync(async db =>
        {
            var at = ModuleHarness<ActivityDbContext>.StartTime;
            for (var p = 0; p < 1000; p++)
            {
                var profile = p == 0 ? Nathan : Guid.CreateVersion7();
                for (var i = 0; i < 20; i++)
                {
                    db.Entries.Add(Domain.TimelineEntry.ForProfile(profile, ActivityKind.NewMessage, ProfileTabs.Messages, at.AddMinutes(i), Guid.CreateVersion7()));
                }
            }

            return await db.SaveChangesAsync();
        });
        await harness.PublishAsync(new CommunicationPublished(Guid.CreateVersion7(), Nathan, CommunicationCategory.Bill));
        await harness.LinesAsync(Heather, Nathan); // warm up

        var watch = Stopwatch.StartNew();
        const int Reads = 200;
        for (var i = 0; i < Reads; i++)
        {
            (await harness.LinesAsync(Heather, Nathan)).Count.ShouldBe(8);
        }

        output.WriteLine($"ListRecentActivity among 20,000 lines: {watch.Elapsed.TotalMilliseconds / Reads:F2} ms a read (scope, mediator, query)");
    }
}
