using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: the clinic's patient records that match every criterion given (a name matches when each word is in the
/// first or the last name; the card number and the chart number match exactly), one page at a time, at most
/// <see cref="MaxPageSize"/> a page.
/// </summary>
public sealed record SearchPatients(
    string? Name = null,
    DateOnly? DateOfBirth = null,
    string? HealthInsuranceNumber = null,
    string? ClinicPatientId = null,
    PatientSort Sort = PatientSort.Name,
    int Page = 1,
    int PageSize = SearchPatients.DefaultPageSize) : IRequest<Result<PatientSearchPage>>
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

/// <summary>The orders a search may be sorted in (nothing else is accepted).</summary>
public enum PatientSort
{
    Name,
    DateOfBirth,
    ClinicPatientId,
    RecentlyUpdated,
}

public sealed record PatientSummary(
    Guid ProfileId, string FirstName, string LastName, DateOnly DateOfBirth, string? ClinicPatientId, string? HealthInsuranceNumber);

/// <summary>One page of results; <see cref="HasMore"/>: a next page exists.</summary>
public sealed record PatientSearchPage(IReadOnlyList<PatientSummary> Patients, int Page, int PageSize, bool HasMore);
