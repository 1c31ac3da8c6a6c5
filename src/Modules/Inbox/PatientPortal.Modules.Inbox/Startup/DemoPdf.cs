using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace PatientPortal.Modules.Inbox.Startup;

/// <summary>
/// Development only: real one-page PDFs for the demo clinic's documents and bills, made with PDFsharp. The text uses
/// the PDF standard font Helvetica (WinAnsi encoding, so French accents print), written straight into the page's
/// content stream: no font file is needed on the machine, and any reader (PdfPig included) extracts the text.
/// </summary>
internal static class DemoPdf
{
    private const double Left = 72;
    private const double Top = 720;

    /// <summary>A Letter page: the clinic's letterhead, a title, then the lines (an empty line leaves a gap).</summary>
    public static byte[] Create(string title, IReadOnlyList<string> lines)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = "My Clinic (demo)";
        document.Info.Creator = "PatientPortal demo clinic";
        document.Info.CreationDate = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var page = document.AddPage();
        page.Width = PdfSharp.Drawing.XUnit.FromPoint(612);
        page.Height = PdfSharp.Drawing.XUnit.FromPoint(792);

        var regular = Font(document, "/Helvetica");
        var bold = Font(document, "/Helvetica-Bold");
        var fonts = new PdfDictionary(document);
        fonts.Elements["/F1"] = regular.Reference;
        fonts.Elements["/F2"] = bold.Reference;
        var resources = new PdfDictionary(document);
        resources.Elements["/Font"] = fonts;
        page.Elements["/Resources"] = resources;

        var text = new StringBuilder();
        text.Append("0.2 0.35 0.6 rg 0 742 612 50 re f 0 g\n");
        text.Append("BT 1 1 1 rg /F2 16 Tf ").Append(Number(Left)).Append(" 760 Td ").Append(Literal("My Clinic")).Append(" Tj ET\n");
        text.Append("BT 1 1 1 rg /F1 9 Tf 380 762 Td ").Append(Literal("201-1224 Rue Stanley, Montréal  (555) 123-4321")).Append(" Tj ET\n");
        text.Append("BT 0 g /F2 14 Tf ").Append(Number(Left)).Append(' ').Append(Number(Top - 20)).Append(" Td ").Append(Literal(title)).Append(" Tj ET\n");
        var y = Top - 50;
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                text.Append("BT /F1 11 Tf ").Append(Number(Left)).Append(' ').Append(Number(y)).Append(" Td ").Append(Literal(line)).Append(" Tj ET\n");
            }

            y -= 16;
        }

        text.Append("BT 0.4 g /F1 8 Tf ").Append(Number(Left)).Append(" 40 Td ").Append(Literal("Demo document - not a real medical record / Document de démonstration")).Append(" Tj ET\n");

        var content = page.Contents.AppendContent();
        content.CreateStream(Encoding.Latin1.GetBytes(text.ToString()));

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static PdfDictionary Font(PdfDocument document, string baseFont)
    {
        var font = new PdfDictionary(document);
        font.Elements.SetName("/Type", "/Font");
        font.Elements.SetName("/Subtype", "/Type1");
        font.Elements.SetName("/BaseFont", baseFont);
        font.Elements.SetName("/Encoding", "/WinAnsiEncoding");
        document.Internals.AddObject(font);
        return font;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // A PDF literal string in WinAnsi (Latin-1 covers French); characters outside it print as "?".
    private static string Literal(string value)
    {
        var escaped = new StringBuilder("(");
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '(' or ')' or '\\' => "\\" + c,
                < ' ' => " ",
                > 'ÿ' => "?",
                _ => c.ToString(),
            });
        }

        return escaped.Append(')').ToString();
    }
}
