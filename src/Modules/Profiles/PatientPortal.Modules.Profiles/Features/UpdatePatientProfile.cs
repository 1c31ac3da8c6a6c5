using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Emails;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class UpdatePatientProfileValidator : AbstractValidator<UpdatePatientProfile>
{
    public UpdatePatientProfileValidator(ClinicCalendar calendar) =>
        RuleFor(r => r.Details).NotNull().SetValidator(new PatientDetailsRules(calendar));
}

/// <summary>
/// Staff change the record. How to reach the patient (<see cref="ProfileContactChanged"/>) is published when it changed.
/// A changed birth date moves the age of consent: access is decided at each request with the new date (MayActFor).
/// Every change is audited (<see cref="ProfileChange"/>: the staff account and the changed fields' names) in the same
/// save. A health insurance number another record holds is refused (checked under the number's lock, when it changes:
/// a self-registered copy keeps sharing its clinic record's card until staff decide the link suggestion).
/// </summary>
internal sealed class UpdatePatientProfileHandler(ProfilesDbContext db, ICurrentAccount current, ProfileMail mail, TimeProvider clock)
    : IRequestHandler<UpdatePatientProfile, Result>
{
    public async Task<Result> Handle(UpdatePatientProfile request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current) || current.AccountId is not { } staffId)
        {
            return Error.Forbidden;
        }

        var card = Profile.NormalizeHealthInsuranceNumber(request.Details.HealthInsuranceNumber);
        return await HealthCards.UnderLockAsync(db, card, () => UpdateAsync(staffId, request, card, cancellationToken), r => r.IsSuccess, cancellationToken);
    }

    private async Task<Result> UpdateAsync(Guid staffId, UpdatePatientProfile request, string? card, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
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

        if (card is not null && card != profile.HealthInsuranceNumber && await HealthCards.HeldByAnotherAsync(db, card, profile.Id, cancellationToken))
        {
            return CardTaken;
        }

        var now = clock.GetUtcNow();
        var snapshot = ProfileSnapshot.Of(profile);
        var before = ContactChanged.Of(profile);
        profile.UpdateRecord(PatientDetailsRules.ToRecord(details), now);
        await ProfileChanges.RecordAsync(db, mail, snapshot, profile, staffId, ReaderRole.Staff, now, cancellationToken);
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

    private static Error CardTaken => new(ProfilesErrors.HealthInsuranceNumberTaken, $"{nameof(UpdatePatientProfile.Details)}.{nameof(PatientDetails.HealthInsuranceNumber)}");

    private static Error ChartTaken => new(ProfilesErrors.ClinicPatientIdTaken, $"{nameof(UpdatePatientProfile.Details)}.{nameof(PatientDetails.ClinicPatientId)}");
}
