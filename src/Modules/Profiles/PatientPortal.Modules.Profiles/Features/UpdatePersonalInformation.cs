using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Profiles.Emails;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class UpdatePersonalInformationValidator : AbstractValidator<UpdatePersonalInformation>
{
    public UpdatePersonalInformationValidator()
    {
        RuleFor(r => r.FirstName).MustBeAName(ProfilesErrors.FirstNameRequired);
        RuleFor(r => r.LastName).MustBeAName(ProfilesErrors.LastNameRequired);
        RuleFor(r => r.Phones).Must(p => p.Count <= 3).WithErrorCode(ProfilesErrors.FieldTooLong);
        RuleForEach(r => r.Phones).ChildRules(phone =>
        {
            phone.RuleFor(p => p.Number).Must(n => string.IsNullOrWhiteSpace(n) || PersonalInformationRules.IsPhone(n.Trim())).WithErrorCode(ProfilesErrors.PhoneInvalid);
            phone.RuleFor(p => p.Type).Must(t => PersonalInformationRules.PhoneTypes.Contains(t)).WithErrorCode(ProfilesErrors.PhoneTypeInvalid);
        });
        RuleFor(r => r.AddressLine).MustBeShorterThan(200);
        RuleFor(r => r.City).MustBeShorterThan(100);
        RuleFor(r => r.Province).MustBeShorterThan(50);
        RuleFor(r => r.PostalCode).Must(PersonalInformationRules.IsPostalCode).WithErrorCode(ProfilesErrors.PostalCodeInvalid);
        RuleFor(r => r.ContactEmail).Must(PersonalInformationRules.IsEmail).WithErrorCode(ProfilesErrors.ContactEmailInvalid);
        RuleFor(r => r.PreferredLanguage).Must(PersonalInformationRules.IsLanguage).WithErrorCode(ProfilesErrors.LanguageInvalid);
        RuleFor(r => r.HealthInsuranceNumber).Must(PersonalInformationRules.IsHealthInsuranceNumber).WithErrorCode(ProfilesErrors.HealthInsuranceNumberInvalid);
    }
}

/// <summary>
/// Account settings: the selected profile's names, phones, address, contact email and language, for an account that
/// manages the profile's personal information now (<see cref="ActingFor.ManagesPersonalInformation"/>: the person, or a
/// parent or guardian of a minor; any other link is refused with the same answer as no link, and the refusal recorded).
/// The person's own account may also change the health card, unless another record holds that number (one neutral
/// answer, the refusal recorded); a proxy's card fields are ignored, and nobody here changes the date of birth (staff do).
/// In the same save: the change audit (field names), the email to the person when a proxy changed their file, and
/// ProfileContactChanged for the other modules.
/// </summary>
internal sealed class UpdatePersonalInformationHandler(
    ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, ProfileMail mail, IOptions<ProfilesOptions> options, TimeProvider clock)
    : IRequestHandler<UpdatePersonalInformation, Result>
{
    public async Task<Result> Handle(UpdatePersonalInformation request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var card = Profile.NormalizeHealthInsuranceNumber(request.HealthInsuranceNumber);
        return await HealthCards.UnderLockAsync(db, card, () => UpdateAsync(accountId, request, card, cancellationToken), _ => true, cancellationToken);
    }

    private async Task<Result> UpdateAsync(Guid accountId, UpdatePersonalInformation request, string? card, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var link = await ActingFor.FindAsync(db, accountId, request.ProfileId, calendar, tracked: true, cancellationToken);
        if (!link.AllowedNow)
        {
            link.RecordRead(db, accountId, request.ProfileId, "settings-update", now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(ProfilesErrors.ProfileNotAvailable);
        }

        if (!link.ManagesPersonalInformation(calendar))
        {
            link.RecordRefusal(db, accountId, request.ProfileId, "settings-update", now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(ProfilesErrors.ProfileNotAvailable);
        }

        var profile = link.Profile!;
        var own = link.Access!.Relationship == Relationship.Self;
        var newCard = own && card is not null && card != profile.HealthInsuranceNumber;
        if (newCard && (await CardTriesTodayAsync(accountId, cancellationToken) >= options.Value.MaxCardChangesPerDay
            || await HealthCards.HeldByAnotherAsync(db, card!, profile.Id, cancellationToken)))
        {
            // Someone else's number: saving it would make this account look like that person (Connected Accounts, link
            // suggestions). The answer does not say whether the clinic has such a patient, and a few tries a day is all
            // anyone gets (every try is on the trail), so the form is no way to test card numbers.
            db.ChangeTracker.Clear();
            db.ProfileReads.Add(ProfileRead.Of(accountId, profile.Id, ReaderRole.Self, "card-refused", allowed: false, now));
            await db.SaveChangesAsync(cancellationToken);
            return new Error(ProfilesErrors.HealthInsuranceNumberNotAccepted, nameof(request.HealthInsuranceNumber));
        }

        if (newCard)
        {
            db.ProfileReads.Add(ProfileRead.Of(accountId, profile.Id, ReaderRole.Self, "card-change", allowed: true, now));
        }

        var before = ProfileSnapshot.Of(profile);
        // A proxy never sets the contact email: the age-of-consent invitation goes there, and its code (card digits or
        // birth date) is something a parent knows.
        profile.UpdatePersonalInformation(new PersonalInformation(
            request.FirstName, request.LastName, [.. request.Phones.Select(p => new ProfilePhone(p.Number, p.Type))], request.AddressLine,
            request.City, request.Province, request.PostalCode, own ? request.ContactEmail : profile.ContactEmail, request.PreferredLanguage), now);
        if (own)
        {
            profile.ChangeHealthCard(request.HealthInsuranceNumber, request.HealthInsuranceExpiry, now);
        }

        if ((await ProfileChanges.RecordAsync(db, mail, before, profile, accountId, link.Role, now, cancellationToken)).Count > 0)
        {
            db.Publish(ContactChanged.Of(profile), clock);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    private Task<int> CardTriesTodayAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var dayStart = calendar.StartOf(calendar.Today);
        return db.ProfileReads.CountAsync(
            r => r.ReaderAccountId == accountId && (r.What == "card-change" || r.What == "card-refused") && r.ReadUtc >= dayStart, cancellationToken);
    }
}
