// atlas: the typed request of "Update full campaign" (path id, api-key and the 40 body fields).
#ifndef ATLAS_REQUEST_HPP
#define ATLAS_REQUEST_HPP

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

/// The request body. Member names are the wire names; each member is absent, null or a value.
struct update_campaign_request {
    field<std::string> name;
    field<campaign_type> campaignType;
    field<std::string> TemplateId;
    field<call_type> CallType;
    field<bool> MessagesCampaign;
    field<open_enum> Position;
    field<std::string> CompanyName;
    field<std::string> BusinessName;
    field<bool> IsActive;
    field<bool> Mode;
    field<std::string> StartDate;
    field<std::string> TimeWindows;
    field<std::string> FirstMessage;
    field<std::string> PreScript;
    field<std::string> PostScript;
    field<std::string> ScriptBase;
    field<std::string> ScriptNotes;
    field<bool> FeatureRescheduleCallEnabled;
    field<bool> FeatureEnrichmentInfoEnabled;
    field<bool> FeatureAppendPreviousSummaryEnabled;
    field<open_enum> EnrichmentInfoProvider;
    field<std::string> EnrichmentInfoSettings;
    field<std::string> Timezone;
    field<std::string> TimezoneFriendlyName;
    field<open_enum> Status;
    field<std::string> Collection;
    field<std::string> ToolIds;
    field<std::string> SMSTrigger;
    field<std::string> SMSBody;
    field<open_enum> FirstMessageMode;
    field<std::string> EndCallMessage;
    field<std::string> VoicemailMessage;
    field<std::string> AnalysisPlanSummaryPrompt;
    field<bool> FeatureEndCallWhenVoicemail;
    field<bool> FeatureRedialOnNoResponse;
    field<std::string> RedialSettings;
    field<bool> FeatureDoubleCall;
    field<std::int64_t> DailyCallLimit;
    field<std::string> IdleMessages;
    field<bool> IsOutboundChatActive;

    /// Members the seed does not define, kept so that a round trip loses nothing. Not reflected.
    boost::json::object extra;

    friend bool operator==(const update_campaign_request&, const update_campaign_request&) = default;
};

BOOST_DESCRIBE_STRUCT(update_campaign_request, (),
    (name, campaignType, TemplateId, CallType, MessagesCampaign, Position, CompanyName, BusinessName, IsActive,
     Mode, StartDate, TimeWindows, FirstMessage, PreScript, PostScript, ScriptBase, ScriptNotes,
     FeatureRescheduleCallEnabled, FeatureEnrichmentInfoEnabled, FeatureAppendPreviousSummaryEnabled,
     EnrichmentInfoProvider, EnrichmentInfoSettings, Timezone, TimezoneFriendlyName, Status, Collection, ToolIds,
     SMSTrigger, SMSBody, FirstMessageMode, EndCallMessage, VoicemailMessage, AnalysisPlanSummaryPrompt,
     FeatureEndCallWhenVoicemail, FeatureRedialOnNoResponse, RedialSettings, FeatureDoubleCall, DailyCallLimit,
     IdleMessages, IsOutboundChatActive))

template <>
inline constexpr std::span<const field_info> fields_of<update_campaign_request> = request_fields;


/// The rest of the call: the path parameter and the credential header.
/// atlas never prints `api_key`: not in reports, messages or logs.
struct campaign_call {
    field<std::string> id;      // path parameter "id"
    field<std::string> api_key; // header "api-key"

    friend bool operator==(const campaign_call&, const campaign_call&) = default;
};

BOOST_DESCRIBE_STRUCT(campaign_call, (), (id, api_key))

template <>
inline constexpr std::span<const field_info> fields_of<campaign_call> = call_fields;


} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/request.hpp>
#endif

#endif
