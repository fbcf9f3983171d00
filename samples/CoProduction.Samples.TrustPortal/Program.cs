using System.Security.Claims;
using CoProduction.Payments;
using CoProduction.Samples.TrustPortal.Portal;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

// The trust portal: a made-up trust's participation team, patient partners, panel members and project leads, on
// CoProduction.Core, server-rendered with the NHS.UK frontend. SQLite by default (trust-portal.db in the current
// folder); PostgreSQL with --Portal:Postgres "<connection string>" (or the Portal__Postgres environment variable).
// The database is prepared (created, migrated and seeded on first run) while the server starts, so the first page
// does not wait for both one after the other; the sign-in page waits until the seeded people are known.
var app = CoProduction.Samples.TrustPortal.TrustPortal.Build(new WebApplicationOptions { Args = args });
// (on a thread of its own: SQLite's "async" calls complete synchronously, so the preparation would otherwise run to the
// end before the server even began to start).
var prepared = Task.Run(() => CoProduction.Samples.TrustPortal.TrustPortal.PrepareAsync(app));
await app.StartAsync();
await prepared;
await app.WaitForShutdownAsync();

namespace CoProduction.Samples.TrustPortal
{
    /// <summary>Builds and prepares the portal; the browser tests call the same two methods.</summary>
    public static class TrustPortal
    {
        /// <summary>Builds the application.</summary>
        public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? customise = null)
        {
            var builder = WebApplication.CreateBuilder(options);
            var configuration = builder.Configuration;
            // The browser tests replace the underlying clock (a fixed start, so that no run crosses midnight).
            builder.Services.AddSingleton(_ => new PortalClock(TimeProvider.System));
            builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PortalClock>());

            var coProduction = builder.Services.AddCoProduction(o =>
            {
                o.Payments.CurrencyCode = "GBP";
                // Claims are priced by a dated payment policy only: a copy of the NHS England-style PPV Level 4 preset
                // (150.00 for 4 hours or more, 75.00 under). A trust may instead set Payments:Policy in appsettings.json.
                o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
                o.SystemProcessName = "trust-portal";   // the actor of start-up seeding; a signed-in person is the actor of each request
            });
            var postgres = configuration["Portal:Postgres"];
            if (!string.IsNullOrWhiteSpace(postgres))
            {
                coProduction.UsePostgreSql(postgres);
            }
            else
            {
                coProduction.UseSqlite(configuration["Portal:Sqlite"] ?? "Data Source=trust-portal.db");
            }

            coProduction.AddAspNetCore(o =>
            {
                o.OrganisationClaimType = PortalClaims.Organisation;
                o.ParticipantClaimType = PortalClaims.Participant;
            });

            builder.Services.AddSingleton<PortalDirectory>();
            builder.Services.AddCoProductionCalendars(o => o.UidDomain = "involvement.example-community-trust.invalid");
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    o.LoginPath = "/SignIn";
                    o.AccessDeniedPath = "/AccessDenied";
                    o.Cookie.Name = "trust-portal";
                });
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy(PortalPolicies.ParticipationTeam, p => p.RequireRole(PortalRoles.ParticipationTeam))
                .AddPolicy(PortalPolicies.OwnInvolvement, p => p.RequireRole(PortalRoles.PatientPartner))
                .AddPolicy(PortalPolicies.PeerReview, p => p.RequireRole(PortalRoles.PanelMember, PortalRoles.ParticipationTeam, PortalRoles.ProjectLead))
                .AddPolicy(PortalPolicies.Projects, p => p.RequireRole(PortalRoles.ProjectLead, PortalRoles.ParticipationTeam));
            if (configuration["Portal:DataProtectionKeys"] is { Length: > 0 } keys)
            {
                builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys));
            }

            builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/AccessDenied");
                o.Conventions.AuthorizeFolder("/Claims", PortalPolicies.ParticipationTeam);
                o.Conventions.AuthorizeFolder("/People", PortalPolicies.ParticipationTeam);
                o.Conventions.AuthorizeFolder("/Cohorts", PortalPolicies.ParticipationTeam);
                o.Conventions.AuthorizeFolder("/Programmes", PortalPolicies.ParticipationTeam);
                o.Conventions.AuthorizeFolder("/PeerReview", PortalPolicies.PeerReview);
                o.Conventions.AuthorizeFolder("/Projects", PortalPolicies.Projects);
                o.Conventions.AuthorizeFolder("/My", PortalPolicies.OwnInvolvement);
                o.Conventions.AuthorizeFolder("/Partners", PortalPolicies.ParticipationTeam);
            });
            customise?.Invoke(builder);
            var app = builder.Build();
            app.UseRequestLocalization("en-GB");
            app.UseExceptionHandler("/Error");
            app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
            app.UseStaticFiles();
            app.UseRouting();
            app.UseAuthentication();
            app.UseCoProductionRequestContext();
            app.UseAuthorization();
            app.MapRazorPages();
            app.MapHealthChecks("/health");
            return app;
        }

        /// <summary>Creates the database and seeds the made-up trust on first run, then learns who can sign in.</summary>
        public static async Task PrepareAsync(WebApplication app)
        {
            // The stores create and migrate the database before their first operation (MigrateOnFirstUse), once for
            // every caller: the seeder's first query, or the outbox dispatcher's, whichever comes first.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var directory = app.Services.GetRequiredService<PortalDirectory>();
            try
            {
                var seeded = await new Seeder(app.Services).SeedIfEmptyAsync(CancellationToken.None);
                await directory.LoadAsync(CancellationToken.None);
                app.Logger.LogInformation(
                    "Database ready in {Elapsed:0} ms ({Seed})",
                    System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    seeded ? "Example Community Trust seeded" : "the trust was already seeded");
            }
            catch (Exception ex)
            {
                directory.Fail(ex);
                throw;
            }
        }
    }

    /// <summary>The claim types the portal signs people in with.</summary>
    public static class PortalClaims
    {
        public const string Organisation = "trust-portal:organisation";
        public const string Participant = "trust-portal:participant";
    }

    /// <summary>The portal's authorisation policies, by role: who may open each part of the portal.</summary>
    public static class PortalPolicies
    {
        /// <summary>People, claims, programmes and cohorts: the participation team.</summary>
        public const string ParticipationTeam = "ParticipationTeam";

        /// <summary>"My involvement": patient partners, each seeing only their own activities, claims and data.</summary>
        public const string OwnInvolvement = "OwnInvolvement";

        /// <summary>The peer review panel: panel members, the participation team and project leads.</summary>
        public const string PeerReview = "PeerReview";

        /// <summary>Improvement projects: project leads and the participation team.</summary>
        public const string Projects = "Projects";
    }

    /// <summary>The portal's roles (from its own directory: a trust would take them from its identity provider).</summary>
    public static class PortalRoles
    {
        public const string ParticipationTeam = "ParticipationTeam";
        public const string PatientPartner = "PatientPartner";
        public const string PanelMember = "PanelMember";
        public const string ProjectLead = "ProjectLead";

        public static string Describe(string role) => role switch
        {
            ParticipationTeam => "participation team",
            PatientPartner => "patient partner",
            PanelMember => "panel member",
            ProjectLead => "project lead",
            _ => role,
        };

        public static ClaimsPrincipal Principal(PortalPerson person) => new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, person.Name),
                new Claim(PortalClaims.Participant, person.Id.ToString()),
                new Claim(PortalClaims.Organisation, Seeder.Trust.ToString()),
                .. person.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
