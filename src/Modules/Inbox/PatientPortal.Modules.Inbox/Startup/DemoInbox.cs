using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Storage;

namespace PatientPortal.Modules.Inbox.Startup;

/// <summary>
/// Development only: the demo clinic's inbox, relative to the clock at start-up, each communication, reply and
/// second message published as an event with its own time (Recent activity shows the latest). For Heather's son Nathan
/// (<see cref="DemoClinic.NathanMilnerProfileId"/>): seven messages, seven documents and seven bills, each category with
/// five unread and two read; the documents and bills with real PDFs (<see cref="DemoPdf"/>); several that allow a reply
/// and have none yet; one the patient replied to (so Sent is not empty) and one thread where the clinic wrote twice.
/// Léa (the second family) has a message and a bill, so that another family's ids can be tried. Written in each family's
/// preferred language (<see cref="DemoClinic.HeatherMilnerLanguage"/>: French, as a Quebec clinic writes to a
/// French-speaking family). Seeded only when the inbox is empty: real data is never touched. No email is sent for the
/// demo's communications.
/// </summary>
internal sealed class DemoInbox(InboxDbContext db, AttachmentFiles files, TimeProvider clock) : IDemoDataSeeder
{
    /// <summary>The clinic's side of the demo communications (no account: they were "sent" before the portal existed).</summary>
    public static readonly Guid DemoClinicStaff = new("0193a2d0-0000-7000-8000-000000000401");

