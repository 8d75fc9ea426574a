// atlas: the same rules, applied to the typed structs (no text, so no line and column).
#ifndef ATLAS_VALIDATE_TYPED_HPP
#define ATLAS_VALIDATE_TYPED_HPP

#include <atlas/request.hpp>
#include <atlas/response.hpp>
#include <atlas/validate.hpp>

namespace atlas {

// Overloads without options instead of default arguments: see validate.hpp.

/// Checks a typed request against every rule that applies to values (enums are valid by
/// construction; strings such as TimeWindows, StartDate or Timezone are checked like text input).
ATLAS_DECL report validate(const update_campaign_request& request, const options& opts) noexcept;
ATLAS_DECL report validate(const update_campaign_request& request) noexcept; // with the default options

/// Checks a typed response.
ATLAS_DECL report validate(const campaign_response& response, const options& opts) noexcept;
ATLAS_DECL report validate(const campaign_response& response) noexcept; // with the default options

/// Checks the call's path id and api-key.
ATLAS_DECL report validate(const campaign_call& call, const options& opts) noexcept;
ATLAS_DECL report validate(const campaign_call& call) noexcept; // with the default options

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/validate_typed.hpp>
#endif

#endif
