using MediatR;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// For modules, not pages (issue 9): where to email the accounts that Profiles named as the recipients of a notice
/// about <paramref name="ProfileId"/> (Profiles' <c>ListNotificationRecipients</c>): each account's sign-in email and
/// language. Unknown, inactive or deleted accounts are simply absent. At most <see cref="MaxIds"/> ids.
/// <para>
/// Modules only (<see cref="ModulesOnlyAttribute"/>): answered whoever is signed in, for a module that queues a
/// notice; the addresses go into emails, never onto a page. <paramref name="ProfileId"/> names the notice's subject.
/// </para>
/// </summary>
[ModulesOnly]
public sealed record GetAccountContacts(Guid ProfileId, IReadOnlyCollection<Guid> AccountIds) : IRequest<IReadOnlyList<AccountContact>>
{
    public const int MaxIds = 50;
}

/// <summary>An account's sign-in email and its chosen language (e.g. "fr-CA").</summary>
public sealed record AccountContact(Guid AccountId, string Email, string Language);
