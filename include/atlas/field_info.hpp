// atlas: what the library knows about one wire field, in one place.
#ifndef ATLAS_FIELD_INFO_HPP
#define ATLAS_FIELD_INFO_HPP

#include <atlas/channel.hpp>
#include <atlas/enums.hpp>

#include <cstdint>
#include <span>
#include <string_view>

namespace atlas {

/// The type as the seed page prints it next to the field's name.
enum class seed_type : std::uint8_t { string, enumeration, boolean, integer, datetime, enumeration_or_null };

/// The seed's spelling of a seed_type ("string", "enum", "boolean", "integer", "datetime", "enum or null").
constexpr std::string_view to_string(seed_type t) noexcept
{
    switch (t) {
    case seed_type::string: return "string";
    case seed_type::enumeration: return "enum";
    case seed_type::boolean: return "boolean";
    case seed_type::integer: return "integer";
    case seed_type::datetime: return "datetime";
    case seed_type::enumeration_or_null: return "enum or null";
    }
    return "";
}

/// Which checks a field's value gets; each kind maps to rules in the rule table.
enum class value_kind : std::uint8_t {
    text,           // any string
    non_empty_text, // a string that must not be ""
    closed_enum,    // one of field_info::values, case-exact
    open_enum,      // any non-empty string, unless the caller registers the allowed set
    boolean,
    integer,        // a JSON integer literal within [min, max]
    date_time,      // RFC 3339
    time_windows,   // a string holding a JSON array of time windows
    json_text,      // a string whose content must be JSON
    time_zone,      // an IANA time zone name
    tool_ids,       // comma-separated ids
};

/// The facts of one wire field: everything else (conversion, rules, messages, docs) reads them here.
struct field_info {
    std::string_view name;              // wire name, exactly as in the seed
    seed_type type;                     // the seed's type
    value_kind kind;                    // which value checks apply
    bool required = false;              // "Required" in the seed
    channel_set channels = channels::all; // request: channels on which the value has an effect
    std::span<const enum_value> values{}; // closed enums: the wire values
    std::int64_t min = 0, max = 0;      // integers: the accepted range
    std::string_view description{};     // the seed's description
};

} // namespace atlas

#endif
