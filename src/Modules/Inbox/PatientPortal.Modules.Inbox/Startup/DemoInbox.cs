using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Storage;

namespace PatientPortal.Modules.Inbox.Startup;

/// <summary>
/// Development only: the demo clinic's inbox, relative to the clock at start-up. For Heather's son Nathan
/// (<see cref="DemoClinic.NathanMilnerProfileId"/>): seven messages, seven documents and seven bills, each category with
/// five unread and two read; the documents and bills with real PDFs (<see cref="DemoPdf"/>); several that allow a reply
/// and have none yet; one the patient replied to (so Sent is not empty) and one thread where the clinic wrote twice.
/// Léa (the second family) has a message and a bill, so that another family's ids can be tried. Seeded only when the
/// inbox is empty: real data is never touched. No email is sent for the demo's communications.
/// </summary>
internal sealed class DemoInbox(InboxDbContext db, AttachmentFiles files, TimeProvider clock) : IDemoDataSeeder
{
    /// <summary>The clinic's side of the demo communications (no account: they were "sent" before the portal existed).</summary>
    public static readonly Guid DemoClinicStaff = new("0193a2d0-0000-7000-8000-000000000401");

    private const string MedfarSolutions = "Dr. Medfar Solutions";
    private const string Nguyen = "Dr. Minh Nguyen";
    private const string Bouchard = "Dr. Julie Bouchard";
    private const string Roy = "Marc Roy, pht";
    private const string MyClinic = "My Clinic";

    /// <summary>After Profiles' <c>DemoProfiles</c> (20) and Appointments' <c>DemoSchedule</c> (30).</summary>
    public int Order => 40;

