using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// Staff only: removes a communication, its messages and replies, and its files. The rows go first, together with a
/// note of the files to delete, in one transaction; then the files. A crash in between leaves files that no row leads
/// to (never served) and the note, which a job works off (ADR 0017). Deleting one that is already gone succeeds and
/// changes nothing.
/// </summary>
public sealed record DeleteCommunication(Guid CommunicationId) : IRequest<Result>;
