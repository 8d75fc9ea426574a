// atlas: validation of payload text against the contract -- every problem at once, with its place.
//
//   atlas::report r = atlas::validate_request(text);
//   if (!r.valid()) std::cerr << r.to_text(text);
//
// This header stays light: it does not pull in the reflected model (see validate_typed.hpp for
// checking the typed structs).
#ifndef ATLAS_VALIDATE_HPP
#define ATLAS_VALIDATE_HPP

#include <atlas/detail/config.hpp>
#include <atlas/options.hpp>
#include <atlas/report.hpp>
#include <atlas/rules.hpp>

#include <string_view>

namespace atlas {

// Each entry point has an overload without options rather than a default argument: `opts = {}` built
// and destroyed an options object (two maps, two vectors) in the caller's code, and compiling that was
// 4% of a translation unit that includes <atlas/atlas.hpp> and calls validate_request.

/// Checks the JSON text of an "Update full campaign" request body. Never throws; collects every
/// diagnostic (up to options::max_diagnostics) with its JSON Pointer, line and column.
ATLAS_DECL report validate_request(std::string_view json_text, const options& opts) noexcept;
ATLAS_DECL report validate_request(std::string_view json_text) noexcept; // with the default options

/// Checks the JSON text of a "Campaign updated" response body: the same field checks as for requests,
/// no required fields, no channel rules.
ATLAS_DECL report validate_response(std::string_view json_text, const options& opts) noexcept;
ATLAS_DECL report validate_response(std::string_view json_text) noexcept;

/// Checks the rest of the call: the path `id` and the `api-key` header. The key is never printed.
ATLAS_DECL report validate_call(std::string_view id, std::string_view api_key, const options& opts) noexcept;
ATLAS_DECL report validate_call(std::string_view id, std::string_view api_key) noexcept;

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/validate.hpp>
#endif

#endif
