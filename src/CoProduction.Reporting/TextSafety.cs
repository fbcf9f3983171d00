using System.Text;
using System.Xml;

namespace CoProduction.Reporting;

/// <summary>What every writer does to user text before it goes into a format: XML-safe characters, formula prefixes defused.</summary>
internal static class TextSafety
{
    /// <summary>Replaces the characters XML cannot hold (most control characters, lone surrogates) with U+FFFD.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsHighSurrogate(c)
                ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) ? i > 0 && char.IsHighSurrogate(text[i - 1]) : XmlConvert.IsXmlChar(c);
            if (!ok && clean is null)
            {
                clean = new StringBuilder(text.Length).Append(text, 0, i);
            }

            clean?.Append(ok ? c : '\uFFFD');
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>
    /// Whether a spreadsheet would read the text as a formula: it starts with = + - @, a tab or a carriage return (the
    /// OWASP CSV injection list), or their full-width forms, which some spreadsheet programs also accept.
    /// </summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';

    /// <summary>Prefixes text a spreadsheet would read as a formula with an apostrophe, as OWASP advises for CSV.</summary>
    public static string DefuseFormula(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>Escapes text for HTML element content and quoted attribute values.</summary>
    public static string Html(string? text)
    {
        var clean = Clean(text);
        var html = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }
}
