using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoProduction.Reporting;

/// <summary>
/// Writes a report as an XLSX workbook (through the Open XML SDK): a "Report" sheet with the title, headings,
/// paragraphs and each chart's verdict, then a sheet per table and per chart's data. Numbers, percentages and dates are
/// real numeric cells with number formats; text is always a string cell (never a formula), and text a spreadsheet would
/// read as a formula when edited also carries the quote-prefix style.
/// </summary>
public static class XlsxReportWriter
{
    private const uint BoldStyle = 1;
    private const uint TextStyle = 2;
    private const uint QuotedTextStyle = 3;
    private const uint WrappedStyle = 4;
    private const uint DateStyle = 5;
    private const uint DateFormatId = 164;

    /// <summary>Writes the report as XLSX to a stream.</summary>
    /// <param name="document">The report.</param>
    /// <param name="stream">A writable, seekable stream; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written or sought.</exception>
    public static void Write(ReportDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be writable and seekable (a FileStream or MemoryStream).", nameof(stream));
        }

        var tables = document.DataTables();
        var numberStyles = new Dictionary<(ReportColumnKind, int), uint>();
        foreach (var column in tables.SelectMany(t => t.Columns).Where(c => c.IsNumeric))
        {
            numberStyles.TryAdd((column.Kind, column.Decimals), (uint)(DateStyle + 1 + numberStyles.Count));
        }

        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet(numberStyles);
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Report" };
        var sheetNames = tables.Select(t => UniqueSheetName(t.Caption, names)).ToList();

        AddSheet(workbook, sheets, "Report", SummaryRows(document, sheetNames), [100], freezeHeader: false);
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var rows = new List<Row> { new(table.Columns.Select(c => TextCell(c.Header, BoldStyle))) };
            foreach (var cells in table.Rows)
            {
                rows.Add(new Row(cells.Select((cell, i) => DataCell(cell, table.Columns[i], numberStyles))));
            }

            var widths = table.Columns.Select((c, i) => (double)Math.Clamp(
                Math.Max(c.Header.Length, table.Rows.Select(r => DisplayLength(r[i], c)).DefaultIfEmpty(0).Max()) + 2, 8, 60)).ToArray();
            AddSheet(workbook, sheets, sheetNames[t], rows, widths, freezeHeader: true);
        }

        workbook.Workbook.Save();
    }

    private static List<Row> SummaryRows(ReportDocument document, List<string> sheetNames)
    {
        var rows = new List<Row> { new(TextCell(document.Title, BoldStyle)) };
        var next = 0;
        foreach (var section in document.Sections)
        {
            rows.Add(new Row());
            rows.Add(new Row(TextCell(section.Heading, BoldStyle)));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph paragraph:
                        rows.Add(new Row(TextCell(paragraph.Text, WrappedStyle)));
                        break;
                    case ReportTable table:
                        rows.Add(new Row(TextCell($"Table: {table.Caption} (sheet \"{sheetNames[next++]}\")", WrappedStyle)));
                        break;
                    case ReportChart chart:
                        rows.Add(new Row(TextCell($"Chart: {chart.Chart.Description} (data on sheet \"{sheetNames[next++]}\")", WrappedStyle)));
                        break;
                }
            }
        }

        return rows;
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, List<Row> rows, double[] widths, bool freezeHeader)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].RowIndex = (uint)(r + 1);
            var c = 0;
            foreach (var cell in rows[r].Elements<Cell>())
            {
                cell.CellReference = ColumnName(c++) + (r + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        var worksheet = new Worksheet();
        if (freezeHeader)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0, TabSelected = false }));
        }

        worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        worksheet.Append(new SheetData(rows));
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.ChildElements.Count + 1), Name = name });
    }

    private static Cell TextCell(string text, uint style) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(TextSafety.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == TextStyle && TextSafety.LooksLikeFormula(text) ? QuotedTextStyle : style,
    };

    private static Cell DataCell(object? value, ReportColumn column, Dictionary<(ReportColumnKind, int), uint> numberStyles)
    {
        switch (value)
        {
            case null:
                return new Cell();
            case string text:
                return TextCell(text, TextStyle);
            case DateOnly date:
                var serial = date.ToDateTime(TimeOnly.MinValue).ToOADate();
                return new Cell { DataType = CellValues.Number, CellValue = new CellValue(serial), StyleIndex = DateStyle };
            case decimal number:
                return new Cell { DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = numberStyles[(column.Kind, column.Decimals)] };
            default:
                return new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(ReportTable.ToDouble(value)),
                    StyleIndex = numberStyles[(column.Kind, column.Decimals)],
                };
        }
    }

    private static int DisplayLength(object? value, ReportColumn column) => value switch
    {
        null => 0,
        string text => text.Split('\n').Max(l => l.Length),
        DateOnly => 11,
        _ => 6 + column.Decimals,
    };

    private static Stylesheet Stylesheet(Dictionary<(ReportColumnKind, int), uint> numberStyles)
    {
        var formats = new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "d mmm yyyy" });
        var cellFormats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, QuotePrefix = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true });
        foreach (var ((kind, decimals), _) in numberStyles.OrderBy(p => p.Value))
        {
            var id = DateFormatId + (uint)formats.ChildElements.Count;
            var zeros = decimals == 0 ? string.Empty : "." + new string('0', decimals);
            var code = kind == ReportColumnKind.Percent ? "0" + zeros + "%" : "#,##0" + zeros;
            formats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
            cellFormats.Append(new CellFormat { NumberFormatId = id, ApplyNumberFormat = true });
        }

        formats.Count = (uint)formats.ChildElements.Count;
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            formats,
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            cellFormats);
    }

    private static string UniqueSheetName(string caption, HashSet<string> taken)
    {
        // Excel's rules: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe, unique.
        var name = new string(TextSafety.Clean(caption).Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? ' ' : c).ToArray());
        name = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('\'', ' ');
        if (name.Length > 28)
        {
            name = name[..28].TrimEnd('\'', ' ');
        }

        if (name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase))
        {
            name = "Table";
        }

        var unique = name;
        for (var k = 2; !taken.Add(unique); k++)
        {
            unique = $"{name} ({k})";
        }

        return unique;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
