using MediatR;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// <see cref="MayActFor"/> for an account that is not the session's: the one an email link was sent to. A module
/// acting on such a link asks it on every use, so that a link sent to a proxy stops working once that proxy's access
/// ends (revoked, or the age of consent), exactly as the proxy's session would (ADR 0012). Modules only.
/// </summary>
[ModulesOnly]
public sealed record MayAccountActFor(Guid AccountId, Guid ProfileId, ProfileTabs Tab) : IRequest<bool>;
