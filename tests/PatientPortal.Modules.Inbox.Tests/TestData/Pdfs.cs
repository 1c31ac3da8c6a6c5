using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PatientPortal.Modules.Inbox.Tests.TestData;

/// <summary>Real one-page PDFs (made with PdfPig's writer) and things that only look like one.</summary>
internal static class Pdfs
{
    public static byte[] Real(string text = "Consultation receipt")
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.Letter);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(text, 12, new PdfPoint(50, 700), font);
        return builder.Build();
    }

    public static AttachmentUpload Upload(string name, byte[]? content = null) => new(name, new MemoryStream(content ?? Real()));
}
