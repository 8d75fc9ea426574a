// atlas fuzzing: the invariants every libFuzzer target checks, and helpers to wrap input in payloads.
//
// A violated invariant prints what broke and aborts, so libFuzzer keeps the input as a crash.
#ifndef ATLAS_FUZZ_COMMON_HPP
#define ATLAS_FUZZ_COMMON_HPP

#include <atlas/fields.hpp>
#include <atlas/report.hpp>
#include <atlas/rules.hpp>
#include <atlas/validate.hpp>

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::fuzz {

[[noreturn]] inline void violated(const char* what, std::string_view detail)
{
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    if (!detail.empty())
        std::fprintf(stderr, "  %.*s\n", static_cast<int>(std::min<std::size_t>(detail.size(), 4000)), detail.data());
    std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {})
{
    if (!ok)
        violated(what, detail);
}

// ---------------------------------------------------------------------------------------------
// UTF-8 and JSON strings, written independently of atlas::detail so the targets do not test atlas with itself.

/// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629), 0 when there is none.
inline std::size_t utf8_length(std::string_view s, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((b(i + k) & 0xC0) != 0x80)
            return 0;
    const unsigned char c1 = b(i + 1);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
        return 0;
    return n;
}

inline void append_utf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The code points of `s`; a byte that starts no well-formed sequence is read as U+0000..U+00FF (Latin-1), so any
/// input becomes some valid string.
inline std::vector<std::uint32_t> code_points(std::string_view s)
{
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        const auto c = static_cast<unsigned char>(s[i]);
        if (n == 0) {
            out.push_back(c);
            ++i;
            continue;
        }
        std::uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

/// `s` with each byte that starts no well-formed sequence replaced by U+FFFD (what a JSON report must carry).
inline std::string with_replacement(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

/// How a value is written inside a JSON string.
enum class escaping {
    minimal, // only what JSON requires: '"', '\\' and control characters
    unicode, // every code point as \uXXXX (surrogate pairs above U+FFFF): exercises the decoded-to-raw offset map
};

inline void append_u_escape(std::string& out, std::uint32_t unit)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += hex[(unit >> shift) & 0xF];
}

/// The contents (no quotes) of a JSON string whose decoded value is the string of `cps`.
inline std::string json_string_contents(const std::vector<std::uint32_t>& cps, escaping how)
{
    std::string out;
    for (std::uint32_t cp : cps) {
        if (how == escaping::unicode) {
            if (cp >= 0x10000) {
                append_u_escape(out, 0xD800 + ((cp - 0x10000) >> 10));
                append_u_escape(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else
                append_u_escape(out, cp);
        } else if (cp == '"' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp < 0x20)
            append_u_escape(out, cp);
        else
            append_utf8(out, cp);
    }
    return out;
}

inline std::string utf8_of(const std::vector<std::uint32_t>& cps)
{
    std::string out;
    for (std::uint32_t cp : cps)
        append_utf8(out, cp);
    return out;
}

/// A request payload of an outbound phone campaign (so StartDate and TimeWindows draw no channel warning) with one
/// more field whose string contents are given raw; `value_at` gets the offset of that value's opening quote.
inline std::string outbound_payload(std::string_view field, std::string_view contents, std::size_t& value_at)
{
    std::string out = R"({"name": "Fuzz", "campaignType": "1", "CallType": "2", "TemplateId": "tpl_outbound_en_03", ")";
    out += field;
    out += "\": ";
    value_at = out.size();
    out += '"';
    out += contents;
    out += "\"}";
    return out;
}

// ---------------------------------------------------------------------------------------------
// JSON Pointers (RFC 6901), resolved in a document parsed by Boost.JSON.

inline std::optional<boost::json::value> parse_json(std::string_view text)
{
    boost::system::error_code ec;
    boost::json::parse_options opts;
    opts.max_depth = 100000; // atlas has its own limit; Boost's default (32) would hide deep documents
    boost::json::value v = boost::json::parse(text, ec, {}, opts);
    if (ec)
        return std::nullopt;
    return v;
}

/// A JSON document as read by Boost.JSON's parser, but keeping every member of an object: with duplicate keys a
/// pointer may lead through any of them (boost::json::value keeps only the last).
struct json_node {
    enum class kind_t : std::uint8_t { scalar, string, array, object } kind = kind_t::scalar;
    std::string name;               // the key in the parent object
    std::string text;               // a string's decoded value
    std::vector<json_node> children; // array elements, or object members (each with its name)
};

/// The handler of boost::json::basic_parser that builds a json_node tree.
struct json_tree_builder {
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

    std::vector<json_node> open; // containers not yet closed
    std::string key, text;
    json_node root;

    void add(json_node n)
    {
        if (open.empty())
            root = std::move(n);
        else
            open.back().children.push_back(std::move(n));
    }
    json_node named(json_node::kind_t kind)
    {
        json_node n;
        n.kind = kind;
        if (!open.empty() && open.back().kind == json_node::kind_t::object)
            n.name = std::move(key);
        key.clear();
        return n;
    }
    bool begin(json_node::kind_t kind)
    {
        open.push_back(named(kind));
        return true;
    }
    bool end()
    {
        json_node n = std::move(open.back());
        open.pop_back();
        add(std::move(n));
        return true;
    }
    bool scalar()
    {
        add(named(json_node::kind_t::scalar));
        return true;
    }
    using ec_t = boost::system::error_code;
    using sv = boost::json::string_view;
    bool on_document_begin(ec_t&) { return true; }
    bool on_document_end(ec_t&) { return true; }
    bool on_array_begin(ec_t&) { return begin(json_node::kind_t::array); }
    bool on_array_end(std::size_t, ec_t&) { return end(); }
    bool on_object_begin(ec_t&) { return begin(json_node::kind_t::object); }
    bool on_object_end(std::size_t, ec_t&) { return end(); }
    bool on_string_part(sv s, std::size_t, ec_t&)
    {
        text.append(s.data(), s.size());
        return true;
    }
    bool on_string(sv s, std::size_t, ec_t&)
    {
        text.append(s.data(), s.size());
        json_node n = named(json_node::kind_t::string);
        n.text = std::move(text);
        text.clear();
        add(std::move(n));
        return true;
    }
    bool on_key_part(sv s, std::size_t, ec_t&)
    {
        key.append(s.data(), s.size());
        return true;
    }
    bool on_key(sv s, std::size_t, ec_t&)
    {
        key.append(s.data(), s.size());
        return true;
    }
    bool on_number_part(sv, ec_t&) { return true; }
    bool on_int64(std::int64_t, sv, ec_t&) { return scalar(); }
    bool on_uint64(std::uint64_t, sv, ec_t&) { return scalar(); }
    bool on_double(double, sv, ec_t&) { return scalar(); }
    bool on_bool(bool, ec_t&) { return scalar(); }
    bool on_null(ec_t&) { return scalar(); }
    bool on_comment_part(sv, ec_t&) { return true; }
    bool on_comment(sv, ec_t&) { return true; }
};

/// `text` read by Boost.JSON's parser into a tree, or nullopt when it is not one JSON text.
inline std::optional<json_node> parse_tree(std::string_view text)
{
    boost::json::parse_options opts;
    opts.max_depth = 100000;
    boost::json::basic_parser<json_tree_builder> parser(opts);
    boost::system::error_code ec;
    const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    if (ec || used != text.size())
        return std::nullopt;
    return std::move(parser.handler().root);
}

/// The reference tokens of a pointer, or nullopt when it is not a pointer ("" or "/..." with ~ only as ~0 or ~1).
inline std::optional<std::vector<std::string>> pointer_tokens(std::string_view p)
{
    std::vector<std::string> tokens;
    if (p.empty())
        return tokens;
    if (p[0] != '/')
        return std::nullopt;
    std::string token;
    for (std::size_t i = 1; i <= p.size(); ++i) {
        if (i == p.size() || p[i] == '/') {
            tokens.push_back(std::move(token));
            token.clear();
        } else if (p[i] == '~') {
            if (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))
                return std::nullopt;
            token += p[i + 1] == '0' ? '~' : '/';
            ++i;
        } else
            token += p[i];
    }
    return tokens;
}

/// True when tokens[from..] lead somewhere from `at` (through any member of a duplicated key). A string member of
/// the root object with tokens left is JSON-in-a-string: the walk goes on in its parsed content, and content that
/// does not parse ends the walk successfully at the field (the prefix up to the field is what can be checked).
inline bool resolves(const json_node& at, const std::vector<std::string>& tokens, std::size_t from = 0)
{
    if (from == tokens.size())
        return true;
    const std::string& t = tokens[from];
    switch (at.kind) {
    case json_node::kind_t::object:
        for (const json_node& member : at.children)
            if (member.name == t && resolves(member, tokens, from + 1))
                return true;
        return false;
    case json_node::kind_t::array: {
        // An index is "0" or digits without a leading zero.
        if (t.empty() || t.size() > 18 || (t.size() > 1 && t[0] == '0') ||
            !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        const std::size_t index = std::stoull(t);
        return index < at.children.size() && resolves(at.children[index], tokens, from + 1);
    }
    case json_node::kind_t::string: {
        if (from != 1)
            return false;
        const std::optional<json_node> content = parse_tree(at.text);
        return !content || resolves(*content, tokens, from);
    }
    default: return false;
    }
}

// ---------------------------------------------------------------------------------------------
// Report invariants

/// True for a byte sequence a terminal reads as a control: C0 except '\n', DEL, and C1 (U+0080..U+009F in UTF-8).
inline std::size_t find_control(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            return i;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9F)
            return i;
    }
    return std::string_view::npos;
}

inline std::string describe(const diagnostic& d)
{
    return std::string(to_string(d.severity)) + " " + d.rule + " at \"" + with_replacement(d.path) + "\" (offset " +
           (d.offset == diagnostic::no_position ? std::string("none") : std::to_string(d.offset)) + ", " +
           std::to_string(d.line) + ":" + std::to_string(d.column) + "): " + with_replacement(d.message);
}

/// to_json() parses and carries exactly the report: counts, and each diagnostic's fields (strings with invalid
/// UTF-8 replaced by U+FFFD), all on one line.
inline void check_json_form(const report& r)
{
    const std::string json = r.to_json();
    check(json.find('\n') == std::string::npos, "to_json() is one line", json);
    std::optional<boost::json::value> parsed = parse_json(json);
    check(parsed.has_value(), "to_json() parses", json);
    check(parsed->is_object(), "to_json() is an object", json);
    const boost::json::object& o = parsed->as_object();
    const auto as_u64 = [&](const char* key) -> std::uint64_t {
        const boost::json::value* v = o.if_contains(key);
        check(v && (v->is_int64() || v->is_uint64()), "to_json() has an integer count", json);
        return v->is_int64() ? static_cast<std::uint64_t>(v->as_int64()) : v->as_uint64();
    };
    const boost::json::value* valid = o.if_contains("valid");
    check(valid && valid->is_bool() && valid->as_bool() == r.valid(), "to_json() \"valid\" equals valid()", json);
    check(as_u64("errors") == r.errors(), "to_json() \"errors\" equals errors()", json);
    check(as_u64("warnings") == r.warnings(), "to_json() \"warnings\" equals warnings()", json);
    const boost::json::value* list = o.if_contains("diagnostics");
    check(list && list->is_array() && list->as_array().size() == r.diagnostics.size(),
        "to_json() lists every diagnostic", json);
    for (std::size_t k = 0; k < r.diagnostics.size(); ++k) {
        const diagnostic& d = r.diagnostics[k];
        const boost::json::value& item = list->as_array()[k];
        check(item.is_object(), "a diagnostic is a JSON object", json);
        const boost::json::object& j = item.as_object();
        const auto string_is = [&](const char* key, std::string_view expected) {
            const boost::json::value* v = j.if_contains(key);
            check(v && v->is_string() && std::string_view(v->as_string()) == with_replacement(expected),
                "to_json() carries each diagnostic's strings", describe(d) + "\n  " + json);
        };
        string_is("severity", to_string(d.severity));
        string_is("path", d.path);
        string_is("rule", d.rule);
        string_is("message", d.message);
        if (d.hint.empty())
            check(!j.contains("hint"), "to_json() has no empty hint", json);
        else
            string_is("hint", d.hint);
        if (d.has_position()) {
            const boost::json::value* line = j.if_contains("line");
            const boost::json::value* column = j.if_contains("column");
            check(line && column && line->is_int64() && column->is_int64() &&
                    static_cast<std::size_t>(line->as_int64()) == d.line &&
                    static_cast<std::size_t>(column->as_int64()) == d.column,
                "to_json() carries line and column", json);
        } else
            check(!j.contains("line") && !j.contains("column"), "to_json() has no position for a diagnostic without",
                json);
    }
}

/// Which payload a report is about.
struct payload_facts {
    std::string_view text;                     // the input
    std::span<const field_info> fields;         // the table the input was checked against
    const std::optional<json_node>* doc;       // the input as parse_tree reads it, when it is JSON
    const options* opts;
};

/// Every invariant of a report made by validate_request/validate_response from text.
inline void check_text_report(const report& r, const payload_facts& in)
{
    const std::size_t truncated_rule = static_cast<std::size_t>(rule::report_truncated);
    check(r.diagnostics.size() <= in.opts->max_diagnostics + 1, "at most max_diagnostics + 1 diagnostics");
    std::size_t errors = 0;
    for (std::size_t k = 0; k < r.diagnostics.size(); ++k) {
        const diagnostic& d = r.diagnostics[k];
        const rule_info* info = find_rule(d.rule);
        check(info != nullptr, "every diagnostic's rule is in atlas::rules", describe(d));
        check(!d.message.empty(), "every diagnostic has a message", describe(d));
        errors += d.severity == severity::error;
        const bool truncated = static_cast<std::size_t>(info->key) == truncated_rule;
        if (truncated) {
            check(k + 1 == r.diagnostics.size() && k == in.opts->max_diagnostics,
                "report.truncated comes last, after max_diagnostics entries", describe(d));
            continue;
        }
        // The catalog's severity, except strict mode's unknown request fields.
        check(d.severity == info->severity || (info->key == rule::field_unknown && in.opts->strict),
            "a diagnostic has its rule's severity", describe(d));
        check(info->scope != rule_scope::call && info->scope != rule_scope::report,
            "text validation gives no call or report rule", describe(d));
        check(d.offset != diagnostic::no_position && d.offset <= in.text.size(),
            "a diagnostic of text has an offset within the text", describe(d));
        check(d.line >= 1 && d.column >= 1, "line and column are >= 1 for text", describe(d));
        if (k > 0)
            check(r.diagnostics[k - 1].offset <= d.offset, "diagnostics are in text order", describe(d));

        const std::optional<std::vector<std::string>> tokens = pointer_tokens(d.path);
        check(tokens.has_value(), "every path is an RFC 6901 JSON Pointer", describe(d));
        if (in.doc->has_value() && !tokens->empty()) {
            const json_node& root = **in.doc;
            const std::string& first = (*tokens)[0];
            const bool missing_field = tokens->size() == 1 && root.kind == json_node::kind_t::object &&
                                       std::none_of(root.children.begin(), root.children.end(),
                                           [&](const json_node& m) { return m.name == first; }) &&
                                       std::any_of(in.fields.begin(), in.fields.end(),
                                           [&](const field_info& f) { return f.name == first; });
            // A window's missing key is named at its own pointer: the window itself resolves.
            const bool missing_window_key =
                info->key == rule::time_windows_missing_key && tokens->size() == 3 &&
                resolves(root, std::vector<std::string>(tokens->begin(), tokens->end() - 1));
            check(missing_field || missing_window_key || resolves(root, *tokens),
                "a path resolves in the input, or names a missing field or window key", describe(d));
        }
    }
    check(r.valid() == (errors == 0), "valid() is true exactly when no diagnostic is an error");
    check(r.errors() == errors && r.warnings() == r.diagnostics.size() - errors, "errors() and warnings() count");

    // Lines and columns, counted here independently: lines end at '\n', columns count code points.
    std::size_t line = 1, column = 1, at = 0;
    for (const diagnostic& d : r.diagnostics) {
        if (d.offset == diagnostic::no_position)
            continue;
        if (d.offset < at) // report.truncated: last, at the root's '{'; the rest are in order
            line = 1, column = 1, at = 0;
        for (; at < d.offset && at < in.text.size(); ++at) {
            const auto c = static_cast<unsigned char>(in.text[at]);
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80)
                ++column;
        }
        check(d.line == line && d.column == column, "line and column match the offset", describe(d));
    }

    check_json_form(r);
    const std::string text = r.to_text(in.text);
    const std::size_t bad = find_control(text);
    check(bad == std::string::npos, "to_text() without colour has no control character but '\\n'",
        with_replacement(text.substr(bad == std::string::npos ? 0 : bad - std::min<std::size_t>(bad, 200), 400)));
    check(find_control(r.to_text()) == std::string::npos, "to_text() without source has no control character");
    const std::string summary = r.valid() ? ": valid (" : ": invalid (";
    check(text.find(summary) != std::string::npos && text.back() == '\n', "to_text() ends with the summary line", text);
    (void)r.to_text(in.text, text_style{"fuzz.json", true});
}

/// One string field of an outbound request, validated with the default options and its report checked
/// against every invariant above: what the single-field targets share.
struct field_run {
    std::string payload;
    std::size_t value_at = 0; // the opening quote of the field's value
    report result;
};

inline field_run validate_field(std::string_view field, std::string_view contents)
{
    field_run run;
    run.payload = outbound_payload(field, contents, run.value_at);
    const std::optional<json_node> doc = parse_tree(run.payload);
    check(doc.has_value(), "the harness builds JSON", run.payload);
    const options defaults;
    run.result = validate_request(run.payload);
    check_text_report(run.result, {run.payload, request_fields, &doc, &defaults});
    return run;
}

} // namespace atlas::fuzz

#endif
