namespace PatientPortal.BuildingBlocks.Identity;

/// <summary>
/// Builds absolute links for emails. The host answers from configuration ("Portal:PublicUrl"), never from the
/// request's Host header, so a forged header cannot poison a reset link.
/// </summary>
public interface IPortalLinks
{
    Uri To(string pathAndQuery);
}
