// atlas: conversion of the typed model to and from Boost.JSON values.
//
//   boost::json::value v = boost::json::value_from(request);
//   auto request = boost::json::value_to<atlas::update_campaign_request>(v);
//
// Absent, null and value stay three states; unknown members are kept in `extra`; a round trip
// of a payload of the right types is lossless, but for numbers in `extra` past what a double
// holds (Boost.JSON keeps int64, uint64 or double: see the README). value_to throws boost::system::system_error naming
// the offending member; to check a payload without exceptions, use atlas::validate_request.
#ifndef ATLAS_CONVERT_HPP
#define ATLAS_CONVERT_HPP

#include <atlas/detail/config.hpp>
#include <atlas/enums.hpp>
#include <atlas/request.hpp>
#include <atlas/response.hpp>

#include <boost/json/conversion.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/json/error.hpp>
#include <boost/system/system_error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace atlas {

ATLAS_DECL void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const update_campaign_request& in);
ATLAS_DECL update_campaign_request tag_invoke(boost::json::value_to_tag<update_campaign_request>,
    const boost::json::value& in);

ATLAS_DECL void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const campaign_response& in);
ATLAS_DECL campaign_response tag_invoke(boost::json::value_to_tag<campaign_response>, const boost::json::value& in);

/// Closed enums travel as their wire strings ("0"/"1", "1"/"2", "atlas").
template <closed_enum E>
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, E in)
{
    out = boost::json::string(to_wire(in));
}
template <closed_enum E>
E tag_invoke(boost::json::value_to_tag<E>, const boost::json::value& in)
{
    if (in.is_string())
        if (auto e = from_wire<E>(std::string_view(in.get_string().data(), in.get_string().size())))
            return *e;
    throw boost::system::system_error(make_error_code(boost::json::error::unknown_name),
        "atlas: not one of the enum's wire values");
}

/// Open enums travel as plain strings.
ATLAS_DECL void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const open_enum& in);
ATLAS_DECL open_enum tag_invoke(boost::json::value_to_tag<open_enum>, const boost::json::value& in);

/// Why parse_request or parse_response refused JSON that Boost.JSON reads: error codes of the category
/// "atlas.convert", so a caller can tell them from Boost.JSON's own.
enum class convert_error {
    repeated_key = 1, // a key appears twice in one object (RFC 7493): which value is meant cannot be told
    too_deep = 2,     // to_json, value_from: a value of `extra` nests deeper than to_json_max_depth
    not_finite = 3,   // to_json, value_from: a value of `extra` holds a NaN or infinite number
    not_utf8 = 4,     // to_json, value_from: a string or key, a member's or in `extra`, is not UTF-8
};

/// How deep `extra`'s values may nest for to_json and value_from: Boost.JSON copies a value recursively, so a
/// struct built in code with an array 100,000 levels deep in `extra` overflowed the stack. Far beyond
/// options::max_depth (64), which the validator holds such a value to.
inline constexpr std::size_t to_json_max_depth = 512;
ATLAS_DECL const boost::system::error_category& convert_category() noexcept;
inline boost::system::error_code make_error_code(convert_error e) noexcept
{
    return {static_cast<int>(e), convert_category()};
}

/// Parse JSON text into a typed request or response (throws boost::system::system_error on malformed JSON, a
/// repeated key (convert_error::repeated_key) or wrong types).
ATLAS_DECL update_campaign_request parse_request(std::string_view json_text);
ATLAS_DECL campaign_response parse_response(std::string_view json_text);

/// Serialise a typed request or response to compact JSON text.
ATLAS_DECL std::string to_json(const update_campaign_request& request);
ATLAS_DECL std::string to_json(const campaign_response& response);

} // namespace atlas

template <>
struct boost::system::is_error_code_enum<atlas::convert_error> : std::true_type {};

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/convert.hpp>
#endif

#endif
