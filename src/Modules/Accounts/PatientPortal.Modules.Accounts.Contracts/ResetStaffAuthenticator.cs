using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// An admin resets another staff member's authenticator app (a lost phone): the app and its recovery codes stop working,
/// every session of theirs ends, they are told by email, and they set up an app again at their next sign-in. The admin
/// types a code from their own app (or a recovery code): a stolen admin session alone cannot reset anyone's app.
/// </summary>
public sealed record ResetStaffAuthenticator(Guid StaffAccountId, string? Code) : IRequest<Result>;
