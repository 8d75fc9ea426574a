// atlas: what a caller can tune about validation.
#ifndef ATLAS_OPTIONS_HPP
#define ATLAS_OPTIONS_HPP

#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

struct options {
    /// Unknown request fields are errors instead of warnings.
    bool strict = false;

    /// Allowed values of the open enums (Position, Status, FirstMessageMode, EnrichmentInfoProvider),
    /// by wire field name. A field with a registered set rejects anything else with a did-you-mean.
    std::map<std::string, std::vector<std::string>, std::less<>> allowed_values;

    // Limits: exceeding one is an error diagnostic, never an exception or a crash.
    std::size_t max_input_bytes = 64u << 20;  // 64 MiB
    std::size_t max_depth = 64;               // nesting of arrays and objects, also inside JSON-in-string fields
    std::size_t max_diagnostics = 1000;       // then one "N more" entry

    /// Registers the allowed values of an open enum field.
    options& allow(std::string_view field, std::initializer_list<std::string_view> values)
    {
        auto& set = allowed_values[std::string(field)];
        for (std::string_view v : values)
            set.emplace_back(v);
        return *this;
    }
};

} // namespace atlas

#endif
