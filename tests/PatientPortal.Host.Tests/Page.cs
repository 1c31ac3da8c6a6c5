using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PatientPortal.Host.Tests;

/// <summary>A fetched page, parsed, with the few things the tests read from it.</summary>
internal sealed class Page(HttpResponseMessage response, IHtmlDocument document)
{
    public HttpResponseMessage Response { get; } = response;
    public IHtmlDocument Document { get; } = document;

    public string Language => Document.DocumentElement.GetAttribute("lang") ?? "";

    public string Text(string testId) => Document.QuerySelector($"[data-testid='{testId}']")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No element with data-testid '{testId}'.");

    public string AntiforgeryToken => Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
        ?? throw new InvalidOperationException(
            $"The page has no antiforgery token (HTTP {(int)Response.StatusCode} {Response.RequestMessage?.RequestUri?.PathAndQuery}: {Document.Title}).");

    public static async Task<Page> GetAsync(HttpClient client, string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);
        return await ParseAsync(response);
    }

    public static async Task<Page> ParseAsync(HttpResponseMessage response) =>
        new(response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
}
