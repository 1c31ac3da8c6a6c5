using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// The sidebar's counters for the selected profile: unread communications of the categories the signed-in account may
/// open now (a category it may not open counts 0). <see cref="InboxErrors.NotFound"/> when it may open none of them.
/// Not on the access trail (counts only, like the tab list itself).
/// </summary>
public sealed record GetUnreadCounters(Guid ProfileId) : IRequest<Result<UnreadCounters>>;

/// <summary><paramref name="Inbox"/>: the red badge (all unread); <paramref name="Documents"/> and <paramref name="Bills"/>: "(n)".</summary>
public sealed record UnreadCounters(int Inbox, int Documents, int Bills)
{
    public static UnreadCounters Zero { get; } = new(0, 0, 0);
}
