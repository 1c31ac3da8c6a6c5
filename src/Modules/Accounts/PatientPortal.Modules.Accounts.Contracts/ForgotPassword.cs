using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>"Forgot your password?": the answer is the same whether or not the account exists.</summary>
public sealed record ForgotPassword(string Email) : IRequest<Result>;
