using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class UpdatePatientProfileValidator : AbstractValidator<UpdatePatientProfile>
{
    public UpdatePatientProfileValidator(ClinicCalendar calendar) =>
        RuleFor(r => r.Details).NotNull().SetValidator(new PatientDetailsRules(calendar));
}

/// <summary>
/// Staff change the record. How to reach the patient (<see cref="ProfileContactChanged"/>) is published when it changed.
/// A changed birth date moves the age of consent: access is decided at each request with the new date (MayActFor).
/// </summary>
internal sealed class UpdatePatientProfileHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<UpdatePatientProfile, Result>
{
    public async Task<Result> Handle(UpdatePatientProfile request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.Id == request.ProfileId, cancellationToken);
        if (profile is null)
        {
            return Error.NotFound;
        }

        var details = request.Details;
        var chart = string.IsNullOrWhiteSpace(details.ClinicPatientId) ? null : details.ClinicPatientId.Trim();
        if (chart is not null && await db.Profiles.AnyAsync(p => p.ClinicPatientId == chart && p.Id != profile.Id, cancellationToken))
        {
            return ChartTaken;
        }

        var before = ContactChanged.Of(profile);
        profile.UpdateRecord(PatientDetailsRules.ToRecord(details), clock.GetUtcNow());
        var after = ContactChanged.Of(profile);
        if (before with { EventId = after.EventId, OccurredUtc = after.OccurredUtc } != after)
        {
            db.Publish(after, clock);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return ChartTaken;
        }

        return Result.Success();
    }

    private static Error ChartTaken => new(ProfilesErrors.ClinicPatientIdTaken, $"{nameof(UpdatePatientProfile.Details)}.{nameof(PatientDetails.ClinicPatientId)}");
}
