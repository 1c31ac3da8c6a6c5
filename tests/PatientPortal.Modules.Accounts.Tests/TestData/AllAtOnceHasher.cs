using Microsoft.AspNetCore.Identity;
using PatientPortal.Modules.Accounts.Domain;

namespace PatientPortal.Modules.Accounts.Tests.TestData;

/// <summary>Identity's hasher, except that once armed, each check waits until the whole burst is being checked.</summary>
internal sealed class AllAtOnceHasher(int burst) : IPasswordHasher<Account>
{
    private readonly PasswordHasher<Account> _inner = new();
    private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public bool Armed { get; set; }

    public string HashPassword(Account user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        if (Armed && Interlocked.Increment(ref _started) >= burst)
        {
            _allStarted.TrySetResult();
        }

        if (Armed)
        {
            _allStarted.Task.Wait(TimeSpan.FromSeconds(20));
        }

        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
