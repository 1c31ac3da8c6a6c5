using Microsoft.AspNetCore.Razor.TagHelpers;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// <c>&lt;input password-rule&gt;</c>: a new-password field gets the browser-side copy of the clinic's password rule,
/// read from the Accounts module (<see cref="PasswordRule"/>): its lengths, and a pattern with Unicode classes so
/// "Élève-école9" counts its É as a capital. It only keeps the submit button honest; the server decides and explains.
/// </summary>
[HtmlTargetElement("input", Attributes = Name)]
public sealed class PasswordRuleTagHelper(PasswordRule rule) : TagHelper
{
    private const string Name = "password-rule";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Name);
        output.Attributes.SetAttribute("minlength", rule.MinimumLength);
        output.Attributes.SetAttribute("maxlength", rule.MaximumLength);
        output.Attributes.SetAttribute("pattern", Pattern(rule));
    }

    public static string Pattern(PasswordRule rule)
    {
        var pattern = "";
        if (rule.RequireLowercase) pattern += "(?=.*\\p{Ll})";
        if (rule.RequireUppercase) pattern += "(?=.*\\p{Lu})";
        if (rule.RequireDigit) pattern += "(?=.*\\p{Nd})";
        if (rule.RequireSpecialCharacter) pattern += "(?=.*[^\\p{L}\\p{Nd}])";
        return pattern + $".{{{rule.MinimumLength},}}";
    }
}
