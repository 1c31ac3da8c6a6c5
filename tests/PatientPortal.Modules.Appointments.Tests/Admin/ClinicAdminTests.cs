using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Appointments.Scheduling;

namespace PatientPortal.Modules.Appointments.Tests.Admin;

/// <summary>The clinic admin slices: staff only (past the second factor), validated, and nothing deactivated is offered.</summary>
public sealed class ClinicAdminTests
{
    private static readonly Guid StaffId = Guid.Parse("57aff000-0000-0000-0000-000000000001");
    private static readonly DateOnly Monday = new(2026, 3, 9);

    private static SiteDetails Clinic2 => new("Clinique Est", "10 Rue Ontario", "Montréal", "QC", "H2X1Y1", "(555) 222-3333", false);

    private static AppointmentTypeDetails Consult(Guid? specialty) =>
        new(new("Consultation", "Consultation"), null, 30, specialty, true, EmergencyCategory.None, null);

    private static async Task<AppointmentsHarness> StaffClinicAsync(DatabaseProvider provider)
    {
        var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        harness.Current.SignedInAs(StaffId, Roles.Staff);
        return harness;
    }

    private static async Task<IReadOnlyList<Slot>> SlotsAsync(AppointmentsHarness harness, Guid type, Guid site, DateOnly day)
    {
        using var scope = harness.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        var appointmentType = await db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Id == type);
        return await scope.ServiceProvider.GetRequiredService<SlotFinder>().FindAsync(appointmentType, site, null, day, day, CancellationToken.None);
    }

    private static async Task<T> OkAsync<T>(AppointmentsHarness harness, IRequest<Result<T>> request)
    {
        var result = await harness.SendAsync(request);
        result.Errors.ShouldBeEmpty();
        return result.Value;
    }

    private static async Task OkAsync(AppointmentsHarness harness, IRequest<Result> request) =>
        (await harness.SendAsync(request)).Errors.ShouldBeEmpty();

    private static async Task<IReadOnlyList<string>> KeysAsync(AppointmentsHarness harness, IRequest<Result> request) =>
        [.. (await harness.SendAsync(request)).Errors.Select(e => e.Key)];

    private static async Task<IReadOnlyList<string>> KeysAsync<T>(AppointmentsHarness harness, IRequest<Result<T>> request) =>
        [.. (await harness.SendAsync(request)).Errors.Select(e => e.Key)];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_create_and_edit_sites_specialties_practitioners_and_types(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);

        var site = await OkAsync(harness, new SaveSite(null, Clinic2));
        var pediatrics = await OkAsync(harness, new SaveSpecialty(null, new("Pediatrics", "Pédiatrie")));
        var doctor = await OkAsync(harness, new SavePractitioner(null, new("Dr. Paul Roy", [pediatrics], [site])));
        var type = await OkAsync(harness, new SaveAppointmentType(null, new AppointmentTypeDetails(
            new("Well-child visit", "Visite de l'enfant"), new("Growth and vaccines", "Croissance et vaccins"), 40, pediatrics, true, EmergencyCategory.None,
            new("Bring the vaccination booklet.", "Apportez le carnet de vaccination."))));

        await OkAsync(harness, new SaveSite(site, Clinic2 with { Name = " Clinique de l'Est ", Phone = " " }));
        await OkAsync(harness, new SaveSpecialty(pediatrics, new("Paediatrics", "Pédiatrie")));
        await OkAsync(harness, new SavePractitioner(doctor, new("Dr. Paul Roy", [pediatrics, TestClinic.FamilyMedicine], [TestClinic.Site])));
        await OkAsync(harness, new SaveAppointmentType(type, new AppointmentTypeDetails(
            new("Well-child visit", "Visite de l'enfant"), null, 45, pediatrics, false, EmergencyCategory.None, new("Bring the booklet.", "Apportez le carnet."))));

        var catalog = await OkAsync(harness, new GetClinicCatalog());
        catalog.Sites.Single(s => s.Id == site).ShouldBe(new SiteEntry(site, Clinic2 with { Name = "Clinique de l'Est", Phone = null }, true));
        catalog.Specialties.Single(s => s.Id == pediatrics).Name.ShouldBe(new LocalizedName("Paediatrics", "Pédiatrie"));
        var saved = catalog.Practitioners.Single(p => p.Id == doctor);
        saved.Details.SpecialtyIds.ShouldBe([pediatrics, TestClinic.FamilyMedicine], ignoreOrder: true);
        saved.Details.SiteIds.ShouldBe([TestClinic.Site]);
        var savedType = catalog.Types.Single(t => t.Id == type).Details;
        savedType.Description.ShouldBeNull();
        savedType.DurationMinutes.ShouldBe(45);
        savedType.BookableOnline.ShouldBeFalse();
        savedType.VisitMessage.ShouldBe(new LocalizedName("Bring the booklet.", "Apportez le carnet."));
        catalog.Sites.Count.ShouldBe(3);
        catalog.Types.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, Roles.Patient, true)]
    [InlineData(DatabaseProvider.Sqlite, Roles.Staff, false)]
    [InlineData(DatabaseProvider.Postgres, Roles.Patient, true)]
    [InlineData(DatabaseProvider.Postgres, Roles.Admin, false)]
    public async Task A_patient_or_staff_without_the_second_factor_is_refused_and_nothing_changes(DatabaseProvider provider, string role, bool secondFactor)
    {
        await using var harness = await StaffClinicAsync(provider);
        var block = (await OkAsync(harness, new GetPractitionerSchedule(TestClinic.DrSolutions))).Blocks[0].Id;
        var closed = await OkAsync(harness, new AddClosedDays(null, null, Monday, Monday, "Holiday"));
        harness.Current.SignedInAs(Guid.NewGuid(), role, secondFactor);

        (await KeysAsync(harness, new GetClinicCatalog())).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new ListActivePractitionersAndSites())).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new SaveSite(null, Clinic2))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new SaveSite(TestClinic.Site, Clinic2))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new SaveSpecialty(TestClinic.FamilyMedicine, new("X", "X")))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new SavePractitioner(TestClinic.DrSolutions, new("X", [], [TestClinic.Site])))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new SaveAppointmentType(TestClinic.AnnualVisit, Consult(TestClinic.FamilyMedicine)))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new SetCatalogItemActive(CatalogItem.Practitioner, TestClinic.DrSolutions, false))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new GetPractitionerSchedule(TestClinic.DrSolutions))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new AddScheduleBlock(TestClinic.DrSolutions, TestClinic.Site, DayOfWeek.Saturday, new(9, 0), new(12, 0), 20, [TestClinic.AnnualVisit], Monday, null)))
            .ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new RemoveScheduleBlock(TestClinic.DrSolutions, block))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new AddClosedDays(TestClinic.DrSolutions, null, Monday, Monday, "Leave"))).ShouldBe([Error.Forbidden.Key]);
        (await KeysAsync(harness, new RemoveClosedDays(closed))).ShouldBe([Error.Forbidden.Key]);

        var unchanged = await harness.QueryAsync(async db => new
        {
            Sites = await db.Sites.CountAsync(),
            Active = (await db.Practitioners.SingleAsync(p => p.Id == TestClinic.DrSolutions)).Active,
            Name = (await db.Sites.SingleAsync(s => s.Id == TestClinic.Site)).Name,
            Blocks = await db.ScheduleBlocks.CountAsync(),
            Closed = await db.ScheduleExceptions.CountAsync(),
        });
        unchanged.ShouldBe(new { Sites = 2, Active = true, Name = "My Clinic", Blocks = 15, Closed = 1 });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Bad_input_gets_its_own_message(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        AddScheduleBlock Block(DayOfWeek day = DayOfWeek.Saturday, int startHour = 9, int endHour = 12, int slot = 20, Guid[]? types = null, DateOnly? until = null, Guid? site = null) =>
            new(TestClinic.DrTremblay, site ?? TestClinic.Site, day, new(startHour, 0), new(endHour, 0), slot, types ?? [TestClinic.MinorEmergency], Monday, until);

        (await KeysAsync(harness, new SaveSpecialty(null, new("Pediatrics", " ")))).ShouldBe([AppointmentsErrors.NamesInBothLanguages]);
        (await KeysAsync(harness, new SaveSpecialty(null, new(new string('x', 101), "Pédiatrie")))).ShouldBe(["Validation.MaximumLength"]);
        (await harness.SendAsync(new SaveSite(null, Clinic2 with { AddressLine = "", City = null }))).Errors.ShouldBe(
            [new Error(AppointmentsErrors.AddressRequired, "Details.AddressLine"), new Error(AppointmentsErrors.AddressRequired, "Details.City")]);
        (await KeysAsync(harness, new SaveSite(null, Clinic2 with { Name = " " }))).ShouldBe(["Validation.NotEmpty"]);
        (await harness.SendAsync(new SaveSite(null, new("Virtual appointment", null, null, null, null, null, true)))).IsSuccess.ShouldBeTrue();
        (await KeysAsync(harness, new SavePractitioner(null, new("Dr. Roy", [TestClinic.FamilyMedicine], [])))).ShouldBe([AppointmentsErrors.PractitionerNeedsSite]);
        (await KeysAsync(harness, new SavePractitioner(null, new("Dr. Roy", [Guid.NewGuid()], [TestClinic.Site])))).ShouldBe([AppointmentsErrors.UnknownChoice]);
        (await KeysAsync(harness, new SaveAppointmentType(null, Consult(TestClinic.FamilyMedicine) with { DurationMinutes = 4 }))).ShouldBe([AppointmentsErrors.DurationOutOfRange]);
        (await KeysAsync(harness, new SaveAppointmentType(null, Consult(TestClinic.FamilyMedicine) with { DurationMinutes = 481 }))).ShouldBe([AppointmentsErrors.DurationOutOfRange]);
        (await harness.SendAsync(new SaveAppointmentType(null, Consult(TestClinic.FamilyMedicine) with { DurationMinutes = 480 }))).IsSuccess.ShouldBeTrue();
        (await KeysAsync(harness, new SaveAppointmentType(null, Consult(null)))).ShouldBe([AppointmentsErrors.SpecialtyRequired]);
        (await KeysAsync(harness, new SaveAppointmentType(null, Consult(TestClinic.FamilyMedicine) with { Emergency = EmergencyCategory.Complex })))
            .ShouldBe([AppointmentsErrors.EmergencyHasNoSpecialty]);
        (await KeysAsync(harness, new SaveAppointmentType(null, Consult(TestClinic.FamilyMedicine) with { VisitMessage = new("Bring your card.", "") })))
            .ShouldBe([AppointmentsErrors.TextInBothLanguages]);
        (await KeysAsync(harness, new SaveAppointmentType(null, Consult(Guid.NewGuid())))).ShouldBe([AppointmentsErrors.UnknownChoice]);

        (await KeysAsync(harness, Block(endHour: 9))).ShouldBe([AppointmentsErrors.EndNotAfterStart]);
        (await KeysAsync(harness, Block(slot: 4))).ShouldBe([AppointmentsErrors.SlotMinutesOutOfRange]);
        (await KeysAsync(harness, Block(slot: 241))).ShouldBe([AppointmentsErrors.SlotMinutesOutOfRange]);
        (await KeysAsync(harness, Block(types: []))).ShouldBe([AppointmentsErrors.NoTypeOffered]);
        (await KeysAsync(harness, Block(until: Monday.AddDays(-1)))).ShouldBe([AppointmentsErrors.LastDayBeforeFirst]);
        (await KeysAsync(harness, Block(site: TestClinic.VirtualSite))).ShouldBe([AppointmentsErrors.NotAtSite]);
        (await KeysAsync(harness, Block(types: [Guid.NewGuid()]))).ShouldBe([AppointmentsErrors.UnknownChoice]);
        (await KeysAsync(harness, new AddScheduleBlock(Guid.NewGuid(), TestClinic.Site, DayOfWeek.Monday, new(9, 0), new(12, 0), 20, [TestClinic.MinorEmergency], Monday, null)))
            .ShouldBe([Error.NotFound.Key]);
        (await KeysAsync(harness, new AddClosedDays(null, null, Monday, Monday.AddDays(-1), "Holiday"))).ShouldBe([AppointmentsErrors.LastDayBeforeFirst]);
        (await KeysAsync(harness, new AddClosedDays(null, null, Monday, Monday, " "))).ShouldBe(["Validation.NotEmpty"]);

        // A type of a specialty the practitioner does not practise.
        var pediatrics = await OkAsync(harness, new SaveSpecialty(null, new("Pediatrics", "Pédiatrie")));
        var wellChild = await OkAsync(harness, new SaveAppointmentType(null, Consult(pediatrics)));
        (await KeysAsync(harness, Block(types: [wellChild]))).ShouldBe([AppointmentsErrors.TypeOutsideSpecialties]);
        (await harness.QueryAsync(db => db.ScheduleBlocks.CountAsync())).ShouldBe(15);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_practitioners_schedule_takes_blocks_and_closed_days_that_the_grid_then_offers_or_removes(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        var saturday = new DateOnly(2026, 3, 14);
        (await SlotsAsync(harness, TestClinic.MinorEmergency, TestClinic.Site, saturday)).ShouldBeEmpty();

        var block = await OkAsync(harness, new AddScheduleBlock(
            TestClinic.DrTremblay, TestClinic.Site, DayOfWeek.Saturday, new(9, 0), new(10, 0), 15, [TestClinic.MinorEmergency, TestClinic.MinorEmergency], Monday, saturday));
        (await SlotsAsync(harness, TestClinic.MinorEmergency, TestClinic.Site, saturday)).Select(s => s.StartUtc).ShouldBe(
            [TestClinic.Local(2026, 3, 14, 9, 0), TestClinic.Local(2026, 3, 14, 9, 15), TestClinic.Local(2026, 3, 14, 9, 30), TestClinic.Local(2026, 3, 14, 9, 45)]);
        (await SlotsAsync(harness, TestClinic.MinorEmergency, TestClinic.Site, saturday.AddDays(7))).ShouldBeEmpty(); // after its last day

        var leave = await OkAsync(harness, new AddClosedDays(TestClinic.DrTremblay, null, saturday, saturday, "Leave"));
        var otherSite = await OkAsync(harness, new AddClosedDays(null, TestClinic.VirtualSite, saturday, saturday, "Virtual closed"));
        var holiday = await OkAsync(harness, new AddClosedDays(null, null, new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), "Christmas"));
        var drSolutionsLeave = await OkAsync(harness, new AddClosedDays(TestClinic.DrSolutions, null, saturday, saturday, "Other's leave"));
        (await SlotsAsync(harness, TestClinic.MinorEmergency, TestClinic.Site, saturday)).ShouldBeEmpty();

        var schedule = await OkAsync(harness, new GetPractitionerSchedule(TestClinic.DrTremblay));
        schedule.DisplayName.ShouldBe("Dr. Anne Tremblay");
        schedule.Blocks.Count.ShouldBe(6);
        var added = schedule.Blocks[^1];
        added.TypeIds.ShouldBe([TestClinic.MinorEmergency]);
        added.ShouldBe(new ScheduleBlockView(block, TestClinic.Site, DayOfWeek.Saturday, new(9, 0), new(10, 0), 15, added.TypeIds, Monday, saturday));
        schedule.Blocks[0].Day.ShouldBe(DayOfWeek.Monday);
        // Theirs and the clinic's; not another practitioner's, nor a site where they do not work.
        schedule.ClosedDays.Select(c => c.Id).ShouldBe([leave, holiday]);

        await OkAsync(harness, new RemoveClosedDays(leave));
        (await SlotsAsync(harness, TestClinic.MinorEmergency, TestClinic.Site, saturday)).Count.ShouldBe(4);
        (await KeysAsync(harness, new RemoveScheduleBlock(TestClinic.DrSolutions, block))).ShouldBe([Error.NotFound.Key], "another practitioner's page");
        await OkAsync(harness, new RemoveScheduleBlock(TestClinic.DrTremblay, block));
        (await SlotsAsync(harness, TestClinic.MinorEmergency, TestClinic.Site, saturday)).ShouldBeEmpty();
        (await KeysAsync(harness, new RemoveScheduleBlock(TestClinic.DrTremblay, block))).ShouldBe([Error.NotFound.Key]);
        (await KeysAsync(harness, new RemoveClosedDays(leave))).ShouldBe([Error.NotFound.Key]);
        (await OkAsync(harness, new GetPractitionerSchedule(TestClinic.DrTremblay))).ClosedDays.Select(c => c.Id).ShouldBe([holiday]);
        otherSite.ShouldNotBe(drSolutionsLeave);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, CatalogItem.Practitioner)]
    [InlineData(DatabaseProvider.Sqlite, CatalogItem.Site)]
    [InlineData(DatabaseProvider.Sqlite, CatalogItem.AppointmentType)]
    [InlineData(DatabaseProvider.Sqlite, CatalogItem.Specialty)]
    [InlineData(DatabaseProvider.Postgres, CatalogItem.Practitioner)]
    [InlineData(DatabaseProvider.Postgres, CatalogItem.Site)]
    [InlineData(DatabaseProvider.Postgres, CatalogItem.AppointmentType)]
    [InlineData(DatabaseProvider.Postgres, CatalogItem.Specialty)]
    public async Task Deactivated_things_are_not_offered_and_come_back_when_reactivated(DatabaseProvider provider, CatalogItem item)
    {
        await using var harness = await StaffClinicAsync(provider);
        var id = item switch
        {
            CatalogItem.Practitioner => TestClinic.DrSolutions,
            CatalogItem.Site => TestClinic.Site,
            CatalogItem.AppointmentType => TestClinic.AnnualVisit,
            _ => TestClinic.FamilyMedicine,
        };
        var before = await SlotsAsync(harness, TestClinic.AnnualVisit, TestClinic.Site, Monday);
        before.ShouldNotBeEmpty();

        await OkAsync(harness, new SetCatalogItemActive(item, id, false));

        (await SlotsAsync(harness, TestClinic.AnnualVisit, TestClinic.Site, Monday)).ShouldBeEmpty();
        var catalog = await OkAsync(harness, new GetClinicCatalog());
        var listed = item switch
        {
            CatalogItem.Practitioner => catalog.Practitioners.Single(p => p.Id == id).Active,
            CatalogItem.Site => catalog.Sites.Single(s => s.Id == id).Active,
            CatalogItem.AppointmentType => catalog.Types.Single(t => t.Id == id).Active,
            _ => catalog.Specialties.Single(s => s.Id == id).Active,
        };
        listed.ShouldBeFalse();

        await OkAsync(harness, new SetCatalogItemActive(item, id, true));
        (await SlotsAsync(harness, TestClinic.AnnualVisit, TestClinic.Site, Monday)).Count.ShouldBe(before.Count);
        (await KeysAsync(harness, new SetCatalogItemActive(item, Guid.NewGuid(), false))).ShouldBe([Error.NotFound.Key]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_modules_staff_form_lists_the_active_practitioners_and_sites_by_name_with_their_current_names(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        var east = await OkAsync(harness, new SaveSite(null, Clinic2));
        await OkAsync(harness, new SetCatalogItemActive(CatalogItem.Practitioner, TestClinic.DrTremblay, false));
        await OkAsync(harness, new SetCatalogItemActive(CatalogItem.Site, east, false));
        await OkAsync(harness, new SavePractitioner(TestClinic.DrSolutions, new("Dr. Medfar Solutions-Roy", [TestClinic.FamilyMedicine], [TestClinic.Site])));

        var listed = await OkAsync(harness, new ListActivePractitionersAndSites());

        listed.Practitioners.ShouldBe([new CatalogName(TestClinic.DrSolutions, "Dr. Medfar Solutions-Roy")]);
        // The deactivated site is not offered.
        listed.Sites.ShouldBe([new CatalogName(TestClinic.Site, "My Clinic"), new CatalogName(TestClinic.VirtualSite, "Virtual appointment")]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_deactivated_practitioner_keeps_others_slots_and_gets_no_new_blocks(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        await OkAsync(harness, new SetCatalogItemActive(CatalogItem.Practitioner, TestClinic.DrSolutions, false));

        var emergencies = await SlotsAsync(harness, TestClinic.MinorEmergency, TestClinic.Site, Monday);
        emergencies.ShouldNotBeEmpty();
        emergencies.ShouldAllBe(s => s.PractitionerId == TestClinic.DrTremblay);
        (await KeysAsync(harness, new AddScheduleBlock(TestClinic.DrSolutions, TestClinic.Site, DayOfWeek.Saturday, new(9, 0), new(12, 0), 20, [TestClinic.AnnualVisit], Monday, null)))
            .ShouldBe([Error.NotFound.Key]);
    }
}
