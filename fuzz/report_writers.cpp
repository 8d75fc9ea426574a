// Fuzz target: report::to_json and report::to_text on reports built from the input (any strings, positions and
// offsets, any source text), as a caller of the library may build them; and validate_call's echo of the id.
#include "fuzz_common.hpp"

#include <fuzzer/FuzzedDataProvider.h>

namespace {

using namespace atlas;

/// `s` with every control character (C0, DEL, C1) replaced by '?': what atlas's own messages are made of.
std::string printable(std::string_view s)
{
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x20 || c == 0x7F)
            out[i] = '?';
        else if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(out[i + 1]) <= 0x9F)
            out[i] = out[i + 1] = '?';
    }
    return out;
}

/// The terminal columns of the code point at the start of s (the excerpt is valid UTF-8: the writer made it so), and
/// its length in bytes.
std::pair<std::size_t, std::size_t> next_columns(std::string_view s)
{
    const std::size_t n = std::max<std::size_t>(1, detail::utf8_sequence_length(s, 0));
    return {detail::display_columns(detail::code_point_at(s, 0, n)), n};
}

/// The terminal columns a printed excerpt takes (wide characters two, combining marks none).
std::size_t columns_of(std::string_view s)
{
    std::size_t columns = 0;
    while (!s.empty()) {
        const auto [width, bytes] = next_columns(s);
        columns += width;
        s.remove_prefix(std::min(bytes, s.size()));
    }
    return columns;
}

diagnostic make_diagnostic(FuzzedDataProvider& in, std::size_t text_size)
{
    diagnostic d;
    d.severity = in.ConsumeBool() ? severity::error : severity::warning;
    d.path = in.ConsumeRandomLengthString(64);
    d.rule = in.ConsumeRandomLengthString(32);
    d.message = in.ConsumeRandomLengthString(128);
    d.hint = in.ConsumeRandomLengthString(64);
    switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0: break; // not from text
    case 1: d.offset = in.ConsumeIntegralInRange<std::size_t>(0, text_size); break;
    case 2: d.offset = in.ConsumeIntegral<std::size_t>(); break;
    default: d.offset = diagnostic::no_position; break;
    }
    if (d.offset != diagnostic::no_position || in.ConsumeBool()) {
        d.line = in.ConsumeIntegralInRange<std::size_t>(1, 1u << 20);
        d.column = in.ConsumeIntegralInRange<std::size_t>(1, 1u << 20);
    }
    return d;
}

/// The caret of a one-diagnostic text report stands under the byte at the offset.
void check_caret(const std::string& text, std::size_t offset)
{
    if (text.empty())
        return; // no source: no excerpt
    report r;
    diagnostic d;
    d.message = "m";
    d.rule = "r";
    d.line = d.column = 1;
    d.offset = offset;
    r.diagnostics.push_back(d);
    const std::string out = r.to_text(text);
    const std::size_t first = out.find('\n'), second = out.find('\n', first + 1), third = out.find('\n', second + 1);
    fuzz::check(third != std::string::npos, "a positioned diagnostic prints its source line and a caret", out);
    const std::string_view excerpt = std::string_view(out).substr(first + 1, second - first - 1);
    const std::string_view caret = std::string_view(out).substr(second + 1, third - second - 1);
    fuzz::check(excerpt.substr(0, 4) == "    " && caret.substr(0, 4) == "    " && caret.size() >= 5 && caret.back() == '^',
        "the excerpt and the caret are indented by four", out);
    const std::size_t column = caret.size() - 5; // terminal columns before the caret
    fuzz::check(columns_of(excerpt.substr(4)) <= 102, "the excerpt is at most 100 columns and two '…'", out);
    fuzz::check(column <= columns_of(excerpt.substr(4)), "the caret stands within or just after the excerpt", out);
    // The excerpt shows the text with a pasted credential written over by '*', byte for byte.
    const std::string masked = detail::mask_api_keys(text);
    const std::string_view shown = masked.empty() ? std::string_view(text) : std::string_view(masked);
    fuzz::check(shown.size() == text.size(), "masking keeps every offset", out);
    const auto c = offset < shown.size() ? static_cast<unsigned char>(shown[offset]) : 0;
    if (c > 0x20 && c < 0x7F) {
        // Find the character the caret stands under: past `column` terminal columns, and past the zero-width marks
        // that belong to the character before it.
        std::string_view rest = excerpt.substr(4);
        for (std::size_t at = 0; !rest.empty();) {
            const auto [width, bytes] = next_columns(rest);
            if (at >= column && width > 0)
                break;
            at += width;
            rest.remove_prefix(std::min(bytes, rest.size()));
        }
        fuzz::check(!rest.empty() && static_cast<unsigned char>(rest[0]) == c, "the caret is under the offset's character",
            out);
    }
}

