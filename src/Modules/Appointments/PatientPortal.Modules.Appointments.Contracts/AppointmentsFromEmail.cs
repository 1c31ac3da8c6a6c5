using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// An email's Confirm or Cancel link, opened without logging in: what the page shows (practitioner, site, date, type,
/// duration; never the reason) and what it may offer. The token alone decides which appointment: a token that is
/// tampered with, expired, for the other action, for another appointment or for an earlier version of this one
/// (its calendar sequence changed) is <see cref="AppointmentsErrors.LinkInvalid"/>.
/// </summary>
public sealed record GetAppointmentFromEmail(string Token, EmailAction Action) : IRequest<Result<EmailAppointment>>;

/// <summary>Confirms the appointment the token names (POST only; same 72-hour window as the portal).</summary>
public sealed record ConfirmFromEmail(string Token) : IRequest<Result>;

/// <summary>Cancels the appointment the token names (POST only, after "Are you sure?"; same 48-hour rule as the portal).</summary>
public sealed record CancelFromEmail(string Token) : IRequest<Result>;

/// <summary>What an email link is for: each token is good for one of them only.</summary>
public enum EmailAction
{
    Confirm,
    Cancel,
}

/// <summary>The appointment as an email link's page shows it, in the reader's language.</summary>
public sealed record EmailAppointment(
    string PractitionerName,
    SiteView Site,
    DateTimeOffset StartUtc,
    string TypeName,
    int DurationMinutes,
    AppointmentStatus Status,
    bool CanConfirm,
    bool CanCancel,
    DateTimeOffset CancelDeadlineUtc);
