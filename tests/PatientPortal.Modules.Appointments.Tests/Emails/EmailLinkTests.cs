using Microsoft.Extensions.DependencyInjection;

namespace PatientPortal.Modules.Appointments.Tests.Emails;

/// <summary>
/// Issue 9: the Confirm and Cancel links work without logging in, for one appointment, one action, until the start,
/// and only while the appointment is as the email knew it; they obey the portal's 72 h / 48 h windows.
/// </summary>
public sealed class EmailLinkTests
{
    private static readonly Guid Nathan = Guid.Parse("f0000000-0000-0000-0000-000000000002");

    private static async Task<AppointmentsHarness> AnonymousClinicAsync(DatabaseProvider provider)
    {
        var harness = await AppointmentEmailTests.ClinicAsync(provider);
        harness.Current.AccountId = null; // an email link's request: nobody is signed in
        return harness;
    }

    private static readonly Guid Heather = AppointmentEmailTests.Heather;

    /// <summary>The link as emailed to Heather, Nathan's mother (the Appointments tab).</summary>
    private static string Token(AppointmentsHarness harness, Guid id, EmailAction action, Guid? recipient = null) =>
        harness.QueryAsync(db => db.Appointments.SingleAsync(a => a.Id == id)).ContinueWith(a =>
            harness.Services.GetRequiredService<EmailLinkTokens>().Issue(a.Result, action, recipient ?? Heather)).Result;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_links_in_the_reminder_confirm_and_cancel_within_the_windows_without_anyone_signed_in(DatabaseProvider provider)
    {
        await using var harness = await AnonymousClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var confirmId = await harness.BookAsync(Nathan, start);
        var cancelId = await harness.BookAsync(Nathan, start.AddMinutes(20));
        var confirmToken = Token(harness, confirmId, EmailAction.Confirm);
        var cancelToken = Token(harness, cancelId, EmailAction.Cancel);

        harness.Clock.SetUtcNow(start.AddHours(-72).AddSeconds(-1));
        var early = await harness.SendAsync(new ConfirmFromEmail(confirmToken));
        var shownEarly = (await harness.SendAsync(new GetAppointmentFromEmail(confirmToken, EmailAction.Confirm))).Value;
        harness.Clock.SetUtcNow(start.AddHours(-72));
        var shown = (await harness.SendAsync(new GetAppointmentFromEmail(confirmToken, EmailAction.Confirm))).Value;
        var stillBooked = (await harness.AppointmentAsync(confirmId)).Status;
        var confirmed = await harness.SendAsync(new ConfirmFromEmail(confirmToken));
        var cancelled = await harness.SendAsync(new CancelFromEmail(cancelToken));

        early.Errors.Single().Key.ShouldBe(AppointmentsErrors.ConfirmNotYetOpen);
        (shownEarly.CanConfirm, shown.CanConfirm, stillBooked).ShouldBe((false, true, AppointmentStatus.Booked));
        (shown.PractitionerName, shown.Site.Name, shown.StartUtc, shown.TypeName, shown.DurationMinutes)
            .ShouldBe(("Dr. Medfar Solutions", "My Clinic", start, "Annual Visit", 20));
        confirmed.IsSuccess.ShouldBeTrue();
        cancelled.IsSuccess.ShouldBeTrue();
        var c = await harness.AppointmentAsync(confirmId);
        (c.Status, c.ConfirmedBy).ShouldBe((AppointmentStatus.Confirmed, Heather), "by the account the email went to");
        var x = await harness.AppointmentAsync(cancelId);
        (x.Status, x.CancelledByParty, x.CancelledByAccount).ShouldBe((AppointmentStatus.Cancelled, CancelledBy.Patient, Heather));
        (await harness.QueuedEmailsAsync()).Count(m => m.AttachmentName == "cancel.ics").ShouldBe(2, "the cancellation notice goes out from an email link too");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cancelling_from_email_inside_48_hours_is_refused_as_in_the_portal(DatabaseProvider provider)
    {
        await using var harness = await AnonymousClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var id = await harness.BookAsync(Nathan, start);
        var token = Token(harness, id, EmailAction.Cancel);

        harness.Clock.SetUtcNow(start.AddHours(-48).AddSeconds(1));
        var refused = await harness.SendAsync(new CancelFromEmail(token));
        var shown = (await harness.SendAsync(new GetAppointmentFromEmail(token, EmailAction.Cancel))).Value;

        refused.Errors.Single().Key.ShouldBe(AppointmentsErrors.CancelWindowClosed);
        (shown.CanCancel, shown.CancelDeadlineUtc).ShouldBe((false, start.AddHours(-48)));
        (await harness.AppointmentAsync(id)).Status.ShouldBe(AppointmentStatus.Booked);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_tampered_expired_wrong_purpose_or_outdated_token_opens_nothing(DatabaseProvider provider)
    {
        await using var harness = await AnonymousClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var id = await harness.BookAsync(Nathan, start);
        var other = await harness.BookAsync(Nathan, start.AddMinutes(20));
        var confirm = Token(harness, id, EmailAction.Confirm);
        var cancel = Token(harness, id, EmailAction.Cancel);
        var otherCancel = Token(harness, other, EmailAction.Cancel);
        var tampered = confirm[..^3] + (confirm[^3] == 'A' ? 'B' : 'A') + confirm[^2..];
        harness.Clock.SetUtcNow(start.AddHours(-71));
        var invalid = new Error(AppointmentsErrors.LinkInvalid);

        (await harness.SendAsync(new ConfirmFromEmail(tampered))).Errors.ShouldBe([invalid]);
        (await harness.SendAsync(new ConfirmFromEmail("not-a-token"))).Errors.ShouldBe([invalid]);
        (await harness.SendAsync(new ConfirmFromEmail(""))).Errors.ShouldBe([invalid]);
        (await harness.SendAsync(new ConfirmFromEmail(cancel))).Errors.ShouldBe([invalid], "a Cancel link never confirms");
        (await harness.SendAsync(new GetAppointmentFromEmail(confirm, EmailAction.Cancel))).Errors.ShouldBe([invalid]);
        (await harness.AppointmentAsync(id)).Status.ShouldBe(AppointmentStatus.Booked);

        // Another appointment's link acts on that appointment only.
        (await harness.SendAsync(new CancelFromEmail(otherCancel))).IsSuccess.ShouldBeTrue();
        (await harness.AppointmentAsync(id)).Status.ShouldBe(AppointmentStatus.Booked);
        (await harness.AppointmentAsync(other)).Status.ShouldBe(AppointmentStatus.Cancelled);

        // Once the appointment changed (cancelled: the sequence moved on), its old links no longer open, even for a look.
        (await harness.SendAsync(new CancelFromEmail(cancel))).IsSuccess.ShouldBeTrue();
        (await harness.SendAsync(new GetAppointmentFromEmail(cancel, EmailAction.Cancel))).Errors.ShouldBe([invalid]);
        (await harness.SendAsync(new ConfirmFromEmail(confirm))).Errors.ShouldBe([invalid]);

        // Expired at the start.
        var later = await harness.BookAsync(Nathan, start.AddHours(5));
        var laterConfirm = Token(harness, later, EmailAction.Confirm);
        harness.Clock.SetUtcNow(start.AddHours(5));
        (await harness.SendAsync(new GetAppointmentFromEmail(laterConfirm, EmailAction.Confirm))).Errors.ShouldBe([invalid]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_link_sent_to_an_account_that_has_lost_access_opens_nothing_whoever_is_signed_in(DatabaseProvider provider)
    {
        await using var harness = await AnonymousClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var id = await harness.BookAsync(Nathan, start);
        var stranger = Guid.CreateVersion7();
        var heathers = Token(harness, id, EmailAction.Cancel);
        var strangers = Token(harness, id, EmailAction.Cancel, recipient: stranger);
        harness.Clock.SetUtcNow(start.AddHours(-71));
        var invalid = new Error(AppointmentsErrors.LinkInvalid);

        (await harness.SendAsync(new GetAppointmentFromEmail(strangers, EmailAction.Cancel))).Errors.ShouldBe([invalid], "never had access");
        harness.Access.Revoke(Heather, Nathan);
        harness.Current.AccountId = Heather; // signed in or not, the link is the account's it was sent to
        (await harness.SendAsync(new GetAppointmentFromEmail(heathers, EmailAction.Cancel))).Errors.ShouldBe([invalid]);
        (await harness.SendAsync(new CancelFromEmail(heathers))).Errors.ShouldBe([invalid]);
        (await harness.AppointmentAsync(id)).Status.ShouldBe(AppointmentStatus.Booked);

        harness.Access.Allow(Heather, Nathan, ProfileTabs.Appointments, "Nathan Milner");
        harness.Current.AccountId = stranger;
        (await harness.SendAsync(new CancelFromEmail(heathers))).IsSuccess.ShouldBeTrue("a browser signed in to another account changes nothing");
        var cancelled = await harness.AppointmentAsync(id);
        (cancelled.Status, cancelled.CancelledByAccount).ShouldBe((AppointmentStatus.Cancelled, Heather));
        (await harness.QueuedEmailsAsync()).Count(m => m.AttachmentName == "cancel.ics").ShouldBe(2, "the notice still goes to everyone");
        harness.Access.Reads.Where(r => !r.Allowed).Select(r => (r.ReaderAccountId, r.What)).ShouldBe(
            [(stranger, "appointment-email-link"), (Heather, "appointment-email-link"), (Heather, "appointment-email-link")],
            "each use of a link whose recipient has no access is on the trail, as the recipient's");
    }
}
