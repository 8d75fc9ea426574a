// atlas: the result of a validation, printable as text or as the JSON of CONTRACT.md.
#ifndef ATLAS_REPORT_HPP
#define ATLAS_REPORT_HPP

#include <atlas/detail/config.hpp>
#include <atlas/diagnostic.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// How report::to_text prints.
struct text_style {
    std::string_view source_name = "<input>"; // printed before line:column
    bool color = false;                       // ANSI colours (the CLI enables them on a terminal)
};

/// Every diagnostic of one validation, in the order of their place in the input.
class report {
public:
    std::vector<diagnostic> diagnostics;

    /// True when there is no error; warnings do not make a payload invalid.
    bool valid() const noexcept { return errors() == 0; }
    ATLAS_DECL std::size_t errors() const noexcept;
    ATLAS_DECL std::size_t warnings() const noexcept;

    /// The JSON form, on one line: {"valid":…,"errors":…,"warnings":…,"diagnostics":[…]}.
    ATLAS_DECL std::string to_json() const;

    /// Compiler-style text: "file:line:col: error: message [rule-id]", then the source line with a
    /// caret under the spot and the hint. `text` is the input the report was made from (for the
    /// source lines); without it only the first line of each diagnostic is printed.
    ATLAS_DECL std::string to_text(std::string_view text = {}, const text_style& style = {}) const;
};

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/report.hpp>
#endif

#endif
