namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// The browser-side copy of the clinic's password rule, built from the same "Accounts:Password" settings the server
/// enforces, with Unicode classes so "Élève-école9" counts its É as a capital. It only keeps the submit button honest;
/// the server decides and explains.
/// </summary>
public static class PasswordPattern
{
    public static string From(IConfiguration configuration)
    {
        var rules = configuration.GetSection("Accounts:Password");
        var pattern = "";
        if (rules.GetValue("RequireLowercase", true)) pattern += "(?=.*\\p{Ll})";
        if (rules.GetValue("RequireUppercase", true)) pattern += "(?=.*\\p{Lu})";
        if (rules.GetValue("RequireDigit", true)) pattern += "(?=.*\\p{Nd})";
        if (rules.GetValue("RequireSpecialCharacter", true)) pattern += "(?=.*[^\\p{L}\\p{Nd}])";
        return pattern + $".{{{rules.GetValue("MinimumLength", 8)},}}";
    }
}
