using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Activity.Data;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Modules.Activity.Tests.Features;

/// <summary>
/// The timeline: each event becomes one line, a second delivery changes nothing, and each reader sees only the lines
/// of the tabs their link opens now (ADR 0018). On SQLite and PostgreSQL.
/// </summary>
public sealed class RecentActivityTests
{
    private static readonly Guid Heather = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    private static readonly Guid HeatherOwn = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    private static readonly Guid Nathan = Guid.Parse("b0000000-0000-0000-0000-000000000002");
    private static readonly Guid Grandma = Guid.Parse("a0000000-0000-0000-0000-000000000002");
    private static readonly Guid Sophie = Guid.Parse("a0000000-0000-0000-0000-000000000003");
    private static readonly Guid SophieOwn = Guid.Parse("b0000000-0000-0000-0000-000000000003");

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static async Task<ActivityHarness> FamilyAsync(DatabaseProvider provider)
    {
        var harness = await ActivityHarness.CreateAsync(provider);
        harness.Links.Own(Heather, HeatherOwn);
        harness.Links.Proxy(Heather, Nathan, ProfileTabs.All);
        harness.Links.Own(Sophie, SophieOwn);
        return harness;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_event_becomes_one_line_newest_first(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        var appointment = Guid.CreateVersion7();
        var start = new DateTimeOffset(2026, 12, 3, 14, 30, 0, TimeSpan.Zero);
        var message = Guid.CreateVersion7();
        var document = Guid.CreateVersion7();
        var bill = Guid.CreateVersion7();
        var step = TimeSpan.FromMinutes(1);

        await harness.PublishAsync(new AppointmentBooked(appointment, Nathan, start, ByClinic: false));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new AppointmentBooked(Guid.CreateVersion7(), Nathan, start.AddDays(1), ByClinic: true));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new AppointmentConfirmed(appointment, Nathan, start));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new AppointmentCancelled(appointment, Nathan, start, ByClinic: false));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new AppointmentCancelled(appointment, Nathan, start, ByClinic: true));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new CommunicationPublished(message, Nathan, CommunicationCategory.Message));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new CommunicationPublished(document, Nathan, CommunicationCategory.Document));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new CommunicationPublished(bill, Nathan, CommunicationCategory.Bill));
        harness.Clock.Advance(step);
        await harness.PublishAsync(new ReplySent(message, Nathan, CommunicationCategory.Message));

        var lines = await harness.LinesAsync(Heather, Nathan, count: 20);

        lines.Select(l => l.Kind).ShouldBe([
            ActivityKind.ReplySent, ActivityKind.NewBill, ActivityKind.NewDocument, ActivityKind.NewMessage,
            ActivityKind.AppointmentCancelledByClinic, ActivityKind.AppointmentCancelled, ActivityKind.AppointmentConfirmed,
            ActivityKind.AppointmentBookedByClinic, ActivityKind.AppointmentBooked]);
        lines[^1].SubjectId.ShouldBe(appointment);
        lines[^1].AppointmentStartUtc.ShouldBe(start);
        lines[^1].OccurredUtc.ShouldBe(ModuleHarness<ActivityDbContext>.StartTime);
        lines[0].SubjectId.ShouldBe(message);
        lines[0].AppointmentStartUtc.ShouldBeNull();
        lines[1].SubjectId.ShouldBe(bill);
        lines.Take(4).ShouldAllBe(l => l.AppointmentStartUtc == null);
        (await harness.LinesAsync(Heather, Nathan, count: 3)).Select(l => l.Kind).ShouldBe([ActivityKind.ReplySent, ActivityKind.NewBill, ActivityKind.NewDocument]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_second_delivery_of_an_event_adds_no_second_line(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        var booked = new AppointmentBooked(Guid.CreateVersion7(), Nathan, ModuleHarness<ActivityDbContext>.StartTime.AddDays(3), ByClinic: false)
            { OccurredUtc = harness.Clock.GetUtcNow() };
        var changed = new PasswordChanged(Heather) { OccurredUtc = harness.Clock.GetUtcNow() };

        await harness.DeliverAsync(booked);
        await harness.DeliverAsync(booked);
        await harness.DeliverAsync(changed);
        await harness.DeliverAsync(changed);

        (await harness.LinesAsync(Heather, Nathan)).Count.ShouldBe(1);
        (await harness.LinesAsync(Heather, HeatherOwn)).Count.ShouldBe(1);
        (await harness.QueryAsync(db => db.Entries.CountAsync())).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_proxy_sees_only_the_lines_of_the_tabs_their_link_opens(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        harness.Links.Proxy(Grandma, Nathan, ProfileTabs.Appointments | ProfileTabs.Bills);
        await harness.PublishAsync(new AppointmentBooked(Guid.CreateVersion7(), Nathan, ModuleHarness<ActivityDbContext>.StartTime.AddDays(3), ByClinic: false));
        var message = Guid.CreateVersion7();
        await harness.PublishAsync(new CommunicationPublished(message, Nathan, CommunicationCategory.Message));
        await harness.PublishAsync(new ReplySent(message, Nathan, CommunicationCategory.Message));
        await harness.PublishAsync(new CommunicationPublished(Guid.CreateVersion7(), Nathan, CommunicationCategory.Document));
        await harness.PublishAsync(new CommunicationPublished(Guid.CreateVersion7(), Nathan, CommunicationCategory.Bill));

        (await harness.LinesAsync(Grandma, Nathan)).Select(l => l.Kind).ShouldBe([ActivityKind.AppointmentBooked, ActivityKind.NewBill], ignoreOrder: true);
        (await harness.LinesAsync(Heather, Nathan)).Count.ShouldBe(5);

        // The link changes: the next request sees what it opens now.
        harness.Links.Proxy(Grandma, Nathan, ProfileTabs.Messages);
        (await harness.LinesAsync(Grandma, Nathan)).Select(l => l.Kind).ShouldBe([ActivityKind.NewMessage, ActivityKind.ReplySent], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_profile_the_account_may_not_act_for_is_refused(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        await harness.PublishAsync(new AppointmentBooked(Guid.CreateVersion7(), Nathan, ModuleHarness<ActivityDbContext>.StartTime.AddDays(3), ByClinic: false));

        harness.Current.SignedInAs(Sophie);
        (await harness.SendAsync(new ListRecentActivity(Nathan, 8))).Errors.ShouldContain(Error.Forbidden);

        harness.Links.Revoke(Heather, Nathan);
        harness.Current.SignedInAs(Heather);
        (await harness.SendAsync(new ListRecentActivity(Nathan, 8))).Errors.ShouldContain(Error.Forbidden);

        harness.Current.AccountId = null;
        (await harness.SendAsync(new ListRecentActivity(Nathan, 8))).Errors.ShouldContain(Error.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Credential_changes_show_on_the_account_own_profile_only_to_that_account(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        // Grandma is also a proxy of Heather's own profile, with every tab.
        harness.Links.Proxy(Grandma, HeatherOwn, ProfileTabs.All);
        await harness.PublishAsync(new PasswordChanged(Heather));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.PublishAsync(new EmailChanged(Heather));
        await harness.PublishAsync(new PasswordChanged(Sophie));

        var own = await harness.LinesAsync(Heather, HeatherOwn);
        own.Select(l => l.Kind).ShouldBe([ActivityKind.EmailChanged, ActivityKind.PasswordChanged]);
        own.ShouldAllBe(l => l.SubjectId == null);
        (await harness.LinesAsync(Heather, Nathan)).ShouldBeEmpty();
        (await harness.LinesAsync(Grandma, HeatherOwn)).ShouldBeEmpty();
        (await harness.LinesAsync(Sophie, SophieOwn)).Select(l => l.Kind).ShouldBe([ActivityKind.PasswordChanged]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_deleted_communication_takes_its_lines_with_it(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        var wrong = Guid.CreateVersion7();
        var kept = Guid.CreateVersion7();
        await harness.PublishAsync(new CommunicationPublished(wrong, Nathan, CommunicationCategory.Document));
        await harness.PublishAsync(new CommunicationPublished(kept, Nathan, CommunicationCategory.Message));
        await harness.PublishAsync(new CommunicationDeleted(wrong, Nathan));

        (await harness.LinesAsync(Heather, Nathan)).Select(l => l.SubjectId).ShouldBe([kept]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_event_about_a_deleted_communication_delivered_after_the_deletion_adds_no_line(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        var deleted = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();

        // The publication and a reply failed once and are tried again after staff deleted the communication.
        await harness.PublishAsync(new CommunicationDeleted(deleted, Nathan));
        await harness.PublishAsync(new CommunicationPublished(deleted, Nathan, CommunicationCategory.Document));
        await harness.PublishAsync(new ReplySent(deleted, Nathan, CommunicationCategory.Document));
        await harness.PublishAsync(new CommunicationPublished(other, Nathan, CommunicationCategory.Message));

        (await harness.LinesAsync(Heather, Nathan)).Select(l => l.SubjectId).ShouldBe([other]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lines_older_than_the_retention_are_deleted(DatabaseProvider provider)
    {
        await using var harness = await FamilyAsync(provider);
        await harness.PublishAsync(new CommunicationPublished(Guid.CreateVersion7(), Nathan, CommunicationCategory.Message));
        await harness.PublishAsync(new CommunicationDeleted(Guid.CreateVersion7(), Nathan));
        harness.Clock.Advance(TimeSpan.FromDays(300));
        await harness.PublishAsync(new CommunicationPublished(Guid.CreateVersion7(), Nathan, CommunicationCategory.Bill));
        var recentlyDeleted = Guid.CreateVersion7();
        await harness.PublishAsync(new CommunicationDeleted(recentlyDeleted, Nathan));
        harness.Clock.Advance(TimeSpan.FromDays(70));

        var deleted = await harness.QueryAsync(async db =>
            await new Jobs.PruneTimelineJob(db, Microsoft.Extensions.Options.Options.Create(new ActivityOptions()), harness.Clock).PruneAsync(CancellationToken.None));

        deleted.ShouldBe(1);
        (await harness.LinesAsync(Heather, Nathan)).Select(l => l.Kind).ShouldBe([ActivityKind.NewBill]);
        // What it remembers of deleted communications goes with the lines of their time.
        (await harness.QueryAsync(db => db.DeletedSubjects.Select(d => d.SubjectId).ToListAsync())).ShouldBe([recentlyDeleted]);
    }
}
