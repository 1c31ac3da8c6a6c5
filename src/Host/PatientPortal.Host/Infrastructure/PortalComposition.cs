using Microsoft.AspNetCore.Diagnostics;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.Modules.Accounts;
using PatientPortal.Modules.Activity;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments;
using PatientPortal.Modules.Audit;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Inbox;
using PatientPortal.Modules.Profiles;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Infrastructure;

/// <summary>The composition root: the five modules, the building blocks, and the portal's web pipeline.</summary>
public static class PortalComposition
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ResolveFolders(builder.Configuration, builder.Environment);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        }

        var services = builder.Services;
        var configuration = builder.Configuration;
        var clinic = configuration.GetSection(ClinicOptions.Section).Get<ClinicOptions>() ?? new ClinicOptions();
        services.Configure<ClinicOptions>(configuration.GetSection(ClinicOptions.Section));

        // Test-only, Development only, off unless Testing:ClockHook=true: a clock the e2e tests can move (before the building blocks' system clock).
        TestClockHook.Register(services, configuration, builder.Environment);
        services.AddBuildingBlocks(configuration);
        services.AddAccountsModule(configuration);
        services.AddProfilesModule(configuration);
        services.AddAppointmentsModule(configuration);
        services.AddInboxModule(configuration);
        services.AddActivityModule(configuration);
        services.AddAuditModule(configuration);
        // After every module: the scheduler picks up the jobs they scheduled (AddModuleJob).
        services.AddJobScheduler(configuration);

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentAccount, HttpCurrentAccount>();
        services.AddScoped<ProfileSelection>();
        services.AddSingleton<PortalLinks>();
        services.AddSingleton<IPortalLinks>(sp => sp.GetRequiredService<PortalLinks>());
        services.AddSingleton<IAccountLinks>(sp => sp.GetRequiredService<PortalLinks>());
        services.AddSingleton<IProfileLinks>(sp => sp.GetRequiredService<PortalLinks>());
        services.AddSingleton<IAppointmentLinks>(sp => sp.GetRequiredService<PortalLinks>());
        services.AddPortalAuthentication(configuration, builder.Environment);
        services.AddPortalRateLimits(configuration);
        // Six months at least (ASVS 14.4.5): a browser that saw the portal once never tries plain http again.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddSingleton<ClinicFormat>();
        services.AddPortalLocalization(clinic);
        services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/Admin", PortalAuthentication.StaffPolicy)).AddViewLocalization().AddDataAnnotationsLocalization(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseTrustedProxies(app.Configuration);
        app.UseMiddleware<RequestTracing>();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePages(ShowErrorPageAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        // After authentication: the inbox reads are counted per signed-in account (the other limits only need the address).
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapPortalHealth();
        TestClockHook.Map(app);
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Like UseStatusCodePagesWithReExecute("/Error"), but always as a GET: the error page is a read, and re-running a
    /// refused POST (say, a 400 for a missing antiforgery token) would only be refused again, leaving a blank page.
    /// </summary>
    private static async Task ShowErrorPageAsync(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        var (path, query, method) = (context.Request.Path, context.Request.QueryString, context.Request.Method);
        context.Request.Path = "/Error";
        context.Request.QueryString = QueryString.Create("code", context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Request.Method = HttpMethods.Get;
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        try
        {
            await statusContext.Next(context);
        }
        finally
        {
            (context.Request.Path, context.Request.QueryString, context.Request.Method) = (path, query, method);
        }
    }

    // Relative data and mail folders live under the content root, wherever the portal is started from.
    private static void ResolveFolders(ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        foreach (var key in new[] { "Database:DataFolder", $"{EmailOptions.Section}:PickupDirectory" })
        {
            var value = configuration[key];
            if (!string.IsNullOrWhiteSpace(value) && !Path.IsPathRooted(value))
            {
                configuration[key] = Path.Combine(environment.ContentRootPath, value);
            }
        }
    }
}
