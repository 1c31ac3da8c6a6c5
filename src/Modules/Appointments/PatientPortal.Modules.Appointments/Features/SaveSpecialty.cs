using PatientPortal.Modules.Accounts.Contracts;
using static PatientPortal.Modules.Appointments.Domain.ClinicAdminRules;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class SaveSpecialtyValidator : AbstractValidator<SaveSpecialty>
{
    public SaveSpecialtyValidator() => Required(RuleFor(r => r.Name), 100);
}

internal sealed class SaveSpecialtyHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<SaveSpecialty, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(SaveSpecialty request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        Specialty? specialty;
        if (request.SpecialtyId is { } id)
        {
            specialty = await db.Specialties.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (specialty is null)
            {
                return Error.NotFound;
            }

            specialty.Rename(ToText(request.Name));
        }
        else
        {
            specialty = Specialty.Create(Guid.CreateVersion7(), ToText(request.Name));
            db.Specialties.Add(specialty);
        }

        await db.SaveChangesAsync(cancellationToken);
        return specialty.Id;
    }
}
