using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class SavePractitionerValidator : AbstractValidator<SavePractitioner>
{
    public SavePractitionerValidator()
    {
        RuleFor(r => r.Details).NotNull();
        When(r => r.Details is not null, () =>
        {
            RuleFor(r => r.Details.DisplayName).NotEmpty().MaximumLength(150);
            RuleFor(r => r.Details.SiteIds).Must(s => s is { Count: > 0 }).WithErrorCode(AppointmentsErrors.PractitionerNeedsSite);
            RuleFor(r => r.Details.SpecialtyIds).NotNull();
        });
    }
}

/// <summary>
/// The chosen specialties and sites must exist (a deactivated one may stay chosen). Removing a site leaves that site's
/// weekly blocks in place but the practitioner no longer works there: staff remove them on the schedule page.
/// </summary>
internal sealed class SavePractitionerHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<SavePractitioner, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(SavePractitioner request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var d = request.Details;
        var specialtyIds = d.SpecialtyIds.Distinct().ToList();
        var siteIds = d.SiteIds.Distinct().ToList();
        if (await db.Specialties.CountAsync(s => specialtyIds.Contains(s.Id), cancellationToken) != specialtyIds.Count)
        {
            return new Error(AppointmentsErrors.UnknownChoice, "Details.SpecialtyIds");
        }

        if (await db.Sites.CountAsync(s => siteIds.Contains(s.Id), cancellationToken) != siteIds.Count)
        {
            return new Error(AppointmentsErrors.UnknownChoice, "Details.SiteIds");
        }

        Practitioner? practitioner;
        if (request.PractitionerId is { } id)
        {
            practitioner = await db.Practitioners.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (practitioner is null)
            {
                return Error.NotFound;
            }

            practitioner.Update(d.DisplayName, specialtyIds, siteIds);
        }
        else
        {
            practitioner = Practitioner.Create(Guid.CreateVersion7(), d.DisplayName, specialtyIds, siteIds);
            db.Practitioners.Add(practitioner);
        }

        await db.SaveChangesAsync(cancellationToken);
        return practitioner.Id;
    }
}
