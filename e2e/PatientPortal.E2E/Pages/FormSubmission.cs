namespace PatientPortal.E2E.Pages;

internal static class FormSubmission
{
    /// <summary>
    /// Clicks a submit button and waits until the browser shows the answer to the POST. Needed where the answer has
    /// the same address and looks like the page before it (a form shown again with the same error): the old document
    /// is marked, and the mark is gone once the new one is in.
    /// </summary>
    public static async Task ClickAndWaitForNextPageAsync(this ILocator button)
    {
        await button.Page.Locator("html").EvaluateAsync("html => html.setAttribute('data-before-submit', '')");
        await button.ClickAsync();
        await Expect(button.Page.Locator("html[data-before-submit]")).ToHaveCountAsync(0);
        await button.Page.WaitUntilLoadedAsync();
    }
}
