using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: a self-registered account looks like an existing clinic record (same card and date of birth).
/// <paramref name="Confirm"/>: the account's own profile becomes that record. Otherwise the suggestion is closed and
/// nothing is granted. Decided once: a second decision gets <see cref="ProfilesErrors.AlreadyDecided"/>.
/// </summary>
public sealed record DecideLinkSuggestion(Guid SuggestionId, bool Confirm) : IRequest<Result>;
