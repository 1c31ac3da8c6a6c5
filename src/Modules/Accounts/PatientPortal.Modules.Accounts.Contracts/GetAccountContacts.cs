using MediatR;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// For modules, not pages (issue 9): where to email the accounts that Profiles named as the recipients of a notice
/// about <paramref name="ProfileId"/> (Profiles' <c>ListNotificationRecipients</c>): each account's sign-in email and
/// language. Unknown, inactive or deleted accounts are simply absent. At most <see cref="MaxIds"/> ids.
/// <para>
/// Who may ask: nobody signed in (a job, an email link's request) or staff. A signed-in patient gets only accounts that
/// Profiles says are linked to that profile, and only for a profile the patient may act for: a patient session can
/// never read another family's addresses, whatever ids it passes.
/// </para>
/// </summary>
public sealed record GetAccountContacts(Guid ProfileId, IReadOnlyCollection<Guid> AccountIds) : IRequest<IReadOnlyList<AccountContact>>
{
    public const int MaxIds = 50;
}

/// <summary>An account's sign-in email and its chosen language (e.g. "fr-CA").</summary>
public sealed record AccountContact(Guid AccountId, string Email, string Language);
