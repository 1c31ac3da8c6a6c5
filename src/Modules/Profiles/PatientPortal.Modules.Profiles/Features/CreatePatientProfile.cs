using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class CreatePatientProfileValidator : AbstractValidator<CreatePatientProfile>
{
    public CreatePatientProfileValidator(ClinicCalendar calendar) =>
        RuleFor(r => r.Details).NotNull().SetValidator(new PatientDetailsRules(calendar));
}

internal sealed class CreatePatientProfileHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<CreatePatientProfile, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(CreatePatientProfile request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var card = Profile.NormalizeHealthInsuranceNumber(request.Details.HealthInsuranceNumber);
        return await HealthCards.UnderLockAsync(db, card, () => CreateAsync(request, card, cancellationToken), r => r.IsSuccess, cancellationToken);
    }

    /// <summary>A health insurance number another record holds is refused, under the number's lock (review finding #7).</summary>
    private async Task<Result<Guid>> CreateAsync(CreatePatientProfile request, string? card, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var details = request.Details;
        var chart = string.IsNullOrWhiteSpace(details.ClinicPatientId) ? null : details.ClinicPatientId.Trim();
        if (chart is not null && await db.Profiles.AnyAsync(p => p.ClinicPatientId == chart, cancellationToken))
        {
            return ChartTaken;
        }

        if (card is not null && await HealthCards.HeldByAnotherAsync(db, card, null, cancellationToken))
        {
            return new Error(ProfilesErrors.HealthInsuranceNumberTaken, $"{nameof(CreatePatientProfile.Details)}.{nameof(PatientDetails.HealthInsuranceNumber)}");
        }

        var now = clock.GetUtcNow();
        var profile = Profile.Create(details.FirstName, details.LastName, details.DateOfBirth, details.HealthInsuranceNumber,
            details.ContactEmail, details.PreferredLanguage, [], chart, now);
        profile.UpdateRecord(PatientDetailsRules.ToRecord(details), now);
        db.Profiles.Add(profile);
        db.Publish(ContactChanged.Of(profile), clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another record took the chart number between the check and the save.
            return ChartTaken;
        }

        return profile.Id;
    }

    private static Error ChartTaken => new(ProfilesErrors.ClinicPatientIdTaken, $"{nameof(CreatePatientProfile.Details)}.{nameof(PatientDetails.ClinicPatientId)}");
}
