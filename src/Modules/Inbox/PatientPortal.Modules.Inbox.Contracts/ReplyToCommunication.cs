using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// The patient replies (or a proxy with the category's permission, for the profile): plain text of 1 to
/// <see cref="MaxLength"/> characters as the user sees them (an accented letter or an emoji counts one), no control
/// characters but line breaks and tabs, with the disclaimer accepted. Only while the clinic allows a reply and some
/// are left (<see cref="InboxErrors.ReplyNotAllowed"/>): two replies sent at once when one is left keep exactly one.
/// The reply shows under the communication and in Sent; staff see the thread unread in their inbox.
/// </summary>
public sealed record ReplyToCommunication(Guid CommunicationId, string Text, bool DisclaimerAccepted) : IRequest<Result>
{
    public const int MaxLength = 500;
}
