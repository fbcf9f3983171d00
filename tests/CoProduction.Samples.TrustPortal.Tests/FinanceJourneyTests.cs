using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>The participation team hands approved claims to finance, sees how long claims wait, and a person's payment record.</summary>
public sealed class FinanceJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Team_ApprovesAClaimAndExportsItAsCsv_ThenASecondExportHasNothingLeft()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Claims");
        await team.Locator("#claims tr", new() { HasText = "Carer C" }).GetByRole(AriaRole.Link).ClickAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await ShouldShowAsync(team, "#claim-status", "Approved");
        var claimId = team.Url.Split('/')[^1];

        var today = Portal.Today;
        await team.GotoAsync("/Claims/Finance");
        await CheckAsync(team, "finance-export");
        await FillRangeAsync(team, today, today);
        await team.GetByLabel("CSV").CheckAsync();
        var download = await team.RunAndWaitForDownloadAsync(() => team.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync());

        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        download.SuggestedFilename.Should().Be($"finance-export-{day}-to-{day}.csv");
        var rows = ReadCsv(await File.ReadAllTextAsync(await download.PathAsync(), Ct));
        var claimRows = rows.Where(r => r["Claim"] == claimId).ToList();
        claimRows.Should().Contain(r => r["Line type"] == "Fee" && Amount(r) == 75.00m && r["Policy"].Length > 0);
        claimRows.Should().Contain(r => r["Line type"] == "Expense" && Amount(r) == 6.40m);
        rows.Select(r => r["Claim"]).Distinct().Should().Equal(claimId);

        // The same range again: the claim went to finance already, so the page says so and sends no file.
        await FillRangeAsync(team, today, today);
        await team.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync();
        await ShouldShowAsync(team, "#nothing-to-export", "Nothing left to export");
        await CheckAsync(team, "finance-export-nothing-left");
    }

    [Fact]
    public async Task Team_ExportsAsXlsx_AWorkbookThatOpensWithTheClaim()
    {
        // The seeded claim of Patient partner B was approved 40 days before today and has not been exported.
        var team = await SignInAsync("Participation lead A");
        var today = Portal.Today;
        await team.GotoAsync("/Claims/Finance");
        await FillRangeAsync(team, today.AddDays(-60), today.AddDays(-30));
        await team.GetByLabel("Excel workbook (XLSX)").CheckAsync();
        var download = await team.RunAndWaitForDownloadAsync(() => team.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync());

        download.SuggestedFilename.Should().Be(string.Create(CultureInfo.InvariantCulture, $"finance-export-{today.AddDays(-60):yyyy-MM-dd}-to-{today.AddDays(-30):yyyy-MM-dd}.xlsx"));
        using var workbook = SpreadsheetDocument.Open(await download.PathAsync(), false);
        var part = workbook.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var texts = part.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<Cell>())
            .Select(c => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.InnerText)
            .ToList();
        texts.Should().Contain("Claim").And.Contain("Fee").And.Contain("Expense");
        // Its 3 hours at the half-day rate and the bus fare: 75.00 + 6.40.
        texts.Should().Contain(t => t.StartsWith("1 claims, 2 rows, total 81.40", StringComparison.Ordinal));
        texts.Should().Contain("GBP");
    }

    [Fact]
    public async Task Team_GivingARangeThatEndsBeforeItStarts_SeesTheErrorSummary()
    {
        var team = await SignInAsync("Participation lead A");
        var today = Portal.Today;
        await team.GotoAsync("/Claims/Finance");
        foreach (var box in new[] { "#From_Day", "#From_Month", "#From_Year" })
        {
            await team.Locator(box).FillAsync(string.Empty);
        }

        await team.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "Enter the start date");
        (await team.Locator(".nhsuk-error-summary a").GetAttributeAsync("href")).Should().Be("#From_Day");

        await FillRangeAsync(team, today, today.AddDays(-1));
        await team.Locator("#From_Month").FillAsync("13");
        await team.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "The start date must be a real date");
        await ShouldShowAsync(team, "#From_Day-error", "The start date must be a real date");

        await FillRangeAsync(team, today, today.AddDays(-1));
        await team.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "The end date must be the same as or after the start date");
        await ShouldShowAsync(team, "#To_Day-error", "The end date must be the same as or after the start date");
        (await team.Locator(".nhsuk-error-summary a").GetAttributeAsync("href")).Should().Be("#To_Day");
        await CheckAsync(team, "finance-export-refused");
    }

    [Fact]
    public async Task ClaimsPage_ShowsTheAgeingOfOutstandingClaims()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Claims");
        // The PPV Level 4 preset sets no payment target of its own, so the portal's default of 30 days applies.
        await ShouldShowAsync(team, "#ageing-summary", "30 days from submission");
        (await team.Locator("#ageing tbody tr").AllInnerTextsAsync()).Select(r => r.Split('\t')[0]).Should().Equal("0-14 days", "15-28 days", "29-42 days", "over 42 days");
        // Patient partner A's claim of 6 days ago is in the first bucket: 1.5 hours (75.00) and 6.40 travel.
        (await team.Locator("#ageing tbody tr", new() { HasText = "0-14 days" }).InnerTextAsync()).Should().MatchRegex(@"[1-9]\d*\s+£");
        // Patient partner B's approved claim of 45 days ago is the only one over 42 days; it and Carer C's (38 days) are past the target.
        (await team.Locator("#ageing tbody tr", new() { HasText = "over 42 days" }).InnerTextAsync()).Split('\t').Select(c => c.Trim())
            .Should().Equal("over 42 days", "1", "£81.40");
        await ShouldShowAsync(team, "#overdue", "2 claims past the target");
    }

    [Fact]
    public async Task PersonPage_ShowsTheirPaymentRouteBenefitsAdviceAndTaxYearTotals()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/People");
        await team.GetByRole(AriaRole.Link, new() { Name = "Patient partner A" }).ClickAsync();
        await ShouldShowAsync(team, "#payment-route", "Bank transfer");
        await ShouldShowAsync(team, "#benefits-advice", "accepted");
        await ShouldShowAsync(team, "#benefits-advice", "Participation lead A");
        // Two seeded claims of 2025-26 (one paid, one submitted), each a half-day fee and a bus fare; the portal sets no threshold.
        (await team.Locator("#tax-years tbody tr", new() { HasText = "2025-26" }).InnerTextAsync()).Split('\t').Select(c => c.Trim())
            .Should().Equal("2025-26", "£150.00", "£12.80", "2", "None set");
        await CheckAsync(team, "person-payments");
    }

    private static decimal Amount(Dictionary<string, string> row) => decimal.Parse(row["Amount"], CultureInfo.InvariantCulture);

    /// <summary>Reads a CSV file with CsvHelper: one dictionary per row, by the header row's names.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var reader = CsvReader.Create(new StringReader(text), new CsvReaderOptions { Separator = ',', HasHeader = false }, false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        rows.Should().NotBeEmpty("the file has a header row");
        var headers = rows[0];
        return [.. rows.Skip(1).Select(r => headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal))];
    }

    private static async Task FillRangeAsync(IPage page, DateOnly from, DateOnly to)
    {
        foreach (var (field, date) in new[] { ("From", from), ("To", to) })
        {
            await page.Locator($"#{field}_Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
            await page.Locator($"#{field}_Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
            await page.Locator($"#{field}_Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
        }
    }
}
