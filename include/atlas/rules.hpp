// atlas: the rule catalog -- every rule of the contract as data.
//
// One table drives validation: each entry has a stable id, a default severity, where it applies,
// what it reads and a one-line description, and names the check that enforces it. The same table
// prints as the catalog (README, `atlas-validate --list-rules`).
#ifndef ATLAS_RULES_HPP
#define ATLAS_RULES_HPP

#include <atlas/detail/config.hpp>
#include <atlas/diagnostic.hpp>
#include <atlas/field_info.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace atlas {

/// Where a rule applies.
enum class rule_scope : std::uint8_t {
    text,     // the JSON text itself, before any field is read
    both,     // request and response fields
    request,  // request bodies only (channel rules: a response reports the campaign as stored)
    response, // response bodies only
    call,     // the call's path id and api-key
    report,   // the report itself
};

constexpr std::string_view to_string(rule_scope s) noexcept
{
    switch (s) {
    case rule_scope::text: return "text";
    case rule_scope::both: return "request, response";
    case rule_scope::request: return "request";
    case rule_scope::response: return "response";
    case rule_scope::call: return "call";
    case rule_scope::report: return "report";
    }
    return "";
}

/// A set of value kinds, as a bit mask: the fields a field rule checks.
using kind_mask = std::uint32_t;
constexpr kind_mask kinds_of(std::initializer_list<value_kind> kinds) noexcept
{
    kind_mask mask = 0;
    for (value_kind k : kinds)
        mask |= kind_mask{1} << static_cast<unsigned>(k);
    return mask;
}
constexpr bool has_kind(kind_mask mask, value_kind k) noexcept
{
    return (mask >> static_cast<unsigned>(k)) & 1u;
}

namespace detail {
class checker;
/// Checks one field's value (called for every present, not yet failed field of the rule's kinds).
using field_check = void(checker&, std::size_t field);
/// Checks the payload as a whole (called once; skipped when a field it reads already failed).
using payload_check = void(checker&);

// The checks, defined in impl/checks.hpp (included at the end of this header when header-only).
// Several rules can share one check when one walk finds them all (TimeWindows content, ToolIds).
field_check check_type, check_not_empty, check_enum_value, check_integer, check_date_time, check_time_zone,
    check_json_text, check_time_windows, check_tool_ids;
payload_check check_required, check_call_type_required, check_call_type_omitted, check_messages_on_phone,
    check_messages_false, check_position_required, check_position_omitted, check_outbound_only,
    check_inbound_only, check_sms_pair, check_template_known, check_template_channel, check_null, check_call_id,
    check_api_key;
} // namespace detail

/// The rules, in the order the engine runs them; rule_info::key equals the index in the table.
enum class rule : std::uint8_t {
    json_syntax, json_encoding, json_root, json_limit, json_duplicate_key, json_number_range, field_unknown,
    field_type, field_empty, enum_value, integer_literal, integer_range, datetime_format, datetime_offset,
    timezone_known, json_text_syntax, time_windows_syntax, time_windows_shape, time_windows_missing_key,
    time_windows_type, time_windows_range, time_windows_unknown_key, time_windows_empty, time_windows_overlap,
    tool_ids_empty_item, tool_ids_duplicate, tool_ids_whitespace, field_required, channel_call_type_required,
    channel_call_type_omit, channel_messages_on_phone, channel_messages_false, channel_position_required,
    channel_position_omit, channel_outbound_only, channel_inbound_only, sms_pair, template_known, template_channel,
    field_null, call_id,
    call_api_key, report_truncated, input_unreadable,
};

struct rule_info {
    atlas::rule key;
    std::string_view id;
    atlas::severity severity;
    rule_scope scope;
    kind_mask kinds = 0;                      // field rules: the value kinds of the fields it checks
    std::span<const std::string_view> reads{}; // payload rules: the fields it reads
    std::string_view description{};
    detail::field_check* on_field = nullptr;   // set for field rules
    detail::payload_check* on_payload = nullptr; // set for payload rules; neither: reported while reading
};

