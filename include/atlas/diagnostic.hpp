// atlas: one finding about a payload.
#ifndef ATLAS_DIAGNOSTIC_HPP
#define ATLAS_DIAGNOSTIC_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace atlas {

enum class severity : std::uint8_t { error, warning };

constexpr std::string_view to_string(severity s) noexcept
{
    return s == severity::error ? "error" : "warning";
}

/// One finding. `path` is an RFC 6901 JSON Pointer ("" is the root); inside a JSON-in-a-string
/// field it goes on into the decoded content ("/TimeWindows/0/startHour").
struct diagnostic {
    static constexpr std::size_t no_position = static_cast<std::size_t>(-1);

    atlas::severity severity = severity::error;
    std::string path;
    std::string rule;    // stable id from the rule catalog
    std::string message; // one sentence
    std::string hint;    // the fix or a did-you-mean; empty when there is none
    std::size_t line = 0;   // 1-based; 0 when the input was not text
    std::size_t column = 0; // 1-based, in code points
    std::size_t offset = no_position; // byte offset in the text, no_position when not from text

    bool has_position() const noexcept { return line != 0; }
};

} // namespace atlas

#endif
