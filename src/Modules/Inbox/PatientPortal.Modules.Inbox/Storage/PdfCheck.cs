using UglyToad.PdfPig;

namespace PatientPortal.Modules.Inbox.Storage;

/// <summary>
/// Is it a PDF by its content, whatever its name or declared type says: it starts with the PDF header ("%PDF-"), and
/// PdfPig opens it and finds at least one page. A renamed image, an HTML file or a damaged PDF is refused.
/// </summary>
internal static class PdfCheck
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();

    public static bool IsPdf(ReadOnlyMemory<byte> content)
    {
        if (!content.Span.StartsWith(Header))
        {
            return false;
        }

        try
        {
            using var document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = false });
            return document.NumberOfPages > 0 && document.GetPage(1) is not null;
        }
#pragma warning disable CA1031 // any failure to parse means "not a PDF we keep"
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
