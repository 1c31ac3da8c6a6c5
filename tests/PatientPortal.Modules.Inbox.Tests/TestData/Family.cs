namespace PatientPortal.Modules.Inbox.Tests.TestData;

/// <summary>The accounts and profiles of the tests: Heather (her own account, and her son Nathan's proxy), and another family.</summary>
internal static class Family
{
    public static readonly Guid HeatherAccount = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid HeatherProfile = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    public static readonly Guid NathanProfile = Guid.Parse("b0000000-0000-0000-0000-000000000002");
    public static readonly Guid OtherAccount = Guid.Parse("a0000000-0000-0000-0000-000000000009");
    public static readonly Guid OtherProfile = Guid.Parse("b0000000-0000-0000-0000-000000000009");

    /// <summary>A harness where Heather is signed in, with every tab of her own profile and the other family with theirs.</summary>
    public static async Task<InboxHarness> HarnessAsync(
        DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? replace = null)
    {
        var harness = await InboxHarness.CreateAsync(provider, settings, replace);
        harness.Access.Own(HeatherAccount, HeatherProfile, "Heather", "Milner");
        harness.Access.Own(OtherAccount, OtherProfile, "Sophie", "Gagnon");
        harness.Access.Name(NathanProfile, "Nathan", "Milner");
        harness.SignedInAs(HeatherAccount);
        return harness;
    }
}
