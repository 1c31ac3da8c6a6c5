using System.Text.RegularExpressions;
using Ical.Net;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Appointments.Tests.Emails;

/// <summary>
/// Issue 9: the booking confirmation (with its calendar file), the cancellation notice (METHOD:CANCEL, the next
/// sequence), to each recipient in their language, in the same save as the change; no health details anywhere.
/// </summary>
public sealed partial class AppointmentEmailTests
{
    internal static readonly Guid Heather = Guid.Parse("e0000000-0000-0000-0000-000000000001");
    private static readonly Guid Nathan = Guid.Parse("f0000000-0000-0000-0000-000000000002");
    private static readonly Guid NathansOwnAccount = Guid.Parse("e0000000-0000-0000-0000-000000000003");

    internal static async Task<AppointmentsHarness> ClinicAsync(DatabaseProvider provider)
    {
        var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        harness.Access.Allow(Heather, Nathan, ProfileTabs.Appointments, "Nathan Milner");
        harness.Recipients.Add(Nathan, NathansOwnAccount, "nathan@example.test", "fr-CA");
        harness.Recipients.Add(Nathan, Heather, "heather@example.test", "en-CA");
        harness.Current.AccountId = Heather;
        return harness;
    }

    internal static Calendar CalendarOf(QueuedEmail email)
    {
        email.AttachmentContentType.ShouldNotBeNull().ShouldStartWith("text/calendar");
        return Calendar.Load(email.AttachmentContent.ShouldNotBeNull()).ShouldNotBeNull();
    }

    private static async Task<Guid> BookAsync(AppointmentsHarness harness, DateTimeOffset start)
    {
        var booked = await harness.SendAsync(new BookAppointment(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, start, "Painful left knee"));
        booked.IsSuccess.ShouldBeTrue(string.Join(", ", booked.Errors.Select(e => e.Key)));
        return booked.Value;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Booking_emails_each_recipient_in_their_language_with_a_calendar_request_that_names_no_health_detail(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 12, 9, 0);

        var id = await BookAsync(harness, start);

        var mails = await harness.QueuedEmailsAsync();
        mails.Select(m => (m.To, m.Culture)).OrderBy(m => m.To).ShouldBe([("heather@example.test", "en-CA"), ("nathan@example.test", "fr-CA")]);
        var english = mails.Single(m => m.Culture == "en-CA");
        var french = mails.Single(m => m.Culture == "fr-CA");
        english.Subject.ShouldStartWith("Appointment booked");
        english.TextBody.ShouldContain("Thursday, March 12, 2026 at 9:00");
        english.TextBody.ShouldContain("My Clinic");
        french.Subject.ShouldStartWith("Rendez-vous pris");
        french.TextBody.ShouldContain("jeudi 12 mars 2026 à 9 h 00");
        foreach (var mail in mails)
        {
            foreach (var secret in new[] { "knee", "genou", "Annual Visit", "Visite annuelle", "health card", "Dr. Medfar" })
            {
                mail.Subject.ShouldNotContain(secret, Case.Insensitive);
                mail.TextBody.ShouldNotContain(secret, Case.Insensitive);
                mail.HtmlBody.ShouldNotContain(secret, Case.Insensitive);
                mail.AttachmentContent!.ShouldNotContain(secret, Case.Insensitive);
            }

            var calendar = CalendarOf(mail);
            calendar.Method.ShouldBe("REQUEST");
            var evt = calendar.Events.Single();
            evt.Uid.ShouldBe($"{id:N}@patientportal");
            evt.Sequence.ShouldBe(0);
            evt.Start!.AsUtc.ShouldBe(start.UtcDateTime);
            evt.End!.AsUtc.ShouldBe(start.AddMinutes(20).UtcDateTime);
            evt.Summary.ShouldBe(mail.Culture == "fr-CA" ? "Rendez-vous — My Clinic" : "Appointment — My Clinic");
            evt.Description.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cancelling_sends_a_calendar_cancel_with_the_same_uid_and_the_next_sequence(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var id = await BookAsync(harness, start);
        var booking = (await harness.QueuedEmailsAsync()).First();

        (await harness.SendAsync(new CancelAppointment(id))).IsSuccess.ShouldBeTrue();

        var cancellations = (await harness.QueuedEmailsAsync()).Where(m => m.AttachmentName == "cancel.ics").ToList();
        cancellations.Count.ShouldBe(2);
        cancellations.Single(m => m.Culture == "en-CA").Subject.ShouldStartWith("Appointment cancelled");
        cancellations.Single(m => m.Culture == "fr-CA").Subject.ShouldStartWith("Rendez-vous annulé");
        var calendar = CalendarOf(cancellations[0]);
        calendar.Method.ShouldBe("CANCEL");
        var evt = calendar.Events.Single();
        (evt.Uid, evt.Sequence, evt.Status).ShouldBe((CalendarOf(booking).Events.Single().Uid, 1, "CANCELLED"));
        (await harness.AppointmentAsync(id)).Sequence.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_nobody_to_tell_nothing_is_sent_and_the_booking_stands(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        harness.Recipients.TurnOff(Nathan, NotificationKind.AppointmentEmails);

        var id = await BookAsync(harness, TestClinic.Local(2026, 3, 12, 9, 0));

        (await harness.AppointmentAsync(id)).Status.ShouldBe(AppointmentStatus.Booked);
        (await harness.QueuedEmailsAsync()).ShouldBeEmpty();
    }

    /// <summary>The token of an email's link (the value of <c>?t=</c>).</summary>
    internal static string TokenOf(QueuedEmail email, string path)
    {
        var token = Uri.UnescapeDataString(Regex.Match(email.TextBody, Regex.Escape(path) + @"\?t=(?<t>[^\s]+)").Groups["t"].Value);
        token.ShouldNotBeNullOrEmpty();
        return token;
    }
}
