// atlas: the JSON Schema (Draft 2020-12) of the request and response bodies, generated from the
// reflected model, the field tables and the rule table -- never written by hand.
//
//   std::string schema = atlas::json_schema<atlas::update_campaign_request>();
//
// What the schema states: types, required fields, closed enums, non-empty strings, integer ranges,
// RFC 3339 date-times (format: date-time), the JSON carried in strings (contentMediaType and, for
// TimeWindows, contentSchema), the ToolIds list, and the contract's channel table as if/then/else.
// Every rule it cannot state (duplicate keys, IANA zones, overlapping windows, the warnings, ...)
// is listed under the keyword "x-atlas-rules" with its id, severity and description.
//
// A separate header: validate.hpp does not include it, so validating text does not pull in the
// model or Boost.JSON's DOM.
#ifndef ATLAS_SCHEMA_HPP
#define ATLAS_SCHEMA_HPP

#include <atlas/detail/config.hpp>
#include <atlas/options.hpp>
#include <atlas/request.hpp>
#include <atlas/response.hpp>
#include <atlas/rules.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <concepts>
#include <string>
#include <string_view>

namespace atlas {

/// The payloads a schema can be generated for: the request body and the response body.
template <class T>
concept schema_model = std::same_as<T, update_campaign_request> || std::same_as<T, campaign_response>;

/// The JSON Schema dialect of json_schema().
inline constexpr std::string_view json_schema_dialect = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema of T's wire form, as a JSON object (keys in a fixed order).
/// With default options it describes what validate_request / validate_response accept; options
/// narrow it as they narrow validation: `strict` forbids unknown request fields
/// (additionalProperties: false), `allow(field, values)` makes an open enum a closed "enum".
/// The size and depth limits are not part of a schema.
template <schema_model T>
boost::json::object json_schema_value(const options& opts = {});

/// The same schema as text: indented by two spaces, ending in a newline; what schemas/*.schema.json hold.
template <schema_model T>
std::string json_schema(const options& opts = {});

/// Any JSON value as indented text (two spaces; arrays of scalars on one line), ending in a newline.
ATLAS_DECL std::string to_indented_json(const boost::json::value& v);

#ifndef ATLAS_HEADER_ONLY
// Separate compilation: the generator is compiled once, in src.hpp's translation unit.
extern template boost::json::object json_schema_value<update_campaign_request>(const options&);
extern template boost::json::object json_schema_value<campaign_response>(const options&);
extern template std::string json_schema<update_campaign_request>(const options&);
extern template std::string json_schema<campaign_response>(const options&);
#endif

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/schema.hpp>
#endif

#endif
