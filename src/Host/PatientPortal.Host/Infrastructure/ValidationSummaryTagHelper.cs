using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// <c>&lt;div asp-validation-summary&gt;</c> with no error: ASP.NET Core writes an empty <c>&lt;li style="display:none"&gt;</c>
/// placeholder (for client-side validation, which the portal does not use), and that inline style trips the strict CSP
/// (style-src 'self': a console error on every page with a form). This runs after the framework's tag helper and drops
/// the placeholder; the summary's errors, when there are some, are left as they are. ADR 0020.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryTagHelper : TagHelper
{
    private const string Placeholder = "<li style=\"display:none\"></li>";

    // After Microsoft.AspNetCore.Mvc.TagHelpers.ValidationSummaryTagHelper (Order -1000).
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var content = output.PostContent.GetContent();
        if (content.Contains(Placeholder, StringComparison.Ordinal))
        {
            var rest = content.Replace(Placeholder, "", StringComparison.Ordinal).Replace("<ul></ul>", "", StringComparison.Ordinal);
            output.PostContent.SetHtmlContent(rest);
        }
    }
}
