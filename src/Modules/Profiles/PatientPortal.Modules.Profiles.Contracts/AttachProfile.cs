using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: the patient account that signs in with <paramref name="AccountEmail"/> may act for this record as a
/// parent, guardian or caregiver, with <paramref name="Tabs"/>. When the record's person has reached the age of
/// consent, the link waits for their consent (they are emailed to log in and approve); otherwise it is active at once.
/// Never the account's own record, never a second link. Returns the link's state.
/// </summary>
public sealed record AttachProfile(Guid ProfileId, string AccountEmail, Relationship Relationship, ProfileTabs Tabs)
    : IRequest<Result<AccessState>>;
