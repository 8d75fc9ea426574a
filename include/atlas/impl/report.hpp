// atlas: out-of-line definitions for report.hpp.
#ifndef ATLAS_IMPL_REPORT_HPP
#define ATLAS_IMPL_REPORT_HPP

#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/mask.hpp>
#include <atlas/detail/suggest.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/report.hpp>

#include <algorithm>

namespace atlas {

ATLAS_DECL std::size_t report::errors() const noexcept
{
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
        [](const diagnostic& d) { return d.severity == severity::error; }));
}

ATLAS_DECL std::size_t report::warnings() const noexcept
{
    return diagnostics.size() - errors();
}

ATLAS_DECL std::string report::to_json() const
{
    std::string out;
    out.reserve(64 + diagnostics.size() * 160);
    const std::size_t error_count = errors();
    out += "{\"valid\":";
    out += error_count == 0 ? "true" : "false";
    out += ",\"errors\":" + std::to_string(error_count);
    out += ",\"warnings\":" + std::to_string(diagnostics.size() - error_count);
    out += ",\"diagnostics\":[";
    bool first = true;
    for (const diagnostic& d : diagnostics) {
        out += first ? "{" : ",{";
        first = false;
        out += "\"severity\":\"";
        out += to_string(d.severity);
        out += "\",\"path\":\"";
        detail::append_json_escaped(out, d.path);
        out += "\",\"rule\":\"";
        detail::append_json_escaped(out, d.rule);
        out += "\",\"message\":\"";
        detail::append_json_escaped(out, d.message);
        out += '"';
        if (!d.hint.empty()) {
            out += ",\"hint\":\"";
            detail::append_json_escaped(out, d.hint);
            out += '"';
        }
        if (d.has_position()) {
            out += ",\"line\":" + std::to_string(d.line);
            out += ",\"column\":" + std::to_string(d.column);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

namespace detail {

/// The end of a value that is not a string, read from `p` without a parser (the text may be broken): the first ',',
/// '}' or ']' outside brackets and strings, or the end of the line.
inline std::size_t loose_value_end(std::string_view text, std::size_t p, bool escaped)
{
    int depth = 0;
    bool in_string = false;
    for (; p < text.size() && text[p] != '\n'; ++p) {
        const char c = text[p];
        if (escaped && c == '\\' && p + 1 < text.size() && text[p + 1] == 'n')
            break; // a line break of the content
        if (c == '\\') {
            if (in_string || escaped)
                ++p; // the escaped character (in content, \" is a quote of the content)
            if (escaped && p < text.size() && text[p] == '"')
                in_string = !in_string;
            continue;
        }
        if (c == '"' && !escaped)
            in_string = !in_string;
        else if (!in_string && (c == '[' || c == '{'))
            ++depth;
        else if (!in_string && (c == ']' || c == '}' || c == ',')) {
            if (depth == 0)
                break;
            if (c != ',')
                --depth;
        }
    }
    return p;
}

inline std::string mask_api_keys(std::string_view text, int nesting = 0);

/// A string written with escapes is read again decoded, as a text of its own: a value "api\u002dkey: ..." and JSON
/// held in a string ("[{\"api\\u002dkey\": ...}]", at any depth) show their credential only once decoded. What that
/// reading masks is masked in the escapes that write it.
inline void mask_in_escaped_string(std::string_view text, const json_token& t, std::string_view decoded,
    std::string& masked, int nesting)
{
    if (nesting >= 32) // each level needs twice the backslashes of the one around it: no input gets here
        return;
    if (decoded.find('\\') == std::string_view::npos && !may_name_api_key(decoded))
        return; // nothing below, and no name: nearly every string
    const std::string inner = mask_api_keys(decoded, nesting + 1);
    if (inner.empty())
        return;
    const std::size_t base = t.offset + 1; // past the opening quote
    decoded_cursor cursor;
    for (std::size_t i = 0; i < decoded.size();) {
        if (inner[i] == decoded[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < decoded.size() && inner[j] != decoded[j])
            ++j;
        const std::size_t from = raw_offset_of_decoded(t.raw, i, cursor);
        mask_bytes(masked, text, base + from, base + raw_offset_of_decoded(t.raw, j, cursor));
        i = j;
    }
}

/// Masks by reading the text as JSON: keys written with escapes ("api\u002dkey") and values of any type (a number,
/// an array) are found, which a look at the bytes misses. Stops at the first syntax error: what follows it is left
/// to the look at the bytes, except the value the error sits in when it belongs to a credential.
inline void mask_api_keys_parsed(std::string_view text, std::string& masked, int nesting)
{
    json_reader reader;
    reader.reset(text);
    std::string decoded; // the last key or string written with escapes, decoded
    bool credential_next = false;  // the last key named the credential: its value is masked
    std::size_t credential_from = 0; // where that value starts, past the ':' (an error inside it is reported at its end)
    std::size_t masking_from = 0;  // the start of a credential's container being masked
    std::size_t masking_depth = 0; // 0: not inside one
    std::size_t depth = 0;
    for (;;) {
        const json_token t = reader.next();
        if (t.kind == token_kind::end_of_input)
            return;
        if (t.kind == token_kind::error) {
            if (masking_depth != 0)
                mask_bytes(masked, text, masking_from, loose_value_end(text, reader.error_offset(), false));
            else if (credential_next) // from the value's start: a string cut short is an error at the text's end
                mask_bytes(masked, text, credential_from, loose_value_end(text, credential_from, false));
            return;
        }
        if (t.has_escapes && (t.kind == token_kind::key || t.kind == token_kind::string)) {
            decoded.clear();
            decode_json_string(t.raw, decoded);
            mask_in_escaped_string(text, t, decoded, masked, nesting);
        }
        if (t.kind == token_kind::key) {
            const std::string_view name = t.has_escapes ? std::string_view(decoded) : t.raw;
            credential_next = masking_depth == 0 && names_api_key(name);
            if (credential_next) {
                credential_from = std::min(t.offset + t.length, text.size());
                while (credential_from < text.size() &&
                       (json_impl::is_ws(text[credential_from]) || text[credential_from] == ':'))
                    ++credential_from;
            }
            continue;
        }
        const bool opens = t.kind == token_kind::object_begin || t.kind == token_kind::array_begin;
        const bool closes = t.kind == token_kind::object_end || t.kind == token_kind::array_end;
        if (credential_next) {
            credential_next = false;
            if (opens) {
                masking_from = t.offset;
                masking_depth = depth + 1;
            } else if (t.kind == token_kind::string)
                mask_bytes(masked, text, t.offset + 1, t.offset + t.length - 1);
            else
                mask_bytes(masked, text, t.offset, t.offset + t.length);
        }
        if (opens)
            ++depth;
        if (closes) {
            if (depth == masking_depth) {
                mask_bytes(masked, text, masking_from, t.offset + 1);
                masking_depth = 0;
            }
            --depth;
        }
    }
}

/// A key as written between its quotes, its escapes decoded well enough to tell a credential's name: \uXXXX of an
/// ASCII character and the two-character escapes; inside JSON held in a string (`content`) every backslash is itself
/// escaped first. Anything else becomes '?', which no name holds.
inline std::string unescaped_key(std::string_view raw, bool content)
{
    std::string once;
    if (content) { // \\ is the content's one backslash
        for (std::size_t i = 0; i < raw.size(); ++i) {
            once += raw[i];
            if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == '\\')
                ++i;
        }
        raw = once;
    }
    std::string key;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 == raw.size()) {
            key += raw[i];
            continue;
        }
        std::uint32_t cp = 0;
        if (raw[i + 1] == 'u' && i + 6 <= raw.size() && json_impl::read_hex4(raw.data() + i + 2, cp)) {
            key += cp < 0x80 ? static_cast<char>(cp) : '?';
            i += 5;
        } else {
            key += json_impl::simple_escape(raw[i + 1]);
            ++i;
        }
    }
    return key;
}

/// The text with the value of every credential member (see names_api_key; also inside JSON held in a string, where
/// the quotes are \") written over with '*', byte for byte so that offsets stay: the contract never prints the key,
/// and a key pasted into a body would otherwise reach a CI log in the source lines of the text report. Empty when
/// there is none (the usual case: nothing is copied).
inline std::string mask_api_keys(std::string_view text, int nesting)
{
    std::string masked;
    mask_api_keys_parsed(text, masked, nesting);
    // Then a look at the bytes, for the keys in JSON held in strings and for text after a syntax error.
    for (std::size_t at = 1; at < text.size(); ++at) {
        if (text[at - 1] != '"')
            continue;
        const bool escaped = at >= 2 && text[at - 2] == '\\'; // \"api-key\": inside a string's content
        const std::string_view quote = escaped ? "\\\"" : "\"";
        // Names are short, even written with escapes ("api\u002dkey", in content "api\\u002dkey").
        const std::size_t key_length = text.substr(at, 96 + quote.size()).find(quote);
        if (key_length == std::string_view::npos)
            continue;
        const std::string_view written = text.substr(at, key_length);
        if (!(written.find('\\') == std::string_view::npos ? names_api_key(written)
                                                              : names_api_key(unescaped_key(written, escaped))))
            continue;
        std::size_t p = at + key_length + quote.size();
        const auto skip_space = [&] {
            while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r' ||
                                          (escaped && text[p] == '\\' && p + 1 < text.size() && text[p + 1] == 'n')))
                p += text[p] == '\\' ? 2u : 1u;
        };
        skip_space();
        if (p >= text.size() || text[p] != ':')
            continue;
        ++p;
        skip_space();
        if (text.substr(p, quote.size()) != quote) {
            // A number, a literal, a container or a bare word: to where the value ends.
            const std::size_t end = loose_value_end(text, p, escaped);
            mask_bytes(masked, text, p, end);
            at = end;
            continue;
        }
        p += quote.size();
        // To the closing quote: in plain JSON a '"' not escaped; in content, the next \" (its own escapes are \\).
        const std::size_t from = p;
        while (p < text.size() && text.substr(p, quote.size()) != quote && text[p] != '\n')
            p += text[p] == '\\' && p + 1 < text.size() && !escaped ? 2u : 1u;
        mask_bytes(masked, text, from, p);
        at = p;
    }
    // A header pasted as it was sent, which is no JSON: a line "api-key: ..." ("X-API-Key: ...") to its end, one in
    // quotes, as a command line has it (curl -H "api-key: ..." or 'api-key: ...'), to the closing quote, or curl's
    // unquoted -H api-key:... to the end of that word.
    for (std::size_t line = 0; line < text.size();) {
        const std::size_t end = std::min(text.find('\n', line), text.size());
        const std::size_t line_end = end > line && text[end - 1] == '\r' ? end - 1 : end;
        std::size_t indent = line;
        while (indent < end && (text[indent] == ' ' || text[indent] == '\t'))
            ++indent;
        for (std::size_t p = indent; p < end;) {
            const std::size_t name = p;
            while (p < end && (json_impl::is_alnum(text[p]) || text[p] == '-' || text[p] == '_'))
                ++p;
            if (p == name) {
                ++p;
                continue;
            }
            if (!names_api_key(text.substr(name, p - name)))
                continue;
            std::size_t colon = p;
            while (colon < end && (text[colon] == ' ' || text[colon] == '\t'))
                ++colon;
            if (colon >= end || text[colon] != ':')
                continue;
            // What stands before the name: a quote (spaces allowed inside it), curl's -H or --header (an unquoted
            // shell word), or the start of the line; anything else is a sentence that mentions the word.
            std::size_t before = name;
            while (before > line && (text[before - 1] == ' ' || text[before - 1] == '\t'))
                --before;
            const char quote = before > line && (text[before - 1] == '"' || text[before - 1] == '\'') ? text[before - 1] : '\0';
            const std::string_view ahead = text.substr(line, before - line);
            const bool header_option = before < name && (ahead.ends_with(" -H") || ahead == "-H" ||
                                                          ahead.ends_with(" --header") || ahead == "--header");
            if (quote == '\0' && !header_option && name != indent)
                continue;
            std::size_t value_end = line_end;
            if (quote != '\0')
                value_end = std::min(value_end, text.substr(0, line_end).find(quote, colon + 1));
            else if (header_option) { // to the end of the shell word
                std::size_t word_end = colon + 1;
                while (word_end < line_end && (text[word_end] == ' ' || text[word_end] == '\t'))
                    ++word_end;
                while (word_end < line_end && text[word_end] != ' ' && text[word_end] != '\t')
                    ++word_end;
                value_end = word_end;
            }
            mask_bytes(masked, text, colon + 1, value_end);
            p = value_end;
        }
        line = end + 1;
    }
    mask_api_key_assignments(text, masked);
    return masked;
}