namespace detail {
inline constexpr std::string_view reads_call_type[] = {"campaignType", "CallType"};
inline constexpr std::string_view reads_campaign_type[] = {"campaignType"};
inline constexpr std::string_view reads_messages[] = {"campaignType", "MessagesCampaign"};
inline constexpr std::string_view reads_position[] = {"campaignType", "Position"}; // and MessagesCampaign's type
inline constexpr std::string_view reads_sms[] = {"SMSTrigger", "SMSBody"};
inline constexpr std::string_view reads_template[] = {"TemplateId"};
inline constexpr std::string_view reads_template_channel[] = {"TemplateId", "campaignType"};
inline constexpr std::string_view reads_id[] = {"id"};
inline constexpr std::string_view reads_api_key[] = {"api-key"};

using vk = value_kind;
inline constexpr kind_mask string_kinds = kinds_of({vk::text, vk::non_empty_text, vk::closed_enum, vk::open_enum,
    vk::date_time, vk::time_windows, vk::json_text, vk::time_zone, vk::tool_ids});
inline constexpr kind_mask all_kinds = string_kinds | kinds_of({vk::boolean, vk::integer});
} // namespace detail

/// The rule catalog.
inline constexpr rule_info rules[] = {
    {rule::json_syntax, "json.syntax", severity::error, rule_scope::text, 0, {},
     "The input is JSON (RFC 8259): no comments, trailing commas, NaN or text after the value."},
    {rule::json_encoding, "json.encoding", severity::error, rule_scope::text, 0, {},
     "The input is UTF-8 with no byte-order mark, and \\u escapes never leave a lone surrogate."},
    {rule::json_root, "json.root", severity::error, rule_scope::text, 0, {}, "The root of a payload is a JSON object."},
    {rule::json_limit, "json.limit", severity::error, rule_scope::text, 0, {},
     "The input stays within the size, nesting and string-length limits of the options."},
    {rule::json_duplicate_key, "json.duplicate-key", severity::error, rule_scope::text, 0, {},
     "No object has the same key twice, at any depth, JSON-in-string content included (RFC 7493)."},
    {rule::json_number_range, "json.number-range", severity::error, rule_scope::text, 0, {},
     "Every number is finite as a binary64 double (1e400 is not)."},
    {rule::field_unknown, "field.unknown", severity::warning, rule_scope::both, 0, {},
     "Every field is one the seed defines; a near miss gets a did-you-mean (an error for requests in strict "
     "mode)."},

    {rule::field_type, "field.type", severity::error, rule_scope::both, detail::all_kinds, {},
     "Every field has its strict JSON type: a string, true/false or a number; the hint shows the right literal.",
     detail::check_type},
    {rule::field_empty, "field.empty", severity::error, rule_scope::both,
     kinds_of({value_kind::non_empty_text, value_kind::open_enum, value_kind::time_zone}), {},
     "name, TemplateId, Timezone and the open enums are not empty strings (a response's Position and "
     "EnrichmentInfoProvider are plain strings, and may be).",
     detail::check_not_empty},
    {rule::enum_value, "enum.value", severity::error, rule_scope::both,
     kinds_of({value_kind::closed_enum, value_kind::open_enum}), {},
     "An enum holds one of its wire values (campaignType \"0\"/\"1\", CallType \"1\"/\"2\", AIAssistantProvider "
     "\"atlas\"), or one of the values registered for an open enum.",
     detail::check_enum_value},
    {rule::integer_literal, "integer.literal", severity::error, rule_scope::both, kinds_of({value_kind::integer}),
     {}, "An integer field is a JSON integer literal: no fraction, no exponent.", detail::check_integer},
    {rule::integer_range, "integer.range", severity::error, rule_scope::both, kinds_of({value_kind::integer}), {},
     "An integer field is within 0..2147483647 (Azure Table storage keeps 32-bit integers).",
     detail::check_integer},
    {rule::datetime_format, "datetime.format", severity::error, rule_scope::both, kinds_of({value_kind::date_time}),
     {}, "StartDate and Timestamp are RFC 3339 date-times, calendar-valid, with T between date and time.",
     detail::check_date_time},
    {rule::datetime_offset, "datetime.offset", severity::warning, rule_scope::both,
     kinds_of({value_kind::date_time}), {},
     "A date-time has an offset (Z or +hh:mm); without one the server's zone decides.", detail::check_date_time},
    {rule::timezone_known, "timezone.known", severity::error, rule_scope::both, kinds_of({value_kind::time_zone}),
     {}, "Timezone is an IANA time zone name, case-exact; a near name gets a did-you-mean.",
     detail::check_time_zone},
    {rule::json_text_syntax, "json-text.syntax", severity::error, rule_scope::both,
     kinds_of({value_kind::json_text}), {},
     "EnrichmentInfoSettings, RedialSettings and IdleMessages hold JSON text; the message says where it breaks.",
     detail::check_json_text},
    {rule::time_windows_syntax, "time-windows.syntax", severity::error, rule_scope::both,
     kinds_of({value_kind::time_windows}), {},
     "TimeWindows holds JSON text (straight quotes, not \u201c \u201d).", detail::check_time_windows},
    {rule::time_windows_shape, "time-windows.shape", severity::error, rule_scope::both,
     kinds_of({value_kind::time_windows}), {}, "TimeWindows holds an array of objects.", detail::check_time_windows},
    {rule::time_windows_missing_key, "time-windows.missing-key", severity::error, rule_scope::both,
     kinds_of({value_kind::time_windows}), {},
     "Each time window has startHour, startMinute, endHour and endMinute.", detail::check_time_windows},
    {rule::time_windows_type, "time-windows.type", severity::error, rule_scope::both,
     kinds_of({value_kind::time_windows}), {}, "Each hour and minute of a time window is a JSON integer.",
     detail::check_time_windows},
    {rule::time_windows_range, "time-windows.range", severity::error, rule_scope::both,
     kinds_of({value_kind::time_windows}), {}, "Hours are 0-23 and minutes 0-59.", detail::check_time_windows},
    {rule::time_windows_unknown_key, "time-windows.unknown-key", severity::warning, rule_scope::both,
     kinds_of({value_kind::time_windows}), {}, "A time window has no keys but the four.", detail::check_time_windows},
    {rule::time_windows_empty, "time-windows.empty", severity::warning, rule_scope::both,
     kinds_of({value_kind::time_windows}), {},
     "A time window does not end where it starts (one that ends before it starts crosses midnight: valid).",
     detail::check_time_windows},
    {rule::time_windows_overlap, "time-windows.overlap", severity::warning, rule_scope::both,
     kinds_of({value_kind::time_windows}), {},
     "Time windows do not overlap; reported on the later window.", detail::check_time_windows},
    {rule::tool_ids_empty_item, "tool-ids.empty-item", severity::error, rule_scope::both,
     kinds_of({value_kind::tool_ids}), {}, "ToolIds has no empty item (a,,b or a trailing comma); \"\" is an empty list.",
     detail::check_tool_ids},
    {rule::tool_ids_duplicate, "tool-ids.duplicate", severity::warning, rule_scope::both,
     kinds_of({value_kind::tool_ids}), {}, "ToolIds names each id once.", detail::check_tool_ids},
    {rule::tool_ids_whitespace, "tool-ids.whitespace", severity::warning, rule_scope::both,
     kinds_of({value_kind::tool_ids}), {}, "ToolIds has no white space around an id.", detail::check_tool_ids},

    {rule::field_required, "field.required", severity::error, rule_scope::request, 0, {},
     "name, campaignType and TemplateId are present and not null.", nullptr, detail::check_required},
    {rule::channel_call_type_required, "channel.call-type-required", severity::error, rule_scope::request, 0,
     detail::reads_call_type, "A phone campaign (campaignType \"1\") has CallType.", nullptr,
     detail::check_call_type_required},
    {rule::channel_call_type_omit, "channel.call-type-omit", severity::error, rule_scope::request, 0,
     detail::reads_call_type, "A non-phone campaign (campaignType \"0\") has no CallType.", nullptr,
     detail::check_call_type_omitted},
    {rule::channel_messages_on_phone, "channel.messages-on-phone", severity::error, rule_scope::request, 0,
     detail::reads_messages, "A phone campaign does not set MessagesCampaign to true.", nullptr,
     detail::check_messages_on_phone},
    {rule::channel_messages_false, "channel.messages-false", severity::warning, rule_scope::request, 0,
     detail::reads_messages,
     "On a non-phone campaign MessagesCampaign false is read as absent (a voice bubble): the seed says omit it.",
     nullptr, detail::check_messages_false},
    {rule::channel_position_required, "channel.position-required", severity::error, rule_scope::request, 0,
     detail::reads_messages, "A voice bubble (campaignType \"0\", MessagesCampaign omitted) has Position.", nullptr,
     detail::check_position_required},
    {rule::channel_position_omit, "channel.position-omit", severity::error, rule_scope::request, 0,
     detail::reads_position,
     "Phone and Messages campaigns have no Position (not judged while MessagesCampaign has the wrong type).",
     nullptr,
     detail::check_position_omitted},
    {rule::channel_outbound_only, "channel.outbound-only", severity::warning, rule_scope::request, 0,
     detail::reads_campaign_type,
     "StartDate, TimeWindows and FeatureRescheduleCallEnabled have no effect but on outbound phone campaigns "
     "(CallType is read when valid: a non-phone campaign is warned whatever it holds).",
     nullptr, detail::check_outbound_only},
    {rule::channel_inbound_only, "channel.inbound-only", severity::warning, rule_scope::request, 0,
     detail::reads_campaign_type,
     "FeatureAppendPreviousSummaryEnabled has no effect but on inbound phone campaigns (CallType is read when "
     "valid).",
     nullptr,
     detail::check_inbound_only},
    {rule::sms_pair, "sms.pair", severity::warning, rule_scope::request, 0, detail::reads_sms,
     "SMSTrigger and SMSBody come together (an empty string counts as absent).", nullptr, detail::check_sms_pair},
    {rule::template_known, "template.known", severity::error, rule_scope::request, 0, detail::reads_template,
     "With a template catalog in the options: TemplateId is one of its templates (did-you-mean otherwise).",
     nullptr, detail::check_template_known},
    {rule::template_channel, "template.channel", severity::error, rule_scope::request, 0,
     detail::reads_template_channel,
     "With a template catalog in the options: the template was written for the payload's channel.", nullptr,
     detail::check_template_channel},
    {rule::field_null, "field.null", severity::warning, rule_scope::both, 0, {},
     "An optional field is omitted rather than null (null is read as omitted); a response may have null only in "
     "AIAssistantProvider.",
     nullptr, detail::check_null},

    {rule::call_id, "call.id", severity::error, rule_scope::call, 0, detail::reads_id,
     "The path id is not empty and has no control characters and no '/'.", nullptr, detail::check_call_id},
    {rule::call_api_key, "call.api-key", severity::error, rule_scope::call, 0, detail::reads_api_key,
     "The api-key has no control characters (CR/LF would inject headers); it is never printed.", nullptr,
     detail::check_api_key},
    {rule::report_truncated, "report.truncated", severity::warning, rule_scope::report, 0, {},
     "Past options::max_diagnostics, one entry counts the diagnostics left out (an error if any of them is).",
     nullptr, nullptr},
    {rule::input_unreadable, "input.unreadable", severity::error, rule_scope::report, 0, {},
     "A tool could not read the input (no such file, a directory, no permission, out of memory): the CLI's JSON "
     "output still has its line, which says why.",
     nullptr, nullptr},
};

