// atlas: the typed response of "Update full campaign" ("Campaign updated", 53 fields).
#ifndef ATLAS_RESPONSE_HPP
#define ATLAS_RESPONSE_HPP

#include <atlas/detail/config.hpp>
#include <atlas/detail/model.hpp>
#include <atlas/enums.hpp>
#include <atlas/field.hpp>
#include <atlas/fields.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace atlas {

/// The Azure Table storage system properties that lead every stored entity. A base of its own
/// because Boost.Describe takes at most 52 members in one description, and the response has 53.
struct table_entity_keys {
    field<std::string> PartitionKey;
    field<std::string> RowKey;
    field<std::string> Timestamp;
    field<std::string> odata_etag; // wire name "odata.etag"

    friend bool operator==(const table_entity_keys&, const table_entity_keys&) = default;
};

BOOST_DESCRIBE_STRUCT(table_entity_keys, (), (PartitionKey, RowKey, Timestamp, odata_etag))

/// The response body. In the response, campaignType, CallType, Position and EnrichmentInfoProvider
/// are plain strings (they are enums only in the request).
struct campaign_response : table_entity_keys {
    field<std::string> name;
    field<std::string> campaignType;
    field<bool> Mode;
    field<std::string> BusinessName;
    field<std::string> CallType;
    field<std::string> CompanyName;
    field<std::string> FirstMessage;
    field<bool> IsActive;
    field<std::string> PhoneNumberId;
    field<std::string> Position;
    field<std::string> ScriptBase;
    field<std::string> ScriptNotes;
    field<std::string> StartDate;
    field<std::string> TimeWindows;
    field<std::int64_t> SuccessRequest;
    field<std::string> TemplateId;
    field<std::int64_t> TotalRequest;
    field<std::int64_t> TotalTransfers;
    field<std::int64_t> DailyCallLimit;
    field<std::string> KnowledgeBaseId;
    field<std::string> KnowledgeBaseDataSetId;
    field<bool> FeatureAppendPreviousSummaryEnabled;
    field<std::string> PhoneNumberProvider;
    field<bool> FeatureRescheduleCallEnabled;
    field<std::string> EnrichmentInfoSettings;
    field<std::string> EnrichmentInfoProvider;
    field<bool> FeatureEnrichmentInfoEnabled;
    field<std::string> EndCallMessage;
    field<std::string> VoicemailMessage;
    field<std::string> AnalysisPlanSummaryPrompt;
    field<bool> FeatureEndCallWhenVoicemail;
    field<bool> FeatureRedialOnNoResponse;
    field<std::string> RedialSettings;
    field<bool> FeatureDoubleCall;
    field<std::string> Timezone;
    field<std::string> TimezoneFriendlyName;
    field<open_enum> Status;
    field<std::string> Collection;
    field<std::string> IdleMessages;
    field<std::string> ToolIds;
    field<std::string> SMSTrigger;
    field<std::string> SMSBody;
    field<std::string> ForwardingPhoneNumber;
    field<std::string> PreScript;
    field<std::string> PostScript;
    field<open_enum> FirstMessageMode;
    field<std::string> ChatPhoneNumberId;
    field<bool> IsOutboundChatActive;
    field<ai_assistant_provider> AIAssistantProvider; // "atlas" or null

    /// Members the seed does not define (servers add fields), kept for a lossless round trip.
    boost::json::object extra;

    friend bool operator==(const campaign_response&, const campaign_response&) = default;
};

BOOST_DESCRIBE_STRUCT(campaign_response, (table_entity_keys),
    (name, campaignType, Mode, BusinessName, CallType, CompanyName, FirstMessage, IsActive, PhoneNumberId, Position,
     ScriptBase, ScriptNotes, StartDate, TimeWindows, SuccessRequest, TemplateId, TotalRequest, TotalTransfers,
     DailyCallLimit, KnowledgeBaseId, KnowledgeBaseDataSetId, FeatureAppendPreviousSummaryEnabled,
     PhoneNumberProvider, FeatureRescheduleCallEnabled, EnrichmentInfoSettings, EnrichmentInfoProvider,
     FeatureEnrichmentInfoEnabled, EndCallMessage, VoicemailMessage, AnalysisPlanSummaryPrompt,
     FeatureEndCallWhenVoicemail, FeatureRedialOnNoResponse, RedialSettings, FeatureDoubleCall, Timezone,
     TimezoneFriendlyName, Status, Collection, IdleMessages, ToolIds, SMSTrigger, SMSBody, ForwardingPhoneNumber,
     PreScript, PostScript, FirstMessageMode, ChatPhoneNumberId, IsOutboundChatActive, AIAssistantProvider))

template <>
inline constexpr std::span<const field_info> fields_of<campaign_response> = response_fields;


} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/response.hpp>
#endif

#endif