// The source line around `offset`, cut to a window of at most `width` terminal columns, made printable; `caret`
// gets the column (0-based, in terminal columns) of the offset, so that it stands under its spot after Chinese,
// Japanese or emoji (two columns each) on the same line.
// The line is looked for only as far as the window can reach (a unit is at most 4 bytes): a report on a
// megabyte-long line would otherwise scan all of it for each of its diagnostics. Past that reach the line's
// start and end are where the search stopped, which is all the window and its ellipses need.
inline constexpr std::size_t excerpt_width = 100;
inline constexpr std::size_t excerpt_reach = excerpt_width * 4 + 4;

/// One printed unit of an excerpt: a UTF-8 sequence, or one byte that is none.
struct excerpt_unit {
    std::size_t bytes = 1;
    std::size_t columns = 1;
    bool shown_raw = true; // else printed as '?' (a control, a byte that is no UTF-8, an unprintable character)
};

inline excerpt_unit excerpt_unit_at(std::string_view text, std::size_t i) noexcept
{
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80)
        return {1, 1, c >= 0x20 && c != 0x7F};
    const std::size_t n = utf8_sequence_length(text, i);
    // As in messages, no C1 control, line or paragraph separator, or bidirectional control reaches the
    // terminal: each is one '?', one column like the others.
    if (n == 0)
        return {1, 1, false};
    if (unprintable_code_point(text, i, n) != 0)
        return {n, 1, false};
    return {n, display_columns(code_point_at(text, i, n)), true};
}

