// atlas internals: what a JSON syntax error most likely is, in words a person acts on.
#ifndef ATLAS_DETAIL_SYNTAX_HELP_HPP
#define ATLAS_DETAIL_SYNTAX_HELP_HPP

#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/text.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace atlas::detail {

/// A syntax error told as what it most likely is: a trailing comma, a missing comma or colon, a comment, single
/// quotes, a key without quotes, Python's True/None, NaN. `what` is empty where nothing more than describe() can be
/// said.
struct syntax_help {
    std::string what;
    std::string hint;
};

/// Read from the bytes around the error and the reader's state when it stopped; only after an error, so its cost
/// is no valid payload's.
inline syntax_help explain_syntax_error(const json_reader& reader)
{
    const std::string_view text = reader.text();
    const std::size_t at = reader.error_offset();
    const json_error e = reader.error();
    if ((e != json_error::unexpected_character && e != json_error::invalid_number) || at >= text.size())
        return {};
    const char c = text[at];
    std::size_t before = at; // the last byte before the error that is no white space
    while (before > 0 && json_impl::is_ws(text[before - 1]))
        --before;
    const char previous = before > 0 ? text[before - 1] : '\0';
    const auto is_word_byte = [](char ch) { return json_impl::is_alnum(ch) || ch == '_' || ch == '$'; };
    const auto starts_value = [](char ch) {
        return ch == '"' || ch == '{' || ch == '[' || ch == '-' || json_impl::is_digit(ch) || ch == 't' ||
               ch == 'f' || ch == 'n';
    };
    std::size_t word_end = at;
    while (word_end < text.size() && word_end - at < 64 && is_word_byte(text[word_end]))
        ++word_end;
    const std::string_view word = text.substr(at, word_end - at);
    if (e == json_error::invalid_number) { // "-Infinity", "+1", ".5"
        if (c == 'I' || (at > 0 && text[at - 1] == '-' && word.starts_with("Inf")))
            return {"Infinity is not a JSON number", "write a number, or null for no value"};
        // Only a '+' where the value starts: "1.+5" and "1e++5" are other mistakes.
        if (c == '+' && (previous == ':' || previous == '[' || previous == ',' || previous == '\0'))
            return {"a number starts with \"+\", which JSON does not allow", "remove the \"+\""};
        return {};
    }
    const std::string shown = quote_value(text.substr(at, std::max<std::size_t>(1, utf8_sequence_length(text, at))));
    const bool in_object = reader.in_object();
    const char close = in_object ? '}' : ']';
    const std::string items = in_object ? "members" : "elements";

    if (reader.failed_expecting_colon() && previous != ':') // after the colon, the value is what failed
        return {starts_value(c) ? "a colon is missing after the key" : shown + " where a colon (:) must follow the key",
            "write a colon between the key and its value"};
    if (c == close && previous == ',')
        return {std::string("a comma before \"") + c + "\": JSON allows no trailing comma", "remove the last comma"};
    if (c == '/' && at + 1 < text.size() && (text[at + 1] == '/' || text[at + 1] == '*'))
        return {"a comment: JSON has no comments", "remove the comment"};
    if (c == '\'')
        return {"a string in single quotes: JSON strings and keys take double quotes (\")",
            "write the string or key in double quotes"};
    if ((c == '}' || c == ']') && c != close && reader.depth() > 0)
        return {std::string("\"") + c + "\" where \"" + close + "\" must close the " + (in_object ? "object" : "array"),
            std::string("close it with \"") + close + "\""};
    if (reader.failed_after_value() && previous != ',') {
        if (starts_value(c) || c == '\'')
            return {"a comma is missing between two " + items, "put a comma after the value before it"};
        return {shown + " where a comma or \"" + close + "\" must follow the value", ""};
    }
    if (!word.empty() && !json_impl::is_digit(c)) {
        std::size_t next = word_end;
        while (next < text.size() && json_impl::is_ws(text[next]))
            ++next;
        if (next < text.size() && text[next] == ':' && (previous == '{' || previous == ','))
            return {"a key without quotes (" + quote_value(word) + ")", "write the key in double quotes"};
        for (const auto& [written, literal] : {std::pair<std::string_view, std::string_view>{"True", "true"},
                 {"TRUE", "true"}, {"False", "false"}, {"FALSE", "false"}, {"None", "null"}, {"NULL", "null"},
                 {"Null", "null"}, {"nil", "null"}, {"undefined", "null"}})
            if (word == written)
                return {quote_value(word) + " is not JSON: its literals are true, false and null, in lower case",
                    "write " + std::string(literal)};
        if (word == "NaN" || word == "Infinity")
            return {quote_value(word) + " is not a JSON number", "write a number, or null for no value"};
    }
    if (previous == '{' || (in_object && previous == ','))
        return {shown + " where a key in double quotes must come", ""};
    return {shown + " where JSON expects a value (a string in double quotes, a number, true, false, null, an "
                    "object or an array)",
        ""};
}

} // namespace atlas::detail

#endif
