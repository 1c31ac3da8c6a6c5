namespace PatientPortal.BuildingBlocks.Identity;

/// <summary>
/// A request other modules send for the portal itself (a job, an email link's action, a notice to queue) and that is
/// therefore answered whoever is signed in: its handler does not ask <see cref="ICurrentAccount"/>, since an email link
/// opened in a browser signed in to some other account must still reach the patient. Pages must never send one: the
/// architecture tests fail a host that uses a type marked with it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModulesOnlyAttribute : Attribute;
