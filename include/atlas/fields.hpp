// atlas: the field tables of "Update full campaign" -- the one place each wire field is described.
//
// The typed structs (request.hpp, response.hpp), the JSON conversion, the rule engine and the
// documentation all read these tables; a test proves they match the seed page.
#ifndef ATLAS_FIELDS_HPP
#define ATLAS_FIELDS_HPP

#include <atlas/field_info.hpp>

#include <cstdint>
#include <span>
#include <string_view>

namespace atlas {

namespace detail {
// Azure Table storage (the response's PartitionKey/RowKey/Timestamp/odata.etag) keeps 32-bit integers.
inline constexpr std::int64_t int32_max = 2147483647;
} // namespace detail

/// The 40 body fields of the request, in the seed's order.
inline constexpr field_info request_fields[] = {
    {.name = "name", .type = seed_type::string, .kind = value_kind::non_empty_text, .required = true,
     .description = "Required. Human-readable campaign name."},
    {.name = "campaignType", .type = seed_type::enumeration, .kind = value_kind::closed_enum, .required = true,
     .values = campaign_type_values,
     .description = "Required. Channel family. \"1\" = phone (inbound or outbound \u2014 set direction with "
                    "CallType). \"0\" = non-phone (voice bubble or Messages/SMS \u2014 distinguished by "
                    "MessagesCampaign)."},
    {.name = "TemplateId", .type = seed_type::string, .kind = value_kind::non_empty_text, .required = true,
     .description = "Required. ID of a starter template. See the catalog tables in the Create campaign endpoint "
                    "description \u2014 pick the row matching the user\u2019s language and the campaign channel "
                    "(outbound, inbound, web for voice bubble, messages for SMS) and pass its Template ID here."},
    {.name = "CallType", .type = seed_type::enumeration, .kind = value_kind::closed_enum,
     .channels = channels::phone, .values = call_type_values,
     .description = "Required when campaignType is \"1\", omit otherwise. Phone direction: \"1\" = inbound, "
                    "\"2\" = outbound."},
    {.name = "MessagesCampaign", .type = seed_type::boolean, .kind = value_kind::boolean,
     .channels = campaign_channel::messages,
     .description = "Optional. Set true (with campaignType: \"0\") to create a Messages/SMS campaign. Omit for "
                    "voice bubble."},
    {.name = "Position", .type = seed_type::enumeration, .kind = value_kind::open_enum,
     .channels = campaign_channel::voice_bubble,
     .description = "Required for voice bubble (campaignType: \"0\" with MessagesCampaign omitted). Voice bubble "
                    "position on the host page. Omit for phone and Messages campaigns."},
    {.name = "CompanyName", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Injected as {{companyName}} in the script."},
    {.name = "BusinessName", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Display name shown to callers/visitors."},
    {.name = "IsActive", .type = seed_type::boolean, .kind = value_kind::boolean,
     .description = "Optional. Whether the campaign is enabled at creation."},
    {.name = "Mode", .type = seed_type::boolean, .kind = value_kind::boolean, .description = "Optional."},
    {.name = "StartDate", .type = seed_type::datetime, .kind = value_kind::date_time,
     .channels = channels::outbound_only,
     .description = "Optional. Outbound-only \u2014 first date the agent may begin dialing. Ignored for inbound, "
                    "voice bubble, and Messages campaigns."},
    {.name = "TimeWindows", .type = seed_type::string, .kind = value_kind::time_windows,
     .channels = channels::outbound_only,
     .description = "Optional. Outbound-only. JSON-encoded array of time-window objects. Each object must contain "
                    "startHour (0\u201323), startMinute (0\u201359), endHour (0\u201323), and endMinute (0\u201359). "
                    "Example: [{\u201cstartHour\u201d:9,\u201cstartMinute\u201d:0,\u201cendHour\u201d:17,"
                    "\u201cendMinute\u201d:0}]. Ignored for inbound, voice bubble, and Messages campaigns."},
    {.name = "FirstMessage", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Greeting the agent speaks at the start of every call."},
    {.name = "PreScript", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Prepended to the agent prompt."},
    {.name = "PostScript", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Appended to the agent prompt."},
    {.name = "ScriptBase", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. The agent's conversation script."},
    {.name = "ScriptNotes", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Additional script guidance."},
    {.name = "FeatureRescheduleCallEnabled", .type = seed_type::boolean, .kind = value_kind::boolean,
     .channels = channels::outbound_only,
     .description = "Optional. Outbound-only \u2014 allow agent to reschedule calls."},
    {.name = "FeatureEnrichmentInfoEnabled", .type = seed_type::boolean, .kind = value_kind::boolean,
     .description = "Optional. Toggle caller-info enrichment."},
    {.name = "FeatureAppendPreviousSummaryEnabled", .type = seed_type::boolean, .kind = value_kind::boolean,
     .channels = channels::inbound_only,
     .description = "Optional. Inbound-only \u2014 append previous call summary to context."},
    {.name = "EnrichmentInfoProvider", .type = seed_type::enumeration, .kind = value_kind::open_enum,
     .description = "Optional. Provider used for caller enrichment."},
    {.name = "EnrichmentInfoSettings", .type = seed_type::string, .kind = value_kind::json_text,
     .description = "Optional. JSON string of enrichment settings."},
    {.name = "Timezone", .type = seed_type::string, .kind = value_kind::time_zone,
     .description = "Optional. IANA timezone, e.g. America/New_York."},
    {.name = "TimezoneFriendlyName", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Human-readable timezone label."},
    {.name = "Status", .type = seed_type::enumeration, .kind = value_kind::open_enum,
     .description = "Optional. Lifecycle state."},
    {.name = "Collection", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Collection/group identifier."},
    {.name = "ToolIds", .type = seed_type::string, .kind = value_kind::tool_ids,
     .description = "Optional. Comma-separated tool IDs."},
    {.name = "SMSTrigger", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Trigger phrase that fires an SMS during a call."},
    {.name = "SMSBody", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. SMS body associated with the trigger."},
    {.name = "FirstMessageMode", .type = seed_type::enumeration, .kind = value_kind::open_enum,
     .description = "Optional. Who speaks first at call start."},
    {.name = "EndCallMessage", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Message the agent says before hanging up."},
    {.name = "VoicemailMessage", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Message left on voicemail."},
    {.name = "AnalysisPlanSummaryPrompt", .type = seed_type::string, .kind = value_kind::text,
     .description = "Optional. Prompt used to summarize calls for analysis."},
    {.name = "FeatureEndCallWhenVoicemail", .type = seed_type::boolean, .kind = value_kind::boolean,
     .description = "Optional. End the call when voicemail is detected."},
    {.name = "FeatureRedialOnNoResponse", .type = seed_type::boolean, .kind = value_kind::boolean,
     .description = "Optional. Retry call when there's no answer."},
    {.name = "RedialSettings", .type = seed_type::string, .kind = value_kind::json_text,
     .description = "Optional. JSON string of redial settings."},
    {.name = "FeatureDoubleCall", .type = seed_type::boolean, .kind = value_kind::boolean,
     .description = "Optional. Place two concurrent attempts."},
    {.name = "DailyCallLimit", .type = seed_type::integer, .kind = value_kind::integer, .min = 0,
     .max = detail::int32_max, .description = "Optional. Maximum calls per day."},
    {.name = "IdleMessages", .type = seed_type::string, .kind = value_kind::json_text,
     .description = "Optional. JSON string of idle messages."},
    {.name = "IsOutboundChatActive", .type = seed_type::boolean, .kind = value_kind::boolean,
     .description = "Optional. Whether outbound chat is enabled."},
};

/// The 53 fields of the response ("Campaign updated"), in the seed's order. None is required.
inline constexpr field_info response_fields[] = {
    {.name = "PartitionKey", .type = seed_type::string, .kind = value_kind::text},
    {.name = "RowKey", .type = seed_type::string, .kind = value_kind::text},
    {.name = "Timestamp", .type = seed_type::datetime, .kind = value_kind::date_time},
    {.name = "odata.etag", .type = seed_type::string, .kind = value_kind::text},
    {.name = "name", .type = seed_type::string, .kind = value_kind::non_empty_text},
    {.name = "campaignType", .type = seed_type::string, .kind = value_kind::text},
    {.name = "Mode", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "BusinessName", .type = seed_type::string, .kind = value_kind::text},
    {.name = "CallType", .type = seed_type::string, .kind = value_kind::text},
    {.name = "CompanyName", .type = seed_type::string, .kind = value_kind::text},
    {.name = "FirstMessage", .type = seed_type::string, .kind = value_kind::text},
    {.name = "IsActive", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "PhoneNumberId", .type = seed_type::string, .kind = value_kind::text},
    {.name = "Position", .type = seed_type::string, .kind = value_kind::text},
    {.name = "ScriptBase", .type = seed_type::string, .kind = value_kind::text},
    {.name = "ScriptNotes", .type = seed_type::string, .kind = value_kind::text},
    {.name = "StartDate", .type = seed_type::datetime, .kind = value_kind::date_time},
    {.name = "TimeWindows", .type = seed_type::string, .kind = value_kind::time_windows,
     .description = "JSON-encoded array of time-window objects. Each object contains startHour (0\u201323), "
                    "startMinute (0\u201359), endHour (0\u201323), and endMinute (0\u201359)."},
    {.name = "SuccessRequest", .type = seed_type::integer, .kind = value_kind::integer, .min = 0,
     .max = detail::int32_max},
    {.name = "TemplateId", .type = seed_type::string, .kind = value_kind::non_empty_text},
    {.name = "TotalRequest", .type = seed_type::integer, .kind = value_kind::integer, .min = 0,
     .max = detail::int32_max},
    {.name = "TotalTransfers", .type = seed_type::integer, .kind = value_kind::integer, .min = 0,
     .max = detail::int32_max},
    {.name = "DailyCallLimit", .type = seed_type::integer, .kind = value_kind::integer, .min = 0,
     .max = detail::int32_max},
    {.name = "KnowledgeBaseId", .type = seed_type::string, .kind = value_kind::text},
    {.name = "KnowledgeBaseDataSetId", .type = seed_type::string, .kind = value_kind::text,
     .description = "Knowledge base dataset identifier"},
    {.name = "FeatureAppendPreviousSummaryEnabled", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "PhoneNumberProvider", .type = seed_type::string, .kind = value_kind::text},
    {.name = "FeatureRescheduleCallEnabled", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "EnrichmentInfoSettings", .type = seed_type::string, .kind = value_kind::json_text},
    {.name = "EnrichmentInfoProvider", .type = seed_type::string, .kind = value_kind::text},
    {.name = "FeatureEnrichmentInfoEnabled", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "EndCallMessage", .type = seed_type::string, .kind = value_kind::text},
    {.name = "VoicemailMessage", .type = seed_type::string, .kind = value_kind::text},
    {.name = "AnalysisPlanSummaryPrompt", .type = seed_type::string, .kind = value_kind::text},
    {.name = "FeatureEndCallWhenVoicemail", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "FeatureRedialOnNoResponse", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "RedialSettings", .type = seed_type::string, .kind = value_kind::json_text,
     .description = "JSON string of redial attempt configuration"},
    {.name = "FeatureDoubleCall", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "Timezone", .type = seed_type::string, .kind = value_kind::time_zone},
    {.name = "TimezoneFriendlyName", .type = seed_type::string, .kind = value_kind::text},
    {.name = "Status", .type = seed_type::enumeration, .kind = value_kind::open_enum},
    {.name = "Collection", .type = seed_type::string, .kind = value_kind::text},
    {.name = "IdleMessages", .type = seed_type::string, .kind = value_kind::json_text},
    {.name = "ToolIds", .type = seed_type::string, .kind = value_kind::tool_ids},
    {.name = "SMSTrigger", .type = seed_type::string, .kind = value_kind::text},
    {.name = "SMSBody", .type = seed_type::string, .kind = value_kind::text},
    {.name = "ForwardingPhoneNumber", .type = seed_type::string, .kind = value_kind::text},
    {.name = "PreScript", .type = seed_type::string, .kind = value_kind::text},
    {.name = "PostScript", .type = seed_type::string, .kind = value_kind::text},
    {.name = "FirstMessageMode", .type = seed_type::enumeration, .kind = value_kind::open_enum},
    {.name = "ChatPhoneNumberId", .type = seed_type::string, .kind = value_kind::text},
    {.name = "IsOutboundChatActive", .type = seed_type::boolean, .kind = value_kind::boolean},
    {.name = "AIAssistantProvider", .type = seed_type::enumeration_or_null, .kind = value_kind::closed_enum,
     .values = ai_assistant_provider_values,
     .description = "AI assistant runtime powering this campaign. Returns \"atlas\" when the campaign uses the "
                    "Atlas runtime, or null otherwise."},
};

/// The call's other parts: the path parameter and the credential header. `api-key` is never printed.
inline constexpr field_info call_fields[] = {
    {.name = "id", .type = seed_type::string, .kind = value_kind::non_empty_text, .required = true,
     .description = "The campaign ID"},
    {.name = "api-key", .type = seed_type::string, .kind = value_kind::text,
     .description = "Your Atlas API key. Get it from the Atlas Portal under Settings > API Keys."},
};

/// The keys every object of the TimeWindows array must have, and the largest value of each (hours 0-23,
/// minutes 0-59; the smallest is 0).
inline constexpr std::string_view time_window_keys[] = {"startHour", "startMinute", "endHour", "endMinute"};
inline constexpr int time_window_max[] = {23, 59, 23, 59};

static_assert(std::size(request_fields) == 40, "the seed's request has 40 body fields");
static_assert(std::size(response_fields) == 53, "the seed's response has 53 fields");

/// Index of a field in a table by wire name (case-exact), or table.size() when absent.
constexpr std::size_t field_index(std::span<const field_info> table, std::string_view name) noexcept
{
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i].name == name)
            return i;
    return table.size();
}

} // namespace atlas

#endif
