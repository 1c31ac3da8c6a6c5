using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>
/// Accounts' answer to <see cref="GetSignInDetails"/> (the signed-in account's email), which Profiles asks through the
/// mediator: the test says which address each account signs in with.
/// </summary>
internal sealed class SignInEmails
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _emails = new();

    public void Set(Guid accountId, string email) => _emails[accountId] = email;

    public string? Of(Guid accountId) => _emails.TryGetValue(accountId, out var email) ? email : null;
}

internal static class SignInEmailsRegistration
{
    public static IServiceCollection AddSignInEmails(this IServiceCollection services) => services
        .AddSingleton<SignInEmails>()
        .AddTransient<IRequestHandler<GetSignInDetails, Result<SignInDetails>>, SignInDetailsFromTest>();

    private sealed class SignInDetailsFromTest(SignInEmails emails, ICurrentAccount current, TimeProvider clock)
        : IRequestHandler<GetSignInDetails, Result<SignInDetails>>
    {
        public Task<Result<SignInDetails>> Handle(GetSignInDetails request, CancellationToken cancellationToken) =>
            Task.FromResult(current.AccountId is { } id && emails.Of(id) is { } email
                ? Result.Success(new SignInDetails(email, clock.GetUtcNow(), PendingEmail: null))
                : Result.Failure<SignInDetails>(Error.Forbidden));
    }
}
