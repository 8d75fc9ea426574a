// atlas: what a user rule sees -- the typed payload, the channel, places in the text -- and how it reports.
#ifndef ATLAS_RULE_CONTEXT_HPP
#define ATLAS_RULE_CONTEXT_HPP

#include <atlas/channel.hpp>
#include <atlas/detail/config.hpp>
#include <atlas/diagnostic.hpp>
#include <atlas/options.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace atlas {

struct update_campaign_request;
struct campaign_response;

namespace detail {
class checker;
}

/// Given to each user rule. The typed payload holds the values of the right type (a field whose
/// value has the wrong type is absent in it; unknown fields are not kept).
class rule_context {
public:
    rule_context(detail::checker& c, const user_rule& rule, const update_campaign_request* request,
        const campaign_response* response) noexcept
        : checker_(c), rule_(rule), request_(request), response_(response)
    {
    }

    /// The request being validated, or nullptr when it is a response.
    const update_campaign_request* request() const noexcept { return request_; }
    /// The response being validated, or nullptr when it is a request.
    const campaign_response* response() const noexcept { return response_; }

    /// The request's channel, when campaignType (and for phone campaigns CallType) say it.
    ATLAS_DECL std::optional<campaign_channel> channel() const noexcept;

    /// Whether a field (by wire name) already has an error: a rule that reads it may want to skip.
    ATLAS_DECL bool failed(std::string_view field) const noexcept;

    /// Where a field's value is in the text (line and column 1-based), if the payload was text and has it.
    struct place {
        std::size_t line = 0, column = 0;
    };
    ATLAS_DECL std::optional<place> place_of(std::string_view field) const;

    /// Reports under this rule's id and severity (or the level options::rule_levels gives it), at a
    /// field (its wire name), at a JSON Pointer ("/TimeWindows/0": placed at the field its first token
    /// names) or at the root ("").
    ATLAS_DECL void report(std::string_view field, std::string message, std::string hint = {}) const;

private:
    detail::checker& checker_;
    const user_rule& rule_;
    const update_campaign_request* request_;
    const campaign_response* response_;
};

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/rule_context.hpp>
#endif

#endif
