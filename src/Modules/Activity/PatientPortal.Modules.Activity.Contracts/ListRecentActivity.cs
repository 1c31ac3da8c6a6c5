using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Activity.Contracts;

/// <summary>
/// Recent activity (the right-hand column of every signed-in page): the last <paramref name="Count"/> lines of the
/// profile's timeline, newest first. Only for an account that may act for the profile now (else
/// <see cref="Error.Forbidden"/>), and only the lines of the tabs its link opens (a proxy without Messages sees no
/// message line); the changes of credentials are the account's own and show only on its own profile. ADR 0018.
/// </summary>
public sealed record ListRecentActivity(Guid ProfileId, int Count) : IRequest<Result<IReadOnlyList<ActivityLine>>>
{
    /// <summary>The most lines one request may ask for.</summary>
    public const int MaxCount = 50;
}

/// <summary>
/// One line of the timeline. <paramref name="SubjectId"/>: the appointment or the communication (thread) the line
/// links to; none for a change of credentials. <paramref name="AppointmentStartUtc"/>: the appointment's start, for
/// the appointment lines. The host writes the line's text from <paramref name="Kind"/> in the reader's language.
/// </summary>
public sealed record ActivityLine(Guid Id, ActivityKind Kind, DateTimeOffset OccurredUtc, Guid? SubjectId, DateTimeOffset? AppointmentStartUtc);

/// <summary>What a line says. Each comes from one integration event (ADR 0018).</summary>
public enum ActivityKind
{
    AppointmentBooked = 1,
    AppointmentBookedByClinic = 2,
    AppointmentConfirmed = 3,
    AppointmentCancelled = 4,
    AppointmentCancelledByClinic = 5,
    NewMessage = 10,
    NewDocument = 11,
    NewBill = 12,
    ReplySent = 13,
    PasswordChanged = 20,
    EmailChanged = 21,
}
