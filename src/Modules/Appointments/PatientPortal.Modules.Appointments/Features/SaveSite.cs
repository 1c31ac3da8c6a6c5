using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class SaveSiteValidator : AbstractValidator<SaveSite>
{
    public SaveSiteValidator()
    {
        RuleFor(r => r.Details).NotNull();
        When(r => r.Details is not null, () =>
        {
            RuleFor(r => r.Details.Name).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Details.AddressLine).MaximumLength(200)
                .Must((r, line) => r.Details.IsVirtual || !string.IsNullOrWhiteSpace(line)).WithErrorCode(AppointmentsErrors.AddressRequired);
            RuleFor(r => r.Details.City).MaximumLength(100)
                .Must((r, city) => r.Details.IsVirtual || !string.IsNullOrWhiteSpace(city)).WithErrorCode(AppointmentsErrors.AddressRequired);
            RuleFor(r => r.Details.Province).MaximumLength(50);
            RuleFor(r => r.Details.PostalCode).MaximumLength(10);
            RuleFor(r => r.Details.Phone).MaximumLength(30);
        });
    }
}

internal sealed class SaveSiteHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<SaveSite, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(SaveSite request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var d = request.Details;
        Site? site;
        if (request.SiteId is { } id)
        {
            site = await db.Sites.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (site is null)
            {
                return Error.NotFound;
            }

            site.Update(d.Name, d.AddressLine, d.City, d.Province, d.PostalCode, d.Phone, d.IsVirtual);
        }
        else
        {
            site = Site.Create(Guid.CreateVersion7(), "", null, null, null, null, null, d.IsVirtual);
            site.Update(d.Name, d.AddressLine, d.City, d.Province, d.PostalCode, d.Phone, d.IsVirtual);
            db.Sites.Add(site);
        }

        await db.SaveChangesAsync(cancellationToken);
        return site.Id;
    }
}
