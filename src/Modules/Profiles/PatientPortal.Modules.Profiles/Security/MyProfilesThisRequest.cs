namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// The account's list of profiles as this request has read it (<see cref="Features.GetMyProfilesHandler"/>): the
/// dashboard asks for it, and so does Appointments for the dashboard's upcoming list, in one request. Kept for the
/// scope only, and forgotten when the scope's context saves a change, as <see cref="LinksThisRequest"/> is.
/// </summary>
internal sealed class MyProfilesThisRequest : IDisposable
{
    private readonly ProfilesDbContext _db;
    private (Guid AccountId, IReadOnlyList<MyProfile> Profiles)? _read;

    public MyProfilesThisRequest(ProfilesDbContext db)
    {
        _db = db;
        _db.SavedChanges += Forget;
    }

    public IReadOnlyList<MyProfile>? Of(Guid accountId) => _read is { } read && read.AccountId == accountId ? read.Profiles : null;

    public void Keep(Guid accountId, IReadOnlyList<MyProfile> profiles) => _read = (accountId, profiles);

    public void Dispose() => _db.SavedChanges -= Forget;

    private void Forget(object? sender, SavedChangesEventArgs e) => _read = null;
}
