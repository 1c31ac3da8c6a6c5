using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>Emergency appointment, step 1: the sites whose schedules offer an emergency type.</summary>
public sealed record ListEmergencySites(Guid ProfileId) : IRequest<Result<IReadOnlyList<WizardChoice>>>;
