using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// Staff only: a new clinic message in an existing thread (plain text, as <see cref="ComposeCommunication"/>'s body),
/// from <paramref name="FromPractitionerId"/> (one of the clinic's active practitioners, as for
/// <see cref="ComposeCommunication"/>; null: the clinic's administration). The thread becomes unread for the
/// patient, and the same recipients as for a new communication get an email. The patient's reply allowance does not
/// change.
/// </summary>
/// <remarks><paramref name="FormId"/>: the form's one-time id; the same form sent again adds nothing and tells nobody twice.</remarks>
public sealed record StaffWriteAgain(Guid CommunicationId, string Body, Guid? FromPractitionerId, Guid? FormId = null) : IRequest<Result>;
