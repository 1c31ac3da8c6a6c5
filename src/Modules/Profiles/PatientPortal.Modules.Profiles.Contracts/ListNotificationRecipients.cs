using MediatR;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>Which of a profile's notification preferences decides whether an email goes out.</summary>
public enum NotificationKind
{
    /// <summary>Booking confirmations and cancellation notices.</summary>
    AppointmentEmails,

    /// <summary>The reminder and confirmation request when the confirm window opens.</summary>
    Reminders,

    /// <summary>Issue 10: a new message, document or bill in the Inbox (the preference "new communications").</summary>
    NewCommunications,
}

/// <summary>
/// For modules, not pages (issue 9): the accounts an email about <paramref name="ProfileId"/>'s <paramref name="Tab"/>
/// goes to, evaluated now: the profile's own account (Self) and every proxy whose link opens the tab at this instant
/// (the age rule applied), and nobody when the profile's preference for <paramref name="Kind"/> is off. Account ids
/// only, and the person's first name to greet them by (no health detail); their addresses are Accounts'
/// (<c>GetAccountContacts</c>).
/// <para>
/// Modules only (<see cref="ModulesOnlyAttribute"/>): the answer does not depend on who is signed in, so that a
/// cancellation from an email link opened in a browser signed in to another account still tells the patient.
/// </para>
/// </summary>
[ModulesOnly]
public sealed record ListNotificationRecipients(Guid ProfileId, ProfileTabs Tab, NotificationKind Kind) : IRequest<NotificationRecipients>;

/// <summary>Whom to tell (Self first), and the profile's first name; no recipients means nothing is sent.</summary>
public sealed record NotificationRecipients(string FirstName, IReadOnlyList<Guid> AccountIds)
{
    public static NotificationRecipients None { get; } = new("", []);
}