    // The demo clinic's practitioners and site, as Appointments' DemoSchedule names them (the ids are DemoClinic's).
    private static readonly Sender MedfarSolutions = new(DemoClinic.DrMedfarSolutionsId, "Dr. Medfar Solutions");
    private static readonly Sender Nguyen = new(DemoClinic.DrMinhNguyenId, "Dr. Minh Nguyen");
    private static readonly Sender Bouchard = new(DemoClinic.DrJulieBouchardId, "Dr. Julie Bouchard");
    private static readonly Sender Roy = new(DemoClinic.MarcRoyId, "Marc Roy, pht");
    private static readonly Sender Administration = Sender.Administration;
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
        // The clinic writes in the family's preferred language (a Quebec clinic to a French-speaking family writes French).
        var heatherFr = French(DemoClinic.HeatherMilnerLanguage);
        var sophieFr = French(DemoClinic.SophieGagnonLanguage);
        string L(string en, string fr) => heatherFr ? fr : en;
        var demos = new List<Demo>
        {
            // Messages: five unread, two read; three allow a reply that has not come yet; one was answered.
            new(nathan, CommunicationCategory.Message, L("Registration Confirmation", "Confirmation d'inscription"), Administration, L("Waiting list", "Liste d'attente"), 40, 1, Read: true,
                L("Hi Heather,\nPlease confirm with us once you have completed Nathan's registration on the waiting list.",
                  "Bonjour Heather,\nMerci de confirmer avec nous une fois que l'inscription de Nathan sur la liste d'attente est complétée."),
                Reply: L("Hi, I am registered on the december list. Thanks", "Bonjour, je suis inscrite pour le mois de décembre. Merci")),
            new(nathan, CommunicationCategory.Message, L("Flu vaccine clinic", "Clinique de vaccination contre la grippe"), Administration, L("Vaccination", "Vaccination"), 30, 0, Read: true,
                L("Hello,\nOur flu vaccine clinic opens next month. Book a Well-child visit to get Nathan vaccinated.",
                  "Bonjour,\nNotre clinique de vaccination contre la grippe ouvre le mois prochain. Prenez un rendez-vous de suivi d'enfant pour faire vacciner Nathan.")),
            new(nathan, CommunicationCategory.Message, L("Your appointment request", "Votre demande de rendez-vous"), MedfarSolutions, L("Family Medicine", "Médecine familiale"), 12, 1, Read: false,
                L("Hi Heather,\nWe received your request for Nathan. Could you tell us which mornings suit you best?",
                  "Bonjour Heather,\nNous avons reçu votre demande pour Nathan. Quels avant-midis vous conviennent le mieux?")),
            new(nathan, CommunicationCategory.Message, L("Preliminary results", "Résultats préliminaires"), MedfarSolutions, L("Family Medicine", "Médecine familiale"), 8, 1, Read: false,
                L("Hi Heather,\nNathan's preliminary results are in and look normal.\nReply if you would like me to call you about them.",
                  "Bonjour Heather,\nLes résultats préliminaires de Nathan sont arrivés et semblent normaux.\nRépondez si vous souhaitez que je vous appelle à ce sujet.")),
            new(nathan, CommunicationCategory.Message, L("Reminder: vaccination", "Rappel : vaccination"), Nguyen, L("Pediatrics", "Pédiatrie"), 6, 0, Read: false,
                L("Hello,\nNathan's vaccination record shows a booster due this autumn.\nBook an appointment in the portal.",
                  "Bonjour,\nLe carnet de vaccination de Nathan indique un rappel à faire cet automne.\nPrenez rendez-vous au portail.")),
            new(nathan, CommunicationCategory.Message, L("Physiotherapy exercises", "Exercices de physiothérapie"), Roy, L("Physiotherapy", "Physiothérapie"), 4, 2, Read: false,
                L("Hi Heather,\nHere are Nathan's exercises: ten minutes, twice a day.\nTell me how the first week goes.",
                  "Bonjour Heather,\nVoici les exercices de Nathan : dix minutes, deux fois par jour.\nDites-moi comment se passe la première semaine.")),
            new(nathan, CommunicationCategory.Message, L("Clinic closed on the holiday", "Clinique fermée pendant le congé"), Administration, L("Clinic news", "Nouvelles de la clinique"), 2, 0, Read: false,
                L("Hello,\nThe clinic will be closed on the coming holiday. For an emergency, call 911.",
                  "Bonjour,\nLa clinique sera fermée pendant le prochain congé férié. En cas d'urgence, composez le 911.")),

            // Documents.
            new(nathan, CommunicationCategory.Document, L("Dermatology", "Dermatologie"), MedfarSolutions, L("Dermatology", "Dermatologie"), 35, 1, Read: true,
                L("Hi Heather,\nHere is the form request for your consultation request in dermatology.\nPlease print, fill out and bring the form to your dermatology appointment.",
                  "Bonjour Heather,\nVoici le formulaire pour votre demande de consultation en dermatologie.\nVeuillez l'imprimer, le remplir et l'apporter à votre rendez-vous en dermatologie."),
                Pdf: ("dermatology-form.pdf", L("Dermatology consultation form", "Formulaire de consultation en dermatologie"), [
                    L("Patient: Nathan Milner (2017-02-18)", "Patient : Nathan Milner (2017-02-18)"),
                    L("Referring practitioner: Dr. Medfar Solutions", "Médecin référent : Dr. Medfar Solutions"), "",
                    L("Reason for consultation: ______________________", "Raison de la consultation : ______________________"),
                    L("Allergies: ______________________", "Allergies : ______________________"), "",
                    L("Bring this form to the dermatology appointment.", "Apportez ce formulaire au rendez-vous en dermatologie.")]),
                Again: L("Hi Heather,\nWe have received your preliminary results in dermatology.\nPlease share additional results once completed.\nThank you.",
                    "Bonjour Heather,\nNous avons reçu vos résultats préliminaires en dermatologie.\nVeuillez nous transmettre les autres résultats une fois complétés.\nMerci.")),
            new(nathan, CommunicationCategory.Document, L("Vaccination record", "Carnet de vaccination"), Nguyen, L("Pediatrics", "Pédiatrie"), 25, 0, Read: true,
                L("Hello,\nNathan's up-to-date vaccination record is attached.", "Bonjour,\nVous trouverez ci-joint le carnet de vaccination à jour de Nathan."),
                Pdf: ("vaccination-record.pdf", L("Vaccination record", "Carnet de vaccination"), [
                    L("Patient: Nathan Milner (2017-02-18)", "Patient : Nathan Milner (2017-02-18)"), "",
                    L("DTaP-IPV-Hib   2 months, 4 months, 6 months", "DCaT-VPI-Hib   2 mois, 4 mois, 6 mois"),
                    L("MMR-Var        12 months, 18 months", "RRO-Var        12 mois, 18 mois"),
                    L("Influenza      every autumn", "Influenza      chaque automne")])),
            new(nathan, CommunicationCategory.Document, L("Referral to pediatrics", "Demande de consultation en pédiatrie"), MedfarSolutions, L("Referral", "Demande de consultation"), 14, 1, Read: false,
                L("Hi Heather,\nAttached is Nathan's referral to Dr. Bouchard in pediatrics. The clinic will call you with a date.",
                  "Bonjour Heather,\nVous trouverez ci-joint la demande de consultation de Nathan auprès de la Dre Bouchard en pédiatrie. La clinique vous appellera pour fixer une date."),
                Pdf: ("referral-pediatrics.pdf", L("Referral", "Demande de consultation"), [
                    L("To: Dr. Julie Bouchard, Pediatrics", "À : Dr. Julie Bouchard, pédiatrie"),
                    L("From: Dr. Medfar Solutions, Family Medicine", "De : Dr. Medfar Solutions, médecine familiale"),
                    L("Patient: Nathan Milner (2017-02-18)", "Patient : Nathan Milner (2017-02-18)"), "",
                    L("Priority: routine", "Priorité : régulière")])),
            new(nathan, CommunicationCategory.Document, L("Lab requisition", "Requête de laboratoire"), MedfarSolutions, L("Laboratory", "Laboratoire"), 10, 0, Read: false,
                L("Hello,\nPlease bring the attached requisition to the lab. No appointment is needed.",
                  "Bonjour,\nVeuillez apporter la requête ci-jointe au laboratoire. Aucun rendez-vous n'est nécessaire."),
                Pdf: ("lab-requisition.pdf", L("Laboratory requisition", "Requête de laboratoire"), [
                    L("Patient: Nathan Milner (2017-02-18)", "Patient : Nathan Milner (2017-02-18)"),
                    L("Tests: complete blood count", "Analyses : formule sanguine complète"),
                    L("Fasting: not required", "À jeun : non requis")])),
            new(nathan, CommunicationCategory.Document, L("School absence note", "Billet d'absence pour l'école"), Administration, L("Medical note", "Billet médical"), 7, 0, Read: false,
                L("Hello,\nThe note for Nathan's school is attached.", "Bonjour,\nVous trouverez ci-joint le billet pour l'école de Nathan."),
                Pdf: ("absence-note.pdf", L("Medical note", "Billet médical"), [
                    L("Nathan Milner was seen at the clinic and may return to school on Monday.", "Nathan Milner a été vu à la clinique et peut retourner à l'école lundi."), "",
                    "Dr. Medfar Solutions"])),
            new(nathan, CommunicationCategory.Document, L("Physiotherapy plan", "Plan de traitement en physiothérapie"), Roy, L("Physiotherapy", "Physiothérapie"), 5, 0, Read: false,
                L("Hi Heather,\nNathan's treatment plan for the next six weeks.", "Bonjour Heather,\nVoici le plan de traitement de Nathan pour les six prochaines semaines."),
                Pdf: ("physiotherapy-plan.pdf", L("Physiotherapy treatment plan", "Plan de traitement en physiothérapie"), [
                    L("Patient: Nathan Milner", "Patient : Nathan Milner"),
                    L("Weeks 1-2: mobility, 10 min twice a day", "Semaines 1-2 : mobilité, 10 min deux fois par jour"),
                    L("Weeks 3-6: strengthening", "Semaines 3-6 : renforcement"),
                    L("Next assessment: in six weeks", "Prochaine évaluation : dans six semaines")])),
            new(nathan, CommunicationCategory.Document, L("Growth chart", "Courbe de croissance"), Bouchard, L("Pediatrics", "Pédiatrie"), 1, 1, Read: false,
                L("Hello,\nNathan's growth chart from his last visit. Questions are welcome.",
                  "Bonjour,\nVoici la courbe de croissance de Nathan à sa dernière visite. N'hésitez pas à poser vos questions."),
                Pdf: ("growth-chart.pdf", L("Growth chart", "Courbe de croissance"), [
                    L("Patient: Nathan Milner (2017-02-18)", "Patient : Nathan Milner (2017-02-18)"),
                    L("Height: 50th percentile", "Taille : 50e percentile"),
                    L("Weight: 45th percentile", "Poids : 45e percentile")])),

            // Bills.
            new(nathan, CommunicationCategory.Bill, L("Consultation receipt", "Reçu de consultation"), Administration, L("Consultation receipt", "Reçu de consultation"), 45, 0, Read: true,
                L("Hello,\nYour receipt for Nathan's consultation is attached. Thank you.", "Bonjour,\nVous trouverez ci-joint votre reçu pour la consultation de Nathan. Merci."),
                Pdf: Invoice(heatherFr, "receipt-consultation.pdf", "INV-2026-0412", L("Private consultation", "Consultation privée"), "85.00")),
            new(nathan, CommunicationCategory.Bill, L("Form completion fee", "Frais pour formulaire"), Administration, L("Invoice", "Facture"), 28, 1, Read: true,
                L("Hello,\nThe invoice for the insurance form is attached.", "Bonjour,\nVous trouverez ci-jointe la facture pour le formulaire d'assurance."),
                Pdf: Invoice(heatherFr, "invoice-form.pdf", "INV-2026-0437", L("Insurance form completion", "Formulaire d'assurance rempli"), "40.00")),
            new(nathan, CommunicationCategory.Bill, L("Physiotherapy invoice, session 1", "Facture de physiothérapie, séance 1"), Administration, L("Physiotherapy", "Physiothérapie"), 20, 0, Read: false,
                L("Hello,\nThe invoice for Nathan's first physiotherapy session is attached.", "Bonjour,\nVous trouverez ci-jointe la facture de la première séance de physiothérapie de Nathan."),
                Pdf: Invoice(heatherFr, "invoice-physio-1.pdf", "INV-2026-0451", L("Physiotherapy, initial assessment (45 min)", "Physiothérapie, évaluation initiale (45 min)"), "95.00")),
            new(nathan, CommunicationCategory.Bill, L("Physiotherapy invoice, session 2", "Facture de physiothérapie, séance 2"), Administration, L("Physiotherapy", "Physiothérapie"), 13, 1, Read: false,
                L("Hello,\nThe invoice for Nathan's second physiotherapy session is attached. Reply if you need a copy for your insurer.",
                  "Bonjour,\nVous trouverez ci-jointe la facture de la deuxième séance de physiothérapie de Nathan. Répondez si vous avez besoin d'une copie pour votre assureur."),
                Pdf: Invoice(heatherFr, "invoice-physio-2.pdf", "INV-2026-0466", L("Physiotherapy, follow-up (30 min)", "Physiothérapie, suivi (30 min)"), "75.00")),
            new(nathan, CommunicationCategory.Bill, L("Medical note fee", "Frais pour billet médical"), Administration, L("Invoice", "Facture"), 9, 0, Read: false,
                L("Hello,\nThe invoice for the medical note is attached.", "Bonjour,\nVous trouverez ci-jointe la facture pour le billet médical."),
                Pdf: Invoice(heatherFr, "invoice-note.pdf", "INV-2026-0478", L("Medical note", "Billet médical"), "20.00")),
            new(nathan, CommunicationCategory.Bill, L("Missed appointment fee", "Frais pour rendez-vous manqué"), Administration, L("Invoice", "Facture"), 3, 1, Read: false,
                L("Hello,\nAn appointment was missed without notice. Reply if this is an error.", "Bonjour,\nUn rendez-vous a été manqué sans préavis. Répondez s'il s'agit d'une erreur."),
                Pdf: Invoice(heatherFr, "invoice-missed.pdf", "INV-2026-0490", L("Missed appointment without 24 h notice", "Rendez-vous manqué sans préavis de 24 h"), "50.00")),
            new(nathan, CommunicationCategory.Bill, L("Vaccine invoice", "Facture de vaccin"), Administration, L("Vaccination", "Vaccination"), 1, 0, Read: false,
                L("Hello,\nThe invoice for the travel vaccine is attached.", "Bonjour,\nVous trouverez ci-jointe la facture pour le vaccin du voyageur."),
                Pdf: Invoice(heatherFr, "invoice-vaccine.pdf", "INV-2026-0503", L("Travel vaccine (not covered by RAMQ)", "Vaccin du voyageur (non couvert par la RAMQ)"), "65.00")),

            // The second family.
            new(DemoClinic.LeaGagnonProfileId, CommunicationCategory.Message, sophieFr ? "Bienvenue au portail" : "Welcome to the portal", Administration,
                sophieFr ? "Nouvelles de la clinique" : "Clinic news", 5, 1, Read: false,
                sophieFr ? "Bonjour Sophie,\nLes communications de la clinique pour Léa s'afficheront ici." : "Hello Sophie,\nLéa's communications from the clinic will show here."),
            new(DemoClinic.LeaGagnonProfileId, CommunicationCategory.Bill, sophieFr ? "Reçu de consultation" : "Consultation receipt", Administration,
                sophieFr ? "Reçu de consultation" : "Consultation receipt", 4, 0, Read: false,
                sophieFr ? "Bonjour,\nVous trouverez ci-joint votre reçu." : "Hello,\nYour receipt is attached.",
                Pdf: Invoice(sophieFr, "receipt-lea.pdf", "INV-2026-0488", sophieFr ? "Consultation privée" : "Private consultation", "85.00", "Sophie Gagnon", "Léa Gagnon (2019-09-03)")),
        };

