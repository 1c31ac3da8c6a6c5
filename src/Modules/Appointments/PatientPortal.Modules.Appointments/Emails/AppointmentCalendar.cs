using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Appointments.Emails;

/// <summary>
/// The calendar file attached to the booking confirmation and the cancellation notice (RFC 5545 / iTIP): one event
/// whose UID is the appointment's for its whole life, SEQUENCE its <see cref="Appointment.Sequence"/>, METHOD:REQUEST
/// when booked and METHOD:CANCEL (STATUS:CANCELLED, the next sequence) when cancelled, so a calendar updates the event
/// it already holds. The summary says only "Appointment — site" and the location is the site's address: no type,
/// no reason, no practitioner, nothing of health reaches a calendar (often synchronized to a third party).
/// </summary>
internal static class AppointmentCalendar
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string Uid(Guid appointmentId) => $"{appointmentId:N}@patientportal";

    public static EmailAttachment Attachment(Appointment appointment, Site site, string clinic, string organizerEmail, string language, DateTimeOffset now)
    {
        var method = appointment.IsCancelled ? Cancel : Request;
        var french = language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        var calendar = new Calendar { Method = method, ProductId = "-//PatientPortal//Appointments//EN" };
        var place = site.IsVirtual ? site.Name : string.Join(", ", new[] { site.Name, site.AddressLine, site.City, site.Province, site.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Uid(appointment.Id),
            Sequence = appointment.Sequence,
            DtStamp = new CalDateTime(now.UtcDateTime),
            DtStart = new CalDateTime(appointment.StartUtc.UtcDateTime),
            DtEnd = new CalDateTime(appointment.EndUtc.UtcDateTime),
            Summary = $"{(french ? "Rendez-vous" : "Appointment")} — {site.Name}",
            Location = place,
            Status = appointment.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = clinic },
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new EmailAttachment(
            appointment.IsCancelled ? "cancel.ics" : "appointment.ics", $"text/calendar; charset=utf-8; method={method}", text);
    }
}
