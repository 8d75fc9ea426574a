// atlas: out-of-line definitions for schema.hpp -- the JSON Schema built from the model, the field
// tables and the rule table.
#ifndef ATLAS_IMPL_SCHEMA_HPP
#define ATLAS_IMPL_SCHEMA_HPP

#include <atlas/channel.hpp>
#include <atlas/schema.hpp>
#include <atlas/detail/checker.hpp>
#include <atlas/enums.hpp>
#include <atlas/fields.hpp>
#include <atlas/timezone.hpp>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace atlas::detail {

// ---------------------------------------------------------------------------------------------
// What the schema can say about each rule

/// How much of a rule a Draft 2020-12 schema states.
enum class schema_coverage : std::uint8_t {
    full,      // stated by assertion keywords: not listed under x-atlas-rules
    partial,   // stated only in part, or only by annotation keywords (format, content*): listed
    none,      // not stated (the parser's job, a warning, or beyond JSON Schema): listed
    not_body,  // about the call or the report, not a body: left out
};

struct rule_schema_note {
    rule key;
    schema_coverage coverage;
    std::string_view note; // listed rules: what the schema does about it, and why not more
};

inline constexpr std::string_view content_note =
    "contentMediaType/contentSchema are annotations in Draft 2020-12: only a validator that decodes the "
    "string's content asserts them";

/// One entry per rule, in the rule table's order (checked below).
inline constexpr rule_schema_note schema_notes[] = {
    {rule::json_syntax, schema_coverage::none, "the JSON parser's: a schema applies to parsed values"},
    {rule::json_encoding, schema_coverage::none, "the JSON parser's: a schema applies to parsed values"},
    {rule::json_root, schema_coverage::full, {}},
    {rule::json_limit, schema_coverage::none, "the size and nesting limits of atlas::options are not a schema's"},
    {rule::json_duplicate_key, schema_coverage::none,
     "parsed JSON has no duplicate keys: most parsers keep the last value without a word"},
    {rule::json_number_range, schema_coverage::partial,
     "a known integer field rejects an infinite number; in unknown fields and JSON-in-string content the schema "
     "sees only what the parser made of it"},
    {rule::field_unknown, schema_coverage::none,
     "a warning: additionalProperties stays allowed (atlas::options::strict makes it false for requests)"},
    {rule::field_type, schema_coverage::full, {}},
    {rule::field_empty, schema_coverage::full, {}},
    {rule::enum_value, schema_coverage::full, {}},
    {rule::integer_literal, schema_coverage::partial,
     "\"type\": \"integer\" accepts any number with a zero fraction (1.0, 1e2); atlas wants the literal (1, 100)"},
    {rule::integer_range, schema_coverage::full, {}},
    {rule::datetime_format, schema_coverage::partial,
     "\"format\": \"date-time\" names RFC 3339 and is an annotation unless the validator asserts formats; atlas is "
     "exact: calendar-valid, T or t between date and time (no space), offset Z or \u00b1hh:mm with the colon, "
     "second 60 (a leap second) at any minute"},
    {rule::datetime_offset, schema_coverage::none,
     "a warning, not stated: without an offset the server's time zone decides"},
    {rule::timezone_known, schema_coverage::none,
     "the schema asks for a non-empty string; the IANA names are atlas's (its tz database version is in the "
     "description)"},
    {rule::json_text_syntax, schema_coverage::partial, content_note},
    {rule::time_windows_syntax, schema_coverage::partial, content_note},
    {rule::time_windows_shape, schema_coverage::partial, content_note},
    {rule::time_windows_missing_key, schema_coverage::partial, content_note},
    {rule::time_windows_type, schema_coverage::partial,
     "contentSchema (an annotation in Draft 2020-12) says integer, which also accepts 9.0; atlas wants the literal 9"},
    {rule::time_windows_range, schema_coverage::partial, content_note},
    {rule::time_windows_unknown_key, schema_coverage::none, "a warning: a window's other keys stay allowed"},
    {rule::time_windows_empty, schema_coverage::none, "a warning; compares two values, which JSON Schema cannot"},
    {rule::time_windows_overlap, schema_coverage::none, "a warning; compares windows, which JSON Schema cannot"},
    {rule::tool_ids_empty_item, schema_coverage::full, {}},
    {rule::tool_ids_duplicate, schema_coverage::none, "a warning; compares items, which JSON Schema cannot"},
    {rule::tool_ids_whitespace, schema_coverage::none, "a warning, not stated"},
    {rule::field_required, schema_coverage::full, {}},
    {rule::channel_call_type_required, schema_coverage::full, {}},
    {rule::channel_call_type_omit, schema_coverage::full, {}},
    {rule::channel_messages_on_phone, schema_coverage::full, {}},
    {rule::channel_messages_false, schema_coverage::none, "a warning, not stated: false is read as absent"},
    {rule::channel_position_required, schema_coverage::full, {}},
    {rule::channel_position_omit, schema_coverage::full, {}},
    {rule::channel_outbound_only, schema_coverage::none, "a warning, not stated: the value is ignored"},
    {rule::channel_inbound_only, schema_coverage::none, "a warning, not stated: the value is ignored"},
    {rule::sms_pair, schema_coverage::none, "a warning, not stated"},
    {rule::template_known, schema_coverage::none, "needs the caller's template catalog (atlas::options::templates)"},
    {rule::template_channel, schema_coverage::none, "needs the caller's template catalog (atlas::options::templates)"},
    {rule::field_null, schema_coverage::none, "a warning: every field that is not required accepts null (a request reads it as omitted, a response "
     "keeps it as null)"},
    {rule::call_id, schema_coverage::not_body, {}},
    {rule::call_api_key, schema_coverage::not_body, {}},
    {rule::report_truncated, schema_coverage::not_body, {}},
    {rule::input_unreadable, schema_coverage::not_body, {}},
};

