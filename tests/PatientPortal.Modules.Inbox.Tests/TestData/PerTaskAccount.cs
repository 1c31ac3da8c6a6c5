using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Inbox.Tests.TestData;

/// <summary>
/// The signed-in account, per task: the harness's account, unless a task says it is staff (<see cref="AsStaff"/>), so
/// that a patient's request and staff's can race each other in one test.
/// </summary>
internal sealed class PerTaskAccount(FakeCurrentAccount harnessAccount) : ICurrentAccount
{
    private static readonly AsyncLocal<FakeCurrentAccount?> Override = new();

    private FakeCurrentAccount Now => Override.Value ?? harnessAccount;

    public Guid? AccountId => Now.AccountId;
    public bool SecondFactorPassed => Now.SecondFactorPassed;
    public string Source => Now.Source;

    public bool IsInRole(string role) => Now.IsInRole(role);

    public static void Register(IServiceCollection services) =>
        services.AddSingleton<ICurrentAccount>(sp => new PerTaskAccount(sp.GetRequiredService<FakeCurrentAccount>()));

    /// <summary>Sends the request as staff (with the second factor) from this task, whoever the harness's account is.</summary>
    public static async Task<TResponse> AsStaff<TResponse>(InboxHarness harness, IRequest<TResponse> request)
    {
        var staff = new FakeCurrentAccount();
        staff.SignedInAs(InboxHarness.Staff, Roles.Staff);
        Override.Value = staff;
        try
        {
            return await harness.SendAsync(request);
        }
        finally
        {
            Override.Value = null;
        }
    }
}
