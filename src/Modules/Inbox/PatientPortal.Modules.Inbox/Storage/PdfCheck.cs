using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace PatientPortal.Modules.Inbox.Storage;

/// <summary>
/// Is it a PDF by its content, whatever its name or declared type says: it starts with the PDF header ("%PDF-"), and
/// PdfPig opens it and finds at least one page. A renamed image, an HTML file or a damaged PDF is refused.
/// <para>
/// A PDF from outside can be built to expand enormously when its streams are decoded (PdfPig does not bound that yet:
/// UglyToad/PdfPig#1435; review M2). So the check reads the document's structure only (the page tree, not the pages'
/// contents), refuses streams that chain several decoding filters (each multiplies the expansion; producers write one),
/// and runs one check at a time in the process, so that uploads at once cannot add up their cost.
/// </para>
/// </summary>
internal static partial class PdfCheck
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<bool> IsPdfAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (!content.Span.StartsWith(Header) || ChainsFilters(content.Span))
        {
            return false;
        }

        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            using var document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = false });
            return document.NumberOfPages > 0;
        }
#pragma warning disable CA1031 // any failure to parse means "not a PDF we keep"
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    // "/Filter [/FlateDecode /FlateDecode]": two names or more in a filter array.
    private static bool ChainsFilters(ReadOnlySpan<byte> content)
    {
        try
        {
            return FilterChain().IsMatch(Encoding.Latin1.GetString(content));
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    [GeneratedRegex(@"/Filter\s*\[\s*/[^\]/]+/[^\]]*\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex FilterChain();
}
