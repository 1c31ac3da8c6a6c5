using PatientPortal.E2E.Pages;
using PatientPortal.Testing;

namespace PatientPortal.E2E;

/// <summary>A portal whose idle timeout is 2 minutes 6 seconds, so the 2-minute warning shows after 6 seconds.</summary>
public sealed class ShortIdlePortal : IAsyncLifetime
{
    private PortalFactory? _factory;

    public Uri BaseAddress => _factory!.ClientOptions.BaseAddress;

    public async Task InitializeAsync() =>
        _factory = await LocalPortal.StartAsync(new Dictionary<string, string?> { ["Accounts:IdleTimeout"] = "00:02:06" });

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

[Collection(PortalInChromium.Name)]
public sealed class IdleWarningTests(PortalUnderTest portal, ShortIdlePortal idlePortal) : IClassFixture<ShortIdlePortal>
{
    [Theory]
    [InlineData("fr-CA", "Votre session se terminera dans 2 minutes en raison d'inactivité.", "Rester connecté")]
    [InlineData("en-CA", "Your session will end in 2 minutes because of inactivity.", "Stay signed in")]
    public async Task Two_minutes_before_the_idle_timeout_the_patient_is_warned_and_can_stay_signed_in(string locale, string warning, string stay)
    {
        await using var browser = await portal.NewBrowserAsync(locale, idlePortal.BaseAddress);
        var dashboard = await Journeys.RegisterAndActivateAsync(browser, Patient.New(PortalText.For(locale).Language, "idle"));
        var dialog = dashboard.Page.GetByTestId("session-warning");

        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(dialog).ToContainTextAsync(warning);
        await Results.ScreenshotAsync(dashboard.Page, "session-warning");
        // Reachable by keyboard and screen reader (ADR 0020): announced as an alert dialog named by its text, the focus
        // on its button, so Enter keeps the session without a mouse.
        await Expect(dialog).ToHaveAttributeAsync("role", "alertdialog");
        await Expect(dialog).ToHaveAccessibleNameAsync(warning);
        await Expect(dialog.GetByTestId("session-stay")).ToBeFocusedAsync();
        await dashboard.Page.Keyboard.PressAsync("Enter");

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(dialog.GetByTestId("session-stay")).ToHaveTextAsync(stay);
        await dashboard.Page.ReloadAsync();
        await Expect(dashboard.SignInEmail).ToBeVisibleAsync();
    }
}
