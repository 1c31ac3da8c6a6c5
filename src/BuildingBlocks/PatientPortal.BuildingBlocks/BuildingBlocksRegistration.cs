using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.BuildingBlocks;

public static class BuildingBlocksRegistration
{
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClinicCalendar>();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
