using System.Globalization;
using CoProduction.Payments;

namespace CoProduction.Reporting.Finance;

/// <summary>
/// Writes a finance export of approved claims (<see cref="PaymentService.ExportApprovedClaimsAsync"/>) as CSV or XLSX
/// for the finance team: one row per fee line and per expense, with the payee's id and payment route, the policy,
/// version and rate applied, and the amount. Through the report writers, so text that a spreadsheet would run as a
/// formula is defused, amounts are numeric cells with two decimals and dates are date cells.
/// </summary>
public static class FinanceExportWriter
{
    /// <summary>The column headers, in order.</summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        "Claim", "Payee", "Payment route", "Approved on", "Line type", "Date", "Description", "Quantity", "Basis", "Rate", "Policy", "Policy version from", "Amount", "Currency",
    ];

    /// <summary>Lays an export out as a report table, one row per export row.</summary>
    /// <param name="export">The export.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="export"/> is null.</exception>
    public static ReportTable ToTable(FinanceExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var table = new ReportTable(
            "Claims to pay",
            [
                new ReportColumn(Headers[0]), new ReportColumn(Headers[1]), new ReportColumn(Headers[2]), new ReportColumn(Headers[3], ReportColumnKind.Date),
                new ReportColumn(Headers[4]), new ReportColumn(Headers[5], ReportColumnKind.Date), new ReportColumn(Headers[6]), new ReportColumn(Headers[7], ReportColumnKind.Number, 2),
                new ReportColumn(Headers[8]), new ReportColumn(Headers[9], ReportColumnKind.Number, 2), new ReportColumn(Headers[10]), new ReportColumn(Headers[11], ReportColumnKind.Date),
                new ReportColumn(Headers[12], ReportColumnKind.Number, 2), new ReportColumn(Headers[13]),
            ]);
        foreach (var row in export.Rows)
        {
            table.AddRow(
                row.ClaimId.ToString(),
                row.ParticipantId.ToString(),
                row.PaymentRoute?.ToString(),
                row.ApprovedOn,
                row.LineType,
                row.Date,
                row.Description,
                row.Quantity,
                row.Basis,
                Money(row.Rate),
                row.PolicyName,
                row.PolicyVersionFrom,
                Money(row.Amount),
                row.CurrencyCode);
        }

        return table;
    }

    /// <summary>Writes an export as CSV: a header row, then one row per export row.</summary>
    /// <param name="export">The export.</param>
    /// <param name="writer">Where to write; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="export"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteCsv(FinanceExport export, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(writer);
        CsvReportWriter.Write(ToTable(export), writer);
    }

    /// <summary>Writes an export as an XLSX workbook: a "Report" sheet with the range and totals, and a "Claims to pay" sheet of the rows.</summary>
    /// <param name="export">The export.</param>
    /// <param name="stream">A writable, seekable stream; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="export"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written or sought.</exception>
    public static void WriteXlsx(FinanceExport export, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(stream);
        var document = new ReportDocument(string.Create(CultureInfo.InvariantCulture, $"Finance export: claims approved {export.From:yyyy-MM-dd} to {export.To:yyyy-MM-dd}"));
        document.AddSection("Summary")
            .AddParagraph(string.Create(CultureInfo.InvariantCulture, $"{export.ClaimIds.Count} claims, {export.Rows.Count} rows, total {export.Total:0.00}, exported {export.ExportedAt:yyyy-MM-dd HH:mm} UTC."))
            .Add(ToTable(export));
        XlsxReportWriter.Write(document, stream);
    }

    // Money to the penny with both decimals written (75.00, not 75.0 or 75): a decimal keeps the scale of the sum
    // that made it, and CSV writes a number as it is; adding 0.00 gives at least two decimal places.
    private static decimal? Money(decimal? amount) => amount is { } value ? Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m : null;
}
