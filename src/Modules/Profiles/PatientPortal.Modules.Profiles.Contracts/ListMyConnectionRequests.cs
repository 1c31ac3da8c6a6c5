using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The signed-in account's Connected Accounts submissions of the last <see cref="Days"/> days that got the neutral
/// answer (<see cref="ConnectOutcome.Submitted"/>), newest first. A submission that matched a patient and one that
/// matched nobody look the same: only the date, no names, no state (the outcome comes by email once someone decides,
/// and an approved connection then shows among the account's profiles).
/// </summary>
public sealed record ListMyConnectionRequests : IRequest<Result<IReadOnlyList<MyConnectionRequest>>>
{
    /// <summary>How far back the list goes.</summary>
    public const int Days = 30;
}

/// <summary>One submission: when it was made.</summary>
public sealed record MyConnectionRequest(DateTimeOffset SubmittedUtc);