consteval bool schema_notes_match_rules()
{
    if (std::size(schema_notes) != std::size(rules))
        return false;
    for (std::size_t i = 0; i < std::size(rules); ++i) {
        const schema_coverage c = schema_notes[i].coverage;
        const bool listed = c == schema_coverage::partial || c == schema_coverage::none;
        if (schema_notes[i].key != rules[i].key || listed == schema_notes[i].note.empty())
            return false;
    }
    return true;
}
static_assert(schema_notes_match_rules(), "schema_notes needs one entry per rule, in the rule table's order, and a "
                                          "note exactly for the rules x-atlas-rules lists");

// ---------------------------------------------------------------------------------------------
// The channel table as constraints

/// What a channel rule demands of a field on the channels it applies to.
enum class channel_demand : std::uint8_t {
    required, // present and not null
    absent,   // absent, or null (read as absent)
    not_true, // anything but true
};

struct channel_constraint {
    rule key;
    channel_set on; // the channels the rule applies to
    std::string_view field;
    channel_demand demand;
};

inline constexpr channel_set non_phone = campaign_channel::voice_bubble | campaign_channel::messages;

/// The contract's channel table, one line per error rule; its warnings are listed under x-atlas-rules.
inline constexpr channel_constraint channel_constraints[] = {
    {rule::channel_call_type_required, channels::phone, "CallType", channel_demand::required},
    {rule::channel_call_type_omit, non_phone, "CallType", channel_demand::absent},
    {rule::channel_messages_on_phone, channels::phone, "MessagesCampaign", channel_demand::not_true},
    {rule::channel_position_required, campaign_channel::voice_bubble, "Position", channel_demand::required},
    {rule::channel_position_omit, channels::phone | campaign_channel::messages, "Position", channel_demand::absent},
};

constexpr bool covers(channel_set on, channel_set branch) noexcept
{
    return (on.bits() & branch.bits()) == branch.bits();
}

