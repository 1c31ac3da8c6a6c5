using MediatR;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The question every module asks on every request: may the signed-in account do <paramref name="Tab"/> for this
/// profile now? True only for an active link that opens that tab, evaluated at this instant: a revoked link, or a
/// parent's link on the child's birthday of consent (clinic time), answers false on the very next request. Who asks
/// comes from the session, never from the request. See ADR 0012.
/// </summary>
public sealed record MayActFor(Guid ProfileId, ProfileTabs Tab) : IRequest<bool>;
