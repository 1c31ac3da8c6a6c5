using PatientPortal.BuildingBlocks.Messaging;

namespace PatientPortal.Modules.Inbox.Contracts;

// What happened in a profile's inbox, for the modules that keep their own view of it (Activity's timeline, ADR 0018).
// Ids and the category only (each category opens with its own permission): never the subject, the body, the sender or
// a file name, which are health details.

/// <summary>
/// The clinic sent the profile something new: a communication (<paramref name="CommunicationId"/>), or a new message in
/// an existing thread (staff wrote again; the same id, the thread's).
/// </summary>
public sealed record CommunicationPublished(Guid CommunicationId, Guid ProfileId, CommunicationCategory Category) : IntegrationEvent;

/// <summary>The patient (or a proxy) replied in the thread <paramref name="CommunicationId"/>.</summary>
public sealed record ReplySent(Guid CommunicationId, Guid ProfileId, CommunicationCategory Category) : IntegrationEvent;

/// <summary>Staff deleted the communication (sent to the wrong profile, say): whatever points to it goes too.</summary>
public sealed record CommunicationDeleted(Guid CommunicationId, Guid ProfileId) : IntegrationEvent;