/// The table agrees with the field table (a field is required exactly on the channels it has an
/// effect on and absent on the others), and never tells inbound from outbound: the schema's
/// branches are phone, voice bubble and messages.
consteval bool channel_constraints_match_fields()
{
    for (const channel_constraint& c : channel_constraints) {
        const std::size_t i = field_index(request_fields, c.field);
        if (i == std::size(request_fields) || info(c.key).scope != rule_scope::request ||
            info(c.key).severity != severity::error)
            return false;
        const channel_set effect = request_fields[i].channels;
        if (c.demand == channel_demand::required && c.on != effect)
            return false;
        if (c.demand == channel_demand::absent && (c.on | effect) != channels::all)
            return false;
        if (c.on.contains(campaign_channel::inbound_phone) != c.on.contains(campaign_channel::outbound_phone))
            return false;
    }
    return true;
}
static_assert(channel_constraints_match_fields(), "channel_constraints must agree with request_fields");

// ---------------------------------------------------------------------------------------------
// Building the schema

/// The JSON type a member's C++ type has on the wire: enums (closed and open) are strings.
template <class V>
constexpr std::string_view schema_type() noexcept
{
    if constexpr (std::is_same_v<V, bool>)
        return "boolean";
    else if constexpr (std::is_same_v<V, std::int64_t>)
        return "integer";
    else
        return "string";
}

/// A ToolIds list: "" (no ids), or items with a character other than white space and comma each. White space
/// around an item is allowed (a warning); white space is ASCII's six, as checks.hpp's is_id_space (named one by
/// one: \s would take Unicode's spaces too).
inline constexpr std::string_view tool_ids_pattern =
    "^(?:[\\t\\n\\v\\f\\r ]*[^\\t\\n\\v\\f\\r ,][^,]*(?:,[\\t\\n\\v\\f\\r ]*[^\\t\\n\\v\\f\\r ,][^,]*)*)?$";

inline boost::json::object time_windows_content_schema()
{
    boost::json::object window_properties;
    boost::json::array required;
    for (std::size_t k = 0; k < std::size(time_window_keys); ++k) {
        boost::json::object p;
        p["type"] = "integer";
        p["minimum"] = 0;
        p["maximum"] = time_window_max[k];
        window_properties[time_window_keys[k]] = std::move(p);
        required.emplace_back(time_window_keys[k]);
    }
    boost::json::object window;
    window["description"] = "a time window; one that ends before it starts crosses midnight";
    window["type"] = "object";
    window["properties"] = std::move(window_properties);
    window["required"] = std::move(required);
    boost::json::object content;
    content["type"] = "array";
    content["items"] = std::move(window);
    return content;
}

/// The schema of one field; `type` is its JSON type as the reflected member holds it.
inline boost::json::object property_schema(
    const field_info& f, std::string_view type, const options& opts, payload_kind kind)
{
    // Null in an optional field is read as omitted, with a warning, unless the options make field.null an error;
    // AIAssistantProvider's null is one of its values.
    const bool nullable = !f.required && (f.type == seed_type::enumeration_or_null ||
                                             level_in(opts, kind, rule::field_null) != rule_level::error);
    boost::json::object p;
    std::string description(f.description);
    if (f.kind == value_kind::time_zone)
        description += std::string(description.empty() ? "" : " ") + "atlas accepts the names of tz database " +
                       std::string(tzdata_version) + ", case-exact.";
    if (!description.empty())
        p["description"] = description;
    if (nullable)
        p["type"] = boost::json::array{type, "null"};
    else
        p["type"] = type;
    const auto registered = opts.allowed_values.find(f.name);
    const bool closed = f.kind == value_kind::closed_enum ||
                        (f.kind == value_kind::open_enum && registered != opts.allowed_values.end() &&
                            !registered->second.empty());
    if (closed) {
        boost::json::array values;
        if (f.kind == value_kind::closed_enum)
            for (const enum_value& v : f.values)
                values.emplace_back(v.wire);
        else
            for (const std::string& v : registered->second)
                if (!v.empty() && std::find(values.begin(), values.end(), boost::json::value(v)) == values.end())
                    values.emplace_back(v);
        if (nullable)
            values.emplace_back(nullptr);
        p["enum"] = std::move(values);
        return p;
    }
    switch (f.kind) {
    case value_kind::non_empty_text:
    case value_kind::open_enum:
    case value_kind::time_zone: p["minLength"] = 1; break;
    case value_kind::integer:
        p["minimum"] = f.min;
        p["maximum"] = f.max;
        break;
    case value_kind::date_time: p["format"] = "date-time"; break;
    case value_kind::time_windows:
        p["contentMediaType"] = "application/json";
        p["contentSchema"] = time_windows_content_schema();
        break;
    case value_kind::json_text: p["contentMediaType"] = "application/json"; break;
    case value_kind::tool_ids: p["pattern"] = tool_ids_pattern; break;
    default: break;
    }
    return p;
}

