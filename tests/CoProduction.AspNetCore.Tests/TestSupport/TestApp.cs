using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoProduction.AspNetCore.Tests.TestSupport;

/// <summary>A web application on the in-process test server, with in-memory stores and a header-based test sign-in.</summary>
internal static class TestApp
{
    internal const string UserHeader = "X-Test-Claims";

    internal static async Task<WebApplication> StartAsync(Action<WebApplication> map, Action<CoProductionAspNetCoreOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>("Test", null);
        builder.Services.AddAuthorization();
        builder.Services.AddCoProduction(o => o.Payments.CurrencyCode = "GBP")
            .UseInMemoryStores()
            .AddAspNetCore(o =>
            {
                o.Outbox.Enabled = false;
                o.DueWork.Enabled = false;
                configure?.Invoke(o);
            });
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseCoProductionRequestContext();
        app.UseAuthorization();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>Signs the request in with the claims in <see cref="UserHeader"/>: <c>type=value;type=value</c>.</summary>
    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var header))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = header.ToString().Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => new Claim(p[0], p[1]));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, "Test")));
        }
    }
}