    public async Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Communications.AnyAsync(cancellationToken))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var nathan = DemoClinic.NathanMilnerProfileId;
        var demos = new List<Demo>
        {
            // Messages: five unread, two read; three allow a reply that has not come yet; one was answered.
            new(nathan, CommunicationCategory.Message, "Registration Confirmation", null, "Waiting list", 40, 1, Read: true,
                "Hi Heather,\nPlease confirm with us once you have completed Nathan's registration on the waiting list.",
                Reply: "Hi, I am registered on the december list. Thanks"),
            new(nathan, CommunicationCategory.Message, "Flu vaccine clinic", null, "Vaccination", 30, 0, Read: true,
                "Hello,\nOur flu vaccine clinic opens next month. Book a Well-child visit to get Nathan vaccinated."),
            new(nathan, CommunicationCategory.Message, "Your appointment request", MedfarSolutions, "Family Medicine", 12, 1, Read: false,
                "Hi Heather,\nWe received your request for Nathan. Could you tell us which mornings suit you best?"),
            new(nathan, CommunicationCategory.Message, "Preliminary results", MedfarSolutions, "Family Medicine", 8, 1, Read: false,
                "Hi Heather,\nNathan's preliminary results are in and look normal.\nReply if you would like me to call you about them."),
            new(nathan, CommunicationCategory.Message, "Rappel : vaccination", Nguyen, "Pediatrics", 6, 0, Read: false,
                "Bonjour,\nLe carnet de vaccination de Nathan indique un rappel à faire cet automne.\nPrenez rendez-vous au portail."),
            new(nathan, CommunicationCategory.Message, "Physiotherapy exercises", Roy, "Physiotherapy", 4, 2, Read: false,
                "Hi Heather,\nHere are Nathan's exercises: ten minutes, twice a day.\nTell me how the first week goes."),
            new(nathan, CommunicationCategory.Message, "Clinic closed on the holiday", null, "Clinic news", 2, 0, Read: false,
                "Hello,\nThe clinic will be closed on the coming holiday. For an emergency, call 911."),

            // Documents.
            new(nathan, CommunicationCategory.Document, "Dermatology", MedfarSolutions, "Dermatology", 35, 1, Read: true,
                "Hi Heather,\nHere is the form request for your consultation request in dermatology.\nPlease print, fill out and bring the form to your dermatology appointment.",
                Pdf: ("dermatology-form.pdf", "Dermatology consultation form", ["Patient: Nathan Milner (2017-02-18)", "Referring practitioner: Dr. Medfar Solutions", "", "Reason for consultation: ______________________", "Allergies: ______________________", "", "Bring this form to the dermatology appointment."]),
                Again: "Hi Heather,\nWe have received your preliminary results in dermatology.\nPlease share additional results once completed.\nThank you."),
            new(nathan, CommunicationCategory.Document, "Vaccination record", Nguyen, "Pediatrics", 25, 0, Read: true,
                "Hello,\nNathan's up-to-date vaccination record is attached.",
                Pdf: ("vaccination-record.pdf", "Vaccination record / Carnet de vaccination", ["Patient: Nathan Milner (2017-02-18)", "", "DCaT-VPI-Hib   2 months, 4 months, 6 months", "RRO-Var        12 months, 18 months", "Influenza      every autumn"])),
            new(nathan, CommunicationCategory.Document, "Referral to pediatrics", MedfarSolutions, "Referral", 14, 1, Read: false,
                "Hi Heather,\nAttached is Nathan's referral to Dr. Bouchard in pediatrics. The clinic will call you with a date.",
                Pdf: ("referral-pediatrics.pdf", "Referral / Demande de consultation", ["To: Dr. Julie Bouchard, Pediatrics", "From: Dr. Medfar Solutions, Family Medicine", "Patient: Nathan Milner (2017-02-18)", "", "Priority: routine"])),
            new(nathan, CommunicationCategory.Document, "Lab requisition", MedfarSolutions, "Laboratory", 10, 0, Read: false,
                "Hello,\nPlease bring the attached requisition to the lab. No appointment is needed.",
                Pdf: ("lab-requisition.pdf", "Laboratory requisition", ["Patient: Nathan Milner (2017-02-18)", "Tests: complete blood count", "Fasting: not required"])),
            new(nathan, CommunicationCategory.Document, "School absence note", null, "Medical note", 7, 0, Read: false,
                "Hello,\nThe note for Nathan's school is attached.",
                Pdf: ("absence-note.pdf", "Medical note / Billet médical", ["Nathan Milner was seen at the clinic and may return to school on Monday.", "", "Dr. Medfar Solutions"])),
            new(nathan, CommunicationCategory.Document, "Physiotherapy plan", Roy, "Physiotherapy", 5, 0, Read: false,
                "Hi Heather,\nNathan's treatment plan for the next six weeks.",
                Pdf: ("physiotherapy-plan.pdf", "Physiotherapy treatment plan", ["Patient: Nathan Milner", "Weeks 1-2: mobility, 10 min twice a day", "Weeks 3-6: strengthening", "Next assessment: in six weeks"])),
            new(nathan, CommunicationCategory.Document, "Growth chart", Bouchard, "Pediatrics", 1, 1, Read: false,
                "Hello,\nNathan's growth chart from his last visit. Questions are welcome.",
                Pdf: ("growth-chart.pdf", "Growth chart / Courbe de croissance", ["Patient: Nathan Milner (2017-02-18)", "Height: 50th percentile", "Weight: 45th percentile"])),

            // Bills.
            new(nathan, CommunicationCategory.Bill, "Consultation receipt", null, "Consultation receipt", 45, 0, Read: true,
                "Hello,\nYour receipt for Nathan's consultation is attached. Thank you.",
                Pdf: Invoice("receipt-consultation.pdf", "INV-2026-0412", "Private consultation", "85.00")),
            new(nathan, CommunicationCategory.Bill, "Form completion fee", null, "Invoice", 28, 1, Read: true,
                "Hello,\nThe invoice for the insurance form is attached.",
                Pdf: Invoice("invoice-form.pdf", "INV-2026-0437", "Insurance form completion", "40.00")),
            new(nathan, CommunicationCategory.Bill, "Physiotherapy invoice, session 1", null, "Physiotherapy", 20, 0, Read: false,
                "Hello,\nThe invoice for Nathan's first physiotherapy session is attached.",
                Pdf: Invoice("invoice-physio-1.pdf", "INV-2026-0451", "Physiotherapy, initial assessment (45 min)", "95.00")),
            new(nathan, CommunicationCategory.Bill, "Physiotherapy invoice, session 2", null, "Physiotherapy", 13, 1, Read: false,
                "Hello,\nThe invoice for Nathan's second physiotherapy session is attached. Reply if you need a copy for your insurer.",
                Pdf: Invoice("invoice-physio-2.pdf", "INV-2026-0466", "Physiotherapy, follow-up (30 min)", "75.00")),
            new(nathan, CommunicationCategory.Bill, "Medical note fee", null, "Invoice", 9, 0, Read: false,
                "Hello,\nThe invoice for the medical note is attached.",
                Pdf: Invoice("invoice-note.pdf", "INV-2026-0478", "Medical note", "20.00")),
            new(nathan, CommunicationCategory.Bill, "Missed appointment fee", null, "Invoice", 3, 1, Read: false,
                "Hello,\nAn appointment was missed without notice. Reply if this is an error.",
                Pdf: Invoice("invoice-missed.pdf", "INV-2026-0490", "Missed appointment without 24 h notice", "50.00")),
            new(nathan, CommunicationCategory.Bill, "Vaccine invoice", null, "Vaccination", 1, 0, Read: false,
                "Hello,\nThe invoice for the travel vaccine is attached.",
                Pdf: Invoice("invoice-vaccine.pdf", "INV-2026-0503", "Travel vaccine (not covered by RAMQ)", "65.00")),

            // The second family.
            new(DemoClinic.LeaGagnonProfileId, CommunicationCategory.Message, "Welcome to the portal", null, "Clinic news", 5, 1, Read: false,
                "Hello Sophie,\nLéa's communications from the clinic will show here."),
            new(DemoClinic.LeaGagnonProfileId, CommunicationCategory.Bill, "Consultation receipt", null, "Consultation receipt", 4, 0, Read: false,
                "Hello,\nYour receipt is attached.",
                Pdf: Invoice("receipt-lea.pdf", "INV-2026-0488", "Private consultation", "85.00")),
        };

        var pdfs = demos.Where(d => d.Pdf is not null).Select(d => new CheckedUpload(d.Pdf!.Value.FileName, DemoPdf.Create(d.Pdf.Value.Title, d.Pdf.Value.Lines))).ToList();
        var keys = await files.WriteAsync(pdfs, cancellationToken);
        var next = 0;
        var read = new List<Guid>();
        foreach (var demo in demos)
        {
            var sent = now.AddDays(-demo.DaysAgo).AddHours(-3);
            var communication = Communication.Send(demo.ProfileId, demo.Category, demo.Subject, demo.Body, demo.From, MyClinic, demo.Type, demo.Replies, DemoClinicStaff, sent);
            if (demo.Pdf is { } pdf)
            {
                communication.Attach(pdf.FileName, keys[next], pdfs[next].Content.Length, sent);
                next++;
            }

            if (demo.Again is { } again)
            {
                communication.WriteAgain(again, demo.From, DemoClinicStaff, sent.AddDays(1).AddHours(2));
            }

            if (demo.Reply is { } reply)
            {
                communication.Reply(reply, DemoClinic.HeatherMilnerAccountId, sent.AddDays(2).AddHours(4));
            }

            if (demo.Read)
            {
                read.Add(communication.Id);
            }

            db.Communications.Add(communication);
        }

        files.Keep(keys);
        await db.SaveChangesAsync(cancellationToken);
        await db.Communications.Where(c => read.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadByPatient, false).SetProperty(c => c.PatientReadUtc, now), cancellationToken);
        return [$"Inbox: {demos.Count(d => d.ProfileId == nathan)} communications for Nathan Milner ({demos.Count(d => d.ProfileId == nathan && !d.Read)} unread), {pdfs.Count} PDFs"];
    }

    private static (string FileName, string Title, string[] Lines) Invoice(string fileName, string number, string item, string amount) =>
        (fileName, "Invoice / Facture " + number, [
            "Bill to: Heather Milner, for Nathan Milner (2017-02-18)",
            "Date: see the portal",
            "",
            $"{item}   {amount} $",
            "",
            $"Total: {amount} $   Paid / Payé",
            "",
            "Thank you. Merci.",
        ]);

    private sealed record Demo(
        Guid ProfileId, CommunicationCategory Category, string Subject, string? From, string Type, int DaysAgo, int Replies, bool Read, string Body,
        (string FileName, string Title, string[] Lines)? Pdf = null, string? Again = null, string? Reply = null);
}
