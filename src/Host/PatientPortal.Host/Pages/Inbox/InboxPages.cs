using System.Net.Mime;
using MediatR;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Inbox.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Inbox;

/// <summary>
/// What the inbox pages share (patient and staff): the tabs' folders, the list a thread's back arrow returns to, the
/// sidebar's unread counters, and the attachment answer (an authorizing handler found the file by owner-scoped ids;
/// nothing of the request is a path).
/// </summary>
public static class InboxPages
{
    /// <summary>The sidebar tabs the inbox serves, in the guide's order.</summary>
    public static readonly string[] Tabs = ["inbox", "documents", "bills", "sent"];

    public static InboxFolder? FolderOf(string? tab) => tab switch
    {
        "inbox" => InboxFolder.Inbox,
        "documents" => InboxFolder.Documents,
        "bills" => InboxFolder.Bills,
        "sent" => InboxFolder.Sent,
        _ => null,
    };

    /// <summary>The tab a thread's back arrow returns to: the one it was opened from, else its category's.</summary>
    public static string ListOf(string? from, CommunicationCategory category) =>
        FolderOf(from) is not null ? from! : category switch
        {
            CommunicationCategory.Document => "documents",
            CommunicationCategory.Bill => "bills",
            _ => "inbox",
        };

    /// <summary>
    /// Who wrote a reply, as named when it was written: "Heather Milner, for Nathan Milner" ("…, pour …") when a proxy
    /// wrote it, the writer's name when the person did, <paramref name="patientName"/> for a reply from before names
    /// were kept. The names are user data (translate="no", encoded); the words around them are the resource's.
    /// </summary>
    public static IHtmlContent ReplyWriter(IStringLocalizer localizer, ReplyWriter? writer, string patientName) => writer switch
    {
        // AppendFormat writes the format as HTML (it is the portal's own resource) and each name as the content UserData made (encoded).
        { Name: { } name, ForPatient: { } forPatient } => new HtmlContentBuilder().AppendFormat(localizer["Inbox.WrittenFor"].Value, UserData(name), UserData(forPatient)),
        { ForPatient: { } forPatient } => new HtmlContentBuilder().AppendFormat(localizer["Inbox.WrittenForByAnother"].Value, UserData(forPatient)),
        _ => UserData(writer?.Name ?? patientName),
    };

    // <bdi>: a name's own direction marks never reorder the words around it ("X, for Y").
    private static IHtmlContent UserData(string text) => new HtmlContentBuilder().AppendHtml("<bdi translate=\"no\">").Append(text).AppendHtml("</bdi>");

    /// <summary>"View the Message / Document / Invoice"'s noun, as a resource key.</summary>
    public static string CategoryKey(CommunicationCategory category) => "Inbox.Category." + category;

    /// <summary>
    /// The sidebar's counters for the selected profile (zero when nobody is selected, when the module refuses, or when
    /// it cannot answer: a page never fails for its badge).
    /// </summary>
    public static async Task<UnreadCounters> CountersAsync(IMediator mediator, SelectedProfile? selected, ILogger logger, CancellationToken cancellationToken)
    {
        if (selected is null)
        {
            return UnreadCounters.Zero;
        }

        try
        {
            var result = await mediator.Send(new GetUnreadCounters(selected.ProfileId), cancellationToken);
            return result.IsSuccess ? result.Value : UnreadCounters.Zero;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The inbox counters could not be read");
            return UnreadCounters.Zero;
        }
    }

    /// <summary>
    /// An attachment as the browser gets it: inline to view in a new window, or as a download; a file name the module
    /// made safe (ASCII fallback and UTF-8 form), never sniffed, never stored. 404 for any refusal, with no tell.
    /// </summary>
    public static IActionResult File(HttpResponse response, Result<AttachmentFile> opened, bool download)
    {
        if (opened.IsFailure)
        {
            return new NotFoundResult();
        }

        var file = opened.Value;
        var disposition = new ContentDispositionHeaderValue(download ? DispositionTypeNames.Attachment : DispositionTypeNames.Inline);
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return new FileStreamResult(file.Content, MediaTypeNames.Application.Pdf);
    }
}