namespace detail {
consteval bool rule_keys_are_indices()
{
    for (std::size_t i = 0; i < std::size(rules); ++i)
        if (static_cast<std::size_t>(rules[i].key) != i)
            return false;
    return true;
}
} // namespace detail
static_assert(detail::rule_keys_are_indices(), "rules[i].key must equal i");

constexpr const rule_info& info(rule r) noexcept
{
    return rules[static_cast<std::size_t>(r)];
}

/// Whether a rule's level cannot be changed by options: the rules of text that cannot be read as a JSON
/// object (json.syntax, json.encoding, json.root, json.limit), since nothing else of such a payload can be
/// checked and turning one off or down would call unreadable text valid; and the call's (call.id, call.api-key),
/// whose values go into the HTTP request as they are, where a CR/LF or a '/' would inject a header or a path (an
/// SDK that forwards its users' configuration must not lose them). options::rule_levels is ignored for them, and
/// a configuration (read_options) that sets them to anything but "error" is refused.
constexpr bool level_is_fixed(rule r) noexcept
{
    return r == rule::json_syntax || r == rule::json_encoding || r == rule::json_root || r == rule::json_limit ||
           r == rule::call_id || r == rule::call_api_key || r == rule::input_unreadable;
}

/// The rule with this id, or nullptr.
constexpr const rule_info* find_rule(std::string_view id) noexcept
{
    for (const rule_info& r : rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/checks.hpp>
#endif

#endif