        var pdfs = demos.Where(d => d.Pdf is not null).Select(d => new CheckedUpload(d.Pdf!.Value.FileName, DemoPdf.Create(d.Pdf.Value.Title, d.Pdf.Value.Lines))).ToList();
        var keys = await files.WriteAsync(pdfs, cancellationToken);
        var next = 0;
        var read = new List<Guid>();
        foreach (var demo in demos)
        {
            var sent = now.AddDays(-demo.DaysAgo).AddHours(-3);
            var communication = Communication.Send(
                demo.ProfileId, demo.Category, demo.Subject, demo.Body, demo.From, DemoClinic.MyClinicSiteId, MyClinic, demo.Type, demo.Replies, DemoClinicStaff, sent);
            db.Publish(new CommunicationPublished(communication.Id, demo.ProfileId, demo.Category), sent);
            if (demo.Pdf is { } pdf)
            {
                communication.Attach(pdf.FileName, keys[next], pdfs[next].Content.Length, sent);
                next++;
            }

            if (demo.Again is { } again)
            {
                communication.WriteAgain(again, demo.From, DemoClinicStaff, sent.AddDays(1).AddHours(2));
                db.Publish(new CommunicationPublished(communication.Id, demo.ProfileId, demo.Category), sent.AddDays(1).AddHours(2));
            }

            if (demo.Reply is { } reply)
            {
                // Heather wrote it for her son.
                communication.Reply(reply, DemoClinic.HeatherMilnerAccountId, new ReplyWriter("Heather Milner", "Nathan Milner"), sent.AddDays(2).AddHours(4));
                db.Publish(new ReplySent(communication.Id, demo.ProfileId, demo.Category), sent.AddDays(2).AddHours(4));
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

    private static bool French(string language) => language.StartsWith("fr", StringComparison.Ordinal);

    private static (string FileName, string Title, string[] Lines) Invoice(
        bool french, string fileName, string number, string item, string amount, string billTo = "Heather Milner", string patient = "Nathan Milner (2017-02-18)") =>
        french
            ? (fileName, "Facture " + number, [
                $"Facturé à : {billTo}, pour {patient}",
                "Date : voir le portail",
                "",
                $"{item}   {amount} $",
                "",
                $"Total : {amount} $   Payé",
                "",
                "Merci.",
            ])
            : (fileName, "Invoice " + number, [
                $"Bill to: {billTo}, for {patient}",
                "Date: see the portal",
                "",
                $"{item}   {amount} $",
                "",
                $"Total: {amount} $   Paid",
                "",
                "Thank you.",
            ]);

    private sealed record Demo(
        Guid ProfileId, CommunicationCategory Category, string Subject, Sender From, string Type, int DaysAgo, int Replies, bool Read, string Body,
        (string FileName, string Title, string[] Lines)? Pdf = null, string? Again = null, string? Reply = null);
}