inline std::string source_excerpt(std::string_view text, std::size_t offset, std::size_t& caret)
{
    constexpr std::size_t width = excerpt_width, before = 60, reach = excerpt_reach;
    offset = std::min(offset, text.size());
    const std::size_t look_back = std::min(offset, reach);
    const std::size_t newline_before = text.substr(offset - look_back, look_back).rfind('\n');
    const std::size_t line_start = newline_before != std::string_view::npos ? offset - look_back + newline_before + 1
                                                                             : offset - look_back;
    std::size_t line_end = text.substr(0, std::min(text.size(), offset + reach)).find('\n', offset);
    if (line_end == std::string_view::npos)
        line_end = std::min(text.size(), offset + reach);

    // The window starts `before` columns before the offset. Units are found walking forward, as the printer
    // walks, from a bounded distance back, then counted back from the offset.
    constexpr std::size_t ring = before * 4 + 4;
    std::size_t from = offset - std::min(offset - line_start, before * 4);
    while (from > line_start && from < offset && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80 &&
           offset - from < before * 4 + 3)
        --from; // start on a lead byte when one is near
    std::size_t unit_starts[ring];
    std::size_t unit_columns[ring];
    std::size_t units = 0;
    for (std::size_t i = from; i < offset; ++units) {
        const excerpt_unit u = excerpt_unit_at(text, i);
        unit_starts[units % ring] = i;
        unit_columns[units % ring] = u.columns;
        i += u.bytes;
    }
    std::size_t start = offset, back = 0, columns_before = 0;
    while (back < std::min(units, ring) && columns_before + unit_columns[(units - 1 - back) % ring] <= before) {
        columns_before += unit_columns[(units - 1 - back) % ring];
        start = unit_starts[(units - 1 - back) % ring];
        ++back;
    }
    if (back == units)
        start = from; // every unit since `from` fits (none, when the offset is at `from`)
    std::string out;
    if (start > line_start)
        out += "\u2026";
    caret = start > line_start ? 1 : 0;
    std::size_t printed = 0; // columns
    std::size_t i = start;
    while (i < line_end) {
        const excerpt_unit u = excerpt_unit_at(text, i);
        if (printed + u.columns > width)
            break;
        if (i == offset)
            caret += printed;
        const auto c = static_cast<unsigned char>(text[i]);
        if (u.shown_raw)
            out.append(text.substr(i, u.bytes));
        else
            out += c == '\t' || c == '\r' ? ' ' : '?';
        i += u.bytes;
        printed += u.columns;
    }
    if (offset >= i)
        caret += printed;
    // The line goes on past what is shown, or past the reach (zero-width marks can fill it below the width).
    if (i < line_end || (i < text.size() && text[i] != '\n' && text[i] != '\r'))
        out += "\u2026";
    return out;
}

} // namespace detail

