using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class SetCatalogItemActiveValidator : AbstractValidator<SetCatalogItemActive>
{
    public SetCatalogItemActiveValidator() => RuleFor(r => r.Item).IsInEnum();
}

/// <summary>
/// Turns a catalog item off or on. Appointments already booked keep pointing to it; <c>SlotFinder</c> offers nothing of
/// an inactive site, practitioner, type, or type of an inactive specialty.
/// </summary>
internal sealed class SetCatalogItemActiveHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<SetCatalogItemActive, Result>
{
    public async Task<Result> Handle(SetCatalogItemActive request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var found = request.Item switch
        {
            CatalogItem.Site => Toggle(await db.Sites.SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken), s => s.SetActive(request.Active)),
            CatalogItem.Specialty => Toggle(await db.Specialties.SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken), s => s.SetActive(request.Active)),
            CatalogItem.Practitioner => Toggle(await db.Practitioners.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken), p => p.SetActive(request.Active)),
            CatalogItem.AppointmentType => Toggle(await db.AppointmentTypes.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken), t => t.SetActive(request.Active)),
            _ => false,
        };
        if (!found)
        {
            return Error.NotFound;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    private static bool Toggle<T>(T? item, Action<T> set)
        where T : class
    {
        if (item is not null)
        {
            set(item);
        }

        return item is not null;
    }
}