/// validate_call on any id and api-key: the id a message echoes never shows 8 bytes of the key in a row. Checked
/// where quote_value writes bytes as they are (printable ASCII, no quote or backslash), so a window of the output is
/// one of the id.
void check_call(std::string_view id, std::string_view api_key)
{
    const report r = validate_call(id, api_key);
    (void)r.to_text();
    fuzz::check_json_form(r);
    const auto plain = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\'; });
    };
    if (r.diagnostics.empty() || r.diagnostics[0].rule != "call.id" || !plain(id) || !plain(api_key))
        return;
    const std::string& message = r.diagnostics[0].message;
    const std::size_t open = message.find('"'), close = message.rfind("\" contains ");
    if (open == std::string::npos || close == std::string::npos || close <= open)
        return;
    const std::string_view echoed = std::string_view(message).substr(open + 1, close - open - 1);
    for (std::size_t k = 0; k + 8 <= api_key.size(); ++k)
        fuzz::check(echoed.find(api_key.substr(k, 8)) == std::string_view::npos,
            "validate_call echoes no 8 bytes of the api-key in a row", message);
    fuzz::check(api_key.empty() || echoed.find(api_key) == std::string_view::npos, "validate_call never echoes the api-key",
        message);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const std::string text = in.ConsumeRandomLengthString(512);
    const std::string name = in.ConsumeRandomLengthString(16);
    const std::size_t caret_offset = in.ConsumeIntegralInRange<std::size_t>(0, text.size() + 1);
    report raw, clean;
    const std::size_t count = in.ConsumeIntegralInRange(0, 16);
    for (std::size_t k = 0; k < count; ++k) {
        diagnostic d = make_diagnostic(in, text.size());
        raw.diagnostics.push_back(d);
        d.path = printable(d.path);
        d.rule = printable(d.rule);
        d.message = printable(d.message);
        d.hint = printable(d.hint);
        clean.diagnostics.push_back(std::move(d));
    }

    // Any strings at all: the JSON form parses and carries them (invalid UTF-8 as U+FFFD).
    fuzz::check_json_form(raw);
    (void)raw.to_text(text, {name, true});
    (void)raw.to_text({}, {name, false});

    // With printable messages, no control character of the source text reaches the output.
    const std::string out = clean.to_text(text, {printable(name), false});
    const std::size_t bad = fuzz::find_control(out);
    fuzz::check(bad == std::string::npos, "to_text() shows source text without its control characters",
        fuzz::with_replacement(out));
    fuzz::check(out.back() == '\n' && out.find(clean.valid() ? ": valid (" : ": invalid (") != std::string::npos,
        "to_text() ends with the summary line", out);

    check_caret(text, caret_offset);
    // The id as the text, the key as the file name, and the key within the id as often as the input says.
    check_call(text, name);
    if (!name.empty() && caret_offset <= text.size())
        check_call(text.substr(0, caret_offset) + name + "/" + text.substr(caret_offset), name);
    return 0;
}