/// {"properties": {field: {"const": value}}, "required": [field]}: the field is there and equals value.
inline boost::json::object field_equals(std::string_view field, boost::json::value value)
{
    boost::json::object is;
    is["const"] = std::move(value);
    boost::json::object properties;
    properties[field] = std::move(is);
    boost::json::object s;
    s["properties"] = std::move(properties);
    s["required"] = boost::json::array{field};
    return s;
}

inline boost::json::object constraint_schema(const channel_constraint& c, const boost::json::object& properties)
{
    const rule_info& r = info(c.key);
    boost::json::object s;
    s["$comment"] = std::string("rule ") + std::string(r.id);
    s["description"] = r.description;
    boost::json::object demand;
    switch (c.demand) {
    case channel_demand::required: {
        // The property's type without "null": a null required field is as good as missing.
        const boost::json::value& type = properties.at(c.field).as_object().at("type");
        demand["type"] = type.is_array() ? type.as_array().at(0) : type;
        break;
    }
    case channel_demand::absent:
        demand["description"] = "absent (null is read as absent)";
        demand["type"] = "null";
        break;
    case channel_demand::not_true: {
        boost::json::object is_true;
        is_true["const"] = true;
        demand["not"] = std::move(is_true);
        break;
    }
    }
    boost::json::object field_properties;
    field_properties[c.field] = std::move(demand);
    s["properties"] = std::move(field_properties);
    if (c.demand == channel_demand::required)
        s["required"] = boost::json::array{c.field};
    return s;
}

/// The constraints of one channel branch: those that apply to all of `branch` and, unless `whole`,
/// not to all of `whole` (the enclosing branch states those).
inline boost::json::object channel_branch(std::string_view description, channel_set branch, channel_set whole,
    const boost::json::object& properties)
{
    boost::json::object s;
    s["description"] = description;
    boost::json::array all_of;
    for (const channel_constraint& c : channel_constraints)
        if (covers(c.on, branch) && (whole.empty() || !covers(c.on, whole)))
            all_of.emplace_back(constraint_schema(c, properties));
    if (!all_of.empty())
        s["allOf"] = std::move(all_of);
    return s;
}

inline std::string wire_quoted(std::string_view field, campaign_type t)
{
    return std::string(field) + " \"" + std::string(to_wire(t)) + "\"";
}

/// The contract's channel table as if/then/else on the root: phone, else non-phone, and inside it
/// messages (MessagesCampaign true) or voice bubble.
inline void add_channel_rules(boost::json::object& root, const boost::json::object& properties)
{
    constexpr std::string_view type_field = "campaignType", messages_field = "MessagesCampaign";
    root["if"] = field_equals(type_field, boost::json::string(to_wire(campaign_type::phone)));
    root["then"] = channel_branch("inbound or outbound phone: " + wire_quoted(type_field, campaign_type::phone),
        channels::phone, {}, properties);

    boost::json::object messages = field_equals(messages_field, true);
    boost::json::object by_messages;
    by_messages["if"] = std::move(messages);
    by_messages["then"] = channel_branch(std::string(to_string(campaign_channel::messages)) + ": " +
                                             std::string(messages_field) + " true",
        campaign_channel::messages, non_phone, properties);
    by_messages["else"] = channel_branch(std::string(to_string(campaign_channel::voice_bubble)) + ": " +
                                             std::string(messages_field) + " absent, null or false",
        campaign_channel::voice_bubble, non_phone, properties);

    boost::json::object non_phone_branch = channel_branch(
        "voice bubble or messages: " + wire_quoted(type_field, campaign_type::non_phone), non_phone, {}, properties);
    boost::json::array all_of;
    if (auto* common = non_phone_branch.if_contains("allOf"))
        all_of = std::move(common->as_array());
    all_of.emplace_back(std::move(by_messages));
    non_phone_branch["allOf"] = std::move(all_of);

    boost::json::object otherwise;
    otherwise["if"] = field_equals(type_field, boost::json::string(to_wire(campaign_type::non_phone)));
    otherwise["then"] = std::move(non_phone_branch);
    root["else"] = std::move(otherwise);
}

