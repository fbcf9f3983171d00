using System.Text;

namespace CoProduction.Primitives;

/// <summary>
/// Escapes text that people typed (a cohort's name, a project's title, a note) for the library's Markdown reports, so
/// that it reads as the same words whatever it holds: no emphasis from <c>*</c> or <c>_</c>, no link from
/// <c>[...]</c>, no HTML tag or entity, no extra table cell from <c>|</c>, no heading, quote or list from its first
/// character, and no new paragraph from a line break. Punctuation that cannot change the rendering (a <c>&lt;</c>
/// before a number, a <c>#</c> inside a sentence) is left as typed, so the raw Markdown stays readable.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Escapes text for a paragraph or a list item: Markdown's punctuation escaped, line breaks turned into spaces.</summary>
    /// <param name="text">The text, or <see langword="null"/> for none.</param>
    /// <returns>The escaped text (empty for <see langword="null"/>).</returns>
    internal static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Leading white space would hide a leading '#', '-' or '1.' from the checks below once the result is trimmed.
        text = text.Trim();
        var escaped = new StringBuilder(text.Length + 8);
        var onlyDigitsSoFar = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '<' when char.IsAsciiLetter(next) || next is '/' or '!' or '?':
                    // Only where an HTML tag or an autolink could start: "p < 0.05" stays as it is.
                    escaped.Append("\\<");
                    break;
                case '&' when char.IsAsciiLetter(next) || next == '#':
                    // Only where an entity could start.
                    escaped.Append("\\&");
                    break;
                case '#' or '>' or '-' or '+' when escaped.Length == 0:
                    // At the start a heading, a quote or a list item could begin.
                    escaped.Append('\\').Append(c);
                    break;
                case '.' or ')' when escaped.Length > 0 && onlyDigitsSoFar:
                    // "1." or "1)" at the start would begin a numbered list.
                    escaped.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    if (escaped.Length > 0 && escaped[^1] != ' ')
                    {
                        escaped.Append(' ');
                    }

                    break;
                default:
                    escaped.Append(c);
                    break;
            }

            onlyDigitsSoFar &= char.IsAsciiDigit(c);
        }

        return escaped.ToString().Trim();
    }
}
