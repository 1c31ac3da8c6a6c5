using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// Staff only: a communication's thread, newest first, with whose it is. Opening it marks its patient replies read for
/// the clinic (the patient's own read state does not change). A staff read on the access trail.
/// </summary>
public sealed record GetStaffThread(Guid CommunicationId) : IRequest<Result<StaffThreadView>>;

/// <summary>
/// The thread as staff see it (<see cref="ThreadView.Reply"/> says what the patient may still do; the disclaimer is
/// the one the patient is shown) and the patient's name and date of birth. <paramref name="FromPractitionerId"/>: the
/// communication's sender (Appointments' id; null: the clinic's administration, or sent before ids were kept), the
/// "Write again" form's first choice.
/// </summary>
public sealed record StaffThreadView(ThreadView Thread, string PatientFirstName, string PatientLastName, DateOnly PatientDateOfBirth, Guid? FromPractitionerId = null);
