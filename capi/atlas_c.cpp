// atlas: the C ABI of atlas.h over the header-only C++ library.
//
// Every entry point catches everything: a C caller (or a ctypes/cgo/FFI runtime) cannot survive a
// C++ exception unwinding into it. Validation itself never throws; what can throw here is memory
// (the report's string) and reading the options, and both become a report, never a crash.
#define ATLAS_C_BUILD
#include "atlas.h"

#include <atlas/config.hpp>
#include <atlas/fields.hpp>
#include <atlas/timezone.hpp>
#include <atlas/validate.hpp>
#include <atlas/version.hpp>

#include <atlas_validate.hpp> // atlas::cli::rule_catalog: the C catalog is the CLI's, byte for byte


#include <array>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::detail {

// Returned when not even the report fits in memory; atlas_free knows not to free it. Same content
// as the report of report_out_of_memory, so callers see one shape either way.
inline char c_out_of_memory_report[] =
    R"({"valid":false,"errors":1,"warnings":0,"diagnostics":[{"severity":"error","path":"","rule":"json.limit","message":"out of memory"}]})";

// A NUL-terminated copy that C can free with atlas_free (malloc, not new: the caller's runtime may
// only know free-like release semantics, and atlas_free stays a plain free).
inline char* c_copy(std::string_view s, char* on_failure) noexcept
{
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (!out)
        return on_failure;
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    return out;
}

inline char* c_report(const report& r) noexcept
{
    try {
        return c_copy(r.to_json(), c_out_of_memory_report);
    } catch (...) {
        return c_out_of_memory_report;
    }
}

// A report of one error at the root, not from the text (so no line or column): what a caller
// got wrong about the call itself (a null pointer, bad options) rather than about the payload.
inline char* c_caller_error(std::string message, std::string hint) noexcept
{
    try {
        report r;
        diagnostic d;
        d.rule = std::string(info(rule::json_syntax).id);
        d.message = std::move(message);
        d.hint = std::move(hint);
        r.diagnostics.push_back(std::move(d));
        return c_report(r);
    } catch (...) {
        return c_out_of_memory_report;
    }
}

struct c_option_error {
    std::string message; // empty: the options were read
    std::string hint;
};

// Reads options_json (NULL: the defaults) with atlas::read_options, the reader of the CLI's --config,
// so both take the same keys (profile, rules, templates and the limits too) and say the same things.
// Strict on purpose: {"stict": true} is an error, not a silent default. A did-you-mean goes in the hint.
inline c_option_error c_read_options(const char* options_json, options& opts)
{
    if (!options_json)
        return {};
    std::string message = read_options(options_json, opts);
    if (message.empty())
        return {};
    std::string hint = "pass NULL for the defaults, or a JSON object such as {\"strict\": true}";
    constexpr std::string_view suggestion = ": did you mean ";
    if (const std::size_t at = message.rfind(suggestion); at != std::string::npos) {
        hint = message.substr(at + 2);
        message.resize(at);
    }
    return {"options: " + std::move(message), std::move(hint)};
}

template <class Validate>
char* c_validate_text(const char* text, std::size_t length, const char* options_json, Validate validate) noexcept
{
    try {
        if (!text && length != 0)
            return c_caller_error("the input is a null pointer with a length of " + std::to_string(length) + " bytes",
                "pass the text, or a length of 0");
        options opts;
        if (c_option_error e = c_read_options(options_json, opts); !e.message.empty())
            return c_caller_error(std::move(e.message), std::move(e.hint));
        return c_report(validate(std::string_view(text ? text : "", length), opts));
    } catch (...) {
        return c_out_of_memory_report;
    }
}

// A NUL-terminated copy of a constexpr string_view, made at compile time (no allocation, no
// static initialisation order to worry about).
template <const std::string_view& S>
inline constexpr auto c_string = [] {
    std::array<char, S.size() + 1> out{};
    for (std::size_t i = 0; i < S.size(); ++i)
        out[i] = S[i];
    return out;
}();

} // namespace atlas::detail

extern "C" {

char* atlas_validate_request(const char* text, size_t length, const char* options_json)
{
    return atlas::detail::c_validate_text(text, length, options_json,
        [](std::string_view t, const atlas::options& o) { return atlas::validate_request(t, o); });
}

char* atlas_validate_response(const char* text, size_t length, const char* options_json)
{
    return atlas::detail::c_validate_text(text, length, options_json,
        [](std::string_view t, const atlas::options& o) { return atlas::validate_response(t, o); });
}

char* atlas_validate_call(const char* id, const char* api_key, const char* options_json)
{
    return atlas_validate_call_n(id, id ? std::strlen(id) : 0, api_key, api_key ? std::strlen(api_key) : 0, options_json);
}

char* atlas_validate_call_n(const char* id, size_t id_length, const char* api_key, size_t api_key_length,
    const char* options_json)
{
    using namespace atlas::detail;
    try {
        atlas::options opts;
        if (c_option_error e = c_read_options(options_json, opts); !e.message.empty())
            return c_caller_error(std::move(e.message), std::move(e.hint));
        const std::string_view id_text = id ? std::string_view(id, id_length) : std::string_view();
        const std::string_view key_text = api_key ? std::string_view(api_key, api_key_length) : std::string_view();
        return c_report(atlas::validate_call(id_text, key_text, opts));
    } catch (...) {
        return c_out_of_memory_report;
    }
}

void atlas_free(char* text)
{
    if (text != atlas::detail::c_out_of_memory_report)
        std::free(text);
}

const char* atlas_version(void)
{
    return atlas::detail::c_string<atlas::version>.data();
}

const char* atlas_tzdata_version(void)
{
    return atlas::detail::c_string<atlas::tzdata_version>.data();
}

char* atlas_rule_catalog(void)
{
    try {
        std::string catalog = atlas::cli::rule_catalog(atlas::cli::format::json);
        while (!catalog.empty() && catalog.back() == '\n')
            catalog.pop_back();
        return atlas::detail::c_copy(catalog, nullptr);
    } catch (...) {
        return nullptr;
    }
}

} // extern "C"
