using System.Globalization;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Reporting.Finance;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoProduction.Reporting.Tests.Finance;

public class FinanceExportWriterTests
{
    private static readonly PaymentClaimId Claim = PaymentClaimId.New();
    private static readonly ParticipantId Payee = ParticipantId.New();

    private static FinanceExport Export() => new(
        new DateOnly(2025, 4, 1),
        new DateOnly(2025, 4, 30),
        new DateTimeOffset(2025, 5, 1, 9, 0, 0, TimeSpan.Zero),
        [Claim],
        [
            new FinanceExportRow(Claim, Payee, PaymentRoute.BankTransfer, new DateOnly(2025, 4, 2), "Fee", new DateOnly(2025, 3, 20), "PanelMeeting: Partner", 4m, "FullDay", 150.00m, "NICE lay-member style", new DateOnly(2020, 4, 6), 150.00m, "GBP"),
            new FinanceExportRow(Claim, Payee, PaymentRoute.BankTransfer, new DateOnly(2025, 4, 2), "Expense", new DateOnly(2025, 3, 20), "Mileage: =HYPERLINK(\"x\")", 140m, "Car", null, null, null, 62.00m, "GBP"),
        ]);

    [Fact]
    public void Csv_ReadBackByCsvHelper_HasOneRowPerLineWithPolicyRateAndAmount()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        FinanceExportWriter.WriteCsv(Export(), text);

        using var reader = CsvReader.Create(new StringReader(text.ToString()), new CsvReaderOptions { Separator = ',', HasHeader = false }, false);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        records[0].Should().Equal(FinanceExportWriter.Headers);
        var at = FinanceExportWriter.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var rows = records.Skip(1).Select(r => (
            Claim: r[at["Claim"]], Route: r[at["Payment route"]], Type: r[at["Line type"]], Policy: r[at["Policy"]], Version: r[at["Policy version from"]],
            Rate: string.IsNullOrEmpty(r[at["Rate"]]) ? (decimal?)null : decimal.Parse(r[at["Rate"]], CultureInfo.InvariantCulture),
            Amount: decimal.Parse(r[at["Amount"]], CultureInfo.InvariantCulture), Description: r[at["Description"]])).ToList();

        rows.Should().HaveCount(2);
        rows[0].Should().Be((Claim.ToString(), "BankTransfer", "Fee", "NICE lay-member style", "2020-04-06", (decimal?)150.00m, 150.00m, "PanelMeeting: Partner"));
        rows[1].Amount.Should().Be(62.00m);
        rows[1].Rate.Should().BeNull();
        rows[1].Description.Should().Be("Mileage: =HYPERLINK(\"x\")", "text starting with a letter is not a formula");
    }

    [Fact]
    public void Csv_WritesMoneyWithBothDecimals_WhateverTheScaleOfTheAmount()
    {
        // 2.5 hours at 30.0 an hour is 75.0 (scale 1) as decimal arithmetic makes it; 12 is scale 0; 0.125 rounds away from zero.
        var export = new FinanceExport(
            new DateOnly(2025, 4, 1),
            new DateOnly(2025, 4, 30),
            new DateTimeOffset(2025, 5, 1, 9, 0, 0, TimeSpan.Zero),
            [Claim],
            [
                new FinanceExportRow(Claim, Payee, null, new DateOnly(2025, 4, 2), "Fee", new DateOnly(2025, 3, 20), "Project meeting, Partner rate", 2.5m, "Hourly", 30.0m, "Test", new DateOnly(2020, 4, 6), 2.5m * 30.0m, "GBP"),
                new FinanceExportRow(Claim, Payee, null, new DateOnly(2025, 4, 2), "Expense", new DateOnly(2025, 3, 20), "Travel: bus", null, null, null, null, null, 12m, "GBP"),
                new FinanceExportRow(Claim, Payee, null, new DateOnly(2025, 4, 2), "Expense", new DateOnly(2025, 3, 20), "Travel: parking", null, null, null, null, null, 0.125m, "GBP"),
            ]);
        using var text = new StringWriter(CultureInfo.InvariantCulture);

        FinanceExportWriter.WriteCsv(export, text);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[1].Should().Contain(",30.00,").And.EndWith(",75.00,GBP");
        lines[2].Should().EndWith(",12.00,GBP");
        lines[3].Should().EndWith(",0.13,GBP");
    }

    [Fact]
    public void Xlsx_ReadBackByOpenXml_HasTheRowsWithNumericAmountsAndDates()
    {
        using var stream = new MemoryStream();
        FinanceExportWriter.WriteXlsx(Export(), stream);
        stream.Position = 0;

        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).Should().Equal("Report", "Claims to pay");
        var part = (WorksheetPart)workbook.GetPartById(sheets[1].Id!.Value!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

        rows[0].Select(c => c.InnerText).Should().Equal(FinanceExportWriter.Headers);
        rows.Should().HaveCount(3);
        rows[1][0].InnerText.Should().Be(Claim.ToString());
        rows[1][2].InnerText.Should().Be("BankTransfer");
        rows[1][10].InnerText.Should().Be("NICE lay-member style");
        rows[1][12].DataType!.Value.Should().Be(CellValues.Number);
        decimal.Parse(rows[1][12].CellValue!.Text, CultureInfo.InvariantCulture).Should().Be(150.00m);
        DateTime.FromOADate(double.Parse(rows[1][5].CellValue!.Text, CultureInfo.InvariantCulture)).Should().Be(new DateTime(2025, 3, 20));
        decimal.Parse(rows[2][12].CellValue!.Text, CultureInfo.InvariantCulture).Should().Be(62.00m);
        var summary = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!.Value!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        summary[0].Should().Be("Finance export: claims approved 2025-04-01 to 2025-04-30");
        summary.Should().Contain("1 claims, 2 rows, total 212.00, exported 2025-05-01 09:00 UTC.");
    }

    [Fact]
    public void Writers_RefuseNulls()
    {
        var csv = () => FinanceExportWriter.WriteCsv(null!, TextWriter.Null);
        var xlsx = () => FinanceExportWriter.WriteXlsx(Export(), null!);

        csv.Should().Throw<ArgumentNullException>().WithParameterName("export");
        xlsx.Should().Throw<ArgumentNullException>().WithParameterName("stream");
    }
}