ATLAS_DECL std::string report::to_text(std::string_view text, const text_style& style) const
{
    const auto paint = [&](std::string_view code, std::string_view s) {
        return style.color ? "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m" : std::string(s);
    };
    // The name and the pointers may hold anything (a file name, a key decoded from \u001b): made printable.
    const std::string source = detail::printable(style.source_name);
    // Only the bytes an excerpt can show are masked and shown: a report on the first bytes of an input too large
    // to validate reads no further than them. Masking a byte depends on what comes before it, never after: a
    // credential's value that the cut leaves unterminated is masked from its start to the end.
    std::size_t shown_end = 0;
    for (const diagnostic& d : diagnostics)
        if (d.has_position() && d.offset != diagnostic::no_position) {
            const std::size_t at = std::min(d.offset, text.size());
            // The reach, the rest of a character that crosses it, and a byte that says whether the line goes on.
            shown_end = std::max(shown_end, at + std::min(text.size() - at, detail::excerpt_reach + 5));
        }
    text = text.substr(0, shown_end);
    const std::string masked = detail::mask_api_keys(text);
    if (!masked.empty())
        text = masked;
    std::string out;
    for (const diagnostic& d : diagnostics) {
        out += source;
        if (d.has_position())
            out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
        out += ": ";
        out += d.severity == severity::error ? paint("1;31", "error") : paint("1;33", "warning");
        out += ": ";
        // A user rule's message, hint and id may echo a payload's decoded text (\u001b, U+202E): made printable
        // too, as to_json escapes them. The built-in ones already are, and stay as they are.
        out += detail::printable(d.message);
        out += " [" + detail::printable(d.rule) + "]";
        if (!d.has_position())
            out += " at " + (d.path.empty() ? std::string("the root") : detail::printable(d.path));
        out += '\n';
        if (d.has_position() && !text.empty() && d.offset != diagnostic::no_position) {
            std::size_t caret = 0;
            out += "    " + detail::source_excerpt(text, d.offset, caret) + "\n";
            out += "    " + std::string(caret, ' ') + paint("1;32", "^") + "\n";
        }
        if (!d.hint.empty())
            out += "    " + paint("36", "hint: ") + detail::printable(d.hint) + "\n";
    }
    const std::size_t error_count = errors();
    out += source;
    out += error_count == 0 ? ": valid" : ": invalid";
    out += " (" + std::to_string(error_count) + (error_count == 1 ? " error, " : " errors, ") +
           std::to_string(warnings()) + (warnings() == 1 ? " warning)\n" : " warnings)\n");
    return out;
}

} // namespace atlas

#endif
