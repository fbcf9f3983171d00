using System.Globalization;
using CoProduction.Payments;
using CoProduction.Reporting.Finance;
using CoProduction.Samples.TrustPortal.Portal;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Claims;

/// <summary>
/// The finance export: the approved claims, approved in a date range, that finance has not had yet, as CSV or XLSX
/// (<see cref="FinanceExportWriter"/>). The library marks them exported as it hands them over, so a second export of the
/// same range has nothing left; the page says so instead of sending an empty file.
/// </summary>
public sealed class FinanceModel : PortalPage
{
    /// <summary>The file formats finance can take.</summary>
    public enum ExportFormat
    {
        Csv,
        Xlsx,
    }

    [BindProperty]
    public DateParts From { get; set; } = new();

    [BindProperty]
    public DateParts To { get; set; } = new();

    [BindProperty]
    public ExportFormat Format { get; set; } = ExportFormat.Csv;

    /// <summary>Gets the message shown when the range had nothing left to export.</summary>
    public string? NothingToExport { get; private set; }

    public void OnGet()
    {
        // Suggest the last four weeks, up to today.
        var today = Get<PortalClock>().Today;
        From = DateParts.Of(today.AddDays(-28));
        To = DateParts.Of(today);
    }

    public Task<IActionResult> OnPostAsync()
    {
        var from = From.Read(ModelState, nameof(From), "start");
        var to = To.Read(ModelState, nameof(To), "end");
        if (from is { } first && to is { } last && first > last)
        {
            ModelState.AddModelError($"{nameof(To)}.{nameof(DateParts.Day)}", "The end date must be the same as or after the start date");
        }

        FinanceExport? export = null;
        return CommandAsync(
            async () => export = await Get<PaymentService>().ExportApprovedClaimsAsync(from!.Value, to!.Value, Ct),
            () =>
            {
                if (export!.ClaimIds.Count == 0)
                {
                    NothingToExport = $"Nothing left to export: every claim approved from {Date(export.From)} to {Date(export.To)} has been exported already, or none was approved then.";
                    return Page();
                }

                return Download(export);
            },
            () => Task.CompletedTask);
    }

    private FileContentResult Download(FinanceExport export)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"finance-export-{export.From:yyyy-MM-dd}-to-{export.To:yyyy-MM-dd}");
        if (Format == ExportFormat.Xlsx)
        {
            using var stream = new MemoryStream();
            FinanceExportWriter.WriteXlsx(export, stream);
            return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        FinanceExportWriter.WriteCsv(export, writer);
        return File(new System.Text.UTF8Encoding(false).GetBytes(writer.ToString()), "text/csv", $"{name}.csv");
    }
}