/// The fields a rule reads or reports on, among `table`'s; empty for "every field" and the text.
inline boost::json::array rule_fields(const rule_info& r, std::span<const field_info> table)
{
    boost::json::array names;
    auto add = [&](std::string_view n) {
        const bool known = field_index(table, n) < table.size();
        if (known && std::find(names.begin(), names.end(), boost::json::value(n)) == names.end())
            names.emplace_back(n);
    };
    if (r.kinds != all_kinds)
        for (const field_info& f : table)
            if (has_kind(r.kinds, f.kind))
                add(f.name);
    for (std::string_view n : r.reads)
        add(n);
    const channel_set only = r.key == rule::channel_outbound_only  ? channels::outbound_only
                             : r.key == rule::channel_inbound_only ? channels::inbound_only
                                                                   : channel_set{};
    if (!only.empty()) // the fields the warning is given on
        for (const field_info& f : table)
            if (f.channels == only)
                add(f.name);
    return names;
}

/// The rules of this payload kind that the schema does not state in full, in the rule table's order.
inline boost::json::array listed_rules(payload_kind kind, std::span<const field_info> table, const options& opts)
{
    boost::json::array listed;
    for (const rule_info& r : rules) {
        const rule_schema_note& note = schema_notes[static_cast<std::size_t>(r.key)];
        const bool applies = r.scope == rule_scope::text || r.scope == rule_scope::both ||
                             (r.scope == rule_scope::request && kind == payload_kind::request) ||
                             (r.scope == rule_scope::response && kind == payload_kind::response);
        if (!applies || note.coverage == schema_coverage::full || note.coverage == schema_coverage::not_body)
            continue;
        // Without a template catalog the template rules have nothing to check: they are off, whatever their level.
        const bool needs_catalog = r.key == rule::template_known || r.key == rule::template_channel;
        const rule_level level = needs_catalog && opts.templates.empty() ? rule_level::off : level_in(opts, kind, r.key);
        if ((r.key == rule::field_unknown || r.key == rule::field_null) && level == rule_level::error)
            continue; // additionalProperties: false states it, or the types without null
        boost::json::object entry;
        entry["id"] = r.id;
        entry["severity"] = level == rule_level::error ? "error" : level == rule_level::warning ? "warning" : "off";
        entry["description"] = r.description;
        boost::json::array fields = rule_fields(r, table);
        if (!fields.empty())
            entry["fields"] = std::move(fields);
        entry["in-schema"] = note.coverage == schema_coverage::partial ? "partly" : "no";
        // A note that says why a warning is not stated says so of the default level: under options that make the
        // rule an error (or turn it off) it would contradict the entry's own severity.
        if (constexpr std::string_view warning = "a warning"; level != rule_level::warning && note.note.starts_with(warning))
            entry["note"] = std::string(warning) + " by default" + std::string(note.note.substr(warning.size()));
        else
            entry["note"] = note.note;
        listed.emplace_back(std::move(entry));
    }
    return listed;
}

template <class T>
inline constexpr payload_kind schema_kind =
    std::is_same_v<T, update_campaign_request> ? payload_kind::request : payload_kind::response;

/// A string of the schema, quoted. Boost.JSON's serializer copies bytes that are no UTF-8 as they are, and a value
/// given to options::allow in code may hold them: the schema would be no JSON. They become U+FFFD, as in reports.
inline void append_schema_string(std::string& out, std::string_view text)
{
    out += '"';
    append_json_escaped(out, text);
    out += '"';
}

