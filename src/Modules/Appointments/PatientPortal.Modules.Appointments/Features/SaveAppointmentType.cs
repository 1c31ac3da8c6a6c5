using PatientPortal.Modules.Accounts.Contracts;
using static PatientPortal.Modules.Appointments.Domain.ClinicAdminRules;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class SaveAppointmentTypeValidator : AbstractValidator<SaveAppointmentType>
{
    public SaveAppointmentTypeValidator()
    {
        RuleFor(r => r.Details).NotNull();
        When(r => r.Details is not null, () =>
        {
            Required(RuleFor(r => r.Details.Name), 100);
            Optional(RuleFor(r => r.Details.Description), 300);
            Optional(RuleFor(r => r.Details.VisitMessage), 1000);
            RuleFor(r => r.Details.DurationMinutes).InclusiveBetween(MinDurationMinutes, MaxDurationMinutes)
                .WithErrorCode(AppointmentsErrors.DurationOutOfRange).WithState(_ => Range(MinDurationMinutes, MaxDurationMinutes));
            RuleFor(r => r.Details.Emergency).IsInEnum();
            RuleFor(r => r.Details.SpecialtyId)
                .Must((r, s) => r.Details.Emergency != EmergencyCategory.None || s is not null).WithErrorCode(AppointmentsErrors.SpecialtyRequired)
                .Must((r, s) => r.Details.Emergency == EmergencyCategory.None || s is null).WithErrorCode(AppointmentsErrors.EmergencyHasNoSpecialty);
        });
    }
}

internal sealed class SaveAppointmentTypeHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<SaveAppointmentType, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(SaveAppointmentType request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var d = request.Details;
        if (d.SpecialtyId is { } specialtyId && !await db.Specialties.AnyAsync(s => s.Id == specialtyId, cancellationToken))
        {
            return new Error(AppointmentsErrors.UnknownChoice, "Details.SpecialtyId");
        }

        AppointmentType? type;
        if (request.AppointmentTypeId is { } id)
        {
            type = await db.AppointmentTypes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (type is null)
            {
                return Error.NotFound;
            }

            type.Update(ToText(d.Name), ToOptionalText(d.Description), d.DurationMinutes, d.SpecialtyId, d.BookableOnline, d.Emergency, ToOptionalText(d.VisitMessage));
        }
        else
        {
            type = AppointmentType.Create(
                Guid.CreateVersion7(), ToText(d.Name), ToOptionalText(d.Description), d.DurationMinutes, d.SpecialtyId, d.BookableOnline, d.Emergency,
                ToOptionalText(d.VisitMessage));
            db.AppointmentTypes.Add(type);
        }

        await db.SaveChangesAsync(cancellationToken);
        return type.Id;
    }
}
