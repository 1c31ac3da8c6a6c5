namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// The Development demo clinic's patient accounts (never created outside Development). Their ids are fixed, so that
/// each module's demo seeder can attach its own data to them without asking Accounts: Profiles links Heather to her
/// children and the second family's parent to theirs. The passwords are demo passwords, printed at start-up and in the
/// README; they open nothing outside a developer's machine.
/// </summary>
public static class DemoClinic
{
    public const string Password = "Portail-Demo-2026!";

    /// <summary>Heather Milner (1989-04-27), the guide's demo patient: mother of Nathan, formerly proxy of Hugo Lévesque.</summary>
    public static readonly Guid HeatherMilnerAccountId = new("0193a2d0-0000-7000-8000-000000000001");

    public const string HeatherMilnerEmail = "heather.milner@example.com";

    /// <summary>
    /// Heather's preferred language: a Quebec family writes French. The demo clinic's communications to her family are
    /// written in it (Inbox's <c>DemoInbox</c>), as a Quebec clinic writes to a French-speaking patient.
    /// </summary>
    public const string HeatherMilnerLanguage = "fr-CA";

    /// <summary>Sophie Gagnon (1985-06-12), the second family's parent: mother of Léa, so access across families can be tried.</summary>
    public static readonly Guid SophieGagnonAccountId = new("0193a2d0-0000-7000-8000-000000000002");

    public const string SophieGagnonEmail = "sophie.gagnon@example.com";

    /// <summary>Sophie's preferred language (see <see cref="HeatherMilnerLanguage"/>).</summary>
    public const string SophieGagnonLanguage = "fr-CA";

    /// <summary>Nathan Milner's profile (Heather's son): the demo appointments are his.</summary>
    public static readonly Guid NathanMilnerProfileId = new("0193a2d0-0000-7000-8000-000000000101");

    /// <summary>Léa Gagnon's profile (the second family): one appointment, so another family's id can be tried.</summary>
    public static readonly Guid LeaGagnonProfileId = new("0193a2d0-0000-7000-8000-000000000102");

    /// <summary>Dr. Medfar Solutions (Family Medicine), the demo children's assigned practitioner.</summary>
    public static readonly Guid DrMedfarSolutionsId = new("0193a2d0-0000-7000-8000-000000000201");

    // The other practitioners and the site the demo inbox names as senders (Appointments seeds them, Inbox keeps their ids).

    /// <summary>Dr. Minh Nguyen (Pediatrics, Family Medicine).</summary>
    public static readonly Guid DrMinhNguyenId = new("0193a2d0-0000-7000-8000-000000000203");

    /// <summary>Dr. Julie Bouchard (Pediatrics).</summary>
    public static readonly Guid DrJulieBouchardId = new("0193a2d0-0000-7000-8000-000000000204");

    /// <summary>Marc Roy, pht (Physiotherapy).</summary>
    public static readonly Guid MarcRoyId = new("0193a2d0-0000-7000-8000-000000000205");

    /// <summary>My Clinic, the demo clinic's site in person.</summary>
    public static readonly Guid MyClinicSiteId = new("0193a2d0-0000-7000-8000-000000000301");
}