inline void append_indented(std::string& out, const boost::json::value& v, std::size_t indent)
{
    const auto newline = [&](std::size_t spaces) {
        out += '\n';
        out.append(spaces, ' ');
    };
    if (const boost::json::object* o = v.if_object()) {
        if (o->empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto& member : *o) {
            if (!first)
                out += ',';
            first = false;
            newline(indent + 2);
            append_schema_string(out, member.key());
            out += ": ";
            append_indented(out, member.value(), indent + 2);
        }
        newline(indent);
        out += '}';
        return;
    }
    if (const boost::json::array* a = v.if_array()) {
        const bool flat = std::none_of(a->begin(), a->end(),
            [](const boost::json::value& e) { return e.is_object() || e.is_array(); });
        out += '[';
        for (std::size_t i = 0; i < a->size(); ++i) {
            if (i > 0)
                out += flat ? ", " : ",";
            if (!flat)
                newline(indent + 2);
            append_indented(out, (*a)[i], indent + 2);
        }
        if (!flat && !a->empty())
            newline(indent);
        out += ']';
        return;
    }
    if (const boost::json::string* text = v.if_string()) {
        append_schema_string(out, *text);
        return;
    }
    out += boost::json::serialize(v);
}

} // namespace atlas::detail

namespace atlas {

template <schema_model T>
boost::json::object json_schema_value(const options& opts)
{
    constexpr detail::payload_kind kind = detail::schema_kind<T>;
    constexpr std::span<const field_info> table = fields_of<T>;
    const bool request = kind == detail::payload_kind::request;

    // One property per reflected member, in the model's order; the field table (checked against the
    // model at compile time) says what the value must be.
    boost::json::object properties;
    boost::json::array required;
    std::size_t i = 0;
    boost::mp11::mp_for_each<detail::model_members<T>>([&](auto member) {
        using value_type = typename detail::member_type<decltype(member)>::value_type;
        const field_info& f = table[i++];
        properties[f.name] = detail::property_schema(f, detail::schema_type<value_type>(), opts, kind);
        if (f.required)
            required.emplace_back(f.name);
    });

    boost::json::object root;
    root["$schema"] = json_schema_dialect;
    root["$id"] = request ? "urn:atlas:update-full-campaign:request" : "urn:atlas:update-full-campaign:response";
    root["title"] =
        request ? "Update full campaign: request body" : "Update full campaign: response body (Campaign updated)";
    root["description"] =
        std::string(request ? "The JSON body of an \"Update full campaign\" request, as atlas validates it"
                            : "The JSON body of the \"Campaign updated\" response, as atlas validates it") +
        ". Generated by atlas::json_schema from its field and rule tables; the rules a JSON Schema cannot state "
        "are listed under x-atlas-rules.";
    root["type"] = "object";
    root["properties"] = properties; // a copy: add_channel_rules reads `properties` while it adds to root
    if (!required.empty())
        root["required"] = std::move(required);
    // Unknown fields are warnings (servers add fields), so they stay allowed unless the options make them errors.
    root["additionalProperties"] = detail::level_in(opts, kind, rule::field_unknown) != rule_level::error;
    if constexpr (kind == detail::payload_kind::request)
        detail::add_channel_rules(root, properties);
    root["x-atlas-rules"] = detail::listed_rules(kind, table, opts);
    return root;
}

template <schema_model T>
std::string json_schema(const options& opts)
{
    return to_indented_json(json_schema_value<T>(opts));
}

ATLAS_DECL std::string to_indented_json(const boost::json::value& v)
{
    std::string out;
    detail::append_indented(out, v, 0);
    out += '\n';
    return out;
}

#ifndef ATLAS_HEADER_ONLY
template boost::json::object json_schema_value<update_campaign_request>(const options&);
template boost::json::object json_schema_value<campaign_response>(const options&);
template std::string json_schema<update_campaign_request>(const options&);
template std::string json_schema<campaign_response>(const options&);
#endif

} // namespace atlas

#endif
