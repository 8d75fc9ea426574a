// The rule engine against CONTRACT.md: every rule of the catalog from both sides (a payload that
// triggers it, and a near-identical one that does not), the contract's dependencies between rules,
// positions in the text, the typed path and the report's JSON form.
//
// Payloads are written one field per line (see `payload` below), so that a field given as the k-th
// line sits on line k + 1 and its key starts at column 3; the value of `"Key": value` then starts at
// column 3 + (length of "Key" with its quotes) + 2. Columns inside JSON-in-a-string fields are
// worked out by hand in comments next to the assertions.
#include <atlas/config.hpp>
#include <atlas/convert.hpp>
#include <atlas/validate.hpp>
#include <atlas/validate_typed.hpp>
#include <atlas/validator.hpp>
#include <atlas/detail/checker.hpp>

#include <doctest/doctest.h>

#include "allocation_limit.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------
// The registry: which rules a test has seen fire, and which it has seen stay quiet.

std::set<std::string>& triggered_rules()
{
    static std::set<std::string> ids;
    return ids;
}

std::set<std::string>& quiet_rules()
{
    static std::set<std::string> ids;
    return ids;
}

std::string describe(const atlas::report& r)
{
    std::string out;
    for (const atlas::diagnostic& d : r.diagnostics)
        out += std::string(atlas::to_string(d.severity)) + " " + d.rule + " at '" + d.path + "' " +
               std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message + " [hint: " + d.hint +
               "]\n";
    return out.empty() ? "(no diagnostics)\n" : out;
}

std::vector<atlas::diagnostic> with_rule(const atlas::report& r, std::string_view rule)
{
    std::vector<atlas::diagnostic> found;
    for (const atlas::diagnostic& d : r.diagnostics)
        if (d.rule == rule)
            found.push_back(d);
    return found;
}

/// Checks that `r` has a diagnostic of `rule` at `path`, with the catalog's severity (or `severity`),
/// at `line`:`column` (both 0: the input was not text, so no position). Records the rule as triggered
/// and returns the diagnostic (an empty one when there is none).
atlas::diagnostic expect_rule(const atlas::report& r, std::string_view rule, std::string_view path, std::size_t line,
    std::size_t column, std::optional<atlas::severity> severity = std::nullopt)
{
    INFO("expected ", rule, " at '", path, "' ", line, ":", column, "; the report has:\n", describe(r));
    const atlas::rule_info* info = atlas::find_rule(rule);
    REQUIRE_MESSAGE(info != nullptr, "not a rule of the catalog: ", rule);
    const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
        [&](const atlas::diagnostic& d) { return d.rule == rule && d.path == path; });
    CHECK(it != r.diagnostics.end());
    if (it == r.diagnostics.end())
        return {};
    CHECK(it->severity == severity.value_or(info->severity));
    CHECK(it->line == line);
    CHECK(it->column == column);
    CHECK_FALSE(it->message.empty());
    triggered_rules().insert(std::string(rule));
    return *it;
}

/// Checks that `r` has no diagnostic of `rule`; records the rule as seen quiet.
void expect_no_rule(const atlas::report& r, std::string_view rule)
{
    INFO("expected no ", rule, "; the report has:\n", describe(r));
    CHECK(with_rule(r, rule).empty());
    quiet_rules().insert(std::string(rule));
}

/// Checks that `r` has no diagnostic at all.
void expect_clean(const atlas::report& r)
{
    INFO("expected no diagnostics; the report has:\n", describe(r));
    CHECK(r.diagnostics.empty());
    CHECK(r.valid());
}

/// Checks that `r` holds exactly one diagnostic: an error of `rule` at the root, with a position.
atlas::diagnostic expect_only_root_error(const atlas::report& r, std::string_view rule, std::size_t line,
    std::size_t column)
{
    INFO("the report has:\n", describe(r));
    CHECK(r.diagnostics.size() == 1);
    CHECK_FALSE(r.valid());
    return expect_rule(r, rule, "", line, column);
}

std::multiset<std::string> rule_ids(const atlas::report& r)
{
    std::multiset<std::string> ids;
    for (const atlas::diagnostic& d : r.diagnostics)
        ids.insert(d.rule);
    return ids;
}

/// Each diagnostic of `r` as "rule path line:column", in the report's order.
std::vector<std::string> in_order(const atlas::report& r)
{
    std::vector<std::string> out;
    for (const atlas::diagnostic& d : r.diagnostics)
        out.push_back(d.rule + " " + d.path + " " + std::to_string(d.line) + ":" + std::to_string(d.column));
    return out;
}

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// Payloads: one field per line, the k-th field on line k + 1, every key at column 3.

std::string payload(std::initializer_list<std::string_view> fields)
{
    std::string out = "{";
    bool first = true;
    for (std::string_view f : fields) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += f;
    }
    out += "\n}";
    return out;
}

constexpr std::string_view name_ = R"("name": "Spring promo")";     // line 2
constexpr std::string_view template_ = R"("TemplateId": "tpl-1")";  // line 3
constexpr std::string_view phone = R"("campaignType": "1")";        // line 4
constexpr std::string_view non_phone = R"("campaignType": "0")";    // line 4
constexpr std::string_view inbound = R"("CallType": "1")";          // line 5
constexpr std::string_view outbound = R"("CallType": "2")";         // line 5
constexpr std::string_view bubble = R"("Position": "bottom-right")"; // line 5
constexpr std::string_view messages = R"("MessagesCampaign": true)"; // line 5

/// An outbound phone campaign; `more` starts on line 6.
std::string outbound_with(std::initializer_list<std::string_view> more)
{
    std::vector<std::string_view> all{name_, template_, phone, outbound};
    all.insert(all.end(), more.begin(), more.end());
    std::string out = "{";
    for (std::size_t i = 0; i < all.size(); ++i)
        out += (i ? ",\n  " : "\n  ") + std::string(all[i]);
    return out + "\n}";
}

/// `"TimeWindows": "<content with its quotes escaped>"`.
std::string time_windows(std::string_view content)
{
    std::string line = R"("TimeWindows": ")";
    for (char c : content) {
        if (c == '"' || c == '\\')
            line += '\\';
        line += c;
    }
    return line + '"';
}

std::string window(int start_hour, int start_minute, int end_hour, int end_minute)
{
    return "{\"startHour\":" + std::to_string(start_hour) + ",\"startMinute\":" + std::to_string(start_minute) +
           ",\"endHour\":" + std::to_string(end_hour) + ",\"endMinute\":" + std::to_string(end_minute) + "}";
}

/// The seed page's TimeWindows example, exactly as printed (with typographic quotes).
std::string seed_time_windows_example()
{
    std::ifstream in(ATLAS_SEED_FILE);
    REQUIRE_MESSAGE(in.good(), "cannot read the seed page at " ATLAS_SEED_FILE);
    std::stringstream all;
    all << in.rdbuf();
    const std::string page = all.str();
    const std::size_t start = page.find("Example: [");
    REQUIRE(start != std::string::npos);
    const std::size_t first = start + std::string_view("Example: ").size();
    const std::size_t last = page.find(']', first);
    REQUIRE(last != std::string::npos);
    return page.substr(first, last + 1 - first);
}

std::string straighten_quotes(std::string s)
{
    for (std::string_view curly : {"\u201c", "\u201d"})
        for (std::size_t at = s.find(curly); at != std::string::npos; at = s.find(curly, at))
            s.replace(at, curly.size(), "\"");
    return s;
}

} // namespace

TEST_SUITE("validate")
{

// =============================================================================================
// The channel

TEST_CASE("each of the four channels has a minimal valid request")
{
    expect_clean(atlas::validate_request(payload({name_, template_, phone, inbound})));
    expect_clean(atlas::validate_request(payload({name_, template_, phone, outbound})));
    expect_clean(atlas::validate_request(payload({name_, template_, non_phone, bubble})));
    expect_clean(atlas::validate_request(payload({name_, template_, non_phone, messages})));
}

TEST_CASE("a phone campaign without CallType is an error at /CallType, placed at the object's brace")
{
    const auto r = atlas::validate_request(payload({name_, template_, phone}));
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "channel.call-type-required", "/CallType", 1, 1);
    CHECK(contains(d.hint, "\"CallType\": \"1\""));
    expect_no_rule(atlas::validate_request(payload({name_, template_, phone, outbound})), "channel.call-type-required");
}

TEST_CASE("a missing field on a nested line is placed at the brace of the object that lacks it")
{
    const auto r = atlas::validate_request("\n\n   " + payload({name_, template_, phone}));
    expect_rule(r, "channel.call-type-required", "/CallType", 3, 4);
}

TEST_CASE("a non-phone campaign with CallType is an error at the CallType value")
{
    const auto r = atlas::validate_request(payload({name_, template_, non_phone, bubble, R"("CallType": "1")"}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "channel.call-type-omit", "/CallType", 6, 15);
    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, bubble})), "channel.call-type-omit");
    expect_no_rule(atlas::validate_request(payload({name_, template_, phone, inbound})), "channel.call-type-omit");
}

TEST_CASE("MessagesCampaign true on a phone campaign is an error, false is fine")
{
    const auto r = atlas::validate_request(payload({name_, template_, phone, inbound, R"("MessagesCampaign": true)"}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "channel.messages-on-phone", "/MessagesCampaign", 6, 23);
    const auto quiet = atlas::validate_request(payload({name_, template_, phone, inbound, R"("MessagesCampaign": false)"}));
    expect_no_rule(quiet, "channel.messages-on-phone");
    expect_no_rule(quiet, "channel.messages-false"); // the warning is for non-phone campaigns only
    expect_clean(quiet);
    // The error does not hide Position on the same phone campaign: Position must be absent whatever
    // MessagesCampaign says (dependencies, not cascades); only a MessagesCampaign of the wrong type leaves the
    // channel unknown.
    const auto both = atlas::validate_request(
        payload({name_, template_, phone, outbound, R"("MessagesCampaign": true)", bubble}));
    CHECK(rule_ids(both) == std::multiset<std::string>{"channel.messages-on-phone", "channel.position-omit"});
    const auto wrong_type = atlas::validate_request(
        payload({name_, template_, phone, outbound, R"("MessagesCampaign": "true")", bubble}));
    CHECK(rule_ids(wrong_type) == std::multiset<std::string>{"field.type"});
}

TEST_CASE("MessagesCampaign false on a non-phone campaign is a warning and reads as a voice bubble")
{
    // With Position: a valid voice bubble, with one warning.
    const auto with_position =
        atlas::validate_request(payload({name_, template_, non_phone, R"("MessagesCampaign": false)", bubble}));
    CHECK(with_position.valid());
    CHECK(with_position.diagnostics.size() == 1);
    expect_rule(with_position, "channel.messages-false", "/MessagesCampaign", 5, 23);

    // Without Position: a voice bubble lacks its required Position.
    const auto without_position =
        atlas::validate_request(payload({name_, template_, non_phone, R"("MessagesCampaign": false)"}));
    CHECK(without_position.diagnostics.size() == 2);
    expect_rule(without_position, "channel.messages-false", "/MessagesCampaign", 5, 23);
    expect_rule(without_position, "channel.position-required", "/Position", 1, 1);
    expect_no_rule(without_position, "channel.position-omit");

    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, messages})), "channel.messages-false");
    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, bubble})), "channel.messages-false");
}

TEST_CASE("a voice bubble without Position is an error at /Position")
{
    const auto r = atlas::validate_request(payload({name_, template_, non_phone}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "channel.position-required", "/Position", 1, 1);
    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, bubble})), "channel.position-required");
    // A Messages campaign needs no Position.
    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, messages})), "channel.position-required");
}

TEST_CASE("Position on a phone or a Messages campaign is an error at the Position value")
{
    const auto on_phone = atlas::validate_request(payload({name_, template_, phone, outbound, bubble}));
    CHECK(on_phone.diagnostics.size() == 1);
    expect_rule(on_phone, "channel.position-omit", "/Position", 6, 15);

    const auto on_messages = atlas::validate_request(payload({name_, template_, non_phone, messages, bubble}));
    CHECK(on_messages.diagnostics.size() == 1);
    expect_rule(on_messages, "channel.position-omit", "/Position", 6, 15);

    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, bubble})), "channel.position-omit");
    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, messages})), "channel.position-omit");
}

TEST_CASE("outbound-only fields on another channel are warnings at their values")
{
    const std::string_view start = R"("StartDate": "2026-03-02T09:00:00Z")";
    const std::string windows = time_windows("[" + window(9, 0, 17, 0) + "]");
    const std::string_view reschedule = R"("FeatureRescheduleCallEnabled": true)";

    const auto r = atlas::validate_request(payload({name_, template_, phone, inbound, start, windows, reschedule}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 3);
    expect_rule(r, "channel.outbound-only", "/StartDate", 6, 16);
    expect_rule(r, "channel.outbound-only", "/TimeWindows", 7, 18);
    expect_rule(r, "channel.outbound-only", "/FeatureRescheduleCallEnabled", 8, 35);

    // The same fields on a voice bubble and a Messages campaign.
    const auto on_bubble = atlas::validate_request(payload({name_, template_, non_phone, bubble, start}));
    expect_rule(on_bubble, "channel.outbound-only", "/StartDate", 6, 16);
    const auto on_messages = atlas::validate_request(payload({name_, template_, non_phone, messages, reschedule}));
    expect_rule(on_messages, "channel.outbound-only", "/FeatureRescheduleCallEnabled", 6, 35);

    const auto on_outbound = atlas::validate_request(payload({name_, template_, phone, outbound, start, windows, reschedule}));
    expect_no_rule(on_outbound, "channel.outbound-only");
    expect_clean(on_outbound);
}

TEST_CASE("the inbound-only field on another channel is a warning at its value")
{
    const std::string_view append = R"("FeatureAppendPreviousSummaryEnabled": true)";
    const auto r = atlas::validate_request(payload({name_, template_, phone, outbound, append}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    CHECK(contains(expect_rule(r, "channel.inbound-only", "/FeatureAppendPreviousSummaryEnabled", 6, 42).hint,
        "(this is an outbound phone campaign)"));

    CHECK(contains(expect_rule(atlas::validate_request(payload({name_, template_, non_phone, bubble, append})),
                       "channel.inbound-only", "/FeatureAppendPreviousSummaryEnabled", 6, 42)
                       .hint,
        "(this is a voice bubble campaign)"));
    CHECK(contains(expect_rule(atlas::validate_request(payload({name_, template_, non_phone, messages, append})),
                       "channel.inbound-only", "/FeatureAppendPreviousSummaryEnabled", 6, 42)
                       .hint,
        "messages (SMS) campaign)"));

    const auto on_inbound = atlas::validate_request(payload({name_, template_, phone, inbound, append}));
    expect_no_rule(on_inbound, "channel.inbound-only");
    expect_clean(on_inbound);
}

TEST_CASE("Position on a Messages campaign and on a phone one is told which channel takes none")
{
    const auto sms = atlas::validate_request(payload({name_, template_, non_phone, messages, bubble}));
    CHECK(expect_rule(sms, "channel.position-omit", "/Position", 6, 15).message ==
          "Position must be omitted for a Messages campaign");
    const auto call = atlas::validate_request(payload({name_, template_, phone, outbound, bubble}));
    CHECK(expect_rule(call, "channel.position-omit", "/Position", 6, 15).message ==
          "Position must be omitted for a phone campaign (campaignType \"1\")");
}

TEST_CASE("the outbound-only and inbound-only warnings name the direction the field applies to")
{
    const auto on_inbound = atlas::validate_request(payload({name_, template_, phone, inbound, R"("StartDate": "2026-03-02T09:00:00Z")"}));
    CHECK(expect_rule(on_inbound, "channel.outbound-only", "/StartDate", 6, 16).message ==
          "StartDate applies to outbound phone campaigns only and will be ignored");
    const auto on_outbound = atlas::validate_request(outbound_with({R"("FeatureAppendPreviousSummaryEnabled": true)"}));
    CHECK(expect_rule(on_outbound, "channel.inbound-only", "/FeatureAppendPreviousSummaryEnabled", 6, 42).message ==
          "FeatureAppendPreviousSummaryEnabled applies to inbound phone campaigns only and will be ignored");
}

TEST_CASE("channel rules do not apply to responses")
{
    // A phone campaign without CallType, with Position, StartDate on inbound: all fine as stored.
    expect_clean(atlas::validate_response(R"({"campaignType":"1","Position":"bottom-right"})"));
    expect_clean(atlas::validate_response(
        R"({"campaignType":"1","CallType":"1","StartDate":"2026-03-02T09:00:00Z","FeatureAppendPreviousSummaryEnabled":true})"));
    expect_clean(atlas::validate_response(R"({"campaignType":"0"})"));
    // Nor are name, campaignType and TemplateId required in a response.
    expect_clean(atlas::validate_response("{}"));
}

// =============================================================================================
// Dependencies, not cascades

TEST_CASE("a missing campaignType gives exactly one error and no channel rule runs")
{
    const auto r = atlas::validate_request(payload({name_, template_, inbound, bubble,
        R"("StartDate": "2026-03-02T09:00:00Z")", R"("FeatureAppendPreviousSummaryEnabled": true)", messages}));
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "field.required", "/campaignType", 1, 1);
    CHECK(contains(d.hint, "\"campaignType\": \"1\""));
}

TEST_CASE("an invalid campaignType gives one enum.value error and no channel rule runs")
{
    const auto r = atlas::validate_request(payload({name_, template_, R"("campaignType": "2")", inbound, bubble,
        R"("StartDate": "2026-03-02T09:00:00Z")", messages}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "enum.value", "/campaignType", 4, 19);
}

TEST_CASE("an enum value written as a phrase gets the wire value its words name, and none when they name two")
{
    const auto hint_for = [](std::string_view members) {
        const auto r = atlas::validate_request(payload({name_, template_, members}));
        const auto found = with_rule(r, "enum.value");
        REQUIRE(found.size() == 1);
        return found.front().hint;
    };
    const auto call_type = [&](std::string_view written) {
        return hint_for(R"("campaignType": "1", "CallType": ")" + std::string(written) + "\"");
    };
    const auto campaign_type = [&](std::string_view written) {
        return hint_for(R"("CallType": "2", "campaignType": ")" + std::string(written) + "\"");
    };
    // A session 18 probe: words around the meaning got no hint.
    CHECK(call_type("outbound call") == R"(use "2" for outbound)");
    CHECK(call_type("Outbound calls") == R"(use "2" for outbound)");
    CHECK(call_type("phone - outbound") == R"(use "2" for outbound)");
    CHECK(call_type("inbound_phone") == R"(use "1" for inbound)");
    CHECK(call_type("outbond call") == R"(use "2" for outbound)"); // a near miss of the meaning
    CHECK(call_type("2 (outbound)") == R"(use "2" for outbound)"); // the wire string agrees
    CHECK(contains(campaign_type("outbound phone"), R"(use "1")"));
    CHECK(contains(campaign_type("phone call"), R"(use "1")"));
    CHECK(contains(campaign_type("SMS campaign"), R"(use "0")"));
    CHECK(contains(campaign_type("voice bubble campaign"), R"(use "0")"));
    CHECK(contains(campaign_type("non phone campaign"), R"(use "0")")); // "non phone" is non-phone, not phone
    CHECK(contains(campaign_type("web chat"), R"(use "0")"));
    // Words that name two values, or a wire string that another word contradicts, or no word at all: no guess.
    CHECK(call_type("1 - outbound").empty());
    CHECK(call_type("inbound or outbound").empty());
    CHECK(call_type("1 (phone)").empty()); // campaignType's value and meaning, in CallType
    CHECK(call_type("phone call").empty());
    CHECK(campaign_type("phone or web").empty());
    // Applied, each guess clears the error.
    expect_clean(atlas::validate_request(payload({name_, template_, R"("campaignType": "1", "CallType": "2")"})));
}

TEST_CASE("an enum value written as its meaning, a word of it, a near miss or a number gets the wire value")
{
    const auto hint_for = [](std::string_view member) {
        const auto r = atlas::validate_request(payload({name_, template_, member}));
        const auto* d = [&]() -> const atlas::diagnostic* {
            for (const auto& x : r.diagnostics)
                if (x.rule == "enum.value")
                    return &x;
            return nullptr;
        }();
        REQUIRE(d != nullptr);
        return d->hint;
    };
    CHECK(contains(hint_for(R"("campaignType": "SMS")"), R"(use "0")"));
    CHECK(contains(hint_for(R"("campaignType": "voice bubble")"), R"(use "0")"));
    CHECK(contains(hint_for(R"("campaignType": "Phone ")"), R"(use "1")"));
    CHECK(contains(hint_for(R"("campaignType": "1.0")"), R"(use "1")"));
    CHECK(contains(hint_for(R"("campaignType": "01")"), R"(use "1")"));
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "outbond")"), R"(use "2")"));
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "Outbound ")"), R"(use "2")"));
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "2.0")"), R"(use "2")"));
    // "phone" is "1", though the meaning of "0" (non-phone) holds the word.
    CHECK(contains(hint_for(R"("campaignType": "phone")"), R"(use "1")"));
    // The meaning with other separators, and the other words people write for a value (a probe: "nonphone", "web",
    // "incoming" and "outgoing" got no hint).
    CHECK(contains(hint_for(R"("campaignType": "nonphone")"), R"(use "0")"));
    CHECK(contains(hint_for(R"("campaignType": "Non_Phone")"), R"(use "0")"));
    CHECK(contains(hint_for(R"("campaignType": "web")"), R"(use "0")"));
    CHECK(contains(hint_for(R"("campaignType": "call")"), R"(use "1")"));
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "incoming")"), R"(use "1")"));
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "Outgoing")"), R"(use "2")"));
    CHECK(hint_for(R"("campaignType": "1", "CallType": "sideways")").empty());
    // The values are listed with their meanings in parentheses once: "non-phone: voice bubble or Messages/SMS".
    const auto listed = atlas::validate_request(payload({name_, template_, R"("campaignType": "2")"}));
    CHECK(contains(listed.diagnostics.at(0).message,
        R"("0" (non-phone: voice bubble or Messages/SMS) or "1" (phone: inbound or outbound))"));
    // Another number is no typo of either value: no guess (the message lists them).
    CHECK(hint_for(R"("campaignType": "2")").empty());
    CHECK(hint_for(R"("campaignType": "1", "CallType": "21")").empty());
    CHECK(hint_for(R"("campaignType": "1", "CallType": "-1")").empty());
    CHECK(hint_for(R"("campaignType": "1", "CallType": "0")").empty());
    // Nor is a letter: "x" is one edit from "0" and from "1", and a guess of "0" for "l" turned a phone campaign
    // into a non-phone one (the hint's fix then failed the channel rules). A letter that looks like a digit is
    // that digit, where it is a wire value.
    for (const std::string_view letter : {"x", "a", "Z"}) {
        CAPTURE(letter);
        CHECK(hint_for(R"("campaignType": ")" + std::string(letter) + "\"").empty());
        CHECK(hint_for(R"("campaignType": "1", "CallType": ")" + std::string(letter) + "\"").empty());
    }
    for (const auto& [letter, digit] : {std::pair{"O", "0"}, {"o", "0"}, {"l", "1"}, {"I", "1"}}) {
        CAPTURE(letter);
        CHECK(contains(hint_for(R"("campaignType": ")" + std::string(letter) + "\""), "use \"" + std::string(digit) + "\""));
    }
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "l")"), R"(use "1")"));
    CHECK(hint_for(R"("campaignType": "1", "CallType": "O")").empty()); // "0" is no CallType
    // A near miss one character off is one edit whatever its bytes: an accent, an invisible character.
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "outb\u00f6und")"), R"(use "2")"));
    CHECK(contains(hint_for(R"("campaignType": "1", "CallType": "outbound\u200b")"), R"(use "2")"));
}

TEST_CASE("campaignType \"0.0\" is told to be \"0\", the wire value it writes")
{
    const auto r = atlas::validate_request(payload({name_, template_, R"("campaignType": "0.0")", bubble}));
    CHECK(r.diagnostics.size() == 1);
    CHECK(expect_rule(r, "enum.value", "/campaignType", 4, 19).hint ==
          "use \"0\" for non-phone (voice bubble or Messages/SMS)");
}

TEST_CASE("a four-letter near miss of a five-letter word of a meaning gets no guess: \"phon\" is not told to be \"0\"")
{
    // "phon" is one edit from "phone", a word of both meanings ("phone", "non-phone"): too short to tell which.
    const auto r = atlas::validate_request(payload({name_, template_, R"("campaignType": "phon")"}));
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "enum.value", "/campaignType", 4, 19);
    CHECK_FALSE(contains(d.hint, "\"0\""));
}

TEST_CASE("a null campaignType gives one field.required error at the null and no channel rule runs")
{
    const auto r = atlas::validate_request(payload({name_, template_, R"("campaignType": null)", bubble}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "field.required", "/campaignType", 4, 19);
    expect_no_rule(r, "field.null");
}

TEST_CASE("a phone campaign with a missing CallType gets no outbound-only or inbound-only warnings")
{
    const auto r = atlas::validate_request(payload({name_, template_, phone, R"("StartDate": "2026-03-02T09:00:00Z")",
        R"("FeatureAppendPreviousSummaryEnabled": true)", R"("FeatureRescheduleCallEnabled": true)"}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "channel.call-type-required", "/CallType", 1, 1);
    expect_no_rule(r, "channel.outbound-only");
    expect_no_rule(r, "channel.inbound-only");
}

TEST_CASE("a phone campaign with an invalid CallType gets only the enum.value error")
{
    const auto r = atlas::validate_request(payload({name_, template_, phone, R"("CallType": "3")",
        R"("StartDate": "2026-03-02T09:00:00Z")", R"("FeatureAppendPreviousSummaryEnabled": true)"}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "enum.value", "/CallType", 5, 15);
}

TEST_CASE("a MessagesCampaign of the wrong type skips the Position rules")
{
    // Without Position: no position-required.
    const auto without = atlas::validate_request(payload({name_, template_, non_phone, R"("MessagesCampaign": "yes")"}));
    CHECK(without.diagnostics.size() == 1);
    expect_rule(without, "field.type", "/MessagesCampaign", 5, 23);
    expect_no_rule(without, "channel.position-required");

    // With Position: no position-omit either.
    const auto with = atlas::validate_request(payload({name_, template_, non_phone, R"("MessagesCampaign": "true")", bubble}));
    CHECK(with.diagnostics.size() == 1);
    const auto d = expect_rule(with, "field.type", "/MessagesCampaign", 5, 23);
    CHECK(contains(d.hint, "\"MessagesCampaign\": true"));
    expect_no_rule(with, "channel.position-omit");

    // The outbound-only warning is still given (both non-phone channels ignore the field), without naming a channel.
    const auto ignored = atlas::validate_request(
        payload({name_, template_, non_phone, R"("MessagesCampaign": 1)", R"("StartDate": "2026-03-02T09:00:00Z")"}));
    const auto w = expect_rule(ignored, "channel.outbound-only", "/StartDate", 6, 16);
    CHECK(contains(w.hint, "(this is a non-phone campaign)"));
}

TEST_CASE("a field ignored on this channel still has its value checked")
{
    const auto r = atlas::validate_request(payload({name_, template_, phone, inbound, R"("StartDate": "2026-13-02T09:00:00Z")"}));
    CHECK(r.diagnostics.size() == 2);
    expect_rule(r, "channel.outbound-only", "/StartDate", 6, 16);
    // At the value (its quote at column 16), as every finding about a plain string; the message names the month.
    CHECK(contains(expect_rule(r, "datetime.format", "/StartDate", 6, 16).message, "month"));

    const auto windows = atlas::validate_request(payload({name_, template_, non_phone, bubble, time_windows("[{")}));
    CHECK(windows.errors() == 1);
    expect_rule(windows, "channel.outbound-only", "/TimeWindows", 6, 18);
    expect_rule(windows, "time-windows.syntax", "/TimeWindows", 6, 21); // the end of the content: its closing quote
}

// =============================================================================================
// Required, null, unknown

TEST_CASE("a missing required field is an error at its pointer, placed at the root brace")
{
    const auto r = atlas::validate_request(payload({template_, phone, outbound}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "field.required", "/name", 1, 1);

    const auto none = atlas::validate_request("{}");
    CHECK(with_rule(none, "field.required").size() == 3);
    expect_rule(none, "field.required", "/name", 1, 1);
    expect_rule(none, "field.required", "/campaignType", 1, 1);
    expect_rule(none, "field.required", "/TemplateId", 1, 1);

    expect_no_rule(atlas::validate_request(payload({name_, template_, phone, outbound})), "field.required");
}

TEST_CASE("a required field that is null is the missing-field error at the null value")
{
    const auto r = atlas::validate_request(payload({R"("name": null)", template_, phone, outbound}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "field.required", "/name", 2, 11);
    expect_no_rule(r, "field.null");

    const auto t = atlas::validate_request(payload({name_, R"("TemplateId": null)", phone, outbound}));
    CHECK(t.diagnostics.size() == 1);
    expect_rule(t, "field.required", "/TemplateId", 3, 17);
}

TEST_CASE("a required field that is null gets no field.null warning when field.required is turned off")
{
    atlas::options o;
    o.rule_levels["field.required"] = atlas::rule_level::off;
    const auto r = atlas::validate_request(payload({R"("name": null)", template_, phone, outbound}), o);
    expect_no_rule(r, "field.null");
    expect_clean(r);
}

TEST_CASE("an optional field that is null is a warning and is read as omitted")
{
    const auto r = atlas::validate_request(outbound_with({R"("Mode": null)"}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "field.null", "/Mode", 6, 11);
    CHECK(contains(d.hint, "omit Mode"));
    expect_no_rule(atlas::validate_request(outbound_with({R"("Mode": true)"})), "field.null");

    // Read as omitted: a null CallType on a phone campaign, where it is required, is the missing-field error
    // (at the null), like a null name.
    const auto call = atlas::validate_request(payload({name_, template_, phone, R"("CallType": null)"}));
    CHECK(call.diagnostics.size() == 1);
    expect_rule(call, "channel.call-type-required", "/CallType", 5, 15);
    // On a non-phone campaign CallType is optional ("omit"): null is omitted, with the warning.
    const auto call_omitted = atlas::validate_request(payload({name_, template_, non_phone, bubble, R"("CallType": null)"}));
    CHECK(call_omitted.diagnostics.size() == 1);
    expect_rule(call_omitted, "field.null", "/CallType", 6, 15);
    // A null Position on a voice bubble is a missing Position.
    const auto position = atlas::validate_request(payload({name_, template_, non_phone, R"("Position": null)"}));
    CHECK(position.diagnostics.size() == 1);
    expect_rule(position, "channel.position-required", "/Position", 5, 15);
    // A null Position on a phone campaign is an omitted Position: the warning, no position-omit error.
    const auto position_omitted = atlas::validate_request(payload({name_, template_, phone, outbound, R"("Position": null)"}));
    CHECK(position_omitted.diagnostics.size() == 1);
    expect_rule(position_omitted, "field.null", "/Position", 6, 15);
}

TEST_CASE("a null AIAssistantProvider in a response is nothing, another null in a response is a warning")
{
    expect_clean(atlas::validate_response(R"({"AIAssistantProvider": null})"));
    expect_clean(atlas::validate_response(R"({"AIAssistantProvider": "atlas"})"));

    const auto r = atlas::validate_response("{\n  \"Mode\": null,\n  \"Timestamp\": null\n}");
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 2);
    expect_rule(r, "field.null", "/Mode", 2, 11);
    expect_rule(r, "field.null", "/Timestamp", 3, 16);

    const auto other = atlas::validate_response("{\n  \"AIAssistantProvider\": \"openai\"\n}");
    CHECK(other.diagnostics.size() == 1);
    const auto wrong = expect_rule(other, "enum.value", "/AIAssistantProvider", 2, 26);
    CHECK(wrong.hint == R"(write "AIAssistantProvider": "atlas" (the Atlas runtime) or null)");
    // The word null in quotes is the literal's mistake; a near miss of "atlas" keeps its did-you-mean.
    const auto quoted_null = atlas::validate_response(R"({"AIAssistantProvider": "null"})");
    CHECK(expect_rule(quoted_null, "enum.value", "/AIAssistantProvider", 1, 25).hint ==
          R"(write null without quotes: "AIAssistantProvider": null)");
    CHECK(contains(expect_rule(atlas::validate_response(R"({"AIAssistantProvider": "atlass"})"), "enum.value",
                       "/AIAssistantProvider", 1, 25)
                       .hint,
        R"("atlas")"));

    // A response keeps null as null: the message does not say it is read as omitted.
    CHECK_FALSE(contains(r.diagnostics[0].message, "omitted"));
    CHECK(contains(r.diagnostics[0].message, "only AIAssistantProvider may be null"));
}

TEST_CASE("a response's AIAssistantProvider in another case gets its wire value, not the list with null")
{
    const auto r = atlas::validate_response(R"({"AIAssistantProvider": "Atlas"})");
    CHECK(r.diagnostics.size() == 1);
    CHECK(expect_rule(r, "enum.value", "/AIAssistantProvider", 1, 25).hint == "use \"atlas\" for the Atlas runtime");
}

TEST_CASE("a required field sent as null is told that it must not be null")
{
    const auto r = atlas::validate_request(payload({name_, template_, R"("campaignType": null)"}));
    CHECK(r.diagnostics.size() == 1);
    CHECK(expect_rule(r, "field.required", "/campaignType", 4, 19).message ==
          "campaignType is required and must not be null");
    const auto missing = atlas::validate_request(payload({name_, template_}));
    CHECK(expect_rule(missing, "field.required", "/campaignType", 1, 1).message == "campaignType is required");
}

TEST_CASE("an unknown field is a warning with a did-you-mean, and an error in strict mode")
{
    const std::string text = outbound_with({R"("Calltype": "2")"});
    const auto r = atlas::validate_request(text);
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    auto d = expect_rule(r, "field.unknown", "/Calltype", 6, 3);
    CHECK(contains(d.hint, "\"CallType\""));

    atlas::options strict;
    strict.strict = true;
    const auto s = atlas::validate_request(text, strict);
    CHECK_FALSE(s.valid());
    d = expect_rule(s, "field.unknown", "/Calltype", 6, 3, atlas::severity::error);
    CHECK(contains(d.hint, "\"CallType\""));

    // Responses keep unknown fields as warnings, strict or not: servers add fields.
    const auto response = atlas::validate_response("{\"Calltype\": \"2\"}", strict);
    CHECK(response.valid());
    expect_rule(response, "field.unknown", "/Calltype", 1, 2, atlas::severity::warning);

    expect_no_rule(atlas::validate_request(outbound_with({R"("Mode": true)"}), strict), "field.unknown");
}

TEST_CASE("a response-only field in a request, and a request-only field in a response, are unknown fields")
{
    const auto r = atlas::validate_request(outbound_with({R"("PartitionKey": "p")"}));
    auto d = expect_rule(r, "field.unknown", "/PartitionKey", 6, 3);
    CHECK(contains(d.hint, "response field"));

    const auto s = atlas::validate_response(R"({"MessagesCampaign": true})");
    d = expect_rule(s, "field.unknown", "/MessagesCampaign", 1, 2);
    CHECK(contains(d.hint, "request field"));

    expect_no_rule(atlas::validate_response(R"({"PartitionKey": "p", "odata.etag": "e"})"), "field.unknown");

    // A near miss of the other side's field, when none of this side's is near, is named too.
    d = expect_rule(atlas::validate_request(outbound_with({R"("partitionkey": "p")"})), "field.unknown", "/partitionkey", 6, 3);
    CHECK(d.hint == R"(did you mean "PartitionKey"? "PartitionKey" is a response field: the server sets it)");
    d = expect_rule(atlas::validate_response(R"({"messagesCampaign": true})"), "field.unknown", "/messagesCampaign", 1, 2);
    CHECK(contains(d.hint, R"("MessagesCampaign" is a request field)"));
    // This side's near miss comes first (this payload has CallType too, which the hint says).
    d = expect_rule(atlas::validate_request(outbound_with({R"("Calltype": "2")"})), "field.unknown", "/Calltype", 6, 3);
    CHECK(d.hint == R"(did you mean "CallType"? (it is given already: keep one of the two))");
}

TEST_CASE("an unknown field whose did-you-mean is in the payload too says so, before it or after it")
{
    // A probe: renaming "Name" to "name" as told, beside the payload's own "name", made a json.duplicate-key error.
    const std::string note = R"(did you mean "name"? (it is given already: keep one of the two))";
    const auto after = atlas::validate_request(R"({"name":"n","Name":"m","campaignType":"0","TemplateId":"t"})");
    CHECK(expect_rule(after, "field.unknown", "/Name", 1, 13).hint == note);
    const auto before = atlas::validate_request(R"({"Name":"m","campaignType":"0","TemplateId":"t","name":"n"})");
    CHECK(expect_rule(before, "field.unknown", "/Name", 1, 2).hint == note);
    const auto null_one = atlas::validate_request(R"({"Name":"m","campaignType":"0","TemplateId":"t","name":null})");
    CHECK(expect_rule(null_one, "field.unknown", "/Name", 1, 2).hint == note);
    // Without the field, the plain did-you-mean; on the typed path, the same as from the text.
    const std::string alone = R"({"Name":"m","campaignType":"0","TemplateId":"t"})";
    CHECK(expect_rule(atlas::validate_request(alone), "field.unknown", "/Name", 1, 2).hint == R"(did you mean "name"?)");
    CHECK(expect_rule(atlas::validate(atlas::parse_request(alone)), "field.unknown", "/Name", 0, 0).hint ==
          R"(did you mean "name"?)");
    const std::string both = R"({"Name":"m","campaignType":"0","TemplateId":"t","name":"n"})";
    CHECK(expect_rule(atlas::validate(atlas::parse_request(both)), "field.unknown", "/Name", 0, 0).hint == note);
    // A validator reused for the next payload starts over.
    atlas::validator v;
    CHECK(expect_rule(v.validate_request(both), "field.unknown", "/Name", 1, 2).hint == note);
    CHECK(expect_rule(v.validate_request(alone), "field.unknown", "/Name", 1, 2).hint == R"(did you mean "name"?)");
}

TEST_CASE("an unknown field that spells a field's words apart or in another case names that field")
{
    // Each separator is an edit, so a five-word name written in snake case was past the did-you-mean's reach.
    for (const char* key : {"feature_redial_on_no_response", "Feature-End-Call-When-Voicemail",
             "feature append previous summary enabled", "FEATURE_REDIAL_ON_NO_RESPONSE", "template_id"}) {
        CAPTURE(key);
        const auto r = atlas::validate_request(outbound_with({"\"" + std::string(key) + "\": 1"}));
        const auto d = expect_rule(r, "field.unknown", "/" + std::string(key), 6, 3);
        CHECK(contains(d.hint, "did you mean"));
    }
    const auto response = atlas::validate_response(R"({"knowledge_base_data_set_id": "k"})");
    CHECK(contains(expect_rule(response, "field.unknown", "/knowledge_base_data_set_id", 1, 2).hint,
        "\"KnowledgeBaseDataSetId\""));
    // The credential under its usual spellings, and the path id in any case, are named as what they are.
    for (const char* key : {"apikey", "api_key", "x-api-key", "ApiKey"}) {
        CAPTURE(key);
        const auto r = atlas::validate_request(outbound_with({"\"" + std::string(key) + "\": \"k\""}));
        CHECK(contains(expect_rule(r, "field.unknown", "/" + std::string(key), 6, 3).hint, "header"));
    }
    CHECK(contains(expect_rule(atlas::validate_request(outbound_with({R"("ID": "c")"})), "field.unknown", "/ID", 6, 3).hint,
        "path parameter"));
}

TEST_CASE("an unknown field written after the word campaign names the field it spells, or the path id")
{
    // "CampaignName" is three edits from "campaignType": a guess that traded the warning for an enum error.
    const auto hint = [](std::string_view key) {
        const auto r = atlas::validate_request(outbound_with({"\"" + std::string(key) + "\": \"x\""}));
        return expect_rule(r, "field.unknown", "/" + std::string(key), 6, 3).hint;
    };
    CHECK(contains(hint("CampaignName"), "did you mean \"name\"?"));
    CHECK_FALSE(contains(hint("CampaignName"), "campaignType"));
    // The rest spelt with other separators is that field too.
    CHECK(contains(hint("campaign_Template_Id"), "did you mean \"TemplateId\"?"));
    // The campaign's id is the call's path parameter, whatever the prefix.
    CHECK(contains(hint("campaignId"), "path parameter"));
    CHECK(contains(hint("Campaign_ID"), "path parameter"));
}

TEST_CASE("an unknown field's pointer escapes / and ~")
{
    const auto r = atlas::validate_request(outbound_with({R"("a/b~c": 1)"}));
    expect_rule(r, "field.unknown", "/a~1b~0c", 6, 3);
}

// =============================================================================================
// The text itself

TEST_CASE("a duplicate key at the root is an error at the second key")
{
    const auto r = atlas::validate_request(outbound_with({R"("name": "Other")"}));
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "json.duplicate-key", "/name", 6, 3);
    expect_no_rule(atlas::validate_request(outbound_with({R"("Mode": true)"})), "json.duplicate-key");

    // The same key spelled with an escape is still the same key.
    const auto escaped = atlas::validate_request(outbound_with({R"("n\u0061me": "Other")"}));
    expect_rule(escaped, "json.duplicate-key", "/name", 6, 3);

    // An unknown top-level key twice (the payload reader leaves those to the JSON reader's table), also
    // when one copy is escaped; two different unknown keys are no duplicate.
    const auto unknown_twice = atlas::validate_request(outbound_with({R"("Colour": 1, "Col\u006fur": 2)"}));
    CHECK(with_rule(unknown_twice, "json.duplicate-key").size() == 1);
    // It is unknown once, at its first place: the duplicate's error points at the repeat.
    REQUIRE(with_rule(unknown_twice, "field.unknown").size() == 1);
    CHECK(with_rule(unknown_twice, "field.unknown")[0].column < with_rule(unknown_twice, "json.duplicate-key")[0].column);
    expect_no_rule(atlas::validate_request(outbound_with({R"("Colour": 1, "Color": 2)"})), "json.duplicate-key");
    // Many keys (past the table's linear part): each duplicate once, a known and an unknown one.
    std::string many;
    for (int k = 0; k < 40; ++k)
        many += "\"x" + std::to_string(k) + "\": 1, ";
    many += R"("x7": 2, "Mode": true, "Mode": false)";
    const auto crowded = atlas::validate_request(outbound_with({many}));
    const auto duplicates = with_rule(crowded, "json.duplicate-key");
    REQUIRE(duplicates.size() == 2);
    CHECK(duplicates[0].path == "/x7");
    CHECK(duplicates[1].path == "/Mode");
}

TEST_CASE("a duplicate key inside an unknown field's object is an error with the nested pointer")
{
    const auto r = atlas::validate_request(outbound_with({R"("Extra": {"a": 1, "b": {"c": 1, "c": 2}})"}));
    expect_rule(r, "field.unknown", "/Extra", 6, 3);
    // "Extra" 3-9, : 10, the value's brace at 12, "a" 13-15, : 16, 1 18, , 19, "b" 21-23, : 24, { 26, "c" 27-29,
    // : 30, 1 32, , 33, the second "c" at 35.
    expect_rule(r, "json.duplicate-key", "/Extra/b/c", 6, 35);
    expect_no_rule(atlas::validate_request(outbound_with({R"("Extra": {"a": 1, "b": {"c": 1, "d": 2}})"})),
        "json.duplicate-key");

    const auto in_array = atlas::validate_request(outbound_with({R"("Extra": [{}, {"k": 1, "k": 2}])"}));
    // [ 12, {} 13-14, , 15, { 17, "k" 18-20, : 21, 1 23, , 24, the second "k" at 26.
    expect_rule(in_array, "json.duplicate-key", "/Extra/1/k", 6, 26);

    // The message names the key as the payload means it, whatever escapes wrote it.
    const auto escaped = atlas::validate_request(outbound_with({R"("Extra": {"a": 1, "\u0061": 2})"}));
    const auto d = expect_rule(escaped, "json.duplicate-key", "/Extra/a", 6, 21);
    CHECK(contains(d.message, "the key \"a\" appears more than once"));
}

TEST_CASE("a duplicate key inside TimeWindows content is an error pointing into the content")
{
    const auto r = atlas::validate_request(outbound_with(
        {R"("TimeWindows": "[{\"startHour\":9,\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]")"}));
    // The value's quote is at column 18, the content from 19: [ 19, { 20, \"startHour\" 21-33, : 34, 9 35,
    // , 36, the second \" at 37.
    expect_rule(r, "json.duplicate-key", "/TimeWindows/0/startHour", 6, 37);

    // In the second window, and in JSON-in-a-string settings.
    const std::string two = "[" + window(1, 0, 2, 0) + ",{\"endHour\":4,\"startHour\":3,\"startMinute\":0,\"endHour\":4,\"endMinute\":0}]";
    // [ 19, window 0 (57 characters plus 8 escaped quotes) 20-84, , 85, { 86, \"endHour\" 87-97, : 98, 4 99, , 100,
    // \"startHour\" 101-113, : 114, 3 115, , 116, \"startMinute\" 117-131, : 132, 0 133, , 134, the second
    // \"endHour\" at 135.
    expect_rule(atlas::validate_request(outbound_with({time_windows(two)})), "json.duplicate-key",
        "/TimeWindows/1/endHour", 6, 135);
    const auto settings = atlas::validate_request(outbound_with({R"("RedialSettings": "{\"a\":{\"b\":1,\"b\":2}}")"}));
    // The content starts at column 22: { 22, \"a\" 23-27, : 28, { 29, \"b\" 30-34, : 35, 1 36, , 37, \"b\" 38.
    expect_rule(settings, "json.duplicate-key", "/RedialSettings/a/b", 6, 38);
    // Keys are compared decoded, in content too: "a\/b" is "a/b" (the skim must not wave the pair through).
    const auto escaped = atlas::validate_request(outbound_with({R"("RedialSettings": "{\"a\\/b\":1,\"a/b\":2}")"}));
    // { 22, \"a\\/b\" 23-31, : 32, 1 33, , 34, the second key at 35.
    expect_rule(escaped, "json.duplicate-key", "/RedialSettings/a~1b", 6, 35);
    expect_clean(atlas::validate_request(outbound_with({R"("RedialSettings": "{\"a\\/b\":1,\"a/c\":2}")"})));
}

TEST_CASE("JSON held in a string that breaks keeps what was found before the break, while the payload's own text keeps one error")
{
    // In content: the repeated key and the number past a double's range read before the break are reported with the
    // syntax error. RedialSettings' content starts at column 22: [ 22, 1e400 23-27, the space 28, 1 at 29.
    const auto number = atlas::validate_request(outbound_with({R"("RedialSettings": "[1e400 1]")"}));
    CHECK(number.diagnostics.size() == 2);
    expect_rule(number, "json.number-range", "/RedialSettings/0", 6, 23);
    expect_rule(number, "json-text.syntax", "/RedialSettings", 6, 29);
    const auto repeated = atlas::validate_request(
        outbound_with({time_windows(R"([{"startHour":1,"startHour":2} x])")}));
    CHECK(repeated.diagnostics.size() == 2);
    expect_rule(repeated, "json.duplicate-key", "/TimeWindows/0/startHour", 6, 37);
    CHECK(with_rule(repeated, "time-windows.syntax").size() == 1);
    // The payload's own text that is no JSON: the one root error, nothing found before it.
    const auto root = atlas::validate_request(R"({"name": "a", "name": "b", "X": 1e400,,})");
    CHECK(root.diagnostics.size() == 1);
    CHECK(root.diagnostics[0].rule == "json.syntax");
    CHECK(root.diagnostics[0].path.empty());
}

TEST_CASE("a number too large for a double is an error at its pointer")
{
    const auto r = atlas::validate_request(outbound_with({R"("Extra": [1, 1e400])"}));
    // [ 12, 1 13, , 14, 1e400 at 16.
    expect_rule(r, "json.number-range", "/Extra/1", 6, 16);
    expect_no_rule(atlas::validate_request(outbound_with({R"("Extra": [1, 1e300])"})), "json.number-range");

    const auto content = atlas::validate_request(outbound_with({R"("IdleMessages": "[1e400]")"}));
    // The value's quote at column 19, [ at 20, the number at 21.
    expect_rule(content, "json.number-range", "/IdleMessages/0", 6, 21);
    // An exponent of more digits than any counter holds stays too large, not wrapped round to a small one; a
    // negative one is only an underflow to zero, which is no error.
    expect_rule(atlas::validate_request(outbound_with({R"("IdleMessages": "[1e18446744073709551616]")"})),
        "json.number-range", "/IdleMessages/0", 6, 21);
    expect_rule(atlas::validate_request(outbound_with({R"("Extra": 1e18446744073709551616)"})), "json.number-range",
        "/Extra", 6, 12);
    expect_clean(atlas::validate_request(outbound_with({R"("IdleMessages": "[1e-18446744073709551616]")"})));
}

TEST_CASE("a 1e400 in a top-level integer field is an error at that field")
{
    const auto r = atlas::validate_request(outbound_with({R"("DailyCallLimit": 1e400)"}));
    CHECK_FALSE(r.valid());
    CHECK(r.errors() == 1);
    CHECK(r.diagnostics.size() == 1);
    CHECK(r.diagnostics.at(0).path == "/DailyCallLimit");
}

TEST_CASE("a number for TimeWindows gets a hint with a window list, not the number quoted")
{
    for (const char* value : {"1", "true", "1.5"}) {
        CAPTURE(value);
        const auto r = atlas::validate_request(outbound_with({std::string(R"("TimeWindows": )") + value}));
        const auto d = expect_rule(r, "field.type", "/TimeWindows", 6, 18);
        CHECK(contains(d.hint, "startHour"));
        CHECK_FALSE(contains(d.hint, std::string("\"TimeWindows\": \"") + value + "\""));
    }
}

TEST_CASE("an array or object where a string belongs is a field.type error whose hint shows a string")
{
    const struct {
        const char* member;
        const char* path;
        const char* hint;
    } cases[] = {
        {R"("CompanyName": ["Acme"])", "/CompanyName", R"(write one JSON string, not an array: "CompanyName": "text")"},
        {R"("Status": {"x": 1})", "/Status", R"(write one JSON string, not an object: "Status": "value")"},
        {R"("ToolIds": ["a", "b"])", "/ToolIds", R"("ToolIds": "tool_a,tool_b")"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.member);
        const auto r = atlas::validate_request(outbound_with({c.member}));
        CHECK(r.diagnostics.size() == 1);
        CHECK(contains(expect_rule(r, "field.type", c.path, 6, r.diagnostics.at(0).column).hint, c.hint));
    }
}

TEST_CASE("a 1e400 in a field that takes no number is the one field.type error, not also a range error")
{
    for (const char* field : {"CompanyName", "Mode"}) {
        CAPTURE(field);
        const auto r = atlas::validate_request(outbound_with({std::string("\"") + field + "\": 1e400"}));
        CHECK(r.errors() == 1);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics.at(0).rule == "field.type");
        CHECK(r.diagnostics.at(0).path == std::string("/") + field);
    }
}

TEST_CASE("text that is not JSON is exactly one error at the root, with line and column")
{
    // A trailing comma: the error is at the closing brace, line 7.
    const auto trailing = atlas::validate_request(outbound_with({R"("Mode": true,)"}));
    expect_only_root_error(trailing, "json.syntax", 7, 1);

    // Other diagnostics found before the break are dropped: one error only.
    // The literal "tru" (columns 8-10) breaks at the line end that follows, column 11.
    const auto after_problems = atlas::validate_request("{\n  \"Calltype\": 1,\n  \"name\": \"\",\n  \"x\": tru\n}");
    expect_only_root_error(after_problems, "json.syntax", 4, 11);

    expect_only_root_error(atlas::validate_request("{\"name\": \"n\" // comment\n}"), "json.syntax", 1, 14);
    expect_only_root_error(atlas::validate_request("{\"name\": \"n\"} {}"), "json.syntax", 1, 15);
    expect_only_root_error(atlas::validate_request("{\"name\": NaN}"), "json.syntax", 1, 10);
    expect_only_root_error(atlas::validate_request("{\"name\": \"n\""), "json.syntax", 1, 13);

    expect_no_rule(atlas::validate_request(outbound_with({R"("Mode": true)"})), "json.syntax");
}

TEST_CASE("a syntax error says what it most likely is and how to fix it: trailing comma, missing comma, quotes, literals")
{
    // A probe: a trailing comma, a missing comma, single quotes, an unquoted key, a comment, NaN and Python's True
    // all read "a character appears where JSON does not allow it", with no hint.
    struct case_t {
        std::string text;
        std::size_t column;
        std::string_view message, hint;
    };
    const case_t cases[] = {
        {R"({"name":"n",})", 13, R"(a comma before "}": JSON allows no trailing comma)", "remove the last comma"},
        {R"({"x":[1,2,]})", 11, R"(a comma before "]": JSON allows no trailing comma)", "remove the last comma"},
        {R"({"name":"n" "campaignType":"0"})", 13, "a comma is missing between two members", "put a comma"},
        {R"({"x":[1 2]})", 9, "a comma is missing between two elements", "put a comma"},
        {R"({"name" "n"})", 9, "a colon is missing after the key", "write a colon"},
        {R"({'name':"n"})", 2, "a string in single quotes", "double quotes"},
        {R"({"name":'n'})", 9, "a string in single quotes", "double quotes"},
        {R"({name:"n"})", 2, R"(a key without quotes ("name"))", "write the key in double quotes"},
        {R"({"name":"n", TemplateId :"t"})", 14, R"(a key without quotes ("TemplateId"))", "double quotes"},
        {"{\"name\":\"n\" // the name\n}", 13, "a comment: JSON has no comments", "remove the comment"},
        {"/* header */{}", 1, "a comment: JSON has no comments", "remove the comment"},
        {R"({"IsActive":True})", 13, R"("True" is not JSON: its literals are true, false and null, in lower case)", "write true"},
        {R"({"IsActive":FALSE})", 13, "in lower case", "write false"},
        {R"({"Position":None})", 13, R"("None" is not JSON)", "write null"},
        {R"({"DailyCallLimit":NaN})", 19, R"("NaN" is not a JSON number)", "write a number, or null"},
        {R"({"DailyCallLimit":-Infinity})", 20, "Infinity is not a JSON number", "write a number, or null"},
        {R"({"DailyCallLimit":+5})", 19, R"(a number starts with "+")", R"(remove the "+")"},
        {R"({"x":[1}})", 8, R"("}" where "]" must close the array)", R"(close it with "]")"},
        {R"({"x":[1,}})", 9, R"("}" where "]" must close the array)", R"(close it with "]")"},
        {R"({"name":"n"])", 12, R"("]" where "}" must close the object)", R"(close it with "}")"},
        {R"({"x":1.+5})", 8, "a number is not written the way JSON requires", ""},
        {R"({"name":@})", 9, R"("@" where JSON expects a value)", ""},
        {R"({"name":"n";"x":1})", 12, R"(";" where a comma or "}" must follow the value)", ""},
    };
    for (const case_t& c : cases) {
        CAPTURE(c.text);
        const atlas::diagnostic d = expect_only_root_error(atlas::validate_request(c.text), "json.syntax", 1, c.column);
        CHECK(d.message.rfind("the input is not valid JSON: ", 0) == 0);
        CHECK(contains(d.message, c.message));
        if (c.hint.empty())
            CHECK(d.hint.empty());
        else
            CHECK(contains(d.hint, c.hint));
    }
    // Inside JSON held in a string, the same words, at the byte of its content.
    const auto content = atlas::validate_request(outbound_with({R"("RedialSettings": "{\"a\":1,}")"}));
    const atlas::diagnostic d = expect_rule(content, "json-text.syntax", "/RedialSettings", 6, 31);
    CHECK(contains(d.message, "a comma before \"}\": JSON allows no trailing comma at byte 8 of its content"));
    CHECK(d.hint == "remove the last comma");
    // A hint about quotes there says how a quote is written inside the string (review: applied as written,
    // "write the key in double quotes" broke the payload).
    const auto unquoted = expect_rule(atlas::validate_request(outbound_with({R"("RedialSettings": "{a:1}")"})),
        "json-text.syntax", "/RedialSettings", 6, 23);
    CHECK(contains(unquoted.hint, R"(write the key in double quotes, each written \" inside the string RedialSettings)"));
    // And the errors that were told well already keep their words.
    CHECK(contains(expect_only_root_error(atlas::validate_request(R"({"x":tru})"), "json.syntax", 1, 9).message,
        "a word is not exactly one of true, false or null"));
    CHECK(contains(expect_only_root_error(atlas::validate_request(R"({"x":1}})"), "json.syntax", 1, 8).message,
        "something other than whitespace follows the end of the JSON value"));
}

TEST_CASE("after a comma in an array a value must come: a stray character or a leading plus there is told as such")
{
    // After a comma in an object a key must come; in an array, a value. A "+" after a comma is a leading plus too.
    const auto stray = expect_only_root_error(atlas::validate_request(R"({"a": [1, @]})"), "json.syntax", 1, 11);
    CHECK(stray.message == "the input is not valid JSON: \"@\" where JSON expects a value (a string in double quotes, a "
                           "number, true, false, null, an object or an array)");
    CHECK(stray.hint.empty());
    const auto plus = expect_only_root_error(atlas::validate_request(R"({"a": [1, +2]})"), "json.syntax", 1, 11);
    CHECK(plus.message == R"(the input is not valid JSON: a number starts with "+", which JSON does not allow)");
    CHECK(plus.hint == R"(remove the "+")");
    // The object's side: a key.
    const auto key = expect_only_root_error(atlas::validate_request(R"({"a": 1, @})"), "json.syntax", 1, 10);
    CHECK(key.message == R"(the input is not valid JSON: "@" where a key in double quotes must come)");
}

TEST_CASE("empty input is one json.syntax error at the root, at line 1 column 1")
{
    const auto r = atlas::validate_request("");
    expect_only_root_error(r, "json.syntax", 1, 1);
}

TEST_CASE("a byte-order mark is one json.encoding error at line 1 column 1")
{
    const std::string text = "\xEF\xBB\xBF" + outbound_with({});
    const auto d = expect_only_root_error(atlas::validate_request(text), "json.encoding", 1, 1);
    CHECK_FALSE(d.hint.empty());
    expect_no_rule(atlas::validate_request(outbound_with({})), "json.encoding");
}

TEST_CASE("bytes that are not UTF-8 are one json.encoding error at the bad byte")
{
    // Line 6: "CompanyName" 3-15, : 16, the value's quote at 18, "Ac" at 19-20, the bad byte at 21.
    expect_only_root_error(atlas::validate_request(outbound_with({"\"CompanyName\": \"Ac\xFF\""})), "json.encoding", 6, 21);
    // An encoded UTF-16 surrogate (ED A0 80) is not UTF-8 either: é at 19 (one column for two bytes), ED at 20,
    // and A0, the first byte that cannot follow, at 21.
    expect_only_root_error(
        atlas::validate_request(outbound_with({"\"CompanyName\": \"\xC3\xA9\xED\xA0\x80\""})), "json.encoding", 6, 21);
    // An overlong encoding.
    expect_only_root_error(atlas::validate_request(outbound_with({"\"CompanyName\": \"\xC0\xAF\""})), "json.encoding", 6, 19);
    // Real UTF-8 passes.
    expect_no_rule(atlas::validate_request(outbound_with({"\"CompanyName\": \"Ac\xC3\xA9\xF0\x9F\x98\x80\""})),
        "json.encoding");
}

TEST_CASE("text in UTF-16, with its byte-order mark, is one json.encoding error")
{
    for (const std::string_view text : {std::string_view("\xFF\xFE{\0}\0", 6), std::string_view("\xFE\xFF\0{\0}", 6)}) {
        const auto d = expect_only_root_error(atlas::validate_request(text), "json.encoding", 1, 1);
        CHECK(contains(d.hint, "UTF-8"));
    }
    // Not a byte-order mark, and no UTF-8 either: 0xFF starts no character.
    expect_only_root_error(atlas::validate_request(std::string_view("\xFF\xFF{}", 4)), "json.encoding", 1, 1);
    // UTF-32BE's mark.
    expect_only_root_error(atlas::validate_request(std::string_view("\0\0\xFE\xFF\0\0\0{", 8)), "json.encoding", 1, 1);
    // A valid UTF-8 character where JSON allows none is a syntax error.
    expect_only_root_error(atlas::validate_request("\xC3\xA9{}"), "json.syntax", 1, 1);
}

TEST_CASE("text in UTF-16 or UTF-32 without a byte-order mark is one json.encoding error that says so")
{
    // Each encoding's zero bytes beside the ASCII characters (RFC 4627's four patterns): " {}" in UTF-16LE and BE,
    // "{}" in UTF-32LE and BE.
    for (const std::string_view text : {std::string_view(" \0{\0}\0", 6), std::string_view("\0 \0{\0}", 6),
             std::string_view("{\0\0\0}\0\0\0", 8), std::string_view("\0\0\0{\0\0\0}", 8)}) {
        CAPTURE(text.size());
        const auto d = expect_only_root_error(atlas::validate_request(text), "json.encoding", 1, 1);
        CHECK(contains(d.message, "UTF-16"));
        CHECK(d.hint == "save the file as UTF-8");
    }
    // A zero byte that follows no such pattern is the reader's syntax error where it stands.
    const auto late = expect_only_root_error(atlas::validate_request(std::string_view("{\"a\":\0}", 7)), "json.syntax", 1, 6);
    CHECK_FALSE(contains(late.message, "UTF-16"));
    expect_only_root_error(atlas::validate_request(std::string_view("\0\0", 2)), "json.syntax", 1, 1);
    expect_only_root_error(atlas::validate_request(std::string_view("\0\xC3\xA9", 3)), "json.syntax", 1, 1);
    // And JSON text is never taken for it.
    expect_no_rule(atlas::validate_request(outbound_with({})), "json.encoding");
}

TEST_CASE("a lone surrogate escape is one json.encoding error at the escape")
{
    // The value's quote at 18: "Ac" 19-20, the escape's backslash at 21.
    expect_only_root_error(atlas::validate_request(outbound_with({R"("CompanyName": "Ac\ud800")"})), "json.encoding", 6, 21);
    expect_only_root_error(atlas::validate_request(outbound_with({R"("CompanyName": "\udc00")"})), "json.encoding", 6, 19);
    expect_only_root_error(
        atlas::validate_request(outbound_with({R"("CompanyName": "\ud800\u0041")"})), "json.encoding", 6, 19);
    // In a key as well.
    expect_only_root_error(atlas::validate_request(outbound_with({R"("\ud800": 1)"})), "json.encoding", 6, 4);
    // A pair is fine.
    expect_no_rule(atlas::validate_request(outbound_with({R"("CompanyName": "\ud83d\ude00")"})), "json.encoding");
}

TEST_CASE("a root that is not an object is one json.root error at the root value")
{
    expect_only_root_error(atlas::validate_request("[]"), "json.root", 1, 1);
    expect_only_root_error(atlas::validate_request("\n  [{\"name\": \"n\"}]"), "json.root", 2, 3);
    expect_only_root_error(atlas::validate_request("\"name\""), "json.root", 1, 1);
    expect_only_root_error(atlas::validate_request(" 42"), "json.root", 1, 2);
    expect_only_root_error(atlas::validate_request("null"), "json.root", 1, 1);
    expect_only_root_error(atlas::validate_request("true"), "json.root", 1, 1);
    expect_only_root_error(atlas::validate_response("[]"), "json.root", 1, 1);
    // A root that is not an object and not JSON either: the syntax error.
    expect_only_root_error(atlas::validate_request("[1,]"), "json.syntax", 1, 4);
    expect_no_rule(atlas::validate_request("{}"), "json.root");
}

TEST_CASE("a root that is not an object is named by its JSON type")
{
    const auto message = [](std::string_view text) {
        const auto r = atlas::validate_request(text);
        REQUIRE(r.diagnostics.size() == 1);
        return r.diagnostics[0].message;
    };
    CHECK(message("[]") == "the payload must be a JSON object, not an array");
    CHECK(message("\"name\"") == "the payload must be a JSON object, not a string");
    CHECK(message("42") == "the payload must be a JSON object, not a number");
    CHECK(message("null") == "the payload must be a JSON object, not null");
    CHECK(message("false") == "the payload must be a JSON object, not a boolean");
}

TEST_CASE("input past the size or nesting limits is one json.limit error")
{
    atlas::options shallow;
    shallow.max_depth = 3;
    const std::string deep = outbound_with({R"("Extra": [[[1]]])"});
    // Depth 1 is the root object, so the third '[' (column 14) is the fourth level.
    expect_only_root_error(atlas::validate_request(deep, shallow), "json.limit", 6, 14);
    atlas::options enough;
    enough.max_depth = 4;
    expect_no_rule(atlas::validate_request(deep, enough), "json.limit");

    // The message names the option and its value, as the typed path and JSON held in a string do.
    CHECK(contains(atlas::validate_request(deep, shallow).diagnostics.at(0).message, "options::max_depth (3)"));
    const auto typed = atlas::validate(atlas::parse_request(deep), shallow);
    CHECK(std::any_of(typed.diagnostics.begin(), typed.diagnostics.end(), [](const atlas::diagnostic& d) {
        return d.rule == "json.limit" && contains(d.message, "options::max_depth (3)");
    }));
    atlas::options short_strings;
    short_strings.max_string_bytes = 5;
    CHECK(contains(atlas::validate_request(deep, short_strings).diagnostics.at(0).message, "options::max_string_bytes (5 bytes"));

    // Inside JSON held in a string the same limit holds from the content's root, and the report goes on.
    atlas::options two;
    two.max_depth = 2;
    const auto content = atlas::validate_request(outbound_with({R"("IdleMessages": "[[[1]]]")", R"("IsActive": 1)"}), two);
    // The value's quote at 19, the content from 20: [ 20, [ 21, the third [ at 22.
    const auto d = expect_rule(content, "json.limit", "/IdleMessages", 6, 22);
    CHECK(contains(d.message, "max_depth (2)"));
    expect_rule(content, "field.type", "/IsActive", 7, 15);
    expect_no_rule(content, "json-text.syntax");
    expect_no_rule(atlas::validate_request(outbound_with({R"("IdleMessages": "[[1]]")"}), two), "json.limit");

    atlas::options small;
    small.max_input_bytes = 10;
    const auto big = atlas::validate_request("{\n  \"Mode\": true}", small);
    CHECK(big.diagnostics.size() == 1);
    CHECK(big.diagnostics.at(0).rule == "json.limit");
    CHECK(big.diagnostics.at(0).path == "");
    CHECK(big.diagnostics.at(0).line == 1); // at the first byte: nothing past the limit is read, not even for a column
    CHECK(big.diagnostics.at(0).column == 1);
    small.max_input_bytes = 100;
    expect_no_rule(atlas::validate_request("{\n  \"Mode\": true}", small), "json.limit");
    // At the limit exactly the input is read; one byte over it is not.
    const std::string exact = R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t"})";
    small.max_input_bytes = exact.size();
    expect_clean(atlas::validate_request(exact, small));
    small.max_input_bytes = exact.size() - 1;
    expect_rule(atlas::validate_request(exact, small), "json.limit", "", 1, 1);
}

TEST_CASE("a string or key longer than max_string_bytes is one json.limit error at its opening quote")
{
    atlas::options limit;
    limit.max_string_bytes = 12; // the longest key below, "campaignType"
    // As written between the quotes: "abcdefghij\\nk" is 13 bytes although it decodes to 12.
    const std::string at_limit = "{\n  \"name\": \"abcdefghijkl\", \"campaignType\": \"1\", \"CallType\": \"1\", \"TemplateId\": \"t\"}";
    expect_no_rule(atlas::validate_request(at_limit, limit), "json.limit");
    const std::string over = "{\n  \"name\": \"abcdefghij\\nk\", \"campaignType\": \"1\", \"CallType\": \"1\", \"TemplateId\": \"t\"}";
    const auto& limited = expect_only_root_error(atlas::validate_request(over, limit), "json.limit", 2, 11);
    CHECK(contains(limited.hint, "max_string_bytes"));
    // A key counts too, and so does a string deep inside an unknown field's value.
    expect_only_root_error(atlas::validate_request("{\"ThirteenBytes\": 1}", limit), "json.limit", 1, 2);
    expect_only_root_error(atlas::validate_request("{\"x\": [{\"y\": \"1234567890123\"}]}", limit), "json.limit", 1, 14);
    // The default (16 MiB) lets a 5 MB script through.
    const std::string script(5u << 20, 'a');
    expect_no_rule(atlas::validate_request(outbound_with({"\"ScriptBase\": \"" + script + "\""})), "json.limit");
}

TEST_CASE("columns count code points, and lines end at LF whatever precedes it")
{
    // Two four-byte characters before the error on the same line: "CompanyName" 3-15, : 16, quote 18, the
    // emoji 19 and 20, quote 21, , 22, "Mode" 24-29, : 30, 1 at 32.
    const auto astral = atlas::validate_request(
        outbound_with({"\"CompanyName\": \"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\", \"Mode\": 1"}));
    expect_rule(astral, "field.type", "/Mode", 6, 32);
    // Longer runs are counted a word at a time: ten emoji and five two-byte letters are 15 code points
    // (50 bytes), so the closing quote is at 34 and the 1 at 45.
    std::string mixed;
    for (int k = 0; k < 10; ++k)
        mixed += "\xF0\x9F\x98\x80";
    for (int k = 0; k < 5; ++k)
        mixed += "\xC3\xA9";
    expect_rule(atlas::validate_request(outbound_with({"\"CompanyName\": \"" + mixed + "\", \"Mode\": 1"})), "field.type",
        "/Mode", 6, 45);
    // CRLF line ends: the value of line 2 is still at column 11.
    const auto crlf = atlas::validate_request("{\r\n  \"Mode\": 1\r\n}");
    expect_rule(crlf, "field.type", "/Mode", 2, 11);
    // A tab is one column: \t 1, "Mode" 2-7, : 8, 1 at 10.
    expect_rule(atlas::validate_request("{\n\t\"Mode\": 1\n}"), "field.type", "/Mode", 2, 10);
}

// =============================================================================================
// Types

TEST_CASE("a number for campaignType is a field.type error whose hint shows the value as a string")
{
    const auto r = atlas::validate_request(payload({name_, template_, R"("campaignType": 1)", outbound}));
    CHECK(r.diagnostics.size() == 1); // no channel rule on a failed campaignType
    const auto d = expect_rule(r, "field.type", "/campaignType", 4, 19);
    CHECK(contains(d.hint, R"("campaignType": "1")"));
    expect_no_rule(atlas::validate_request(payload({name_, template_, phone, outbound})), "field.type");
}

TEST_CASE("a number for a closed enum that is no wire value gets a hint with the wire values")
{
    // Fixed: check_type used to quote whatever number or boolean it got, so "CallType": 3 gets the hint
    // `write it as a JSON string: "CallType": "3"` and "campaignType": true gets `"campaignType": "true"`: both
    // literals are themselves invalid (enum.value). CONTRACT.md: "... error, with a hint showing the right literal".
    const auto three = atlas::validate_request(payload({name_, template_, phone, R"("CallType": 3)"}));
    const auto d = expect_rule(three, "field.type", "/CallType", 5, 15);
    CHECK_FALSE(contains(d.hint, R"("CallType": "3")"));
    CHECK((contains(d.hint, R"("1")") || contains(d.hint, R"("2")")));
    const auto boolean = atlas::validate_request(payload({name_, template_, R"("campaignType": true)", inbound}));
    const auto b = expect_rule(boolean, "field.type", "/campaignType", 4, 19);
    CHECK_FALSE(contains(b.hint, R"("campaignType": "true")"));
    // The passing side: a number that is a wire value is shown quoted.
    const auto two = atlas::validate_request(payload({name_, template_, phone, R"("CallType": 2)"}));
    CHECK(contains(expect_rule(two, "field.type", "/CallType", 5, 15).hint, R"("CallType": "2")"));
    // An array or object gets the wire values too.
    const auto array = atlas::validate_request(payload({name_, template_, R"("campaignType": [])", inbound}));
    CHECK(contains(expect_rule(array, "field.type", "/campaignType", 4, 19).hint, R"("0")"));
}

TEST_CASE("a closed enum's number with a fraction or an exponent that is whole gets its wire value quoted")
{
    // A probe: 2.0 got the list of values while 2 got "2" and the string "2.0" got "use "2" for outbound".
    for (const char* written : {"2.0", "2e0", "0.2e1"}) {
        CAPTURE(written);
        const auto r = atlas::validate_request(payload({name_, template_, phone, std::string(R"("CallType": )") + written}));
        CHECK(expect_rule(r, "field.type", "/CallType", 5, 15).hint == R"(write it as a JSON string: "CallType": "2")");
    }
    const auto type = atlas::validate_request(payload({name_, template_, R"("campaignType": 1.0)", inbound}));
    CHECK(expect_rule(type, "field.type", "/campaignType", 4, 19).hint == R"(write it as a JSON string: "campaignType": "1")");
    // A whole number that is no wire value still gets the list.
    const auto three = atlas::validate_request(payload({name_, template_, phone, R"("CallType": 3.0)"}));
    CHECK_FALSE(contains(expect_rule(three, "field.type", "/CallType", 5, 15).hint, R"("CallType": "3")"));
}

TEST_CASE("a field of the wrong type on a channel that takes none of it is told to be omitted, not retyped")
{
    // A probe: the retyped value traded field.type for a channel error (call-type-omit, messages-on-phone,
    // position-omit); omitting the field clears both.
    const auto call_type = atlas::validate_request(payload({name_, template_, non_phone, bubble, R"("CallType": 2)"}));
    CHECK(expect_rule(call_type, "field.type", "/CallType", 6, 15).hint ==
          "omit CallType: only a phone campaign (campaignType \"1\") has one");
    const auto position = atlas::validate_request(payload({name_, template_, phone, inbound, R"("Position": 5)"}));
    CHECK(expect_rule(position, "field.type", "/Position", 6, 15).hint ==
          "omit Position: only a voice bubble campaign has one");
    const auto on_messages = atlas::validate_request(payload({name_, template_, non_phone, messages, R"("Position": 5)"}));
    CHECK(expect_rule(on_messages, "field.type", "/Position", 6, 15).hint ==
          "omit Position: only a voice bubble campaign has one");
    const std::string messages_text = payload({name_, template_, phone, inbound, R"("MessagesCampaign": "true")"});
    CHECK(expect_rule(atlas::validate_request(messages_text), "field.type", "/MessagesCampaign", 6, 23).hint ==
          "omit MessagesCampaign: a phone campaign (campaignType \"1\") is no Messages campaign");
    // An empty CallType there too (a value of no wire value, as any other).
    const auto empty_call_type = atlas::validate_request(payload({name_, template_, non_phone, bubble, R"("CallType": "")"}));
    CHECK(expect_rule(empty_call_type, "enum.value", "/CallType", 6, 15).hint ==
          "omit CallType: only a phone campaign (campaignType \"1\") has one");
    // Applied, each leaves a valid payload.
    CHECK(atlas::validate_request(payload({name_, template_, non_phone, bubble})).valid());
    CHECK(atlas::validate_request(payload({name_, template_, phone, inbound})).valid());
    // Where the channel takes the field, the retyped value is still the hint; "false" on a phone campaign passes.
    const auto on_bubble = atlas::validate_request(payload({name_, template_, non_phone, R"("Position": 5)"}));
    CHECK(expect_rule(on_bubble, "field.type", "/Position", 5, 15).hint == R"(write it as a JSON string: "Position": "5")");
    const auto no_sms = atlas::validate_request(payload({name_, template_, phone, inbound, R"("MessagesCampaign": "false")"}));
    CHECK(expect_rule(no_sms, "field.type", "/MessagesCampaign", 6, 23).hint ==
          R"(write the literal without quotes: "MessagesCampaign": false)");
    const auto sms = atlas::validate_request(payload({name_, template_, non_phone, R"("MessagesCampaign": "true")"}));
    CHECK(expect_rule(sms, "field.type", "/MessagesCampaign", 5, 23).hint ==
          R"(write the literal without quotes: "MessagesCampaign": true)");
}

TEST_CASE("a number for a time zone or a date-time gets a hint with a value of the right form, not the number quoted")
{
    const auto zone = atlas::validate_request(outbound_with({R"("Timezone": 5)"}));
    const auto z = expect_rule(zone, "field.type", "/Timezone", 6, 15);
    CHECK_FALSE(contains(z.hint, R"("Timezone": "5")"));
    CHECK(contains(z.hint, "America/New_York"));
    const auto date = atlas::validate_request(outbound_with({R"("StartDate": 20260302)"}));
    const auto d = expect_rule(date, "field.type", "/StartDate", 6, 16);
    CHECK_FALSE(contains(d.hint, R"("20260302")"));
    CHECK(contains(d.hint, "RFC 3339"));
    // Where the quoted literal would pass, the hint is the literal quoted.
    const auto name = atlas::validate_request(outbound_with({R"("BusinessName": 42)"}));
    CHECK(contains(expect_rule(name, "field.type", "/BusinessName", 6, 19).hint, R"("BusinessName": "42")"));
}

TEST_CASE("a date-time sent as a Unix time gets that instant in RFC 3339, in the unit its digits say")
{
    // 10 digits are seconds, 13 milliseconds: the ranges the two units do not share (2001 to 2286).
    const struct {
        const char* written;
        const char* instant;
        const char* unit;
    } cases[] = {
        {"1767225600", "2026-01-01T00:00:00Z", "seconds"},
        {"1772442000", "2026-03-02T09:00:00Z", "seconds"},
        {"1000000000", "2001-09-09T01:46:40Z", "seconds"},
        {"9999999999", "2286-11-20T17:46:39Z", "seconds"},
        {"1709164800", "2024-02-29T00:00:00Z", "seconds"}, // a leap day
        {"1.7672256e9", "2026-01-01T00:00:00Z", "seconds"},
        {"1767225600000", "2026-01-01T00:00:00Z", "milliseconds"},
        {"1767225600123", "2026-01-01T00:00:00.123Z", "milliseconds"},
        {"1767225600005", "2026-01-01T00:00:00.005Z", "milliseconds"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.written);
        const std::string reading = std::string(" (") + c.written + " read as " + c.unit + " since 1970-01-01, UTC)";
        // As a number: a field.type error.
        const auto number = atlas::validate_request(outbound_with({std::string(R"("StartDate": )") + c.written}));
        CHECK(expect_rule(number, "field.type", "/StartDate", 6, 16).hint ==
              std::string(R"(write an RFC 3339 date-time as a string: "StartDate": ")") + c.instant + "\"" + reading);
        // As a string of digits: a datetime.format error.
        const auto text = atlas::validate_request(outbound_with({std::string(R"("StartDate": ")") + c.written + "\""}));
        CHECK(expect_rule(text, "datetime.format", "/StartDate", 6, 16).hint ==
              std::string("write \"") + c.instant + "\"" + reading);
        // Applied, the hint clears the error.
        expect_clean(atlas::validate_request(outbound_with({std::string(R"("StartDate": ")") + c.instant + "\""})));
    }
    // A number of another length is no Unix time of either unit: the example, no guess.
    for (const char* no_guess : {"999999999", "10000000000", "999999999999", "10000000000000", "1767225600.5", "-1767225600"}) {
        CAPTURE(no_guess);
        const auto r = atlas::validate_request(outbound_with({std::string(R"("StartDate": )") + no_guess}));
        const auto d = expect_rule(r, "field.type", "/StartDate", 6, 16);
        CHECK_FALSE(contains(d.hint, "read as"));
        CHECK(contains(d.hint, "e.g."));
    }
    // A response's Timestamp is a date-time too.
    const auto response = atlas::validate_response(R"({"Timestamp": 1767225600})");
    CHECK(contains(expect_rule(response, "field.type", "/Timestamp", 1, 15).hint, R"("Timestamp": "2026-01-01T00:00:00Z")"));
}

TEST_CASE("the string \"true\" for a boolean is a field.type error whose hint shows the literal true")
{
    const auto r = atlas::validate_request(outbound_with({R"("IsActive": "true")"}));
    const auto d = expect_rule(r, "field.type", "/IsActive", 6, 15);
    CHECK(contains(d.hint, R"("IsActive": true)"));
    CHECK_FALSE(contains(d.hint, R"("IsActive": "true")"));
    expect_no_rule(atlas::validate_request(outbound_with({R"("IsActive": true)"})), "field.type");

    const auto zero = atlas::validate_request(outbound_with({R"("IsActive": 0)"}));
    CHECK(contains(expect_rule(zero, "field.type", "/IsActive", 6, 15).hint, R"("IsActive": false)"));
}

TEST_CASE("the number 0 or 1 for a boolean field gets the literal it means as its hint")
{
    const auto zero = atlas::validate_request(outbound_with({R"("FeatureDoubleCall": 0)"}));
    CHECK(expect_rule(zero, "field.type", "/FeatureDoubleCall", 6, 24).hint == "write \"FeatureDoubleCall\": false");
    const auto one = atlas::validate_request(outbound_with({R"("FeatureDoubleCall": 1)"}));
    CHECK(expect_rule(one, "field.type", "/FeatureDoubleCall", 6, 24).hint == "write \"FeatureDoubleCall\": true");
}

TEST_CASE("a boolean written as a string people use for one gets the literal it means")
{
    // A probe: only "true" and "false" got the literal; "1", "yes", "true " and "flase" got both literals.
    const auto hint_for = [](const char* written) {
        const auto r = atlas::validate_request(outbound_with({std::string(R"("IsActive": ")") + written + "\""}));
        return expect_rule(r, "field.type", "/IsActive", 6, 15).hint;
    };
    const std::string as_true = R"(write the literal without quotes: "IsActive": true)";
    const std::string as_false = R"(write the literal without quotes: "IsActive": false)";
    for (const char* written : {"true", "TRUE", " true ", "1", "yes", "Yes", "ture", "tru", "trues"}) {
        CAPTURE(written);
        CHECK(hint_for(written) == as_true);
    }
    for (const char* written : {"false", "False", "false ", "0", "no", "NO", "flase", "fals", "falsy"}) {
        CAPTURE(written);
        CHECK(hint_for(written) == as_false);
    }
    // Anything else: both literals, no guess.
    for (const char* written : {"", "maybe", "2", "on", "t", "f", "enabled"}) {
        CAPTURE(written);
        CHECK(hint_for(written) == R"(write "IsActive": true or "IsActive": false)");
    }
}

TEST_CASE("a quoted number for DailyCallLimit is a field.type error whose hint shows the number")
{
    const auto r = atlas::validate_request(outbound_with({R"("DailyCallLimit": "500")"}));
    const auto d = expect_rule(r, "field.type", "/DailyCallLimit", 6, 21);
    CHECK(contains(d.hint, R"("DailyCallLimit": 500)"));
    const auto five = atlas::validate_request(outbound_with({R"("DailyCallLimit": "5")"}));
    CHECK(contains(expect_rule(five, "field.type", "/DailyCallLimit", 6, 21).hint, R"("DailyCallLimit": 5)"));
    // A whole number written with a fraction or an exponent gets it as an integer literal; a fraction, a number out
    // of range or a word gets the range.
    const auto fraction = atlas::validate_request(outbound_with({R"("DailyCallLimit": "1.0")"}));
    CHECK(expect_rule(fraction, "field.type", "/DailyCallLimit", 6, 21).hint ==
          R"(write the number without quotes: "DailyCallLimit": 1)");
    const auto exponent = atlas::validate_response(R"({"TotalRequest": "1e2"})");
    CHECK(contains(expect_rule(exponent, "field.type", "/TotalRequest", 1, 18).hint, R"("TotalRequest": 100)"));
    for (const char* other : {"2.5", "-1", "1e10", "five", "", "inf"}) {
        CAPTURE(other);
        const auto r2 = atlas::validate_request(outbound_with({std::string(R"("DailyCallLimit": ")") + other + "\""}));
        CHECK(expect_rule(r2, "field.type", "/DailyCallLimit", 6, 21).hint == "write a whole number from 0 to 2147483647");
    }
}

TEST_CASE("strings, booleans and JSON-in-string fields of the wrong JSON type are field.type errors")
{
    const auto r = atlas::validate_request(outbound_with({R"("CompanyName": 5)", R"("Mode": "yes")",
        R"("TimeWindows": [])", R"("RedialSettings": {"a": 1})", R"("ToolIds": ["a"])"}));
    CHECK(contains(expect_rule(r, "field.type", "/CompanyName", 6, 18).hint, R"("CompanyName": "5")"));
    expect_rule(r, "field.type", "/Mode", 7, 11);
    CHECK(contains(expect_rule(r, "field.type", "/TimeWindows", 8, 18).hint, R"("TimeWindows": "[]")"));
    CHECK(contains(expect_rule(r, "field.type", "/RedialSettings", 9, 21).hint, R"("RedialSettings": "{\"a\":1}")"));
    expect_rule(r, "field.type", "/ToolIds", 10, 14);
    CHECK(r.errors() == 5);

    // JSON-in-string fields sent as the JSON itself: the hint is the writer's own value as text, which applied
    // clears the error. One window alone goes in a list; a value too long for a hint gets an example instead.
    const struct {
        const char* member;
        const char* pointer;
        std::size_t column;
        const char* hint_value;
    } own_values[] = {
        {R"("IdleMessages": [ "Are you there?",
            "Still here? \"Yes\" or \\no" ])", "/IdleMessages", 19,
            R"("[\"Are you there?\",\"Still here? \\\"Yes\\\" or \\\\no\"]")"},
        {R"("TimeWindows": [{"startHour": 9, "startMinute": 0, "endHour": 17, "endMinute": 30}])", "/TimeWindows", 18,
            R"("[{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":30}]")"},
        {R"("TimeWindows": {"startHour": 9, "startMinute": 0, "endHour": 17, "endMinute": 30})", "/TimeWindows", 18,
            R"("[{\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":30}]")"},
        {R"("EnrichmentInfoSettings": {"provider": {"x": [1, 2, null]}, "note": "a b"})", "/EnrichmentInfoSettings", 29,
            R"("{\"provider\":{\"x\":[1,2,null]},\"note\":\"a b\"}")"},
    };
    for (const auto& own : own_values) {
        CAPTURE(own.member);
        const auto sent = atlas::validate_request(outbound_with({own.member}));
        const std::string hint = expect_rule(sent, "field.type", own.pointer, 6, own.column).hint;
        const std::string key = std::string("\"") + (own.pointer + 1) + "\": ";
        CHECK(hint == std::string(own.pointer + 1) + " carries JSON encoded in a string: send the value as text, " + key +
                          own.hint_value);
        expect_clean(atlas::validate_request(outbound_with({key + own.hint_value})));
    }
    // Windows that are wrong as they stand get the example list, not themselves as text.
    for (const char* not_windows : {R"("TimeWindows": [1, 2])", R"("TimeWindows": {})",
             R"("TimeWindows": {"windows": [{"startHour": 9, "startMinute": 0, "endHour": 17, "endMinute": 0}]})",
             R"("TimeWindows": [{"startHour": 24, "startMinute": 0, "endHour": 17, "endMinute": 0}])"}) {
        CAPTURE(not_windows);
        CHECK(contains(expect_rule(atlas::validate_request(outbound_with({not_windows})), "field.type", "/TimeWindows", 6, 18)
                           .hint,
            R"(e.g. "TimeWindows": "[{\"startHour\":9,)"));
    }
    const std::string long_list = "[\"" + std::string(200, 'x') + "\"]";
    CHECK(contains(expect_rule(atlas::validate_request(outbound_with({R"("IdleMessages": )" + long_list})), "field.type",
                       "/IdleMessages", 6, 19)
                       .hint,
        R"(e.g. "IdleMessages": "{}")"));

    // Response fields are type-checked the same way.
    expect_rule(atlas::validate_response("{\n  \"TotalRequest\": \"7\"\n}"), "field.type", "/TotalRequest", 2, 19);
    expect_no_rule(atlas::validate_response("{\n  \"TotalRequest\": 7\n}"), "field.type");
}

TEST_CASE("a JSON-in-string value sent as JSON gets itself as text in the hint up to 160 bytes, an example past that")
{
    // {"k":"x...x"} with 152 x is 160 bytes, the most a hint shows of the writer's own value.
    const auto hint_for = [](std::size_t length) {
        const std::string member = R"("RedialSettings": {"k": ")" + std::string(length, 'x') + "\"}";
        return expect_rule(atlas::validate_request(outbound_with({member})), "field.type", "/RedialSettings", 6, 21).hint;
    };
    CHECK(hint_for(152) == R"(RedialSettings carries JSON encoded in a string: send the value as text, "RedialSettings": "{\"k\":\")" +
                               std::string(152, 'x') + R"(\"}")");
    const std::string past = hint_for(153);
    CHECK(contains(past, R"(e.g. "RedialSettings": ")"));
    CHECK_FALSE(contains(past, std::string(153, 'x')));
}

// =============================================================================================
// Strings and enums

TEST_CASE("an empty name, TemplateId or open enum is a field.empty error")
{
    const auto r = atlas::validate_request(payload({R"("name": "")", R"("TemplateId": "")", phone, outbound}));
    CHECK(r.diagnostics.size() == 2);
    expect_rule(r, "field.empty", "/name", 2, 11);
    expect_rule(r, "field.empty", "/TemplateId", 3, 17);

    // An empty Position on a voice bubble: field.empty only (Position is present, just empty).
    const auto position = atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "")"}));
    CHECK(position.diagnostics.size() == 1);
    expect_rule(position, "field.empty", "/Position", 5, 15);

    expect_rule(atlas::validate_response(R"({"Status": ""})"), "field.empty", "/Status", 1, 12);
    expect_no_rule(atlas::validate_request(payload({name_, template_, phone, outbound})), "field.empty");
    // A plain optional string may be empty.
    expect_no_rule(atlas::validate_request(outbound_with({R"("CompanyName": "")"})), "field.empty");
}

TEST_CASE("a closed enum outside its wire values is an enum.value error with a hint")
{
    const auto meaning = atlas::validate_request(payload({name_, template_, phone, R"("CallType": "outbound")"}));
    const auto d = expect_rule(meaning, "enum.value", "/CallType", 5, 15);
    CHECK(contains(d.hint, "\"2\""));
    expect_no_rule(atlas::validate_request(payload({name_, template_, phone, outbound})), "enum.value");
}

TEST_CASE("an open enum passes any non-empty value until its allowed set is registered")
{
    expect_clean(atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "anything at all")"})));
    expect_clean(atlas::validate_request(outbound_with({R"("Status": "x")", R"("FirstMessageMode": "y")",
        R"("EnrichmentInfoProvider": "z")"})));

    atlas::options opts;
    opts.allow("Position", {"bottom-right", "bottom-left"});
    const auto wrong = atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "bottom-rigth")"}), opts);
    CHECK(wrong.diagnostics.size() == 1);
    const auto d = expect_rule(wrong, "enum.value", "/Position", 5, 15);
    CHECK(contains(d.hint, "\"bottom-right\""));
    // One character off is one edit, whatever its bytes.
    for (const std::string_view accented : {R"("Position": "b\u00f6ttom-right")", R"("Position": "bottom-right\u200b")"}) {
        CAPTURE(accented);
        const auto near = atlas::validate_request(payload({name_, template_, non_phone, accented}), opts);
        CHECK(expect_rule(near, "enum.value", "/Position", 5, 15).hint == "did you mean \"bottom-right\"?");
    }
    // A value near none of them still gets a fix: the registered set may be the one that is short.
    const auto far = atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "top-center")"}), opts);
    const auto far_d = expect_rule(far, "enum.value", "/Position", 5, 15);
    CHECK(contains(far_d.hint, "add \"top-center\" to the allowed values of Position"));

    expect_no_rule(atlas::validate_request(payload({name_, template_, non_phone, bubble}), opts), "enum.value");
    expect_rule(atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "")"}), opts), "field.empty",
        "/Position", 5, 15);
    // Registering Position leaves the other open enums open.
    expect_clean(atlas::validate_request(outbound_with({R"("Status": "x")"}), opts));

    // A response's open enums take the registered sets too.
    atlas::options registered;
    registered.allow("Status", {"active", "paused"});
    registered.allow("FirstMessageMode", {"assistant", "user"});
    const auto response = atlas::validate_response(R"({"Status": "activ", "FirstMessageMode": "asistant"})", registered);
    CHECK(expect_rule(response, "enum.value", "/Status", 1, 12).hint == "did you mean \"active\"?");
    CHECK(expect_rule(response, "enum.value", "/FirstMessageMode", 1, 41).hint == "did you mean \"assistant\"?");
    expect_clean(atlas::validate_response(R"({"Status": "active", "FirstMessageMode": "user"})", registered));
}

TEST_CASE("an open enum's message lists at most ten registered values, with an ellipsis only past ten")
{
    std::vector<std::string> values;
    for (int k = 1; k <= 11; ++k)
        values.push_back("p" + std::to_string(k));
    atlas::options ten, eleven;
    ten.allowed_values["Position"] = std::vector<std::string>(values.begin(), values.begin() + 10);
    eleven.allowed_values["Position"] = values;
    const std::string body = payload({name_, template_, non_phone, R"("Position": "zz")"});
    const auto d10 = expect_rule(atlas::validate_request(body, ten), "enum.value", "/Position", 5, 15);
    CHECK(contains(d10.message, "\"p9\", \"p10\"), not \"zz\""));
    CHECK_FALSE(contains(d10.message, "\u2026"));
    const auto d11 = expect_rule(atlas::validate_request(body, eleven), "enum.value", "/Position", 5, 15);
    CHECK(contains(d11.message, "\"p9\", \"p10\", \u2026), not \"zz\""));
    CHECK_FALSE(contains(d11.message, "\"p11\""));
}

TEST_CASE("an open enum's message lists each registered value once and never \"\", however the set was filled")
{
    // options::allowed_values is a public map: code may fill it without allow(), which drops repeats and "".
    atlas::options opts;
    std::vector<std::string> values = {"top", "", "top", "bottom", "top"};
    for (int k = 1; k <= 9; ++k)
        values.push_back("p" + std::to_string(k));
    values.push_back("bottom");
    opts.allowed_values["Position"] = values;
    const auto d = expect_rule(
        atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "zz")"}), opts), "enum.value",
        "/Position", 5, 15);
    // Ten distinct values, then the ellipsis for p9: what allow() with the same list would give.
    CHECK(contains(d.message, "(\"top\", \"bottom\", \"p1\", \"p2\", \"p3\", \"p4\", \"p5\", \"p6\", \"p7\", \"p8\", \u2026), not"));
    atlas::options through_allow;
    through_allow.allow("Position", {"top", "", "top", "bottom", "top", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9",
                                        "bottom"});
    CHECK(atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "zz")"}), through_allow)
              .diagnostics.at(0)
              .message == d.message);
}

TEST_CASE("an open enum whose registered set is empty stays open")
{
    atlas::options opts;
    opts.allowed_values["Position"] = {};
    expect_clean(atlas::validate_request(payload({name_, template_, non_phone, R"("Position": "anywhere")"}), opts));
}

// =============================================================================================
// Integers

TEST_CASE("DailyCallLimit accepts 0 and 2147483647")
{
    expect_clean(atlas::validate_request(outbound_with({R"("DailyCallLimit": 0)"})));
    const auto max = atlas::validate_request(outbound_with({R"("DailyCallLimit": 2147483647)"}));
    expect_no_rule(max, "integer.range");
    expect_no_rule(max, "integer.literal");
    expect_clean(max);
}

TEST_CASE("DailyCallLimit -1 and 2147483648 are integer.range errors")
{
    expect_rule(atlas::validate_request(outbound_with({R"("DailyCallLimit": -1)"})), "integer.range", "/DailyCallLimit", 6, 21);
    expect_rule(
        atlas::validate_request(outbound_with({R"("DailyCallLimit": 2147483648)"})), "integer.range", "/DailyCallLimit", 6, 21);
    expect_rule(atlas::validate_request(outbound_with({R"("DailyCallLimit": 99999999999999999999)"})), "integer.range",
        "/DailyCallLimit", 6, 21);
    // A number longer than the 64 characters a message shows ends in "…", not as another number.
    const std::string digits(64, '7');
    const std::string long_number = R"("DailyCallLimit": )" + digits + "1";
    const auto cut = expect_rule(atlas::validate_request(outbound_with({long_number})), "integer.range", "/DailyCallLimit", 6, 21);
    CHECK(contains(cut.message, digits + "\u2026"));
    const std::string exact = R"("DailyCallLimit": )" + digits;
    const auto whole = expect_rule(atlas::validate_request(outbound_with({exact})), "integer.range", "/DailyCallLimit", 6, 21);
    CHECK(contains(whole.message, digits));
    CHECK_FALSE(contains(whole.message, "\u2026"));
}

TEST_CASE("DailyCallLimit 1.0 and 1e2 are integer.literal errors whose hint gives the integer")
{
    const auto fraction = atlas::validate_request(outbound_with({R"("DailyCallLimit": 1.0)"}));
    CHECK(contains(expect_rule(fraction, "integer.literal", "/DailyCallLimit", 6, 21).hint, R"("DailyCallLimit": 1)"));
    const auto exponent = atlas::validate_request(outbound_with({R"("DailyCallLimit": 1e2)"}));
    CHECK(contains(expect_rule(exponent, "integer.literal", "/DailyCallLimit", 6, 21).hint, R"("DailyCallLimit": 100)"));
    const auto half = atlas::validate_request(outbound_with({R"("DailyCallLimit": 2.5)"}));
    CHECK_FALSE(expect_rule(half, "integer.literal", "/DailyCallLimit", 6, 21).hint.empty());
    expect_no_rule(atlas::validate_request(outbound_with({R"("DailyCallLimit": 100)"})), "integer.literal");
}

TEST_CASE("DailyCallLimit 0.0 is an integer.literal error whose hint gives 0, the lowest value")
{
    const auto r = atlas::validate_request(outbound_with({R"("DailyCallLimit": 0.0)"}));
    CHECK(r.diagnostics.size() == 1);
    CHECK(expect_rule(r, "integer.literal", "/DailyCallLimit", 6, 21).hint == "write \"DailyCallLimit\": 0");
}

TEST_CASE("DailyCallLimit 2147483648.0 is an integer.literal error whose hint gives the range, not the number past it")
{
    const auto r = atlas::validate_request(outbound_with({R"("DailyCallLimit": 2147483648.0)"}));
    CHECK(r.diagnostics.size() == 1);
    CHECK(expect_rule(r, "integer.literal", "/DailyCallLimit", 6, 21).hint == "write a whole number from 0 to 2147483647");
}

TEST_CASE("response counters are 32-bit integers too")
{
    expect_rule(atlas::validate_response(R"({"SuccessRequest": 2147483648})"), "integer.range", "/SuccessRequest", 1, 20);
    expect_no_rule(atlas::validate_response(R"({"SuccessRequest": 2147483647})"), "integer.range");
}

// =============================================================================================
// Dates

TEST_CASE("StartDate accepts RFC 3339 date-times")
{
    for (std::string_view date : {"2026-03-02T09:00:00Z", "2026-03-02t09:00:00z", "2026-03-02T09:00:00.5+05:30",
             "2026-03-02T09:00:00.123456789012-23:59", "2016-12-31T23:59:60Z", "2024-02-29T00:00:00Z",
             "2000-02-29T12:00:00Z"}) {
        INFO(date);
        const std::string line = "\"StartDate\": \"" + std::string(date) + "\"";
        const auto r = atlas::validate_request(outbound_with({line}));
        expect_no_rule(r, "datetime.format");
        expect_no_rule(r, "datetime.offset");
        expect_clean(r);
    }
}

TEST_CASE("a StartDate without an offset is a datetime.offset warning at the value")
{
    const auto r = atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02T09:00:00")"}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    // The contract places a finding "of the offending key or value": the value's quote, at column 16.
    const auto d = expect_rule(r, "datetime.offset", "/StartDate", 6, 16);
    CHECK(contains(d.hint, "Z"));
}

TEST_CASE("a date-time hint keeps the offset the value has or has not: the zone is the writer's to choose")
{
    // With an offset, the fix is clean; without one, it clears the error and the warning about the zone remains,
    // since "Z" could be hours off.
    const auto with_offset = atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02T09:00+01:00")"}));
    CHECK(expect_rule(with_offset, "datetime.format", "/StartDate", 6, 16).hint == R"(write "2026-03-02T09:00:00+01:00")");
    CHECK(atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02T09:00:00+01:00")"})).diagnostics.empty());
    const auto without = atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02T09:00")"}));
    CHECK(expect_rule(without, "datetime.format", "/StartDate", 6, 16).hint == R"(write "2026-03-02T09:00:00")");
    const auto applied = atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02T09:00:00")"}));
    CHECK(applied.valid());
    expect_rule(applied, "datetime.offset", "/StartDate", 6, 16);
}

TEST_CASE("a date alone, a space separator or a day that does not exist is a datetime.format error")
{
    const auto alone = atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02")"}));
    // Every one at the value, its quote at column 16; the message says which part is wrong.
    CHECK(contains(expect_rule(alone, "datetime.format", "/StartDate", 6, 16).hint, "2026-03-02T00:00:00Z"));
    const auto space = atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02 09:00:00Z")"}));
    CHECK(contains(expect_rule(space, "datetime.format", "/StartDate", 6, 16).hint, "T"));
    for (const char* day : {"2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31"}) {
        CAPTURE(day);
        const std::string field = std::string(R"("StartDate": ")") + day + R"(T09:00:00Z")";
        const auto d = expect_rule(atlas::validate_request(outbound_with({field})), "datetime.format", "/StartDate", 6, 16);
        CHECK(contains(d.message, "day"));
        // Its form is right: an example of the form would be no fix, and any date put in its place a guess.
        CHECK(d.hint.empty());
    }
    const auto no_such_day = atlas::validate_response(R"({"Timestamp": "2023-02-29T00:00:00.5+01:00"})");
    CHECK(expect_rule(no_such_day, "datetime.format", "/Timestamp", 1, 15).hint.empty());
    // A date alone that does not exist: no time to add, no example (the day is what is wrong).
    const auto date_alone = atlas::validate_response(R"({"Timestamp": "2025-02-30"})");
    CHECK(expect_rule(date_alone, "datetime.format", "/Timestamp", 1, 15).hint.empty());
    // A space where T goes, hiding another mistake: the message names that one and then the space, and "put T" (no
    // fix) is not offered.
    const auto hidden = atlas::validate_response(R"({"Timestamp": "2025-01-16 22:60:31Z"})");
    const auto hidden_d = expect_rule(hidden, "datetime.format", "/Timestamp", 1, 15);
    CHECK(hidden_d.message == "Timestamp is not an RFC 3339 date-time: minute must be 00 to 59, and 'T', not a space, "
                              "goes between the date and the time");
    CHECK_FALSE(contains(hidden_d.hint, "put"));
    const auto no_seconds = expect_rule(
        atlas::validate_response(R"({"Timestamp": "2026-03-02 09:00"})"), "datetime.format", "/Timestamp", 1, 15);
    CHECK(contains(no_seconds.message, "seconds are required"));
    CHECK(contains(no_seconds.message, "not a space"));
    CHECK(no_seconds.hint == R"(write "2026-03-02T09:00:00")");
    // A space alone is the mistake: the message says so once, and the corrected value is the hint.
    const auto space_alone = expect_rule(
        atlas::validate_response(R"({"Timestamp": "2025-01-16 22:59:31Z"})"), "datetime.format", "/Timestamp", 1, 15);
    CHECK(space_alone.message ==
          "Timestamp is not an RFC 3339 date-time: expected 'T' between the date and the time, not a space");
    CHECK(space_alone.hint == R"(write "2025-01-16T22:59:31Z")");
    // A part out of range in a malformed value still gets the form.
    CHECK_FALSE(expect_rule(atlas::validate_response(R"({"Timestamp": "2023-13-01 00:00"})"), "datetime.format",
        "/Timestamp", 1, 15).hint.empty());
    // Offset hours stop at 23; seconds at 60.
    expect_rule(atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02T09:00:00+24:00")"})),
        "datetime.format", "/StartDate", 6, 16);
    expect_rule(atlas::validate_request(outbound_with({R"("StartDate": "2026-03-02T09:00:61Z")"})), "datetime.format",
        "/StartDate", 6, 16);
    expect_rule(atlas::validate_request(outbound_with({R"("StartDate": "")"})), "datetime.format", "/StartDate", 6, 16);
}

TEST_CASE("a StartDate whose day does not exist and whose form is off too gets an example of the form")
{
    for (const std::string_view value : {R"("StartDate": "2025-02-30T10:00:00.Z")", R"("StartDate": "2025-02-30T10:00:00+05:00x")"}) {
        CAPTURE(value);
        const auto r = atlas::validate_request(outbound_with({value}));
        CHECK(r.diagnostics.size() == 1);
        const auto d = expect_rule(r, "datetime.format", "/StartDate", 6, 16);
        CHECK(contains(d.hint, "write it as RFC 3339"));
    }
}

TEST_CASE("a StartDate written with t or z whose day does not exist gets no example: the message names the day")
{
    for (const std::string_view value : {R"("StartDate": "2025-02-30T10:00:00z")", R"("StartDate": "2025-02-30t10:00:00Z")"}) {
        CAPTURE(value);
        const auto r = atlas::validate_request(outbound_with({value}));
        CHECK(r.diagnostics.size() == 1);
        const auto d = expect_rule(r, "datetime.format", "/StartDate", 6, 16);
        CHECK(contains(d.message, "day 30 does not exist in February"));
        CHECK(d.hint.empty());
    }
}

TEST_CASE("a StartDate whose form alone is off gets the same instant in RFC 3339 as its hint")
{
    const struct {
        const char* written;
        const char* hint;
    } cases[] = {
        {"2026-03-02T09:00Z", R"(write "2026-03-02T09:00:00Z")"},
        {"2026-03-02T09:00:00+0100", R"(write "2026-03-02T09:00:00+01:00")"},
        {"2026-3-2T9:00:00-05", R"(write "2026-03-02T09:00:00-05:00")"},
        {"2026/03/02T09:00:00.5Z", R"(write "2026-03-02T09:00:00.5Z")"},
        {"2026-03-02 09:00:00Z", R"(write "2026-03-02T09:00:00Z")"},
        {" 2026-03-02T09:00:00Z", R"(write "2026-03-02T09:00:00Z")"},
        // ISO 8601 forms RFC 3339 leaves out: a comma before the fraction, the basic form, a space before the offset.
        {"2026-03-02T09:00:00,5Z", R"(write "2026-03-02T09:00:00.5Z")"},
        {"20260302T090000Z", R"(write "2026-03-02T09:00:00Z")"},
        {"20260302T0900+0100", R"(write "2026-03-02T09:00:00+01:00")"},
        {"20260302T090000,25-0530", R"(write "2026-03-02T09:00:00.25-05:30")"},
        {"2026-03-02T09:00:00 +01:00", R"(write "2026-03-02T09:00:00+01:00")"},
        {"2026-03-02T09:00 Z", R"(write "2026-03-02T09:00:00Z")"},
        // UTC by its name (a probe: these got the fixed example, another instant).
        {"2026-03-02T09:00:00UTC", R"(write "2026-03-02T09:00:00Z")"},
        {"2026-03-02 09:00:00 UTC", R"(write "2026-03-02T09:00:00Z")"},
        {"2026-03-02T09:00:00 gmt", R"(write "2026-03-02T09:00:00Z")"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.written);
        const auto r = atlas::validate_request(outbound_with({std::string(R"("StartDate": ")") + c.written + "\""}));
        const auto d = expect_rule(r, "datetime.format", "/StartDate", 6, 16);
        CHECK(d.hint == c.hint);
        // Applied, the hint clears the error.
        const std::string fixed = std::string(c.hint).substr(6);
        expect_clean(atlas::validate_request(outbound_with({R"("StartDate": )" + fixed})));
    }
    // A date that does not exist gets no guess, only the form; nor does a basic form with a part missing or cut.
    // Nor a zone's abbreviation other than UTC's: EST is not the only zone it names, nor always in force.
    for (const char* no_guess : {"2026-02-30T9:00Z", "20260230T090000Z", "202603T0900Z", "2026030T0900Z", "20260302T9Z",
             "2026-03-02T09:00:00 EST", "2026-03-02T09:00:00UTCX"}) {
        CAPTURE(no_guess);
        const auto r = atlas::validate_request(outbound_with({std::string(R"("StartDate": ")") + no_guess + "\""}));
        CHECK_FALSE(contains(expect_rule(r, "datetime.format", "/StartDate", 6, 16).hint, "write \""));
    }
}

TEST_CASE("a StartDate whose form alone is off gets its RFC 3339 form with a fraction of any length, or with no offset")
{
    // RFC 3339 takes a fraction of any number of digits; an instant without an offset stays without one (the
    // hint fixes the form; datetime.offset then asks for the offset).
    const struct {
        const char* written;
        const char* hint;
    } cases[] = {
        {"2026-03-02 09:00:00.1234Z", R"(write "2026-03-02T09:00:00.1234Z")"},
        {"2026-03-02 09:00:00.123456789+01:00", R"(write "2026-03-02T09:00:00.123456789+01:00")"},
        {"2026-03-02 09:00:00", R"(write "2026-03-02T09:00:00")"},
        {"2026-3-2T9:00", R"(write "2026-03-02T09:00:00")"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.written);
        const auto r = atlas::validate_request(outbound_with({std::string(R"("StartDate": ")") + c.written + "\""}));
        CHECK(expect_rule(r, "datetime.format", "/StartDate", 6, 16).hint == c.hint);
        // Applied, the hint clears the error.
        const std::string fixed = std::string(c.hint).substr(6);
        expect_no_rule(atlas::validate_request(outbound_with({R"("StartDate": )" + fixed})), "datetime.format");
    }
}

TEST_CASE("the response Timestamp is checked as RFC 3339")
{
    expect_rule(atlas::validate_response(R"({"Timestamp": "2026-03-02"})"), "datetime.format", "/Timestamp", 1, 15);
    expect_clean(atlas::validate_response(R"({"Timestamp": "2026-03-02T09:00:00.1234567Z"})"));
}

// =============================================================================================
// Time zones

TEST_CASE("Timezone accepts canonical IANA names and links")
{
    for (std::string_view zone : {"America/New_York", "US/Eastern", "Etc/UTC", "Europe/London", "Asia/Kolkata"}) {
        INFO(zone);
        const auto r = atlas::validate_request(outbound_with({"\"Timezone\": \"" + std::string(zone) + "\""}));
        expect_no_rule(r, "timezone.known");
        expect_clean(r);
    }
}

TEST_CASE("a wrong-case Timezone is a timezone.known error whose hint names the right zone")
{
    const auto r = atlas::validate_request(outbound_with({R"("Timezone": "america/new_york")"}));
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "timezone.known", "/Timezone", 6, 15);
    CHECK(contains(d.hint, "America/New_York"));
    CHECK(contains(d.message, atlas::tzdata_version)); // the tz database version shipped
    CHECK(atlas::tzdata_version >= std::string_view("2025b"));

    const auto near = atlas::validate_request(outbound_with({R"("Timezone": "Europe/Londn")"}));
    CHECK(contains(expect_rule(near, "timezone.known", "/Timezone", 6, 15).hint, "Europe/London"));
    // A one-word link in capitals is that zone, not an abbreviation to leave unguessed.
    for (const auto& [written, zone] : {std::pair{"CUBA", "Cuba"}, {"EIRE", "Eire"}, {"ZULU", "Zulu"}, {"JAPAN", "Japan"}}) {
        CAPTURE(written);
        const auto upper = atlas::validate_request(outbound_with({"\"Timezone\": \"" + std::string(written) + "\""}));
        CHECK(expect_rule(upper, "timezone.known", "/Timezone", 6, 15).hint ==
              "did you mean \"" + std::string(zone) + "\"?");
    }
}

/// The hint of the one timezone.known error of an outbound payload with this Timezone.
std::string timezone_hint(std::string_view zone)
{
    const auto r = atlas::validate_request(outbound_with({"\"Timezone\": \"" + std::string(zone) + "\""}));
    REQUIRE(r.diagnostics.size() == 1);
    return expect_rule(r, "timezone.known", "/Timezone", 6, 15).hint;
}

TEST_CASE("a Timezone written as an offset, Z or an abbreviation gets the zone it means, never a near wrong one")
{
    // Abbreviations: the zone people mean, not the name one letter away ("PST" is not "EST").
    CHECK(contains(timezone_hint("PST"), "America/Los_Angeles"));
    CHECK(contains(timezone_hint("CST"), "America/Chicago"));
    CHECK(contains(timezone_hint("IST"), "Asia/Kolkata"));
    CHECK(timezone_hint("XYZT").empty()); // an unknown abbreviation: no guess
    // With an accent on a letter it is still an abbreviation: "\u00c9DT" got "EET", 7 hours off, once edits were
    // counted in characters.
    CHECK(contains(timezone_hint("\u00c9DT"), "America/New_York"));
    CHECK(contains(timezone_hint("P\u0160T"), "America/Los_Angeles"));
    for (const std::string_view unknown : {"M\u00c9Z", "\u00c9T", "\u00dcb"}) {
        CAPTURE(unknown);
        CHECK(timezone_hint(unknown).empty());
    }
    // Offsets: IANA's Etc zones invert the sign, so UTC+2 is Etc/GMT-2.
    CHECK(contains(timezone_hint("UTC+2"), "\"Etc/GMT-2\""));
    CHECK(contains(timezone_hint("GMT-5"), "\"Etc/GMT+5\""));
    CHECK(contains(timezone_hint("+01:00"), "\"Etc/GMT-1\""));
    CHECK(contains(timezone_hint("UTC+05:30"), "an offset is not a zone name")); // no Etc zone for half hours
    CHECK(contains(timezone_hint("Etc/GMT+02"), "\"Etc/GMT+2\"")); // IANA's own sign, with a leading zero
    CHECK(contains(timezone_hint("UTC+0"), "\"UTC\""));
    CHECK(contains(timezone_hint("Z"), "\"UTC\""));
    // Spaces around an offset are forgiven, as around a name; a stray character makes it a near name's to hint.
    CHECK(timezone_hint("Etc/GMT+2 ") == "did you mean \"Etc/GMT+2\"?");
    CHECK(timezone_hint("Etc/GMT-14 ") == "did you mean \"Etc/GMT-14\"?");
    CHECK(contains(timezone_hint(" UTC+2"), "\"Etc/GMT-2\""));
    // A zone's own name, with spaces or in another case, gets that name, as other names do (a probe: "gmt+0" got
    // "UTC" while "Gmt+0" got "GMT+0").
    CHECK(timezone_hint("GMT+0 ") == "did you mean \"GMT+0\"?");
    CHECK(timezone_hint("gmt+0") == "did you mean \"GMT+0\"?");
    CHECK(timezone_hint("gmt-0") == "did you mean \"GMT-0\"?");
    CHECK(timezone_hint("etc/gmt-2") == "did you mean \"Etc/GMT-2\"?");
    CHECK(contains(timezone_hint("utc+0"), "\"UTC\"")); // no zone's name: the offset's zone
    CHECK(timezone_hint("Etc/GMT+2x") == "did you mean \"Etc/GMT+2\"?");
    CHECK(timezone_hint("Etc/GMT+15").empty()); // no such zone, and the near "Etc/GMT+1" would be 14 hours off
    // So are spaces around an abbreviation: "PST " is Los Angeles, not the near "EST".
    for (const char* written : {"PST ", " PST", "pst ", " IST "}) {
        CAPTURE(written);
        CHECK_FALSE(contains(timezone_hint(written), "EST"));
    }
    CHECK(contains(timezone_hint("PST "), "America/Los_Angeles"));
    CHECK(timezone_hint(" XYZT ").empty());
    // Every zone the abbreviations name is one.
    for (const auto& [abbreviation, zone] : atlas::detail::zone_abbreviations) {
        CAPTURE(abbreviation);
        CHECK(atlas::is_time_zone(zone));
        CHECK_FALSE(atlas::is_time_zone(abbreviation));
    }
    // A typo still gets the near name.
    CHECK(contains(timezone_hint("Europe/Berln"), "Europe/Berlin"));
}

TEST_CASE("a city the tz database does not name gets the zone it keeps the time of, not a near other city")
{
    // "Asia/Mumbai" was "did you mean Asia/Dubai?" (90 minutes off), "America/Miami" "America/Lima".
    CHECK(contains(timezone_hint("Asia/Mumbai"), "\"Asia/Kolkata\""));
    CHECK(contains(timezone_hint("America/Miami"), "\"America/New_York\""));
    CHECK(contains(timezone_hint("mumbai"), "\"Asia/Kolkata\""));
    CHECK(contains(timezone_hint("America/San_Francisco"), "\"America/Los_Angeles\""));
    CHECK(contains(timezone_hint("Europe/Frankfurt "), "\"Europe/Berlin\""));
    // A near name whose city is a third or more edits away is another city: no guess.
    CHECK(timezone_hint("Asia/Mumbay").find("Dubai") == std::string::npos);
    CHECK(timezone_hint("Europe/Lyon").empty()); // not "Europe/Lisbon", nor any other
    // Typos of a real city keep their did-you-mean.
    CHECK(contains(timezone_hint("Asia/Tokio"), "\"Asia/Tokyo\""));
    CHECK(contains(timezone_hint("America/Sao Paolo"), "\"America/Sao_Paulo\""));
    CHECK(contains(timezone_hint("America/New_Yrok"), "\"America/New_York\""));
    CHECK(contains(timezone_hint("Amerca/Chicago"), "\"America/Chicago\""));
    // Every zone of the table is one, and no city of it is a zone's own name.
    for (const auto& [city, zone] : atlas::detail::zone_cities) {
        CAPTURE(city);
        CHECK(atlas::is_time_zone(zone));
        std::string as_zone = std::string(zone.substr(0, zone.rfind('/') + 1)) + std::string(city);
        std::replace(as_zone.begin(), as_zone.end(), ' ', '_');
        CHECK_FALSE(atlas::is_time_zone(as_zone)); // "Asia/Mumbai" is none: else the table would hide a real zone
    }
}

TEST_CASE("a Timezone written as Windows names it, or as people say it, gets the zone CLDR maps it to")
{
    // A probe: "Eastern Standard Time" (.NET's TimeZoneInfo id) and "Eastern Time" (the seed's own kind of
    // TimezoneFriendlyName, sent in the wrong field) got no hint.
    const std::string note = " (the tz database names a zone by a city, not as Windows does)";
    CHECK(timezone_hint("Eastern Standard Time") == R"(did you mean "America/New_York"?)" + note);
    CHECK(timezone_hint("eastern_daylight_time") == R"(did you mean "America/New_York"?)" + note);
    CHECK(timezone_hint("Eastern Time") == R"(did you mean "America/New_York"?)" + note);
    CHECK(timezone_hint("W. Europe Standard Time") == R"(did you mean "Europe/Berlin"?)" + note);
    CHECK(timezone_hint("India Standard Time") == R"(did you mean "Asia/Kolkata"?)" + note);
    CHECK(timezone_hint("AUS Eastern Standard Time") == R"(did you mean "Australia/Sydney"?)" + note);
    CHECK(timezone_hint(" Pacific Time ") == R"(did you mean "America/Los_Angeles"?)" + note);
    CHECK(timezone_hint("GMT Standard Time") == R"(did you mean "Europe/London"?)" + note);
    CHECK_FALSE(contains(timezone_hint("GMT Time"), "London")); // GMT itself, which has no summer time
    CHECK(timezone_hint("Nowhere Standard Time").empty());
    // Every zone of the table is one, and applied it clears the error.
    for (const auto& [name, zone] : atlas::detail::windows_zones) {
        CAPTURE(name);
        CHECK(atlas::is_time_zone(zone));
        CHECK(atlas::detail::windows_zone(std::string(name) + " Standard Time") == zone);
    }
}

TEST_CASE("a Timezone whose city is cut short gets the zone it starts, as suggest_time_zone gives it")
{
    // A probe: the README's own examples got no hint from the validator, whose far-city guard took the letters
    // left out for edits ("East" is three from "Eastern").
    CHECK(timezone_hint("US/East") == "did you mean \"US/Eastern\"?");
    CHECK(timezone_hint("US/Cent") == "did you mean \"US/Central\"?");
    CHECK(timezone_hint("Lond") == "did you mean \"Europe/London\"?");
    CHECK(timezone_hint("America/Sao") == "did you mean \"America/Sao_Paulo\"?");
    CHECK(timezone_hint("Europe/Lond") == "did you mean \"Europe/London\"?");
    // A city that only looks like another is still no guess.
    CHECK(timezone_hint("America/Miami").find("Lima") == std::string::npos);
    CHECK(timezone_hint("Europe/Rxxe").empty());
}

TEST_CASE("a Timezone one edit from a zone gets that zone, not another country's zone of the same city part")
{
    // A probe: "Brasil/West" got "Australia/West" (12 hours off), because the city part alone matched first, and
    // "America_New_York" got nothing, because its "city" was the whole value.
    CHECK(timezone_hint("Brasil/West") == "did you mean \"Brazil/West\"?");
    CHECK(timezone_hint("USA/Eastern") == "did you mean \"US/Eastern\"?");
    CHECK(timezone_hint("Brazil/Wet") == "did you mean \"Brazil/West\"?");
    for (const char* written : {"America_New_York", "America\\\\New_York", "AmericaNew_York", "America New_York",
             "America-New_York"}) {
        CAPTURE(written);
        CHECK(timezone_hint(written) == "did you mean \"America/New_York\"?");
    }
    CHECK(timezone_hint("Europe.London") == "did you mean \"Europe/London\"?");
    // Still: a wrong region before a real city gets the city's zone, and a city alone its own.
    CHECK(timezone_hint("Asia/Rome") == "did you mean \"Europe/Rome\"?");
    CHECK(atlas::suggest_time_zone("GMT+5") == "Etc/GMT+5"); // not GMT+0, one edit away: a city alone is step 3's
    // A real city under a wrong region is that city, not another one edit away in the region written (review).
    CHECK(timezone_hint("America/Rome") == "did you mean \"Europe/Rome\"?");
    CHECK(timezone_hint("Europe/Salta") == "did you mean \"America/Argentina/Salta\"?");
    CHECK(timezone_hint("Australia/UCT") == "did you mean \"Etc/UCT\"?");
    CHECK(timezone_hint("Europe/Asmara") == "did you mean \"Africa/Asmara\"?");
    CHECK(timezone_hint("Pacific/Eastern").empty()); // US/ or Canada/, not Pacific/Easter
    CHECK(timezone_hint("Asia/Eastern").empty());
}

TEST_CASE("a Timezone as near to two different zones gets no guess; as near to names of one zone, the first")
{
    // "America/Stka": America/Atka (UTC-10) or America/Sitka (UTC-9); "Eastern": US/ or Canada/; "Brazil/est":
    // Brazil/East or Brazil/West, not the EST one edit from its last part.
    for (const char* written : {"America/Stka", "America/itka", "Eastern", "Pacific", "Central", "Mountain", "West",
             "Brazil/est"}) {
        CAPTURE(written);
        CHECK(timezone_hint(written).empty());
    }
    // Names of one place: a link and its zone ("America/Cordoba", "America/Argentina/Cordoba").
    CHECK(timezone_hint("Cordoba") == "did you mean \"America/Argentina/Cordoba\"?");
    CHECK(timezone_hint("Istanbul") == "did you mean \"Asia/Istanbul\"?");
    CHECK(timezone_hint("Samoa") == "did you mean \"Pacific/Samoa\"?");
}

TEST_CASE("a Timezone written z, +hhmm or +00:30 gets the hint of Z and of the offset it is")
{
    // Lower case z is Z; the compact +hhmm is an offset as +hh:mm is; a half hour past UTC is no UTC.
    const std::string place = "use the zone of a place, which also follows its daylight saving time";
    CHECK(timezone_hint("z") == R"(did you mean "UTC"? (Z is how a date-time writes UTC))");
    CHECK(timezone_hint("UTC+0530") == place + " (an offset is not a zone name)");
    CHECK(timezone_hint("+0530") == place + " (an offset is not a zone name)");
    CHECK(contains(timezone_hint("+0100"), "\"Etc/GMT-1\""));
    CHECK(timezone_hint("UTC+123").empty()); // three hour digits: no offset
    CHECK(timezone_hint("+00:30") == place + " (an offset is not a zone name)");
    CHECK(timezone_hint("UTC+00:30") == place + " (an offset is not a zone name)");
    CHECK(timezone_hint("+00:00") == R"(did you mean "UTC"?)");
}

TEST_CASE("a Timezone offset that no Etc zone keeps gets no Etc zone in its hint")
{
    // Etc zones are whole hours: no guess for Etc/GMT+02:30.
    const auto half = atlas::validate_request(outbound_with({R"("Timezone": "Etc/GMT+02:30")"}));
    CHECK(expect_rule(half, "timezone.known", "/Timezone", 6, 15).hint.empty());
    // UTC+15 would be Etc/GMT-15, which does not exist (they end at UTC+14).
    const auto past = atlas::validate_request(outbound_with({R"("Timezone": "UTC+15")"}));
    CHECK(expect_rule(past, "timezone.known", "/Timezone", 6, 15).hint ==
          "use the zone of a place, which also follows its daylight saving time (an offset is not a zone name)");
}

TEST_CASE("a Timezone whose city is a third or more edits from a zone's, from four characters on, gets no guess")
{
    // "Europe/Pragxx": two edits in six; "Europe/Rxxe": two in four. Both are another city, not Prague or Rome.
    CHECK(timezone_hint("Europe/Pragxx").empty());
    CHECK(timezone_hint("Europe/Rxxe").empty());
    // One edit in six or in four is a typo of the city.
    CHECK(timezone_hint("Europe/Pragux") == R"(did you mean "Europe/Prague"?)");
    CHECK(timezone_hint("Europe/Romx") == R"(did you mean "Europe/Rome"?)");
}

TEST_CASE("a Timezone whose city has three letters or fewer gets no guess two edits away, and one edit away does")
{
    // A mutation run: "Asia/Goa" (India's time) got "Asia/Gaza", 3.5 hours off; the guard began at four characters.
    CHECK(timezone_hint("Asia/Goa").empty());
    CHECK(timezone_hint("Asia/Hk").empty());
    // One edit from a short name is its typo.
    CHECK(timezone_hint("Etc/UTX") == R"(did you mean "Etc/UTC"?)");
    CHECK(timezone_hint("Etc/GMZ") == R"(did you mean "Etc/GMT"?)");
    CHECK(timezone_hint("Zul") == R"(did you mean "Zulu"?)"); // cut short
}

TEST_CASE("a Timezone of five capitals is read as an abbreviation and gets no near name; six capitals are a name")
{
    CHECK(timezone_hint("BERLN").empty()); // as "PST" is not the near "EST"
    CHECK(timezone_hint("BERLIN") == R"(did you mean "Europe/Berlin"?)");
}

TEST_CASE("an empty Timezone is an error")
{
    const auto r = atlas::validate_request(outbound_with({R"("Timezone": "")"}));
    CHECK(r.errors() == 1);
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "field.empty", "/Timezone", 6, 15);
    CHECK(contains(d.hint, "America/New_York"));
}

// =============================================================================================
// JSON carried in strings

TEST_CASE("EnrichmentInfoSettings, RedialSettings and IdleMessages must hold JSON text")
{
    const auto r = atlas::validate_request(outbound_with({R"("RedialSettings": "{\"a\":}")"}));
    CHECK(r.diagnostics.size() == 1);
    // The value's quote at 21, the content from 22: { 22, \"a\" 23-27, : 28, } 29 (the content's sixth byte:
    // "byte 6", counted from 1 as columns are).
    const auto d = expect_rule(r, "json-text.syntax", "/RedialSettings", 6, 29);
    CHECK(contains(d.message, "at byte 6 of its content"));

    // A \n escape in the content is a newline there but two columns in the outer text: { 22, \n 23-24,
    // \"a\" 25-29, : 30, } at 31, still on line 6.
    expect_rule(atlas::validate_request(outbound_with({R"("RedialSettings": "{\n\"a\":}")"})), "json-text.syntax",
        "/RedialSettings", 6, 31);
    const auto empty = atlas::validate_request(outbound_with({R"("IdleMessages": "")"}));
    expect_rule(empty, "json-text.syntax", "/IdleMessages", 6, 20);
    expect_rule(atlas::validate_request(outbound_with({R"("EnrichmentInfoSettings": "{'a': 1}")"})), "json-text.syntax",
        "/EnrichmentInfoSettings", 6, 31);

    const auto fine = atlas::validate_request(outbound_with({R"("RedialSettings": "{\"a\":1}")", R"("IdleMessages": "[]")",
        R"("EnrichmentInfoSettings": "{\"provider\":{\"x\":[1,2,null]}}")"}));
    expect_no_rule(fine, "json-text.syntax");
    expect_clean(fine);
}

TEST_CASE("JSON text cut short in a string field is reported at the end of its content, not at a byte")
{
    const auto r = atlas::validate_request(outbound_with({R"("RedialSettings": "{\"a\":")"}));
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "json-text.syntax", "/RedialSettings", 6, 29);
    CHECK(contains(d.message, "at the end of its content"));
    CHECK_FALSE(contains(d.message, "byte"));
}

// =============================================================================================
// TimeWindows

TEST_CASE("the seed's TimeWindows example with straight quotes is valid")
{
    const std::string example = straighten_quotes(seed_time_windows_example());
    CHECK(example == "[" + window(9, 0, 17, 0) + "]");
    const auto r = atlas::validate_request(outbound_with({time_windows(example)}));
    expect_no_rule(r, "time-windows.syntax");
    expect_clean(r);
}

TEST_CASE("a window key with white space inside its quotes is not one of the four keys")
{
    // "startHour " is a key of its own: unknown, and the window lacks startHour. White space right after the name
    // once passed for the closing quote in a window that otherwise looked ordinary.
    const auto spaced = atlas::validate_request(outbound_with(
        {time_windows(R"([{"startHour ":9,"startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK_FALSE(spaced.valid());
    CHECK(spaced.diagnostics.size() == 2);
    expect_rule(spaced, "time-windows.missing-key", "/TimeWindows/0/startHour", 6, 20);
    expect_rule(spaced, "time-windows.unknown-key", "/TimeWindows/0/startHour ", 6, 21);

    // A raw tab, line feed or carriage return in a key is no JSON at all (the outer text's escape decodes to it).
    for (std::string_view escape : {"\\t", "\\n", "\\r"}) {
        CAPTURE(escape);
        const auto raw = atlas::validate_request(outbound_with({R"("TimeWindows": "[{\"startHour)" + std::string(escape) +
                                                                R"(\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]")"}));
        CHECK(raw.diagnostics.size() == 1);
        expect_rule(raw, "time-windows.syntax", "/TimeWindows", 6, 32);
    }
}

TEST_CASE("the seed's TimeWindows example as printed, with typographic quotes, is a syntax error with a hint")
{
    const std::string example = seed_time_windows_example();
    REQUIRE(contains(example, "\u201c"));
    const auto r = atlas::validate_request(outbound_with({time_windows(example)}));
    CHECK(r.diagnostics.size() == 1);
    // The value's quote at 18, the content from 19: [ 19, { 20, the first typographic quote at 21.
    const auto d = expect_rule(r, "time-windows.syntax", "/TimeWindows", 6, 21);
    CHECK(contains(d.hint, "straight quotes"));
    CHECK(contains(d.hint, "\""));
}

TEST_CASE("TimeWindows content that is not JSON gets the straight-quotes hint whenever it holds typographic quotes")
{
    for (const std::string& content : std::vector<std::string>{"[{\u201estartHour\u201c:9,\u201estartMinute\u201c:0,\u201eendHour\u201c:17,\u201eendMinute\u201c:0}]",
             "[{startHour:9, \u201cnote\u201d:1}]", "[" + window(9, 0, 17, 0) + "\u201c]", "[\"a\u201d:1]"}) {
        CAPTURE(content);
        const auto r = atlas::validate_request(outbound_with({time_windows(content)}));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].rule == "time-windows.syntax");
        CHECK(contains(r.diagnostics[0].hint, "straight quotes"));
    }
}

TEST_CASE("the straight-quotes hint is given wherever typographic double quotes stand, single ones only where they act as quotes")
{
    const auto hint_of = [](std::string_view content) {
        std::string field = R"("EnrichmentInfoSettings": ")";
        for (const char ch : content)
            field += ch == '"' || ch == '\\' ? std::string{'\\', ch} : std::string{ch};
        const auto r = atlas::validate_request(outbound_with({field + '"'}));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].rule == "json-text.syntax");
        return r.diagnostics[0].hint;
    };
    // The contract: content that is not JSON and holds typographic quotes (\u201c \u201d) gets the hint.
    CHECK(contains(hint_of("{\u201cmode\u201d: 1}"), "straight quotes"));
    CHECK(contains(hint_of("{\"mode\u201d: 1, \"fast\u201d: 2}"), "straight quotes"));
    CHECK(contains(hint_of("[\"hello\u201d]"), "straight quotes"));
    CHECK(contains(hint_of("[\"a\u201d:1]"), "straight quotes")); // a curly quote closing a straight one
    CHECK(contains(hint_of("{\u201emode\u201c: 1}"), "straight quotes")); // German quotes
    CHECK(contains(hint_of("{\u201fmode\u201d: 1}"), "straight quotes"));
    CHECK(contains(hint_of("{\u201fmode\u201f: 1}"), "straight quotes")); // U+201F alone
    CHECK(contains(hint_of("[\"hello\u201d"), "straight quotes"));             // the content's last character
    // Wherever they stand, as the contract says, even when something else is wrong too.
    CHECK(contains(hint_of("{mode: 1, \u201cfast\u201d: 2}"), "straight quotes"));
    CHECK(contains(hint_of("{\"a\": 9,, \"note\": \u201cx\u201d}"), "straight quotes"));
    CHECK(contains(hint_of("{\"greeting\": \"say \u201chello\u201d\",}"), "straight quotes"));
    // Single ones: where straight quotes would take the JSON further, not for an apostrophe in text.
    CHECK(contains(hint_of("{\"mode\": \u2018fast\u2019}"), "straight quotes"));
    CHECK_FALSE(contains(hint_of("[\"don\u2019t hang up]"), "straight quotes"));
    CHECK_FALSE(contains(hint_of("{\"note\": \"don\u2019t\",}"), "straight quotes"));
    // Nor where straight ones would break at the same byte: before the quotes, or at a quote where a colon must come.
    CHECK_FALSE(contains(hint_of("x \u2018a\u2019"), "straight quotes"));
    CHECK_FALSE(contains(hint_of("{\"a\" \u2018b\u2019}"), "straight quotes"));
    CHECK(contains(hint_of("{\"a\": \u2018b\u2019 x}"), "straight quotes")); // there they take the JSON further
    // No typographic quote, no hint; other characters of the same block (an en dash, an ellipsis) are not quotes.
    CHECK_FALSE(contains(hint_of("{\"a\": 1,}"), "straight quotes"));
    CHECK_FALSE(contains(hint_of("{\"a\": \u2013 1\u2026}"), "straight quotes"));
}

TEST_CASE("errors inside TimeWindows point into the content, placed in the outer text with escapes counted")
{
    // [{\"startHour\":24,...: the value's quote at 18, [ 19, { 20, \" 21-22, startHour 23-31, \" 32-33, : 34, 24 at 35.
    const auto r = atlas::validate_request(outbound_with(
        {R"("TimeWindows": "[{\"startHour\":24,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]")"}));
    CHECK(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "time-windows.range", "/TimeWindows/0/startHour", 6, 35);
    CHECK(contains(d.message, "24"));
    expect_no_rule(atlas::validate_request(outbound_with({time_windows("[" + window(23, 0, 17, 0) + "]")})),
        "time-windows.range");

    // A \u escape in a key: [ 19, { 20, \" 21-22, st 23-24, \u0061 25-30, rtHour 31-36, \" 37-38, : 39, 9 40, , 41,
    // \"startMinute\" 42-56, : 57, 0 58, , 59, \"endHour\" 60-70, : 71, 17 72-73, , 74, \"endMinute\" 75-87, : 88,
    // 60 at 89.
    const auto escaped = atlas::validate_request(outbound_with(
        {R"("TimeWindows": "[{\"st\u0061rtHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":60}]")"}));
    CHECK(escaped.diagnostics.size() == 1);
    expect_rule(escaped, "time-windows.range", "/TimeWindows/0/endMinute", 6, 89);

    // A surrogate-pair escape (12 characters, 4 bytes decoded) as an unknown key, then a bad hour:
    // \" 21-22, \ud83d\ude00 23-34, \" 35-36, : 37, 1 38, , 39, \"startHour\" 40-52, : 53, 99 at 54.
    const auto pair = atlas::validate_request(outbound_with({R"("TimeWindows": "[{\"\ud83d\ude00\":1,\"startHour\":99,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]")"}));
    expect_rule(pair, "time-windows.unknown-key", "/TimeWindows/0/\xF0\x9F\x98\x80", 6, 21);
    expect_rule(pair, "time-windows.range", "/TimeWindows/0/startHour", 6, 54);

    // A raw two-byte character counts as one column: \" 21-22, é 23, \" 24-25, : 26, 1 27, , 28,
    // \"startHour\" 29-41, : 42, 99 at 43.
    const auto raw = atlas::validate_request(outbound_with({"\"TimeWindows\": \"[{\\\"\xC3\xA9\\\":1,\\\"startHour\\\":99,"
                                                            "\\\"startMinute\\\":0,\\\"endHour\\\":17,\\\"endMinute\\\":0}]\""}));
    expect_rule(raw, "time-windows.unknown-key", "/TimeWindows/0/\xC3\xA9", 6, 21);
    expect_rule(raw, "time-windows.range", "/TimeWindows/0/startHour", 6, 43);
}

TEST_CASE("TimeWindows content that is not an array of objects is a time-windows.shape error")
{
    const auto object = atlas::validate_request(outbound_with({time_windows(window(9, 0, 17, 0))}));
    CHECK(object.diagnostics.size() == 1);
    expect_rule(object, "time-windows.shape", "/TimeWindows", 6, 19);
    const auto number = atlas::validate_request(outbound_with({time_windows("[" + window(9, 0, 10, 0) + ",7]")}));
    // [ 19, the window is 66 characters (58 plus 8 escaped quotes) 20-85, , 86, 7 at 87.
    expect_rule(number, "time-windows.shape", "/TimeWindows/1", 6, 87);
    expect_no_rule(atlas::validate_request(outbound_with({time_windows("[" + window(9, 0, 17, 0) + "]")})),
        "time-windows.shape");
    expect_clean(atlas::validate_request(outbound_with({time_windows("[]")})));
}

TEST_CASE("a window without one of its four keys is a time-windows.missing-key error at the key's pointer, placed at the window")
{
    const auto r = atlas::validate_request(
        outbound_with({time_windows(R"([{"startHour":9,"startMinute":0,"endHour":17}])")}));
    CHECK(r.diagnostics.size() == 1);
    // As a missing field: its own pointer, and the { of the object that lacks it (column 20).
    const auto d = expect_rule(r, "time-windows.missing-key", "/TimeWindows/0/endMinute", 6, 20);
    CHECK(contains(d.message, "endMinute"));
    // Two missing: one error each, in the order of the four keys.
    const auto two = atlas::validate_request(outbound_with({time_windows(R"([{"startMinute":0,"endHour":17}])")}));
    CHECK(two.diagnostics.size() == 2);
    expect_rule(two, "time-windows.missing-key", "/TimeWindows/0/startHour", 6, 20);
    expect_rule(two, "time-windows.missing-key", "/TimeWindows/0/endMinute", 6, 20);
    expect_no_rule(atlas::validate_request(outbound_with({time_windows("[" + window(9, 0, 17, 0) + "]")})),
        "time-windows.missing-key");
}

TEST_CASE("an hour or minute that is not a JSON integer is a time-windows.type error")
{
    const auto r = atlas::validate_request(
        outbound_with({time_windows(R"([{"startHour":"9","startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK(r.diagnostics.size() == 1);
    // The string "9" starts at 35 (its escaped quote).
    const auto d = expect_rule(r, "time-windows.type", "/TimeWindows/0/startHour", 6, 35);
    CHECK(contains(d.hint, "9"));
    CHECK(expect_rule(atlas::validate_request(outbound_with(
                          {time_windows(R"([{"startHour":9.5,"startMinute":0,"endHour":17,"endMinute":0}])")})),
        "time-windows.type", "/TimeWindows/0/startHour", 6, 35)
              .hint.empty());
    // A whole number with a fraction or an exponent, bare or quoted, gets its integer literal.
    CHECK(expect_rule(atlas::validate_request(outbound_with(
                          {time_windows(R"([{"startHour":9.0,"startMinute":0,"endHour":17,"endMinute":0}])")})),
              "time-windows.type", "/TimeWindows/0/startHour", 6, 35)
              .hint == R"(write \"startHour\":9)");
    CHECK(expect_rule(atlas::validate_request(outbound_with(
                          {time_windows(R"([{"startHour":"1e1","startMinute":0,"endHour":17,"endMinute":0}])")})),
              "time-windows.type", "/TimeWindows/0/startHour", 6, 35)
              .hint == R"(write the number without quotes: \"startHour\":10)");
    // A string value is shown as the content means it, escapes decoded, as a field's own value is.
    const auto escaped = expect_rule(atlas::validate_request(outbound_with({time_windows(
                                         R"([{"startHour":"\u0039","startMinute":0,"endHour":17,"endMinute":0}])")})),
        "time-windows.type", "/TimeWindows/0/startHour", 6, 35);
    CHECK(contains(escaped.message, "not the string \"9\""));
    CHECK(escaped.hint == R"(write the number without quotes: \"startHour\":9)");
    // The hint is written as the key stands in the payload, inside the string TimeWindows (a probe: it showed the
    // unescaped "startHour":9, which pasted there breaks the payload): applied as written, it clears the error.
    const std::string quoted = outbound_with({time_windows(R"([{"startHour":"9","startMinute":0,"endHour":17,"endMinute":0}])")});
    const std::string written = R"(\"startHour\":\"9\")";
    REQUIRE(quoted.find(written) != std::string::npos);
    const std::string hint = expect_rule(atlas::validate_request(quoted), "time-windows.type", "/TimeWindows/0/startHour", 6, 35).hint;
    const std::string fixed = std::string(quoted).replace(quoted.find(written), written.size(),
        hint.substr(std::string_view("write the number without quotes: ").size()));
    CHECK(atlas::validate_request(fixed).valid());
    // Out of the key's range: no value to give.
    CHECK(expect_rule(atlas::validate_request(outbound_with(
                          {time_windows(R"([{"startHour":24.0,"startMinute":0,"endHour":17,"endMinute":0}])")})),
              "time-windows.type", "/TimeWindows/0/startHour", 6, 35)
              .hint.empty());
    expect_no_rule(atlas::validate_request(outbound_with({time_windows("[" + window(9, 0, 17, 0) + "]")})),
        "time-windows.type");
}

TEST_CASE("in a typed request a hint inside TimeWindows is written as the struct's string holds the content")
{
    // A probe: the typed path gave the text's \"startHour\":9, and that, put in the struct's string, is no JSON.
    const auto hint_of = [](const atlas::update_campaign_request& request, std::string_view rule) {
        for (const atlas::diagnostic& d : atlas::validate(request).diagnostics)
            if (d.rule == rule)
                return d.hint;
        FAIL_CHECK("no " << rule);
        return std::string();
    };
    atlas::update_campaign_request request = atlas::parse_request(outbound_with({}));
    request.TimeWindows = std::string(R"([{"startHour":9.0,"startMinute":"0","endHour":17,"endMinute":0}])");
    CHECK(hint_of(request, "time-windows.type") == R"(write "startHour":9)");
    request.TimeWindows = std::string(R"([{"startHour":9,"startMinute":"0","endHour":17,"endMinute":0}])");
    const std::string hint = hint_of(request, "time-windows.type");
    CHECK(hint == R"(write the number without quotes: "startMinute":0)");
    // Applied as written, it clears the error.
    std::string content = *request.TimeWindows;
    const std::string written = R"("startMinute":"0")";
    content.replace(content.find(written), written.size(), hint.substr(std::string_view("write the number without quotes: ").size()));
    request.TimeWindows = content;
    CHECK(atlas::validate(request).valid());
    // A syntax hint about quotes says nothing of \" there: the struct's string holds a quote as it is.
    request.RedialSettings = std::string("{a:1}");
    const std::string syntax = hint_of(request, "json-text.syntax");
    CHECK(contains(syntax, "write the key in double quotes"));
    CHECK_FALSE(contains(syntax, "\\\""));
}

TEST_CASE("an unknown key in a window is a warning with a did-you-mean")
{
    const auto r = atlas::validate_request(outbound_with(
        {time_windows(R"([{"note":"x","startHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "time-windows.unknown-key", "/TimeWindows/0/note", 6, 21);

    const auto typo = atlas::validate_request(outbound_with(
        {time_windows(R"([{"starthour":9,"startHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK(contains(expect_rule(typo, "time-windows.unknown-key", "/TimeWindows/0/starthour", 6, 21).hint, "startHour"));
    expect_no_rule(atlas::validate_request(outbound_with({time_windows("[" + window(9, 0, 17, 0) + "]")})),
        "time-windows.unknown-key");

    // A key written with escapes is the key it decodes to: "\u0073tartHour" is startHour, in range or not.
    expect_clean(atlas::validate_request(outbound_with(
        {time_windows(R"([{"\u0073tartHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")})));
    CHECK(with_rule(atlas::validate_request(outbound_with(
                        {time_windows(R"([{"\u0073tartHour":24,"startMinute":0,"endHour":17,"endMinute":0}])")})),
              "time-windows.range")
              .size() == 1);

    // A window read key by key (an unknown key, a quoted value or an escape sends it down that path) keeps the
    // ranges at their edges: 23 and 59 pass, 24 and 60 do not.
    const auto edges = atlas::validate_request(outbound_with(
        {time_windows(R"([{"startHour":23,"startMinute":59,"endHour":23,"endMinute":0,"note":1}])")}));
    CHECK(edges.diagnostics.size() == 1);
    expect_rule(edges, "time-windows.unknown-key", "/TimeWindows/0/note", 6, 88);
    const auto quoted = atlas::validate_request(outbound_with(
        {time_windows(R"([{"startHour":23,"startMinute":"5","endHour":23,"endMinute":59}])")}));
    CHECK(quoted.diagnostics.size() == 1);
    CHECK(with_rule(quoted, "time-windows.type").size() == 1);
    const auto past = atlas::validate_request(outbound_with(
        {time_windows(R"([{"startHour":24,"startMinute":60,"endHour":23,"endMinute":0,"note":1}])")}));
    CHECK(with_rule(past, "time-windows.range").size() == 2);
}

TEST_CASE("a window that ends where it starts is a time-windows.empty warning")
{
    const auto r = atlas::validate_request(outbound_with({time_windows("[" + window(9, 30, 9, 30) + "]")}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "time-windows.empty", "/TimeWindows/0", 6, 20);
    expect_no_rule(atlas::validate_request(outbound_with({time_windows("[" + window(9, 30, 9, 31) + "]")})),
        "time-windows.empty");
}

TEST_CASE("a window that ends before it starts crosses midnight and is valid")
{
    expect_clean(atlas::validate_request(outbound_with({time_windows("[" + window(22, 0, 2, 0) + "]")})));
    expect_clean(atlas::validate_request(
        outbound_with({time_windows("[" + window(22, 0, 2, 0) + "," + window(2, 0, 22, 0) + "]")})));
}

TEST_CASE("two overlapping windows are a time-windows.overlap warning on the later window")
{
    const auto r = atlas::validate_request(
        outbound_with({time_windows("[" + window(9, 0, 12, 0) + "," + window(11, 0, 13, 0) + "]")}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    // [ 19, window 0 (66 characters: window(9,0,12,0) is 58 plus 8 escaped quotes) 20-85, , 86, window 1 at 87.
    expect_rule(r, "time-windows.overlap", "/TimeWindows/1", 6, 87);

    // Windows that touch do not overlap.
    expect_no_rule(atlas::validate_request(
                       outbound_with({time_windows("[" + window(9, 0, 12, 0) + "," + window(12, 0, 13, 0) + "]")})),
        "time-windows.overlap");

    // Across midnight: 22:00-02:00 overlaps 01:00-03:00, reported on the later one.
    const auto midnight = atlas::validate_request(
        outbound_with({time_windows("[" + window(22, 0, 2, 0) + "," + window(1, 0, 3, 0) + "]")}));
    CHECK(midnight.diagnostics.size() == 1);
    CHECK(midnight.diagnostics.at(0).path == "/TimeWindows/1");
    CHECK(midnight.diagnostics.at(0).rule == "time-windows.overlap");

    // Only the later window of three is reported.
    const auto third = atlas::validate_request(outbound_with(
        {time_windows("[" + window(1, 0, 2, 0) + "," + window(5, 0, 6, 0) + "," + window(1, 30, 1, 45) + "]")}));
    CHECK(third.diagnostics.size() == 1);
    CHECK(third.diagnostics.at(0).path == "/TimeWindows/2");

    // A later window over several earlier ones: one warning that names them all, so that fixing the one named
    // does not bring up the next (it named window 0 only).
    const auto two_earlier = atlas::validate_request(outbound_with(
        {time_windows("[" + window(9, 0, 12, 0) + "," + window(13, 0, 15, 0) + "," + window(11, 0, 14, 0) + "]")}));
    CHECK(two_earlier.diagnostics.size() == 1);
    CHECK(two_earlier.diagnostics.at(0).path == "/TimeWindows/2");
    CHECK(two_earlier.diagnostics.at(0).message == "time window 2 overlaps time windows 0 and 1");
    // The passing side of the list: a window it only touches is not named.
    const auto touching = atlas::validate_request(outbound_with(
        {time_windows("[" + window(9, 0, 12, 0) + "," + window(14, 0, 15, 0) + "," + window(11, 0, 14, 0) + "]")}));
    CHECK(touching.diagnostics.at(0).message == "time window 2 overlaps time window 0");
    // Past three, how many more; the same with twenty windows, where overlaps are found through a minute map.
    for (const int count : {6, 20}) {
        CAPTURE(count);
        std::string list = "[";
        for (int w = 0; w + 1 < count; ++w) // earlier windows 0:00-0:30, 1:00-1:30, ...; the first five overlap the last
            list += window(w, 0, w, 30) + ",";
        list += window(0, 0, 4, 45) + "]";
        const auto many = atlas::validate_request(outbound_with({time_windows(list)}));
        CHECK(many.diagnostics.size() == 1);
        CHECK(many.diagnostics.at(0).path == "/TimeWindows/" + std::to_string(count - 1));
        CHECK(many.diagnostics.at(0).message ==
              "time window " + std::to_string(count - 1) + " overlaps time windows 0, 1, 2 and 2 more");
    }
}

TEST_CASE("the overlap check names the same earlier window whether it compares pairs or maps minutes")
{
    // Few windows are compared pairwise, many through a map of the day's minutes: both must name,
    // for each window, the lowest-index earlier window owning the first minute it covers.
    std::uint64_t state = 2026;
    auto next = [&](int below) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(below));
    };
    std::vector<std::uint32_t> owner;
    for (int trial = 0; trial < 2000; ++trial) {
        std::vector<atlas::detail::workspace::window> windows;
        const int count = 2 + next(15);
        for (int k = 0; k < count; ++k) {
            // Short windows on a coarse grid, so that overlaps, touches and midnight crossings are common.
            const int start = next(24) * 60 + next(4) * 15;
            int end = (start + 15 + next(8) * 60) % (24 * 60);
            if (end == start)
                end = (end + 15) % (24 * 60);
            windows.push_back({static_cast<std::size_t>(k * 2), 0, start, end}); // indices need not be 0..n-1
        }
        for (std::size_t w = 0; w < windows.size(); ++w) {
            const std::size_t pairwise = atlas::detail::first_overlap(windows, w, owner, 16);
            const std::size_t mapped = atlas::detail::first_overlap(windows, w, owner, 0);
            REQUIRE_MESSAGE(pairwise == mapped, "trial " << trial << ", window " << w);
        }
    }
}

/// What the token walk keeps of TimeWindows content that has nothing to report but overlaps: the windows, as
/// skim_time_windows must give them; nullopt when the walk would report anything else.
static std::optional<std::vector<atlas::detail::workspace::window>> windows_by_tokens(std::string_view content)
{
    using atlas::detail::token_kind;
    atlas::detail::json_reader reader(content);
    std::vector<atlas::detail::workspace::window> windows;
    if (reader.next().kind != token_kind::array_begin)
        return std::nullopt;
    for (std::size_t index = 0;; ++index) {
        const atlas::detail::json_token element = reader.next();
        if (element.kind == token_kind::array_end)
            break;
        if (element.kind != token_kind::object_begin)
            return std::nullopt;
        std::map<std::string, int> values;
        for (;;) {
            const atlas::detail::json_token key = reader.next();
            if (key.kind == token_kind::object_end)
                break;
            if (key.kind != token_kind::key || key.duplicate_key)
                return std::nullopt;
            std::string name;
            atlas::detail::decode_json_string(key.raw, name);
            const atlas::detail::json_token value = reader.next();
            const auto known = std::find(std::begin(atlas::time_window_keys), std::end(atlas::time_window_keys), name);
            if (known == std::end(atlas::time_window_keys) || value.kind != token_kind::number || !value.integer_literal ||
                !value.fits_int64 || value.int_value < 0 ||
                value.int_value > ((known - std::begin(atlas::time_window_keys)) % 2 == 0 ? 23 : 59))
                return std::nullopt;
            values[name] = static_cast<int>(value.int_value);
        }
        if (values.size() != 4)
            return std::nullopt;
        const int start = values["startHour"] * 60 + values["startMinute"];
        const int end = values["endHour"] * 60 + values["endMinute"];
        if (start == end)
            return std::nullopt;
        windows.push_back({index, element.offset, start, end});
    }
    if (reader.next().kind != token_kind::end_of_input)
        return std::nullopt;
    return windows;
}

TEST_CASE("TimeWindows read without tokens gives the windows the token walk keeps, or leaves the content to it")
{
    // The canonical content, cut at every byte, and with each of a few troublemakers put in at every place, in
    // place of a byte or before it: whatever the skim accepts, the walk must have accepted with the same windows.
    const std::string_view content =
        R"([{"startHour":8,"startMinute":45,"endHour":9,"endMinute":5}, {"endMinute":0,"endHour":23,"startMinute":59,"startHour":22}])";
    const std::vector<std::string_view> replacements = {"0", "9", "24", "60", "08", "1.0", "1e1", "-1", "\"", "\\", " ",
        "\t", "\n", "\r", "}", "]", ",", ":", "x", "\"startHour\":1,\"startHour\"", "\"startHour\"", "null", "\x01",
        "\xC3\xA9", "[", "{}"};
    std::size_t accepted = 0, left = 0;
    for (std::size_t at = 0; at <= content.size(); ++at) {
        std::vector<std::string> texts = {std::string(content.substr(0, at))};
        for (std::string_view r : replacements)
            if (at < content.size()) {
                texts.push_back(std::string(content.substr(0, at)) + std::string(r) + std::string(content.substr(at + 1)));
                texts.push_back(std::string(content.substr(0, at)) + std::string(r) + std::string(content.substr(at)));
            }
        for (const std::string& text : texts) {
            CAPTURE(text);
            std::vector<atlas::detail::workspace::window> skimmed;
            if (!atlas::detail::skim_time_windows(text, 512, skimmed)) {
                ++left;
                continue;
            }
            ++accepted;
            const auto expected = windows_by_tokens(text);
            REQUIRE(expected.has_value());
            REQUIRE(skimmed.size() == expected->size());
            for (std::size_t w = 0; w < skimmed.size(); ++w) {
                CHECK(skimmed[w].index == (*expected)[w].index);
                CHECK(skimmed[w].offset == (*expected)[w].offset);
                CHECK(skimmed[w].start == (*expected)[w].start);
                CHECK(skimmed[w].end == (*expected)[w].end);
            }
        }
    }
    CHECK(accepted > 50); // the unchanged content, white space, in-range digits
    CHECK(left > 2000);
    // Ordinary contents are accepted, white space anywhere included; too little depth is left to the walk.
    for (std::string_view text : {"[]", " [ ] ", "[{\"startHour\":0,\"startMinute\":0,\"endHour\":0,\"endMinute\":1}]",
             "\n[ { \"startHour\" : 23 , \"startMinute\" : 59 , \"endHour\" : 0 , \"endMinute\" : 0 } ]\n"}) {
        CAPTURE(text);
        std::vector<atlas::detail::workspace::window> skimmed;
        CHECK(atlas::detail::skim_time_windows(text, 512, skimmed));
        CHECK_FALSE(atlas::detail::skim_time_windows(text, 1, skimmed));
    }
}

TEST_CASE("a single window sent as an object in TimeWindows is told to wrap it in [ ]")
{
    const auto r = atlas::validate_request(outbound_with({time_windows(window(9, 0, 17, 0))}));
    CHECK(expect_rule(r, "time-windows.shape", "/TimeWindows", 6, 19).hint == "wrap the window in [ ]");
    const auto number = atlas::validate_request(outbound_with({time_windows("7")}));
    CHECK(expect_rule(number, "time-windows.shape", "/TimeWindows", 6, 19).hint.empty());
}

TEST_CASE("an array inside the TimeWindows array is a window that must be an object, not a window without keys")
{
    for (const std::string content : {"[[]]", "[[1,2]]"}) {
        CAPTURE(content);
        const auto r = atlas::validate_request(outbound_with({time_windows(content)}));
        CHECK(r.diagnostics.size() == 1);
        expect_rule(r, "time-windows.shape", "/TimeWindows/0", 6, 20);
        expect_no_rule(r, "time-windows.missing-key");
    }
}

TEST_CASE("an hour too large for 64 bits is a time-windows.range error, not read as a small number")
{
    const auto r = atlas::validate_request(outbound_with(
        {time_windows("[{\"startHour\":18446744073709551616,\"startMinute\":0,\"endHour\":10,\"endMinute\":0}]")}));
    CHECK(r.diagnostics.size() == 1);
    // [ 19, { 20, \"startHour\" 21-33, : 34, the number at 35.
    expect_rule(r, "time-windows.range", "/TimeWindows/0/startHour", 6, 35);
}

TEST_CASE("a window value written 0.0 gets the hint to write 0")
{
    const auto r = atlas::validate_request(outbound_with(
        {time_windows("[{\"startHour\":9,\"startMinute\":0.0,\"endHour\":10,\"endMinute\":0}]")}));
    CHECK(r.diagnostics.size() == 1);
    // [ 19, { 20, \"startHour\" 21-33, : 34, 9 35, , 36, \"startMinute\" 37-51, : 52, 0.0 at 53.
    CHECK(expect_rule(r, "time-windows.type", "/TimeWindows/0/startMinute", 6, 53).hint == R"(write \"startMinute\":0)");
}

TEST_CASE("a quoted hour out of range gets no hint to drop the quotes")
{
    const auto r = atlas::validate_request(outbound_with(
        {time_windows("[{\"startHour\":\"24\",\"startMinute\":0,\"endHour\":10,\"endMinute\":0}]")}));
    CHECK(r.diagnostics.size() == 1);
    CHECK(expect_rule(r, "time-windows.type", "/TimeWindows/0/startHour", 6, 35).hint.empty());
    const auto in_range = atlas::validate_request(outbound_with(
        {time_windows("[{\"startHour\":\"23\",\"startMinute\":0,\"endHour\":10,\"endMinute\":0}]")}));
    CHECK(contains(expect_rule(in_range, "time-windows.type", "/TimeWindows/0/startHour", 6, 35).hint,
        "write the number without quotes"));
}

TEST_CASE("a window across midnight overlaps a later one that starts in its last minute")
{
    const auto r = atlas::validate_request(
        outbound_with({time_windows("[" + window(22, 0, 2, 0) + "," + window(1, 59, 3, 0) + "]")}));
    CHECK(r.diagnostics.size() == 1);
    CHECK(r.diagnostics.at(0).rule == "time-windows.overlap");
    CHECK(r.diagnostics.at(0).path == "/TimeWindows/1");
    expect_no_rule(atlas::validate_request(
                       outbound_with({time_windows("[" + window(22, 0, 2, 0) + "," + window(2, 0, 3, 0) + "]")})),
        "time-windows.overlap");
}

TEST_CASE("twenty windows without overlap are fine")
{
    std::string content = "[";
    for (int hour = 0; hour < 20; ++hour)
        content += (hour ? "," : "") + window(hour, 0, hour, 59);
    content += "]";
    expect_clean(atlas::validate_request(outbound_with({time_windows(content)})));
}

TEST_CASE("TimeWindows content that is not JSON is a time-windows.syntax error at /TimeWindows")
{
    const auto r = atlas::validate_request(outbound_with({time_windows("[{\"startHour\":9,}]")}));
    CHECK(r.diagnostics.size() == 1);
    // [ 19, { 20, \"startHour\" 21-33, : 34, 9 35, , 36, } at 37.
    expect_rule(r, "time-windows.syntax", "/TimeWindows", 6, 37);
    const auto empty = atlas::validate_request(outbound_with({time_windows("")}));
    CHECK(contains(expect_rule(empty, "time-windows.syntax", "/TimeWindows", 6, 19).hint, "[]"));
    // A lone surrogate escape inside the content: not JSON either (the outer text is fine).
    expect_rule(atlas::validate_request(outbound_with({R"("TimeWindows": "[\"\\ud800\"]")"})), "time-windows.syntax",
        "/TimeWindows", 6, 22);
}

// TimeWindows content is read once: duplicate keys and non-finite numbers are reported as the reader
// meets them, its shape's diagnostics after them. These pin the order that gives (at equal places, in
// typed reports without places, under max_diagnostics) and what content that is not JSON gets.

TEST_CASE("a duplicated unknown key in a window is unknown at its first place and a duplicate at the second")
{
    // [ 19, { 20, \"note\" 21-28, : 29, 1 30, , 31, the second \"note\" at 32. Once unknown is enough: the
    // duplicate's own error points at the repeat.
    const auto r = atlas::validate_request(outbound_with(
        {time_windows(R"([{"note":1,"note":2,"startHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK(in_order(r) == std::vector<std::string>{"time-windows.unknown-key /TimeWindows/0/note 6:21",
                             "json.duplicate-key /TimeWindows/0/note 6:32"});
    // Two different unknown keys are each unknown.
    const auto two = atlas::validate_request(outbound_with(
        {time_windows(R"([{"note":1,"memo":2,"startHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK(with_rule(two, "time-windows.unknown-key").size() == 2);
}

TEST_CASE("a number too large for a double as an hour is one json.number-range error, not also a window error")
{
    // [ 19, { 20, \"startHour\" 21-33, : 34, the number at 35. Dependencies, not cascades: one error per value.
    for (const std::string& huge : {"1" + std::string(400, '0'), std::string("1e400"), std::string("-1.5e999")}) {
        CAPTURE(huge);
        const auto r = atlas::validate_request(outbound_with(
            {time_windows(R"([{"startHour":)" + huge + R"(,"startMinute":0,"endHour":17,"endMinute":0}])")}));
        CHECK(in_order(r) == std::vector<std::string>{"json.number-range /TimeWindows/0/startHour 6:35"});
    }
}

TEST_CASE("a window key given twice is checked at its last value only, as the payload's own fields are")
{
    // [ 19, { 20, \"startHour\" 21-33, : 34, 30 35-36, the second \"startHour\" at 38.
    const auto bad_first = atlas::validate_request(outbound_with(
        {time_windows(R"([{"startHour":30,"startHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK(in_order(bad_first) == std::vector<std::string>{"json.duplicate-key /TimeWindows/0/startHour 6:38"});
    // The last value is the one judged, and the window it makes takes part in the overlap check.
    const auto bad_last = atlas::validate_request(outbound_with({time_windows(
        R"([{"startHour":9,"startHour":"9","startMinute":0,"endHour":17,"endMinute":0},)" + window(10, 0, 11, 0) + "]")}));
    CHECK(rule_ids(bad_last) == std::multiset<std::string>{"json.duplicate-key", "time-windows.type"});
    const auto fixed_last = atlas::validate_request(outbound_with({time_windows(
        R"([{"startHour":"9","startHour":9,"startMinute":0,"endHour":17,"endMinute":0},)" + window(10, 0, 11, 0) + "]")}));
    CHECK(rule_ids(fixed_last) == std::multiset<std::string>{"json.duplicate-key", "time-windows.overlap"});
    // Only that key's earlier report is withdrawn: another key's stays.
    const auto two_keys = atlas::validate_request(outbound_with({time_windows(
        R"([{"startHour":30,"endHour":99,"startHour":9,"startMinute":0,"endMinute":0}])")}));
    CHECK(rule_ids(two_keys) == std::multiset<std::string>{"json.duplicate-key", "time-windows.range"});
    expect_rule(two_keys, "time-windows.range", "/TimeWindows/0/endHour", 6, 50);
}

TEST_CASE("an empty key in a window is an unknown key whose pointer ends in a slash")
{
    const auto r = atlas::validate_request(outbound_with(
        {time_windows(R"([{"":1,"startHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")}));
    CHECK(r.valid());
    expect_rule(r, "time-windows.unknown-key", "/TimeWindows/0/", 6, 21);
}

TEST_CASE("a duplicate key inside a window's nested value, then a syntax error, gives those two and no shape diagnostic")
{
    // [ 19, { 20, \"note\" 21-28, : 29, { 30, \"a\" 31-35, : 36, 1 37, , 38, the second \"a\" at 39, : 44, 2 45,
    // } 46, , 47, \"startHour\" 48-60, : 61, \"9\" 62-66, } 67, , 68, ] at 69.
    const auto r = atlas::validate_request(
        outbound_with({time_windows(R"([{"note":{"a":1,"a":2},"startHour":"9"},])")}));
    CHECK(in_order(r) == std::vector<std::string>{"json.duplicate-key /TimeWindows/0/note/a 6:39",
                             "time-windows.syntax /TimeWindows 6:69"});
}

TEST_CASE("in a typed request the TimeWindows content's duplicate keys come before its shape diagnostics")
{
    // Without places the report keeps the order in which diagnostics were found.
    atlas::update_campaign_request typed = atlas::parse_request(outbound_with({}));
    typed.TimeWindows = "[{\"note\":1,\"startHour\":9,\"startMinute\":0,\"endHour\":17,\"endMinute\":0},"
                        "{\"startHour\":1,\"startHour\":2,\"startMinute\":0,\"endHour\":3,\"endMinute\":0}]";
    CHECK(in_order(atlas::validate(typed)) ==
          std::vector<std::string>{"json.duplicate-key /TimeWindows/1/startHour 0:0",
              "time-windows.unknown-key /TimeWindows/0/note 0:0"});
}

TEST_CASE("when max_diagnostics runs out inside TimeWindows the content's duplicate keys are kept before its shape")
{
    // [ 19, { 20, \"note\" 21-28, : 29, 1 30, , 31, \"startHour\" 32-44, : 45, 9 46, , 47, the second at 48.
    atlas::options opts;
    opts.max_diagnostics = 1;
    const auto r = atlas::validate_request(outbound_with({time_windows(
                                               R"([{"note":1,"startHour":9,"startHour":9,"startMinute":0,"endHour":17,"endMinute":0}])")}),
        opts);
    CHECK(in_order(r) == std::vector<std::string>{
                             "json.duplicate-key /TimeWindows/0/startHour 6:48", "report.truncated  1:1"});
    CHECK(r.diagnostics.back().severity == atlas::severity::warning); // the unknown key left out is a warning
}

TEST_CASE("thousands of bad windows under a small max_diagnostics keep the first ones and count every other one")
{
    // 3,001 windows, each with endHour 24: 3,001 range errors (and no overlaps: a window with a wrong hour
    // is left out of that check). The last one also has a duplicate key, which the walk reports before
    // every shape diagnostic, so it takes one of the three places.
    std::string windows = "[";
    for (int w = 0; w < 3000; ++w)
        windows += R"({"startHour":9,"startMinute":0,"endHour":24,"endMinute":0},)";
    windows += R"({"startHour":9,"startHour":9,"startMinute":0,"endHour":24,"endMinute":0}])";
    atlas::options opts;
    opts.max_diagnostics = 3;
    const auto r = atlas::validate_request(outbound_with({time_windows(windows)}), opts);
    const std::vector<std::string> shown = in_order(r);
    REQUIRE(shown.size() == 4);
    CHECK(shown[0].rfind("time-windows.range /TimeWindows/0/endHour ", 0) == 0);
    CHECK(shown[1].rfind("time-windows.range /TimeWindows/1/endHour ", 0) == 0);
    CHECK(shown[2].rfind("json.duplicate-key /TimeWindows/3000/startHour ", 0) == 0);
    CHECK(r.diagnostics.back().rule == "report.truncated");
    CHECK(r.diagnostics.back().message == "2999 more diagnostics were left out");  // 3,001 range errors, 2 shown
    CHECK(r.diagnostics.back().severity == atlas::severity::error);
}

TEST_CASE("TimeWindows findings past max_diagnostics are counted exactly, a replaced value's finding withdrawn")
{
    // Empty windows (four missing keys each), values of the wrong type or range, and a key given twice whose first
    // value is wrong and last is right: past the limit these are only counted, without a record or a message (a
    // million empty windows held 250 times their size), and the count must be the full report's.
    std::string windows = "[";
    for (int w = 0; w < 300; ++w)
        windows += (w ? "," : "") + std::string(w % 3 == 0 ? "{}"
                                                : w % 3 == 1 ? R"({"startHour":"x","startMinute":0,"endHour":99,"endMinute":0})"
                                                             : R"({"startHour":true,"startHour":9,"startMinute":0,"endHour":10,"endMinute":0})");
    windows += "]";
    const std::string text = outbound_with({time_windows(windows)});
    atlas::options everything;
    everything.max_diagnostics = 100000;
    const auto full = atlas::validate_request(text, everything);
    REQUIRE(full.diagnostics.size() > 500);
    CHECK(with_rule(full, "time-windows.type").size() == 100); // the replaced startHour:true is not among them
    for (const std::size_t limit : {1u, 7u, 400u}) {
        CAPTURE(limit);
        atlas::options opts;
        opts.max_diagnostics = limit;
        const auto r = atlas::validate_request(text, opts);
        REQUIRE(r.diagnostics.size() == limit + 1);
        CHECK(r.diagnostics.back().message ==
              std::to_string(full.diagnostics.size() - limit) + " more diagnostics were left out");
        for (std::size_t k = 0; k < limit; ++k) // each kept one is one of the full report's, text and all
            CHECK(std::any_of(full.diagnostics.begin(), full.diagnostics.end(), [&](const atlas::diagnostic& d) {
                return d.path == r.diagnostics[k].path && d.rule == r.diagnostics[k].rule &&
                       d.message == r.diagnostics[k].message && d.offset == r.diagnostics[k].offset;
            }));
    }
}

TEST_CASE("past max_diagnostics a window's errors push out the warnings of windows before it, and a withdrawn finding takes no place")
{
    // Held warnings were counted as kept ahead of a later error, which was then only counted: ten windows with an
    // unknown key and then an empty one kept the warnings and dropped the four missing keys.
    std::string windows = "[";
    for (int w = 0; w < 10; ++w)
        windows += R"({"startHour":9,"startMinute":0,"endHour":9,"endMinute":1,"note":"x"},)";
    windows += "{}]";
    atlas::options opts;
    opts.max_diagnostics = 5;
    const auto r = atlas::validate_request(outbound_with({time_windows(windows)}), opts);
    CHECK(with_rule(r, "time-windows.missing-key").size() == 4);
    CHECK(with_rule(r, "time-windows.unknown-key").size() == 1);
    CHECK(r.diagnostics.back().message == "18 more diagnostics were left out"); // 9 unknown keys, 9 overlaps
    CHECK(r.diagnostics.back().severity == atlas::severity::warning); // only warnings were left out
    // A value's finding withdrawn by a later duplicate of its key leaves its place to the next finding.
    atlas::options one;
    one.max_diagnostics = 1;
    one.set("json.duplicate-key", atlas::rule_level::off);
    const auto withdrawn = atlas::validate_request(
        outbound_with({time_windows(R"([{"startHour":true,"startHour":9,"startMinute":0,"endHour":10,"endMinute":0},{}])")}), one);
    REQUIRE(withdrawn.diagnostics.size() == 2);
    CHECK(withdrawn.diagnostics[0].rule == "time-windows.missing-key");
    CHECK(withdrawn.diagnostics[1].message == "3 more diagnostics were left out");
}

TEST_CASE("windows whose findings come after their own brace are each placed where they are")
{
    // In each window the wrong type of startHour is found before the missing endMinute, whose place is the
    // window's brace: the findings go back and forth in the text. Each is placed as a lone window's would be.
    const std::string bad_window = R"({"startHour":"9","startMinute":0,"endHour":10})";
    const auto single = atlas::validate_request(outbound_with({time_windows("[" + bad_window + "]")}));
    REQUIRE(single.diagnostics.size() == 2);
    std::string windows = "[";
    constexpr int count = 200;
    for (int w = 0; w < count; ++w)
        windows += (w ? "," : "") + bad_window;
    windows += "]";
    atlas::options opts;
    opts.max_diagnostics = 1000;
    const auto r = atlas::validate_request(outbound_with({time_windows(windows)}), opts);
    REQUIRE(r.diagnostics.size() == 2 * count);
    // The content is escaped (\" is two bytes of text for one of content): window w starts 2 * w * (its length
    // + the comma's) bytes of text later, on the same line.
    const std::size_t window_text = time_windows(bad_window).size() - time_windows("").size() + 1;
    for (const atlas::diagnostic& d : r.diagnostics) {
        const std::size_t w = std::stoul(d.path.substr(std::string("/TimeWindows/").size()));
        const atlas::diagnostic& alone = single.diagnostics[d.rule == single.diagnostics[0].rule ? 0 : 1];
        CAPTURE(d.path);
        CHECK(d.line == alone.line);
        CHECK(d.offset == alone.offset + w * window_text);
    }
}

TEST_CASE("overlaps past max_diagnostics are counted, as warnings that leave the payload valid")
{
    // 50 copies of one window: each later one overlaps window 0.
    std::string windows = "[";
    for (int w = 0; w < 50; ++w)
        windows += std::string(w ? "," : "") + R"({"startHour":9,"startMinute":0,"endHour":10,"endMinute":0})";
    windows += "]";
    atlas::options opts;
    opts.max_diagnostics = 3;
    const auto r = atlas::validate_request(outbound_with({time_windows(windows)}), opts);
    const std::vector<std::string> shown = in_order(r);
    REQUIRE(shown.size() == 4);
    CHECK(shown[0].rfind("time-windows.overlap /TimeWindows/1 ", 0) == 0);
    CHECK(shown[2].rfind("time-windows.overlap /TimeWindows/3 ", 0) == 0);
    CHECK(r.diagnostics.front().message == "time window 1 overlaps time window 0");
    CHECK(r.diagnostics.back().message == "46 more diagnostics were left out"); // 49 overlaps, 3 shown
    CHECK(r.diagnostics.back().severity == atlas::severity::warning);
    CHECK(r.valid());
}

TEST_CASE("the response TimeWindows is checked the same way, as errors")
{
    const auto r = atlas::validate_response(R"({"TimeWindows": "[{\"startHour\":24,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]"})");
    // { 1, "TimeWindows" 2-14, : 15, space 16, quote 17, [ 18, { 19, \"startHour\" 20-32, : 33, 24 at 34.
    expect_rule(r, "time-windows.range", "/TimeWindows/0/startHour", 1, 34);
    expect_clean(atlas::validate_response(R"({"TimeWindows": "[{\"startHour\":23,\"startMinute\":0,\"endHour\":17,\"endMinute\":0}]"})"));
}

// =============================================================================================
// ToolIds

TEST_CASE("ToolIds \"\" is an empty list and \"a,b\" is two ids")
{
    const auto empty = atlas::validate_request(outbound_with({R"("ToolIds": "")"}));
    expect_no_rule(empty, "tool-ids.empty-item");
    expect_clean(empty);
    const auto two = atlas::validate_request(outbound_with({R"("ToolIds": "a,b")"}));
    expect_no_rule(two, "tool-ids.empty-item");
    expect_no_rule(two, "tool-ids.duplicate");
    expect_no_rule(two, "tool-ids.whitespace");
    expect_clean(two);
}

TEST_CASE("ToolIds with an empty item is a tool-ids.empty-item error at the value, naming the item")
{
    // The value's quote at column 14.
    const auto middle = atlas::validate_request(outbound_with({R"("ToolIds": "a,,b")"}));
    CHECK(middle.diagnostics.size() == 1);
    CHECK(contains(expect_rule(middle, "tool-ids.empty-item", "/ToolIds", 6, 14).message, "number 2"));
    const auto trailing = atlas::validate_request(outbound_with({R"("ToolIds": "a,")"}));
    CHECK(trailing.diagnostics.size() == 1);
    expect_rule(trailing, "tool-ids.empty-item", "/ToolIds", 6, 14);
    const auto leading = atlas::validate_request(outbound_with({R"("ToolIds": ",a")"}));
    CHECK(contains(expect_rule(leading, "tool-ids.empty-item", "/ToolIds", 6, 14).message, "number 1"));
}

TEST_CASE("an empty Position on a voice bubble is told to get a value, on phone and Messages to be omitted")
{
    const auto bubble = atlas::validate_request(
        R"({"name":"a","TemplateId":"t","campaignType":"0","Position":""})");
    REQUIRE(bubble.diagnostics.size() == 1);
    CHECK(bubble.diagnostics[0].rule == "field.empty");
    CHECK_FALSE(contains(bubble.diagnostics[0].hint, "omit"));
    CHECK(contains(bubble.diagnostics[0].hint, "\"bottom-right\""));
    const auto messages = atlas::validate_request(
        R"({"name":"a","TemplateId":"t","campaignType":"0","MessagesCampaign":true,"Position":""})");
    REQUIRE_FALSE(messages.diagnostics.empty());
    CHECK(messages.diagnostics[0].rule == "field.empty");
    CHECK(contains(messages.diagnostics[0].hint, "omit Position"));
    // On phone and Messages campaigns "or give it a value" would trade the error for channel.position-omit.
    for (const std::string text : {R"({"name":"a","TemplateId":"t","campaignType":"1","CallType":"1","Position":""})",
             R"({"name":"a","TemplateId":"t","campaignType":"0","MessagesCampaign":true,"Position":""})"}) {
        CAPTURE(text);
        const auto d = expect_rule(atlas::validate_request(text), "field.empty", "/Position", 1,
            static_cast<std::size_t>(text.find("\"Position\"") + 12));
        CHECK(d.hint == "omit Position: only a voice bubble campaign has one");
    }
    // A CallType of a wrong value on a campaign that is no phone one: either value would be an error too.
    const std::string call_type = R"({"name":"a","TemplateId":"t","campaignType":"0","MessagesCampaign":true,"CallType":"9"})";
    CHECK(expect_rule(atlas::validate_request(call_type), "enum.value", "/CallType", 1, 84).hint ==
          "omit CallType: only a phone campaign (campaignType \"1\") has one");
    const std::string phone_call_type = R"({"name":"a","TemplateId":"t","campaignType":"1","CallType":"9"})";
    CHECK_FALSE(contains(expect_rule(atlas::validate_request(phone_call_type), "enum.value", "/CallType", 1, 60).hint, "omit"));
    // A MessagesCampaign of the wrong type leaves the channel unknown: no guess that it is a voice bubble.
    const auto unknown = atlas::validate_request(
        R"({"name":"a","TemplateId":"t","campaignType":"0","MessagesCampaign":"true","Position":""})");
    bool empty_reported = false;
    for (const atlas::diagnostic& d : unknown.diagnostics)
        if (d.rule == "field.empty") {
            empty_reported = true;
            CHECK(contains(d.hint, "omit Position"));
        }
    CHECK(empty_reported);
}

TEST_CASE("each repeat of a ToolIds id names its item and the first, so no two warnings read alike")
{
    const auto r = atlas::validate_request(outbound_with({R"("ToolIds": "a,a,b,a")"}));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].message == "ToolIds names \"a\" more than once: item 2 repeats item 1");
    CHECK(r.diagnostics[1].message == "ToolIds names \"a\" more than once: item 4 repeats item 1");
}

TEST_CASE("a blank ToolIds item is told from an extra comma, and a list of only white space gets its own hint")
{
    const auto only_space = atlas::validate_request(outbound_with({R"("ToolIds": " ")"}));
    REQUIRE(only_space.diagnostics.size() == 1);
    CHECK(only_space.diagnostics[0].rule == "tool-ids.empty-item");
    CHECK(only_space.diagnostics[0].message == "ToolIds holds only white space");
    CHECK_FALSE(contains(only_space.diagnostics[0].hint, "extra comma"));
    const auto blank = atlas::validate_request(outbound_with({R"("ToolIds": "a, ,b")"}));
    REQUIRE(blank.diagnostics.size() == 1);
    CHECK(blank.diagnostics[0].message == "ToolIds has an empty item (number 2): only white space");
    CHECK(contains(blank.diagnostics[0].hint, "blank item"));
    const auto extra = atlas::validate_request(outbound_with({R"("ToolIds": "a,,b")"}));
    REQUIRE(extra.diagnostics.size() == 1);
    CHECK(extra.diagnostics[0].message == "ToolIds has an empty item (number 2)");
    CHECK(contains(extra.diagnostics[0].hint, "extra comma"));
}

TEST_CASE("ToolIds with a repeated id is a tool-ids.duplicate warning")
{
    const auto r = atlas::validate_request(outbound_with({R"("ToolIds": "a,a")"}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    expect_rule(r, "tool-ids.duplicate", "/ToolIds", 6, 14);
    expect_no_rule(atlas::validate_request(outbound_with({R"("ToolIds": "a,ab")"})), "tool-ids.duplicate");
    // Ids are compared without the white space around them: "a, a" repeats a, and says so besides the spaces.
    const auto spaced = atlas::validate_request(outbound_with({R"("ToolIds": "a, a")"}));
    CHECK(spaced.diagnostics.size() == 2);
    expect_rule(spaced, "tool-ids.duplicate", "/ToolIds", 6, 14);
    expect_rule(spaced, "tool-ids.whitespace", "/ToolIds", 6, 14);
}

TEST_CASE("every repeat of a ToolIds id after its first is reported, in the order of the text, however long the list")
{
    // Repeats are found pairwise among up to 16 ids, else through a hash table of the ids seen; here against a
    // reference that remembers every id, on lists where ids come back at random. Each is at the value (its quote
    // at column 14 of line 6, as above) and names its id.
    std::mt19937 rng(1373);
    for (const std::size_t n : {std::size_t{3}, std::size_t{16}, std::size_t{17}, std::size_t{40}, std::size_t{3000}}) {
        std::string list;
        std::vector<std::string> expected;
        std::map<std::string, std::size_t> seen_at; // an id's first item number
        for (std::size_t k = 0; k < n; ++k) {
            if (k > 0)
                list += ',';
            const std::string id = "tool_" + std::to_string(rng() % (n / 2 + 1));
            if (!seen_at.emplace(id, k + 1).second)
                expected.push_back("ToolIds names \"" + id + "\" more than once: item " + std::to_string(k + 1) +
                                   " repeats item " + std::to_string(seen_at[id]));
            list += id;
        }
        atlas::options opts;
        opts.max_diagnostics = 10000;
        const std::string field = "\"ToolIds\": \"" + list + "\"";
        const auto r = atlas::validate_request(outbound_with({field}), opts);
        std::vector<std::string> found;
        for (const atlas::diagnostic& d : r.diagnostics) {
            CHECK(d.rule == "tool-ids.duplicate");
            CHECK((d.line == 6 && d.column == 14));
            found.push_back(d.message);
        }
        CAPTURE(n);
        CHECK(found == expected);
        CHECK(expected.size() >= n / 3);  // the lists do repeat
    }
}

TEST_CASE("ToolIds with white space around an id is a tool-ids.whitespace warning")
{
    const auto r = atlas::validate_request(outbound_with({R"("ToolIds": "a, b")"}));
    CHECK(r.valid());
    CHECK(r.diagnostics.size() == 1);
    // The hint is the user's own list without the white space: applying it clears the warning.
    CHECK(contains(expect_rule(r, "tool-ids.whitespace", "/ToolIds", 6, 14).hint, R"("ToolIds": "a,b")"));
    const auto long_ids = atlas::validate_request(outbound_with({R"("ToolIds": "tool_calendar, tool_crm")"}));
    CHECK(contains(expect_rule(long_ids, "tool-ids.whitespace", "/ToolIds", 6, 14).hint, R"("tool_calendar,tool_crm")"));
    const auto after = atlas::validate_request(outbound_with({R"("ToolIds": "a ,b")"}));
    CHECK(after.diagnostics.size() == 1);
    expect_rule(after, "tool-ids.whitespace", "/ToolIds", 6, 14);
    expect_no_rule(atlas::validate_request(outbound_with({R"("ToolIds": "a,b")"})), "tool-ids.whitespace");
    // A line break or carriage return (escaped in the JSON) is white space too; a space inside an id is not around it.
    for (const char* list : {R"("ToolIds": "a,\nb")", R"("ToolIds": "a\r,b")", R"("ToolIds": "a,\u000bb")", R"("ToolIds": "a,\tb")"}) {
        CAPTURE(list);
        CHECK(with_rule(atlas::validate_request(outbound_with({list})), "tool-ids.whitespace").size() == 1);
    }
    expect_no_rule(atlas::validate_request(outbound_with({R"("ToolIds": "tool a,tool b")"})), "tool-ids.whitespace");
    expect_rule(atlas::validate_request(outbound_with({R"("ToolIds": "a,\n,b")"})), "tool-ids.empty-item", "/ToolIds", 6, 14);
}

TEST_CASE("a ToolIds white-space hint is the whole list while it is short, the one id after, so reports stay linear")
{
    const auto three = with_rule(atlas::validate_request(outbound_with({R"("ToolIds": "a, b, c")"})), "tool-ids.whitespace");
    REQUIRE(three.size() == 2);
    CHECK(three[0].hint == R"(write the ids with commas only: "ToolIds": "a,b,c")");
    CHECK(three[1].hint == three[0].hint); // each stands alone: max_diagnostics may keep either
    // 5000 ids with a space each: the hints together are not 5000 copies of the list.
    std::string list;
    for (int k = 0; k < 5000; ++k)
        list += (k ? ", id" : "id") + std::to_string(k);
    atlas::options opts;
    opts.max_diagnostics = 100000;
    const auto many = with_rule(atlas::validate_request(outbound_with({"\"ToolIds\": \"" + list + "\""}), opts),
        "tool-ids.whitespace");
    REQUIRE(many.size() == 4999);
    std::size_t hint_bytes = 0;
    for (const auto& d : many)
        hint_bytes += d.hint.size();
    CHECK(hint_bytes < 100 * many.size());
    CHECK(many[0].hint == R"(write "id1" without the white space around it)");
    // Past max_diagnostics they are counted, as every diagnostic is.
    opts.max_diagnostics = 10;
    const auto cut = atlas::validate_request(outbound_with({"\"ToolIds\": \"" + list + "\""}), opts);
    CHECK(cut.diagnostics.size() == 11);
    CHECK(contains(cut.diagnostics.back().message, "4989"));
}

// =============================================================================================
// SMS

TEST_CASE("a trailing comma in ToolIds is an empty item named by its number, not a list of only white space")
{
    const auto r = atlas::validate_request(outbound_with({R"("ToolIds": "a,")"}));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "ToolIds has an empty item (number 2)");
    CHECK(contains(r.diagnostics[0].hint, "extra comma"));
}

TEST_CASE("a ToolIds list of exactly 256 bytes still gets the white-space hint that rewrites the list")
{
    std::string list = " a";
    for (int k = 0; list.size() < 256; ++k)
        list += ",t" + std::to_string(k);
    list.resize(256);
    REQUIRE(list.back() != ',');
    const auto r = atlas::validate_request(outbound_with({"\"ToolIds\": \"" + list + "\""}));
    const auto found = with_rule(r, "tool-ids.whitespace");
    REQUIRE(found.size() == 1);
    CHECK(found[0].hint.starts_with("write the ids with commas only"));
    // The whole list, to paste: it was cut after 64 characters with an ellipsis. Applied, it clears the warning.
    const std::string prefix = "write the ids with commas only: \"ToolIds\": ";
    REQUIRE(found[0].hint.starts_with(prefix));
    CHECK(found[0].hint.find("\u2026") == std::string::npos);
    CHECK(found[0].hint.size() == prefix.size() + 255 + 2); // the list without its leading space, quoted
    expect_no_rule(atlas::validate_request(outbound_with({"\"ToolIds\": " + found[0].hint.substr(prefix.size())})),
        "tool-ids.whitespace");
    list += "1";
    const auto longer = with_rule(atlas::validate_request(outbound_with({"\"ToolIds\": \"" + list + "\""})), "tool-ids.whitespace");
    REQUIRE(longer.size() == 1);
    CHECK(longer[0].hint == "write \"a\" without the white space around it");
}

TEST_CASE("SMSTrigger without SMSBody, and SMSBody without SMSTrigger, are sms.pair warnings")
{
    const auto trigger = atlas::validate_request(outbound_with({R"("SMSTrigger": "send link")"}));
    CHECK(trigger.valid());
    CHECK(trigger.diagnostics.size() == 1);
    expect_rule(trigger, "sms.pair", "/SMSTrigger", 6, 17);

    const auto body = atlas::validate_request(outbound_with({R"("SMSBody": "Here is the link")"}));
    CHECK(body.diagnostics.size() == 1);
    expect_rule(body, "sms.pair", "/SMSBody", 6, 14);

    const auto both = atlas::validate_request(outbound_with({R"("SMSTrigger": "send link")", R"("SMSBody": "Here")"}));
    expect_no_rule(both, "sms.pair");
    expect_clean(both);
}

TEST_CASE("an empty SMSTrigger or SMSBody counts as absent for sms.pair")
{
    const auto empty_body = atlas::validate_request(outbound_with({R"("SMSTrigger": "send link")", R"("SMSBody": "")"}));
    CHECK(empty_body.diagnostics.size() == 1);
    expect_rule(empty_body, "sms.pair", "/SMSTrigger", 6, 17);
    const auto empty_trigger = atlas::validate_request(outbound_with({R"("SMSTrigger": "")", R"("SMSBody": "Here")"}));
    CHECK(empty_trigger.diagnostics.size() == 1);
    expect_rule(empty_trigger, "sms.pair", "/SMSBody", 7, 14);
    expect_clean(atlas::validate_request(outbound_with({R"("SMSTrigger": "")", R"("SMSBody": "")"})));
}

// =============================================================================================
// The call

TEST_CASE("the call's path id must be non-empty, without '/' or control characters")
{
    const auto empty = atlas::validate_call("", "key");
    CHECK(empty.diagnostics.size() == 1);
    expect_rule(empty, "call.id", "/id", 0, 0);
    expect_rule(atlas::validate_call("abc/def", "key"), "call.id", "/id", 0, 0);
    expect_rule(atlas::validate_call("abc\x01", "key"), "call.id", "/id", 0, 0);
    expect_rule(atlas::validate_call(std::string_view("abc\0def", 7), "key"), "call.id", "/id", 0, 0);
    expect_rule(atlas::validate_call("abc\n", "key"), "call.id", "/id", 0, 0);

    const auto fine = atlas::validate_call("cmp-123", "key");
    expect_no_rule(fine, "call.id");
    expect_clean(fine);
}

TEST_CASE("the last C0 control character, U+001F, in a path id or an api-key is an error")
{
    expect_rule(atlas::validate_call("abc\x1f", "key"), "call.id", "/id", 0, 0);
    expect_rule(atlas::validate_call("cmp-123", "k\x1fy"), "call.api-key", "/api-key", 0, 0);
    expect_clean(atlas::validate_call("cmp-123", "k y"));
}

TEST_CASE("an api-key with CR, LF or another control character is an error")
{
    for (std::string_view key : {"abc\r\n", "abc\n", "abc\r", "ab\tc", "abc\x7f"}) {
        const auto r = atlas::validate_call("cmp-123", key);
        CHECK(r.diagnostics.size() == 1);
        expect_rule(r, "call.api-key", "/api-key", 0, 0);
    }
    const auto fine = atlas::validate_call("cmp-123", "SECRET-CANARY-123");
    expect_no_rule(fine, "call.api-key");
    expect_clean(fine);
}

TEST_CASE("an api-key or path id with a C1 control character is an error")
{
    // Fixed: check_api_key and check_call_id used to reject only bytes below 0x20 and 0x7F, so U+0085 (NEL,
    // bytes C2 85) and the other C1 controls U+0080-U+009F pass. CONTRACT.md: "control characters or CR/LF in
    // it are an error" and the id has "no control characters"; U+0080-U+009F are control characters (Unicode
    // general category Cc), and the library's own quote_value treats them as such.
    const auto key = atlas::validate_call("cmp-123", "abc\xC2\x85");
    expect_rule(key, "call.api-key", "/api-key", 0, 0);
    const auto id = atlas::validate_call("cmp\xC2\x9B" "123", "key");
    expect_rule(id, "call.id", "/id", 0, 0);
    // The range's two ends are controls; the no-break space just after it (U+00A0) is not.
    for (const char* control : {"\xC2\x80", "\xC2\x9F"}) {
        CAPTURE(control);
        const auto both = atlas::validate_call(std::string("cmp") + control, std::string("key") + control);
        expect_rule(both, "call.id", "/id", 0, 0);
        expect_rule(both, "call.api-key", "/api-key", 0, 0);
    }
    expect_clean(atlas::validate_call("cmp-\xC2\xA0x", "key\xC2\xA0x"));
    // A printable non-ASCII character is fine.
    expect_clean(atlas::validate_call("cmp-\xC3\xA9", "key-\xC3\xA9"));
}

TEST_CASE("the typed campaign_call and validate_call give the same verdict on the same values")
{
    const std::pair<std::string, std::string> calls[] = {{"cmp\xFF", "key"}, {"cmp\xFF", "k\xFF\r\nX-Evil: 1"},
        {"cmp-1", "k\r\n"}, {"", "key"}, {"a/b", "key"}, {"cmp-1", "key"}};
    for (const auto& [id, key] : calls) {
        CAPTURE(id);
        atlas::campaign_call call;
        call.id = id;
        call.api_key = key;
        const auto typed = atlas::validate(call);
        const auto direct = atlas::validate_call(id, key);
        CHECK(typed.valid() == direct.valid());
        CHECK(rule_ids(typed) == rule_ids(direct));
    }
    // Header injection is reported even when the key is not UTF-8.
    atlas::campaign_call injected;
    injected.id = std::string("cmp-1");
    injected.api_key = std::string("k\xFF\r\nX-Evil: 1");
    expect_rule(atlas::validate(injected), "call.api-key", "/api-key", 0, 0);
}

TEST_CASE("an api-key pasted into the body is not printed by to_text, and the hint says where it belongs")
{
    const std::string secret = "SECRET-canary-7f3a";
    const std::string text = outbound_with({"\"Api-Key\" : \"" + secret + "\\\"x\"",
        R"("EnrichmentInfoSettings": "{\"api-key\":\")" + secret + R"(\", \"a\":1}")", R"("IsActive": "yes")"});
    const auto r = atlas::validate_request(text);
    const std::string out = r.to_text(text);
    CHECK_FALSE(contains(out, secret));
    CHECK_FALSE(contains(r.to_json(), secret));
    CHECK(contains(expect_rule(r, "field.unknown", "/Api-Key", 6, 3).hint, "header"));
    CHECK(contains(out, "\"Api-Key\" : \"*****")); // masked byte for byte: the caret stays under its spot
    CHECK(contains(out, "IsActive")); // the other lines are printed as they are
    CHECK(contains(expect_rule(atlas::validate_request(outbound_with({R"("id": "cmp_1")"})), "field.unknown", "/id", 6, 3).hint,
        "path parameter"));
}

TEST_CASE("to_text masks a pasted credential under an escaped key, of any type, under its usual spellings")
{
    const std::string secret = "SECRET-canary-7f3a";
    const std::vector<std::string> members = {
        R"("api\u002dkey": ")" + secret + "\"",            // the key written with an escape
        R"("api-key": [")" + secret + R"(", 1])",          // an array
        R"("api-key": {"v": ")" + secret + "\"}",          // an object
        R"("API-KEY": 12345678901234567)",                 // a number
        R"("x-api-key": ")" + secret + "\"",               // the spellings people paste
        R"("api_key": ")" + secret + "\"",
        R"("apiKey": ")" + secret + "\"",
        R"("api key": ")" + secret + "\"",
        R"("API.Keys": ")" + secret + "\"",
        R"("RedialSettings": "{\"apikey\": [\")" + secret + R"(\"]}")", // inside JSON held in a string
    };
    for (const std::string& member : members) {
        CAPTURE(member);
        // An error on the same line, so to_text prints it.
        const std::string text = R"({"name": 5, )" + member + R"(, "campaignType": "0", "TemplateId": "t"})";
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.valid());
        const std::string out = r.to_text(text);
        CHECK_FALSE(contains(out, secret));
        CHECK_FALSE(contains(out, "1234567"));
        CHECK(contains(out, "\"name\": 5")); // the rest of the line is printed as it is
    }
    // Text that is not JSON: the credential after the break, and a bare word as the value.
    for (const std::string& text : {R"({"name": x, "api-key": ")" + secret + R"("})",
             R"({"name": "n", "api-key": )" + secret + R"(, "campaignType": "1"})"}) {
        CAPTURE(text);
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.valid());
        CHECK_FALSE(contains(r.to_text(text), secret));
    }
    // A key written with escapes in text that breaks before it, or inside JSON held in a string (where every
    // backslash is escaped again), with or without a break in that content.
    for (const std::string& text : {R"({"name":"n",, "api\u002dkey": ")" + secret + R"("})",
             R"({"name":"n" "API\u002DKEY": ")" + secret + R"("})",
             R"({"name":"n",, "ap\u0069key": ")" + secret + R"("})",
             R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","TimeWindows":"{\"api\\u002dkey\": \")" +
                 secret + R"(\"}"})",
             R"({"name":5,"campaignType":"0","TemplateId":"t","Position":"p","IdleMessages":"[{\"x-api\\u002dkey\": \")" +
                 secret + R"(\"}, ]"})"}) {
        CAPTURE(text);
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.valid());
        CHECK_FALSE(contains(r.to_text(text), secret));
    }
    // A header line pasted as it was sent, which is no JSON: the rest of its line, whatever follows.
    for (const std::string header : {"api-key: ", "X-API-Key:", "  Api-Key :\t"}) {
        CAPTURE(header);
        const std::string text = "{\"name\": \"n\"}\n" + header + secret + "\r\n";
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.valid());
        const std::string out = r.to_text(text);
        CHECK_FALSE(contains(out, secret));
        CHECK(contains(out, "***"));
    }
    // One in quotes, as a command line pastes it (curl -H "api-key: ..."): to the closing quote, the rest printed.
    for (const std::string& command : {"curl -H \"api-key: " + secret + "\" -d @body.json https://x",
             "curl -H 'X-API-Key:" + secret + "' https://x", "{\"note\": \"api-key: " + secret + "\", \"name\": 1}",
             "curl -H api-key:" + secret + " https://x", "curl --header \" api-key: " + secret + "\" https://x"}) {
        CAPTURE(command);
        const auto r = atlas::validate_request(command);
        REQUIRE_FALSE(r.valid());
        const std::string out = r.to_text(command);
        CHECK_FALSE(contains(out, secret));
        CHECK(contains(out, "***"));
        CHECK((contains(out, "https://x") || contains(out, "\"name\": 1")));
    }
    // A line that only starts like one is printed.
    const std::string note = "{\"name\": \"n\"}\napi-keyboard: visible\n";
    CHECK(contains(atlas::validate_request(note).to_text(note), "visible"));
    // Another key that merely contains the word is printed.
    const std::string other = R"({"name": 5, "apikeys_count": "visible", "campaignType": "0"})";
    CHECK(contains(atlas::validate_request(other).to_text(other), "visible"));
    // The name as a word anywhere, then ':' or '=' and a value: masked to its quote or the end of the word, in
    // a sentence too (a note that pastes a key leaks it as well as a header does).
    const std::string prose = R"({"name": 5, "note": "the api-key: hidden, and more"})";
    const std::string prose_out = atlas::validate_request(prose).to_text(prose);
    CHECK_FALSE(contains(prose_out, "hidden"));
    CHECK(contains(prose_out, "and more"));
    for (const std::string& pasted : {"{'name': 'x', 'api-key': '" + secret + "'}", "{api-key: \"" + secret + "\"}",
             "{\"name\":\"x\"} api-key: " + secret, "api-key = " + secret, "--header=api-key:" + secret,
             "--api-key=" + secret + " --verbose", "{\"name\": 1, \"TimeWindows\": \"{\\\"api-key\\\": \\\"" + secret + "\\\"\"}",
             "API_KEY=" + secret, "x_api_key => '" + secret + "'", "self.api_key = '" + secret + "'",
             "client.api-key: " + secret, "headers[\"api-key\"] = \"" + secret + "\""}) {
        CAPTURE(pasted);
        const auto r = atlas::validate_request(pasted);
        REQUIRE_FALSE(r.valid());
        CHECK_FALSE(contains(r.to_text(pasted), secret));
    }
}

TEST_CASE("to_text of an input too large to validate masks and copies only the bytes it shows")
{
    // The report on an input over max_input_bytes has one error, at its first byte. to_text masked the whole text to
    // show that one line: 2 seconds and half a gigabyte for 70 MB, and a copy of all of it when a credential was
    // anywhere in it. It reads as far as the excerpt can reach now.
    const std::string secret = "SECRET-canary-5d1a";
    atlas::options small;
    small.max_input_bytes = 1000;
    const std::string near = R"({"api-key": ")" + secret + R"(", "name": ")" + std::string(4 << 20, 'n') + R"("})";
    const std::string far = R"({"name": ")" + std::string(4 << 20, 'n') + R"(", "api-key": ")" + secret + R"("})";
    for (const std::string* text : {&near, &far}) {
        const auto r = atlas::validate_request(*text, small);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].rule == "json.limit");
        std::string out;
        {
            const atlas_test::largest_allocation_since largest;
            out = r.to_text(*text);
            CHECK(largest.bytes() < 64 * 1024);
        }
        CHECK_FALSE(contains(out, secret)); // shown masked on the first line, or not shown at all
        CHECK(contains(out, text == &near ? R"({"api-key": "****)" : R"({"name": "nnnn)"));
    }
}

TEST_CASE("to_text masks a credential whose value runs past the end of what it reads")
{
    // The excerpt's cut, or an input cut short, leaves a credential's string unterminated: the reader's error is at
    // the text's end, and the value was masked from there, which is nothing. A key only the JSON reading finds
    // (longer than the byte scan's window) then printed the value in clear.
    std::string key;
    for (int k = 0; k < 45; ++k)
        key += "\u00e9";
    key += " api key";
    const std::string secret = "SECRET-canary-" + std::string(600, 'x');
    const std::string text = "{\"name\":\"a\",\"campaignType\":\"0\",\"TemplateId\":\"t\",\n\"" + key + "\": \"" + secret + "\"}";
    const auto r = atlas::validate_request(text);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK_FALSE(contains(r.to_text(text), "SECRET-canary"));
    // Cut short for real: the same.
    const std::string cut = text.substr(0, text.find("SECRET") + 20); // the error's excerpt shows what is before it
    CHECK_FALSE(contains(atlas::validate_request(cut).to_text(cut), "SECRET-canary"));
    // The passing side: the name still shows, and so does the value of another key.
    CHECK(contains(r.to_text(text), " api key"));
}

TEST_CASE("to_text masks a quoted credential to its closing quote, past an escaped quote inside it")
{
    // An escaped quote inside a quoted credential does not end it: the rest of the credential was printed.
    const std::string text = R"({'api-key': 'ab\'cd-secret'})";
    const auto r = atlas::validate_request(text);
    REQUIRE_FALSE(r.valid());
    const std::string out = r.to_text(text);
    CHECK_FALSE(contains(out, "secret"));
    CHECK(contains(out, "\n    {'api-key': '*************'}\n"));
}

TEST_CASE("a credential written bare in a value ends at a semicolon, as in a list of settings")
{
    // "api-key=abc;region=eu": the credential is abc; what follows the semicolon is another setting, shown as it is.
    const std::string text = outbound_with({R"("Timezone": "api-key=abc;region=eu")"});
    const auto r = atlas::validate_request(text);
    const auto d = expect_rule(r, "timezone.known", "/Timezone", 6, 15);
    CHECK(d.message.rfind(R"(Timezone "api-key=***;region=eu" is not an IANA time zone name)", 0) == 0);
    CHECK_FALSE(contains(r.to_json(), "abc"));
    CHECK(contains(r.to_text(text), R"("Timezone": "api-key=***;region=eu")"));
}

TEST_CASE("a credential echoed from a value into a message or hint is masked in every report form")
{
    const std::string secret = "SECRET-canary-9b2e";
    // Messages quote the wrong value ("Timezone "..." is not an IANA time zone name"): a key pasted there was printed
    // by to_json, to_text and the C ABI, where the source line below it was masked.
    for (const std::string& member : {R"("Timezone": "api-key=)" + secret + "\"", R"("CallType": "api-key: )" + secret + "\"",
             R"("StartDate": "ATLAS_API_KEY=)" + secret + "\"", R"("campaignType": "x-api-key=)" + secret + "\"",
             R"("Timezone": "API__KEY=)" + secret + "\"", R"("api-key: )" + secret + R"(": 1)",
             // The field.type hint of JSON-in-string fields shows an array or object as text, escaped once more:
             // one that may name the credential anywhere, decoded, gets the example instead.
             R"("IdleMessages": {"api-key": ")" + secret + "\"}", R"("IdleMessages": ["{\"api-key\":\")" + secret + R"(\"}"])",
             R"("IdleMessages": ["api-key=\")" + secret + R"(\""])", R"("IdleMessages": {"api\u002dkey": ")" + secret + "\"}",
             R"("IdleMessages": {"api-key": [")" + secret + "\"]}", R"("RedialSettings": {"api-key": {"value": ")" + secret + "\"}}",
             R"("TimeWindows": {"api_key": [")" + secret + "\"]}", R"("IdleMessages": {"apiKey": "x\")" + secret + "\"}"}) {
        CAPTURE(member);
        const std::string text = R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", )" + member + "}";
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.diagnostics.empty()); // errors, and a warning for the unknown field
        CHECK_FALSE(contains(r.to_json(), secret));
        CHECK_FALSE(contains(r.to_text(text), secret));
        for (const atlas::diagnostic& d : r.diagnostics) {
            CHECK_FALSE(contains(d.message, secret));
            CHECK_FALSE(contains(d.hint, secret));
            CHECK_FALSE(contains(d.path, secret)); // an unknown key that pastes one is its own pointer
        }
        const bool json_text = contains(member, "IdleMessages") || contains(member, "RedialSettings") ||
                               contains(member, "TimeWindows");
        if (json_text) // the example, not the value
            CHECK(contains(r.to_json(), "e.g."));
        else if (!contains(member, "StartDate")) // its message names the fault, not the value
            CHECK(contains(r.to_json(), "*****")); // masked byte for byte; the rest of the message stays
    }
    const auto response = atlas::validate_response(R"({"Timezone": "apikey:)" + secret + R"("})");
    REQUIRE_FALSE(response.valid());
    CHECK_FALSE(contains(response.to_json(), secret));
    // A message's own quote closes the value it echoes: nothing after it is taken for a credential.
    const auto quoted = atlas::validate_request(R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", "Timezone": "see api-key:"})");
    CHECK(contains(quoted.diagnostics.at(0).message, "is not an IANA time zone name"));
    // A message without one is left as it was.
    const auto plain = atlas::validate_request(R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", "Timezone": "Key=Europe/Paris"})");
    CHECK(contains(plain.to_json(), "Key=Europe/Paris"));
}

TEST_CASE("a credential in double quotes under a pasted key is masked in the pointer as in the message")
{
    // A pointer has no quotes of its own: the '"' after "api-key:" opens the value. Masked as a message's quote, it
    // left the value in the path of to_json, the C ABI and the text form, while the message beside it hid it.
    const std::string secret = "SECRET-canary-77aa";
    for (const std::string& member : {R"("api-key: \")" + secret + R"(\"": 1)", R"("api-key=\")" + secret + R"(\"": 1)",
             R"("TimeWindows": "[{\"api-key: \\\")" + secret + R"(\\\"\": 1, \"startHour\": 9, \"startMinute\": 0, \"endHour\": 17, \"endMinute\": 0}]")"}) {
        CAPTURE(member);
        const std::string text = R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", )" + member + "}";
        const auto r = atlas::validate_request(text);
        REQUIRE(r.diagnostics.size() == 1); // the unknown key, in the body or in the window
        CHECK(contains(r.diagnostics[0].path, "api-key"));
        CHECK(contains(r.diagnostics[0].path, "*****"));
        CHECK_FALSE(contains(r.diagnostics[0].path, secret));
        CHECK_FALSE(contains(r.to_json(), secret));
        CHECK_FALSE(contains(r.to_text(text), secret));
    }
}

TEST_CASE("to_text masks a credential in a value written with escapes, as the message beside it does")
{
    // The message decodes the value ("api-key: ****"); the source line shows it as written, where "api\u002dkey"
    // spells no name until decoded. Also one level down, in JSON held in a string.
    const std::string secret = "SECRET-canary-3c4d";
    for (const std::string& member : {R"("Timezone": "api\u002dkey: )" + secret + "\"", R"("Timezone": "api-key\u003a )" + secret + "\"",
             R"("ToolIds": " a\u0070i-key=)" + secret + R"( ,b")", R"("api\u002dkey\u003d)" + secret + R"(": 1)",
             R"("TimeWindows": "[{\"startHour\": \"api\\u002dkey=)" + secret + R"(\", \"startMinute\": 0, \"endHour\": 17, \"endMinute\": 0}]")"}) {
        CAPTURE(member);
        const std::string text = R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", )" + member + "}";
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.diagnostics.empty());
        const std::string out = r.to_text(text);
        CHECK_FALSE(contains(out, secret));
        CHECK(contains(out, "*****"));
        CHECK_FALSE(contains(r.to_json(), secret));
    }
    // A value with escapes and no credential is shown as written.
    const std::string plain = R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", "Timezone": "Europe\/Pariss"})";
    CHECK(contains(atlas::validate_request(plain).to_text(plain), R"("Timezone": "Europe\/Pariss")"));
}

TEST_CASE("a credential after the name and a space, as an Authorization header writes it, is masked")
{
    const std::string secret = "sk_live_9fQ2xCanary";
    for (const std::string& value : {"api-key " + secret, "Authorization: api-key " + secret, "x-api-key  " + secret}) {
        CAPTURE(value);
        const std::string text = R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", "Timezone": ")" + value + "\"}";
        const auto r = atlas::validate_request(text);
        const auto d = expect_rule(r, "timezone.known", "/Timezone", 1, 84);
        CHECK(contains(d.message, "*******************"));
        CHECK_FALSE(contains(r.to_json(), secret));
        CHECK_FALSE(contains(r.to_text(text), secret));
    }
    // Prose names the header without a key after it: a word of letters only, or one shorter than eight bytes.
    for (const std::string value : {"send the api-key header", "api-key v2", "api-key 12345678"}) {
        CAPTURE(value);
        const auto r = atlas::validate_request(
            R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", "Timezone": ")" + value + "\"}");
        CHECK(contains(r.to_json(), value));
    }
}

TEST_CASE("to_text masks a credential pasted with typographic quotes or under a prefixed name")
{
    const std::string secret = "SECRET-canary-51d0";
    for (const std::string& pasted : {"{\"ATLAS_PRODUCTION_ENVIRONMENT_API_KEY\": \"" + secret + "\", \"name\": 1}",
             "{\xE2\x80\x9C" "api-key\xE2\x80\x9D: \xE2\x80\x9C" + secret + "\xE2\x80\x9D}",
             "{\xE2\x80\x9C" "api-key\xE2\x80\x9D: \"" + secret + "\"}", "{\xE2\x80\x98" "api-key\xE2\x80\x99: \xE2\x80\x98" + secret + "\xE2\x80\x99}",
             "ATLAS_API_KEY=" + secret, "{\"X-Atlas-Api-Key\": \"" + secret + "\", \"name\": 1}"}) {
        CAPTURE(pasted);
        const auto r = atlas::validate_request(pasted);
        REQUIRE_FALSE(r.valid());
        const std::string out = r.to_text(pasted);
        CHECK_FALSE(contains(out, secret));
        CHECK(contains(out, "***"));
    }
}

TEST_CASE("the api-key value never appears in to_json or to_text")
{
    const std::string canary = "SECRET-CANARY-123";
    for (const atlas::report& r : {atlas::validate_call("cmp/123", canary + "\r\n"), atlas::validate_call("", canary + "\n"),
             atlas::validate_call("cmp-123", canary + "\x01"), atlas::validate_call("cmp-123", canary)}) {
        CHECK_FALSE(contains(r.to_json(), canary));
        CHECK_FALSE(contains(r.to_json(), "CANARY"));
        CHECK_FALSE(contains(r.to_text(), canary));
        CHECK_FALSE(contains(r.to_text("cmp/123"), canary));
        for (const atlas::diagnostic& d : r.diagnostics) {
            CHECK_FALSE(contains(d.message, "CANARY"));
            CHECK_FALSE(contains(d.hint, "CANARY"));
        }
    }
    // An id that holds the key, cut from a URL or a line that also has it: the id is echoed with the key written over.
    for (const atlas::report& r : {atlas::validate_call("cmp-42/" + canary, canary), atlas::validate_call(canary + "\n", canary),
             atlas::validate_call(std::string("cmp-42\0", 7) + canary, canary)}) {
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].rule == "call.id");
        CHECK_FALSE(contains(r.to_json(), "CANARY"));
        CHECK(contains(r.diagnostics[0].message, std::string(canary.size(), '*')));
    }
    CHECK(contains(atlas::validate_call("cmp-42/x", canary).diagnostics.at(0).message, "\"cmp-42/x\""));
    // The typed path as well.
    atlas::campaign_call call;
    call.id = std::string("cmp-123");
    call.api_key = canary + "\r\n";
    const auto typed = atlas::validate(call);
    expect_rule(typed, "call.api-key", "/api-key", 0, 0);
    CHECK_FALSE(contains(typed.to_json(), canary));
    CHECK_FALSE(contains(typed.to_text(), canary));
}

TEST_CASE("a number too large for a double under a pasted api-key is reported without its digits")
{
    // json.number-range quotes the number it reports; under a credential key, at any depth, the number is the key.
    for (const std::string member : {R"("api-key": 98765e999)", R"("apikey": [98765e999])", R"("x": {"API_KEY": 98765e999})",
             R"("api\u002dkey": 98765e999)", R"("IdleMessages": "{\"api-key\": 98765e999}")",
             R"("TimeWindows": "[{\"api-key\": 98765e999, \"startHour\": 9, \"startMinute\": 0, \"endHour\": 17, \"endMinute\": 0}]")"}) {
        CAPTURE(member);
        const std::string text = "{\"name\": \"a\", \"campaignType\": \"1\", \"CallType\": \"2\", \"TemplateId\": \"t\", " + member + "}";
        const auto r = atlas::validate_request(text);
        const auto range = with_rule(r, "json.number-range");
        REQUIRE(range.size() == 1);
        CHECK(contains(range[0].message, "in an api-key's value"));
        CHECK_FALSE(contains(r.to_json(), "98765"));
        CHECK_FALSE(contains(r.to_text(text), "98765"));
    }
    // Nor a key inside the value, in a message or a pointer: both stop at the member.
    for (const std::string member : {R"("api-key": {"SECRET": 1, "SECRET": 2})", R"("api-key": {"SECRET": 9e999})",
             R"("x": [{"apikey": [{"SECRET": 1, "SECRET": 2}]}])",
             R"("EnrichmentInfoSettings": "{\"api-key\": {\"SECRET\": 1, \"SECRET\": 2}}")"}) {
        CAPTURE(member);
        const std::string text = "{\"name\": \"a\", \"campaignType\": \"1\", \"CallType\": \"2\", \"TemplateId\": \"t\", " + member + "}";
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.valid());
        CHECK_FALSE(contains(r.to_json(), "SECRET"));
        CHECK_FALSE(contains(r.to_text(text), "SECRET"));
    }
    // The credential's own name repeated is no secret: named, at its pointer.
    const auto repeated = with_rule(atlas::validate_request(outbound_with({R"("x": {"api-key": 1, "api-key": 2})"})),
        "json.duplicate-key");
    REQUIRE(repeated.size() == 1);
    CHECK(repeated[0].path == "/x/api-key");
    CHECK(contains(repeated[0].message, "the key \"api-key\" appears more than once"));
    // Elsewhere the number is shown: it is what to fix.
    const auto plain = with_rule(atlas::validate_request(outbound_with({R"("note": {"apikeys_seen": 98765e999})"})),
        "json.number-range");
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].path == "/note/apikeys_seen");
    CHECK(contains(plain[0].message, "98765e999"));
}

// =============================================================================================
// The report

TEST_CASE("a duplicate key inside an api-key member of JSON text is reported without the key, also when the name has escapes")
{
    const std::string text = outbound_with({R"("EnrichmentInfoSettings": "{\"api\\u002dkey\": {\"sk-1\": 1, \"sk-1\": 2}}")"});
    const auto r = atlas::validate_request(text);
    const auto found = with_rule(r, "json.duplicate-key");
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/EnrichmentInfoSettings/api-key");
    CHECK(contains(found[0].message, "inside an api-key's value"));
    CHECK_FALSE(contains(r.to_json(), "sk-1"));
}

TEST_CASE("to_text masks a credential in JSON held in a string whose name is written with several escapes")
{
    const std::string secret = "SECRET-canary-7f3a";
    const std::string text = R"({"name": 5, "EnrichmentInfoSettings": "{\"\\u0061\\u0070i-key\": \")" + secret +
                             R"(\"}", "campaignType": "0"})";
    const auto r = atlas::validate_request(text);
    REQUIRE_FALSE(r.valid());
    CHECK_FALSE(contains(r.to_text(text), secret));
}

TEST_CASE("to_text prints the value of a key whose escape is no ASCII character, though its low byte would spell a credential's name")
{
    // \u012d is no '-' (U+002D): "api\u012dkey" names no credential.
    const std::string text = R"({"name": 5, "api\u012dkey": "visible", "campaignType": "0"})";
    CHECK(contains(atlas::validate_request(text).to_text(text), "\"visible\""));
}

TEST_CASE("to_text puts the caret just past the end of a line cut short")
{
    const std::string text = R"({"name": "n")";
    const std::string out = atlas::validate_request(text).to_text(text);
    CHECK(contains(out, "<input>:1:13: error: "));
    CHECK(contains(out, "    " + text + "\n    " + std::string(12, ' ') + "^\n"));
}

TEST_CASE("to_text shows a tab in the source line as a space")
{
    const std::string text = "{\"name\": 5,\t\"campaignType\": \"0\"}";
    const std::string out = atlas::validate_request(text).to_text(text);
    CHECK(contains(out, "    {\"name\": 5, \"campaignType\": \"0\"}\n"));
}

TEST_CASE("to_text says \"at the root\" for a diagnostic without a position at the root pointer")
{
    atlas::options o;
    o.max_diagnostics = 0;
    const auto r = atlas::validate(atlas::parse_request(payload({name_, template_, phone})), o);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "report.truncated");
    CHECK(contains(r.to_text(""), "[report.truncated] at the root\n"));
}

TEST_CASE("past max_diagnostics one report.truncated entry counts the rest, as an error when an error was dropped")
{
    // Three unknown fields (warnings) and a missing TemplateId and name (errors).
    const std::string text = payload({R"("a": 1)", R"("b": 2)", R"("c": 3)", phone, outbound});
    atlas::options opts;
    opts.max_diagnostics = 1;
    const auto r = atlas::validate_request(text, opts);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "field.required"); // an error takes the place of the warning kept first
    // Text has a place for every diagnostic: this one's is the root's {.
    const auto d = expect_rule(r, "report.truncated", "", 1, 1, atlas::severity::error);
    CHECK(d.offset == 0); // its line and column are those of its offset, as for every diagnostic of text
    CHECK(contains(d.message, "4"));
    CHECK_FALSE(r.valid());
    CHECK(r.diagnostics.back().rule == "report.truncated");

    // Only warnings left out: the entry is a warning and the payload stays valid.
    const std::string warnings_only = outbound_with({R"("a": 1)", R"("b": 2)", R"("c": 3)"});
    opts.max_diagnostics = 2;
    const auto w = atlas::validate_request(warnings_only, opts);
    CHECK(w.diagnostics.size() == 3);
    CHECK(expect_rule(w, "report.truncated", "", 1, 1, atlas::severity::warning).message ==
          "1 more diagnostic was left out");
    CHECK(w.valid());

    // Enough room: no entry.
    opts.max_diagnostics = 5;
    expect_no_rule(atlas::validate_request(text, opts), "report.truncated");
    expect_no_rule(atlas::validate_request(text), "report.truncated");
}

TEST_CASE("a report.truncated entry names the text budget also when the kept text reached it exactly")
{
    // A mutation run: with a long key's diagnostic filling the warnings' text to the byte, the next warning was only
    // counted unbuilt, and the entry said "fix the ones above, or raise options::max_diagnostics" with a place free.
    atlas::options opts;
    opts.max_diagnostics = 2;
    std::size_t exact = 0;
    for (std::size_t length = 3980; length <= 4010; ++length) {
        CAPTURE(length);
        const auto r =
            atlas::validate_request(outbound_with({"\"" + std::string(length, 'q') + "\": 1", R"("zz": 2)"}), opts);
        const auto& more = expect_rule(r, "report.truncated", "", 1, 1, atlas::severity::warning);
        CHECK(contains(more.hint, "a long key or value filled the report's text"));
        if (r.diagnostics.size() == 1) { // past the budget, the long key's own diagnostic is left out too
            CHECK(more.message == "2 diagnostics were left out");
            break;
        }
        REQUIRE(r.diagnostics.size() == 2);
        CHECK(r.diagnostics[0].rule == "field.unknown");
        CHECK(more.message == "1 more diagnostic was left out");
        std::size_t bytes = 0;
        for (const atlas::diagnostic& d : r.diagnostics)
            if (d.rule == "field.unknown")
                bytes = d.path.size() + d.message.size() + d.hint.size();
        exact += bytes == 4096; // the warnings' half of 2 x 4 KiB, filled to the byte
    }
    CHECK(exact == 1);
}

TEST_CASE("a report.truncated entry with nothing above it says so, and names the text budget when that left them out")
{
    // A probe: one unknown key of 3 MB was left out by the text budget, and the only entry said "1 more diagnostic
    // was left out", "fix the ones above" (there were none) and named max_diagnostics alone.
    const std::string key(3'000'000, 'k');
    const auto big = atlas::validate_request(outbound_with({"\"" + key + "\": 1"}));
    REQUIRE(big.diagnostics.size() == 1);
    const auto& only = expect_rule(big, "report.truncated", "", 1, 1, atlas::severity::warning);
    CHECK(only.message == "1 diagnostic was left out");
    CHECK(contains(only.hint, "a long key or value filled the report's text"));
    CHECK(contains(only.hint, "options::max_diagnostics"));

    // max_diagnostics = 0 (in code): a verdict and a count, placed at the root's first byte even when the text is
    // no object ("  [1]" had it one past the end).
    atlas::options none;
    none.max_diagnostics = 0;
    const auto array = atlas::validate_request("  [1]", none);
    const auto& counted = expect_rule(array, "report.truncated", "", 1, 3, atlas::severity::error);
    CHECK(counted.message == "1 diagnostic was left out");
    CHECK(counted.hint == "raise options::max_diagnostics");
    CHECK_FALSE(array.valid());
    CHECK(expect_rule(atlas::validate_request(outbound_with({R"("a": 1)", R"("b": 2)"}), none), "report.truncated",
              "", 1, 1, atlas::severity::warning)
              .message == "2 diagnostics were left out");
    // With others above it, "more", and the old hint.
    atlas::options one;
    one.max_diagnostics = 1;
    const auto r = atlas::validate_request(outbound_with({R"("a": 1)", R"("b": 2)"}), one);
    const auto& more = expect_rule(r, "report.truncated", "", 1, 1, atlas::severity::warning);
    CHECK(more.message == "1 more diagnostic was left out");
    CHECK(more.hint == "fix the ones above, or raise options::max_diagnostics");
}

TEST_CASE("a report holds about max_diagnostics times 4 KiB of text: a thousand duplicates under a 100 KB key are counted")
{
    // Every pointer repeats the long key: 1,001 of them made a report a thousand times the input.
    const std::string long_key(100000, 'k');
    std::string under = "{";
    for (int k = 0; k < 1001; ++k)
        under += k ? ",\"a\":1" : "\"a\":1";
    under += "}";
    const auto r = atlas::validate_request(outbound_with({"\"" + long_key + "\": " + under}));
    CHECK_FALSE(r.valid());
    std::size_t text_bytes = 0, duplicates = 0;
    for (const atlas::diagnostic& d : r.diagnostics) {
        text_bytes += d.path.size() + d.message.size() + d.hint.size();
        if (d.rule == "json.duplicate-key") {
            ++duplicates;
            CHECK(d.path == "/" + long_key + "/a"); // what is kept stays exact
        }
    }
    const std::size_t budget = atlas::options{}.max_diagnostics * 4096;
    CHECK(duplicates >= 1);
    CHECK(duplicates < 1000);
    CHECK(text_bytes <= budget + long_key.size() + 1024); // the one that crossed it is kept whole
    const atlas::diagnostic& more = r.diagnostics.back();
    CHECK(more.rule == "report.truncated");
    // The unknown long key (a warning) may have made room for an error; every duplicate is shown or counted.
    const std::size_t left_out = std::stoul(more.message);
    CHECK(duplicates + left_out >= 1000);
    CHECK(more.severity == atlas::severity::error);
    // A raised max_diagnostics raises the budget with it.
    atlas::options roomy;
    roomy.max_diagnostics = 100000;
    std::size_t kept = 0;
    for (const atlas::diagnostic& d : atlas::validate_request(outbound_with({"\"" + long_key + "\": " + under}), roomy).diagnostics)
        kept += d.rule == "json.duplicate-key" ? 1 : 0;
    CHECK(kept == 1000);
}

TEST_CASE("the text budget keeps errors first too: long unknown keys cannot push a missing required field out")
{
    // 900 unknown keys of 5 KB each: under max_diagnostics, but 4.5 MB of pointers and messages. Warnings fill half
    // the budget, warnings raised to errors three quarters: the catalog's errors always have room.
    std::string text = payload({phone, outbound, template_}); // no name
    text.pop_back(); // the closing brace
    for (int k = 0; k < 900; ++k)
        text += ",\n  \"" + std::to_string(k) + std::string(5000, 'x') + "\": 1";
    text += "\n}";
    for (const bool strict : {false, true}) {
        CAPTURE(strict);
        atlas::options opts;
        opts.strict = strict;
        const auto r = atlas::validate_request(text, opts);
        CHECK_FALSE(r.valid());
        CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
            [](const atlas::diagnostic& d) { return d.rule == "field.required" && d.path == "/name"; }));
        CHECK(r.diagnostics.back().rule == "report.truncated");
    }
    // One unknown key longer than a small report's budget is counted, not kept, and the missing name is kept.
    atlas::options small;
    small.max_diagnostics = 5;
    const std::string long_key = "\"" + std::string(25000, 'k') + "\": 1";
    const auto one = atlas::validate_request(payload({phone, outbound, template_, long_key}), small);
    REQUIRE(one.diagnostics.size() == 2);
    CHECK(one.diagnostics[0].rule == "field.required");
    CHECK(one.diagnostics[1].message == "1 more diagnostic was left out");
    // Once a warning found no room, later ones are counted too, short or not (channel.outbound-only here, whose
    // check builds its text without asking): which are kept does not depend on how a check reports.
    const auto after = atlas::validate_request(
        payload({phone, inbound, template_, "\"" + std::string(12000, 'k') + "\": 1", R"("TimeWindows": "[]")"}), small);
    REQUIRE(after.diagnostics.size() == 2);
    CHECK(after.diagnostics[0].rule == "field.required");
    CHECK(after.diagnostics[1].message == "2 more diagnostics were left out");
}

TEST_CASE("unknown fields raised to errors fill at most three quarters of the text budget: a missing field keeps its place")
{
    // Twelve unknown keys of 5,020 bytes in strict mode, under max_diagnostics 10 (a 40 KiB budget), and no name.
    std::string text = R"({"campaignType":"1","CallType":"2","TemplateId":"t")";
    for (int k = 0; k < 12; ++k)
        text += ",\"" + std::string(5020, static_cast<char>('a' + k)) + "\":1";
    atlas::options opts;
    opts.strict = true;
    opts.max_diagnostics = 10;
    const auto r = atlas::validate_request(text + "}", opts);
    expect_rule(r, "field.required", "/name", 1, 1);
    CHECK(with_rule(r, "field.unknown").size() == 6);
    expect_rule(r, "report.truncated", "", 1, 1, atlas::severity::error);
    expect_no_rule(atlas::validate_request(text + R"(,"name":"n"})", opts), "field.required");
}

TEST_CASE("past max_diagnostics an error pushes out a warning before a raised one, and a raised one pushed out counts as an error")
{
    atlas::options strict;
    strict.strict = true; // the unknown field is a warning raised to an error
    strict.max_diagnostics = 1;
    const auto r = atlas::validate_request(
        R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t","Bogus":1,"DailyCallLimit":-1})", strict);
    REQUIRE(r.diagnostics.size() == 2);
    expect_rule(r, "integer.range", "/DailyCallLimit", 1, 91);
    CHECK(expect_rule(r, "report.truncated", "", 1, 1, atlas::severity::error).message ==
          "1 more diagnostic was left out");
    CHECK(r.errors() == 2);
    CHECK(r.warnings() == 0);

    // A warning found before the error goes first: a user rule's error comes last of all, after a null field's
    // warning, and the raised unknown field stays.
    strict.max_diagnostics = 2;
    strict.add_rule("acme.always", atlas::severity::error, "fails every payload",
        [](const atlas::rule_context& ctx) { ctx.report("name", "acme says no", ""); });
    const auto ranked = atlas::validate_request(
        R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t","Bogus":1,"Mode":null})", strict);
    REQUIRE(ranked.diagnostics.size() == 3);
    CHECK(with_rule(ranked, "field.unknown").size() == 1);
    CHECK(with_rule(ranked, "acme.always").size() == 1);
    expect_no_rule(ranked, "field.null");
    CHECK(expect_rule(ranked, "report.truncated", "", 1, 1, atlas::severity::warning).message ==
          "1 more diagnostic was left out");
}

TEST_CASE("a report cut short by max_diagnostics keeps its errors first: a thousand unknown fields cannot hide a missing one")
{
    std::string text = "{";
    for (int k = 0; k < 1500; ++k)
        text += "\"custom_" + std::to_string(k) + "\": 1, ";
    text += R"("campaignType": "1", "CallType": "2", "IsActive": "yes"})"; // no name, no TemplateId; a wrong type
    const auto r = atlas::validate_request(text);
    REQUIRE(r.diagnostics.size() == 1001);
    CHECK(rule_ids(r).count("field.required") == 2);
    CHECK(rule_ids(r).count("field.type") == 1);
    CHECK(rule_ids(r).count("field.unknown") == 997);
    // Only warnings were left out, so the entry is a warning; the kept ones are in the order of the text.
    const auto more = expect_rule(r, "report.truncated", "", 1, 1, atlas::severity::warning);
    CHECK(contains(more.message, "503"));
    CHECK(r.errors() == 3);
    for (std::size_t k = 1; k + 1 < r.diagnostics.size(); ++k)
        CHECK(r.diagnostics[k - 1].offset <= r.diagnostics[k].offset);
    // More errors than room: errors only, and the entry is an error.
    atlas::options opts;
    opts.max_diagnostics = 2;
    const auto errors_only = atlas::validate_request(text, opts);
    REQUIRE(errors_only.diagnostics.size() == 3);
    CHECK(errors_only.diagnostics[0].severity == atlas::severity::error);
    CHECK(errors_only.diagnostics[1].severity == atlas::severity::error);
    expect_rule(errors_only, "report.truncated", "", 1, 1, atlas::severity::error);

    // In strict mode the unknown fields are errors too, but raised from warnings: the catalog's errors still come
    // first, and the unknown fields fill the rest of the room in the order of the text.
    atlas::options strict;
    strict.strict = true;
    for (const atlas::options& mode : {strict, *atlas::profile("strict")}) {
        const auto s = atlas::validate_request(text, mode);
        REQUIRE(s.diagnostics.size() == 1001);
        CHECK(rule_ids(s).count("field.required") == 2);
        CHECK(rule_ids(s).count("field.type") == 1);
        CHECK(rule_ids(s).count("field.unknown") == 997);
        // The two missing fields are placed at the root's {, first; the unknown fields kept are the first ones.
        CHECK(s.diagnostics[2].path == "/custom_0");
        CHECK(s.diagnostics[998].path == "/custom_996");
        expect_rule(s, "report.truncated", "", 1, 1, atlas::severity::error); // unknown-field errors were left out
        for (std::size_t k = 1; k + 1 < s.diagnostics.size(); ++k)
            CHECK(s.diagnostics[k - 1].offset <= s.diagnostics[k].offset);
    }
    strict.max_diagnostics = 2;
    const auto strict_two = atlas::validate_request(text, strict);
    REQUIRE(strict_two.diagnostics.size() == 3);
    CHECK(strict_two.diagnostics[0].rule != "field.unknown");
    CHECK(strict_two.diagnostics[1].rule != "field.unknown");
    // A warning raised to an error outranks a warning: the unknown field (a warning, found first) makes room.
    atlas::options raised_null;
    raised_null.set("field.null", atlas::rule_level::error).max_diagnostics = 1;
    const auto one = atlas::validate_request(R"({"Extra":1,"name":"n","campaignType":"0","TemplateId":"t",)"
                                             R"("Position":"p","Mode":null})",
        raised_null);
    REQUIRE(one.diagnostics.size() == 2);
    CHECK(one.diagnostics[0].rule == "field.null");
    expect_rule(one, "report.truncated", "", 1, 1, atlas::severity::warning);
}

TEST_CASE("a report cut short lists what it keeps in the full report's order, equal places included")
{
    // The three missing window keys share the window's place; errors taking the unknown field's place must not
    // reorder them. User rules reporting at the root share a place too.
    atlas::options with_rules;
    with_rules.add_rule("acme.warn", atlas::severity::warning, "", [](const atlas::rule_context& ctx) {
        ctx.report("name", "w");
    });
    with_rules.add_rule("acme.errors", atlas::severity::error, "", [](const atlas::rule_context& ctx) {
        for (int k = 0; k < 3; ++k)
            ctx.report("", "e" + std::to_string(k));
    });
    const std::string windows =
        R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","TimeWindows":"[{\"startHour\": 3}]","zz":1})";
    const std::string mixed = R"({"zz":1,"name":"","campaignType":"1","CallType":"2","TemplateId":"t","Mode":null,)"
                              R"("TimeWindows":"[{\"startHour\": 30},{}]","IsActive":"yes","yy":2})";
    for (const std::string& text : {windows, mixed})
        for (const atlas::options* base : {static_cast<const atlas::options*>(nullptr), static_cast<const atlas::options*>(&with_rules)}) {
            atlas::options opts = base ? *base : atlas::options{};
            const auto key = [](const atlas::diagnostic& d) { return d.rule + " " + d.path + " " + d.message; };
            std::vector<std::string> full;
            for (const auto& d : atlas::validate_request(text, opts).diagnostics)
                full.push_back(key(d));
            for (std::size_t limit = 1; limit < full.size(); ++limit) {
                CAPTURE(text);
                CAPTURE(limit);
                opts.max_diagnostics = limit;
                const auto cut = atlas::validate_request(text, opts);
                REQUIRE(cut.diagnostics.size() == limit + 1);
                // Each kept one is in the full report, after the one kept before it.
                auto from = full.begin();
                for (std::size_t k = 0; k < limit; ++k) {
                    const auto at = std::find(from, full.end(), key(cut.diagnostics[k]));
                    CHECK(at != full.end());
                    if (at != full.end())
                        from = at + 1;
                }
            }
        }
}

TEST_CASE("past max_diagnostics unknown fields and duplicate keys are still counted, and a dropped error still counts")
{
    // Two unknown fields fill the report; then another (only counted), one holding a duplicate inside it, and a
    // duplicate name: the two duplicates are errors, and take the places of the two unknown fields.
    const std::string text = outbound_with({R"("a": 1)", R"("b": 2)", R"("c": 3)", R"("d": {"k": 1, "k": 2})",
        R"("name": "again")"});
    atlas::options opts;
    opts.max_diagnostics = 2;
    const auto r = atlas::validate_request(text, opts);
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].path == "/d/k");
    CHECK(r.diagnostics[1].path == "/name");
    const auto d = expect_rule(r, "report.truncated", "", 1, 1, atlas::severity::warning);
    CHECK(contains(d.message, "4")); // a, b, c, d: warnings only
    CHECK_FALSE(r.valid());
    // One more duplicate than room for errors: it is counted, as an error.
    opts.max_diagnostics = 1;
    const auto tight = atlas::validate_request(text, opts);
    REQUIRE(tight.diagnostics.size() == 2);
    CHECK(tight.diagnostics[0].path == "/d/k");
    expect_rule(tight, "report.truncated", "", 1, 1, atlas::severity::error);
    // With room, the same payload reports all four by name.
    opts.max_diagnostics = 10;
    const auto all = atlas::validate_request(text, opts);
    CHECK(with_rule(all, "field.unknown").size() == 4);
    std::set<std::string> duplicates;
    for (const atlas::diagnostic& d : with_rule(all, "json.duplicate-key"))
        duplicates.insert(d.path);
    CHECK(duplicates == std::set<std::string>{"/d/k", "/name"});
}

TEST_CASE("text that is not JSON is one error even when max_diagnostics was reached before the break")
{
    atlas::options opts;
    opts.max_diagnostics = 1;
    const auto r = atlas::validate_request("{\"a\":1,\"b\":2,\"c\":3,", opts);
    expect_only_root_error(r, "json.syntax", 1, 20);
    expect_no_rule(r, "report.truncated");
}

// ---------------------------------------------------------------------------------------------
// What the limits keep when evictions, the text budget and a late syntax error meet.

TEST_CASE("a report that turns out not to be JSON keeps only its syntax error, whatever was evicted before")
{
    // Two places, three findings: the duplicate key's error pushes out a warning before the text breaks at "x".
    atlas::options opts;
    opts.max_diagnostics = 2;
    const auto r = atlas::validate_request(R"({"a":1,"c":1,"b":1,"b":2 x})", opts);
    expect_only_root_error(r, "json.syntax", 1, 26);
    CHECK(r.diagnostics[0].offset == 25);
    expect_no_rule(r, "report.truncated");
}

TEST_CASE("a syntax error after a kept finding of almost 4 KiB of text is reported: the text budget starts afresh")
{
    // The kept duplicate-key error spends most of the text budget; the syntax error that replaces it still fits.
    const std::string fields = R"("name":"n","campaignType":"0","TemplateId":"tpl_web_en_01","Position":"bottom-right")";
    const std::string key(3900, 'k');
    atlas::options opts;
    opts.max_diagnostics = 1;
    const auto r = atlas::validate_request("{" + fields + ",\"" + key + "\":1,\"" + key + "\":2 x}", opts);
    const auto d = expect_only_root_error(r, "json.syntax", 1, 7897);
    CHECK(d.offset == 7896);
    CHECK(contains(d.message, "\"x\" where a comma or \"}\" must follow the value"));
    expect_no_rule(r, "report.truncated");
}

TEST_CASE("a syntax error after a finding too long for the text budget is reported, not left out")
{
    // The 5001-byte duplicate key is refused by the text budget; the syntax error found later must not be.
    const std::string fields = R"("name":"n","campaignType":"0","TemplateId":"tpl_web_en_01","Position":"bottom-right")";
    const std::string key(5000, 'k');
    atlas::options opts;
    opts.max_diagnostics = 1;
    const auto r = atlas::validate_request("{" + fields + ",\"" + key + "\":1,\"" + key + "\":2 x}", opts);
    const auto d = expect_only_root_error(r, "json.syntax", 1, 10097);
    CHECK(d.offset == 10096);
    expect_no_rule(r, "report.truncated");
}

TEST_CASE("a finding too long for the text budget is only counted and cannot push out one already kept")
{
    // max_diagnostics 1: the warning for "zz" is kept; the duplicate key's error has a 5001-byte path, more than the
    // budget holds, so it is counted (as an error) and the warning stays.
    const std::string fields = R"("name":"n","campaignType":"0","TemplateId":"tpl_web_en_01","Position":"bottom-right")";
    const std::string key(5000, 'q');
    atlas::options opts;
    opts.max_diagnostics = 1;
    const auto r = atlas::validate_request("{" + fields + ",\"zz\":1,\"" + key + "\":1,\"" + key + "\":2}", opts);
    INFO(describe(r));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "field.unknown");
    CHECK(r.diagnostics[0].path == "/zz");
    CHECK(r.diagnostics[0].severity == atlas::severity::warning);
    CHECK(r.diagnostics[1].rule == "report.truncated");
    CHECK(r.diagnostics[1].severity == atlas::severity::error);
    CHECK(r.diagnostics[1].message == "2 more diagnostics were left out");
    CHECK_FALSE(r.valid());
}

TEST_CASE("text of a finding pushed out is given back to the text budget, so a long error found later fits")
{
    // max_diagnostics 3: two ~3 KB unknown-key warnings, then three "zz" (two duplicate-key errors push both
    // warnings out), then an 8001-byte duplicate key. With the warnings' text given back, that error is kept.
    const std::string fields = R"("name":"n","campaignType":"0","TemplateId":"tpl_web_en_01","Position":"bottom-right")";
    const std::string k(2950, 'k'), m(2950, 'm'), p(8000, 'p');
    const std::string text = "{" + fields + ",\"" + k + "\":1,\"" + m + "\":1,\"zz\":1,\"zz\":2,\"zz\":3,\"" + p +
                             "\":1,\"" + p + "\":2}";
    atlas::options opts;
    opts.max_diagnostics = 3;
    const auto r = atlas::validate_request(text, opts);
    INFO(describe(r));
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0].rule == "json.duplicate-key");
    CHECK(r.diagnostics[0].path == "/zz");
    CHECK(r.diagnostics[0].offset == 6003);
    CHECK(r.diagnostics[1].rule == "json.duplicate-key");
    CHECK(r.diagnostics[1].path == "/zz");
    CHECK(r.diagnostics[1].offset == 6010);
    CHECK(r.diagnostics[2].rule == "json.duplicate-key");
    CHECK(r.diagnostics[2].path == "/" + p);
    CHECK(r.diagnostics[3].rule == "report.truncated");
    CHECK(r.diagnostics[3].severity == atlas::severity::warning); // only the two warnings and their like were dropped
    CHECK(r.diagnostics[3].message == "4 more diagnostics were left out");
    expect_no_rule(r, "field.unknown");
}

TEST_CASE("past max_diagnostics a built-in error pushes out an unknown field raised by strict, not another error")
{
    atlas::options opts;
    opts.strict = true;
    opts.max_diagnostics = 2;
    const auto r = atlas::validate_request(R"({"a1":1,"name":1,"name":2})", opts);
    CHECK(in_order(r) == std::vector<std::string>{"json.duplicate-key /name 1:18", "field.type /name 1:25", "report.truncated  1:1"});
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].severity == atlas::severity::error);
    CHECK(r.diagnostics[1].severity == atlas::severity::error);
    CHECK(r.diagnostics[2].severity == atlas::severity::error);
    CHECK(r.diagnostics[2].message == "3 more diagnostics were left out");
    expect_no_rule(r, "field.unknown");
}

TEST_CASE("the report.truncated entry after TimeWindows findings takes its severity from their rule levels")
{
    const std::string fields = R"("name":"n","campaignType":"0","TemplateId":"tpl_web_en_01","Position":"bottom-right")";
    const std::string empty = "[" + window(1, 0, 1, 0) + "," + window(2, 0, 2, 0) + "," + window(3, 0, 3, 0) + "]";
    const std::string range = "[" + window(99, 0, 1, 0) + "," + window(98, 0, 2, 0) + "," + window(97, 0, 3, 0) + "]";

    // Empty windows (warnings) raised to errors: the dropped ones are errors.
    atlas::options raised;
    raised.max_diagnostics = 1;
    raised.rule_levels["time-windows.empty"] = atlas::rule_level::error;
    const auto r = atlas::validate_request("{" + fields + "," + time_windows(empty) + "}", raised);
    INFO(describe(r));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "time-windows.empty");
    CHECK(r.diagnostics[0].severity == atlas::severity::error);
    CHECK(r.diagnostics[1].rule == "report.truncated");
    CHECK(r.diagnostics[1].message == "3 more diagnostics were left out");
    CHECK(r.diagnostics[1].severity == atlas::severity::error);

    // Out-of-range hours (errors) lowered to warnings: the dropped ones are warnings and the payload is valid.
    atlas::options lowered;
    lowered.max_diagnostics = 1;
    lowered.rule_levels["time-windows.range"] = atlas::rule_level::warning;
    const auto w = atlas::validate_request("{" + fields + "," + time_windows(range) + "}", lowered);
    INFO(describe(w));
    REQUIRE(w.diagnostics.size() == 2);
    CHECK(w.diagnostics[0].rule == "time-windows.range");
    CHECK(w.diagnostics[0].severity == atlas::severity::warning);
    CHECK(w.diagnostics[1].rule == "report.truncated");
    CHECK(w.diagnostics[1].message == "3 more diagnostics were left out");
    CHECK(w.diagnostics[1].severity == atlas::severity::warning);
    CHECK(w.valid());
}

TEST_CASE("past max_diagnostics a duplicated unknown key is counted once as a duplicate and not again as unknown")
{
    // The second "b" is counted as a duplicate key only, not also as one more unknown field.
    atlas::options opts;
    opts.max_diagnostics = 1;
    const auto r = atlas::validate_request(R"({"a":1,"b":1,"b":2,"c":3})", opts);
    INFO(describe(r));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "json.duplicate-key");
    CHECK(r.diagnostics[0].path == "/b");
    CHECK(r.diagnostics[1].rule == "report.truncated");
    CHECK(r.diagnostics[1].message == "6 more diagnostics were left out");
}

TEST_CASE("white-space-only text under max_diagnostics 0 places its report.truncated entry at the end of the text")
{
    atlas::options opts;
    opts.max_diagnostics = 0;
    const auto r = atlas::validate_request("   ", opts);
    INFO(describe(r));
    REQUIRE(r.diagnostics.size() == 1);
    const auto d = expect_rule(r, "report.truncated", "", 1, 4, atlas::severity::error);
    CHECK(d.offset == 3);
}

TEST_CASE("the report's JSON form has exactly valid, errors, warnings and diagnostics")
{
    const std::string text = outbound_with({R"("Calltype": "2")", R"("DailyCallLimit": "500")", R"("Mode": null)"});
    atlas::report none;
    for (const atlas::report& r : {atlas::validate_request(text), atlas::validate_request(outbound_with({})),
             atlas::validate_request("[]"), atlas::validate_call("a/b", "k\r\n"), none}) {
        const boost::json::value v = boost::json::parse(r.to_json());
        REQUIRE(v.is_object());
        const auto& o = v.as_object();
        CHECK(o.size() == 4);
        REQUIRE(o.contains("valid"));
        REQUIRE(o.contains("errors"));
        REQUIRE(o.contains("warnings"));
        REQUIRE(o.contains("diagnostics"));
        REQUIRE(o.at("valid").is_bool());
        REQUIRE(o.at("diagnostics").is_array());
        const auto& diagnostics = o.at("diagnostics").as_array();
        CHECK(diagnostics.size() == r.diagnostics.size());
        std::int64_t errors = 0, warnings = 0;
        for (std::size_t k = 0; k < diagnostics.size(); ++k) {
            REQUIRE(diagnostics[k].is_object());
            const auto& d = diagnostics[k].as_object();
            for (const auto& member : d) {
                const std::string_view key(member.key().data(), member.key().size());
                CHECK_MESSAGE((key == "severity" || key == "path" || key == "rule" || key == "message" ||
                                  key == "hint" || key == "line" || key == "column"),
                    "unexpected key ", key);
            }
            REQUIRE(d.contains("severity"));
            REQUIRE(d.contains("path"));
            REQUIRE(d.contains("rule"));
            REQUIRE(d.contains("message"));
            const std::string_view severity = d.at("severity").as_string();
            CHECK((severity == "error" || severity == "warning"));
            (severity == "error" ? errors : warnings) += 1;
            CHECK(d.at("path").as_string() == r.diagnostics[k].path);
            CHECK(d.at("rule").as_string() == r.diagnostics[k].rule);
            CHECK(d.at("message").as_string() == r.diagnostics[k].message);
            CHECK(atlas::find_rule(std::string_view(d.at("rule").as_string())) != nullptr);
            CHECK(d.contains("hint") == !r.diagnostics[k].hint.empty());
            CHECK(d.contains("line") == d.contains("column"));
            CHECK(d.contains("line") == r.diagnostics[k].has_position());
            if (d.contains("line")) {
                CHECK(d.at("line").as_int64() == static_cast<std::int64_t>(r.diagnostics[k].line));
                CHECK(d.at("column").as_int64() == static_cast<std::int64_t>(r.diagnostics[k].column));
                CHECK(d.at("line").as_int64() >= 1);
                CHECK(d.at("column").as_int64() >= 1);
            }
        }
        CHECK(o.at("errors").as_int64() == errors);
        CHECK(o.at("warnings").as_int64() == warnings);
        CHECK(o.at("valid").as_bool() == (errors == 0));
        CHECK(r.valid() == (errors == 0));
        CHECK(r.errors() == static_cast<std::size_t>(errors));
    }
}

TEST_CASE("warnings alone leave a payload valid, one error makes it invalid")
{
    const auto warnings = atlas::validate_request(outbound_with({R"("Calltype": "2")", R"("Mode": null)", R"("ToolIds": "a,a")"}));
    CHECK(warnings.warnings() == 3);
    CHECK(warnings.errors() == 0);
    CHECK(warnings.valid());
    CHECK(contains(warnings.to_json(), R"("valid":true)"));
    const auto error = atlas::validate_request(outbound_with({R"("Calltype": "2")", R"("Mode": 1)"}));
    CHECK(error.errors() == 1);
    CHECK_FALSE(error.valid());
    CHECK(contains(error.to_json(), R"("valid":false)"));
}

TEST_CASE("diagnostics come in the order of their place in the text")
{
    const auto r = atlas::validate_request(outbound_with({R"("Mode": 1)", R"("Calltype": "2")", R"("IsActive": "no")"}));
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].line == 6);
    CHECK(r.diagnostics[1].line == 7);
    CHECK(r.diagnostics[2].line == 8);
}

TEST_CASE("diagnostics are ordered by place, ties in the order found, in short reports and long ones alike")
{
    // Only unknown keys: they are reported while reading, in text order; the missing required fields come
    // later from the rules, all placed at the root brace, so they must move to the front in their own order.
    const auto missing_only = atlas::validate_request("{}");
    REQUIRE(missing_only.diagnostics.size() >= 2);
    for (std::size_t unknown = 0; unknown <= 40; ++unknown) {
        std::string text = "{";
        for (std::size_t k = 0; k < unknown; ++k)
            text += (k ? ", \"x" : "\"x") + std::to_string(k) + "\": 1";
        text += "}";
        CAPTURE(text);
        const auto r = atlas::validate_request(text);
        REQUIRE(r.diagnostics.size() == missing_only.diagnostics.size() + unknown);
        for (std::size_t i = 0; i < missing_only.diagnostics.size(); ++i) {
            CHECK(r.diagnostics[i].path == missing_only.diagnostics[i].path);
            CHECK(r.diagnostics[i].offset == 0);
        }
        for (std::size_t k = 0; k < unknown; ++k) {
            const auto& d = r.diagnostics[missing_only.diagnostics.size() + k];
            CHECK(d.rule == "field.unknown");
            CHECK(d.path == "/x" + std::to_string(k));
        }
    }
}

TEST_CASE("to_text prints line, column, rule and hint for each diagnostic")
{
    const std::string text = outbound_with({R"("DailyCallLimit": "500")"});
    const std::string out = atlas::validate_request(text).to_text(text);
    CHECK(contains(out, "<input>:6:21: error: "));
    CHECK(contains(out, "[field.type]"));
    CHECK(contains(out, "hint: "));
    CHECK(contains(out, "invalid (1 error, 0 warnings)"));
}

TEST_CASE("to_text lets no control character or bidirectional override through, in a pointer or a source name")
{
    // An unknown key in a window written with \u escapes: ESC ] ... BEL would set a terminal's title.
    const std::string text = outbound_with({time_windows(
        R"([{"startHour":9,"startMinute":0,"endHour":17,"endMinute":0,"\u001b]0;pwned\u0007":1}])")});
    const atlas::report typed = atlas::validate(atlas::parse_request(text)); // no positions: the pointer is printed
    const std::string out = typed.to_text({}, {.source_name = "bad\x1b[31mname\n\xE2\x80\xAE.json"});
    CHECK(contains(out, "at /TimeWindows/0/\\u001b]0;pwned\\u0007"));
    CHECK(contains(out, "bad\\u001b[31mname\\u000a\\u202e.json"));
    for (const char c : out)
        CHECK((c == '\n' || static_cast<unsigned char>(c) >= 0x20));
    CHECK_FALSE(contains(out, "\xE2\x80\xAE"));
    // In messages, C1 controls and bidirectional controls are escaped as code points.
    const auto r = atlas::validate_request(outbound_with({"\"Timezone\": \"Europe/\xC2\x85\xE2\x81\xA6x\""}));
    CHECK(contains(expect_rule(r, "timezone.known", "/Timezone", 6, 15).message, R"("Europe/\u0085\u2066x")"));
}

TEST_CASE("to_json stays JSON whatever control character a key holds: each is escaped in the pointer and the message")
{
    for (int control = 0; control <= 0x7F; control = control == 0x1F ? 0x7F : control + 1) {
        CAPTURE(control);
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", control);
        const auto r = atlas::validate_request(
            std::string(R"({"name":"n","campaignType":"1","CallType":"1","TemplateId":"t",")") + escape + "\":1}");
        const std::string json = r.to_json();
        boost::json::value parsed;
        REQUIRE_NOTHROW(parsed = boost::json::parse(json));
        CHECK(std::string_view(parsed.at("diagnostics").at(0).at("path").as_string()) ==
              "/" + std::string(1, static_cast<char>(control)));
        for (const char c : json)
            CHECK(static_cast<unsigned char>(c) >= 0x20);
    }
}

TEST_CASE("to_text makes a user rule's message, hint and id printable, as to_json escapes them")
{
    // A rule that echoes a decoded value: "\u001b[31m" in the payload reaches the message as a real ESC.
    atlas::options o;
    o.add_rule("acme.echo\x1b", atlas::severity::warning, "echoes", [](const atlas::rule_context& ctx) {
        ctx.report("name", "line1\nline2 \x1b[31mred \xE2\x80\xAE rtl", "h\r\nX-Injected: 1 \xC2\x85");
    });
    const std::string text = outbound_with({});
    const atlas::report r = atlas::validate_request(text, o);
    REQUIRE(r.diagnostics.size() == 1);
    const std::string out = r.to_text(text);
    for (const char c : out)
        CHECK((c == '\n' || static_cast<unsigned char>(c) >= 0x20));
    CHECK_FALSE(contains(out, "\xE2\x80\xAE"));
    CHECK_FALSE(contains(out, "\xC2\x85"));
    CHECK(contains(out, "line1\\u000aline2 \\u001b[31mred \\u202e rtl [acme.echo\\u001b]"));
    CHECK(contains(out, "hint: h\\u000d\\u000aX-Injected: 1 \\u0085"));
    // One line per diagnostic line: the message did not split, and no line starts with the injected header.
    CHECK_FALSE(contains(out, "\nX-Injected"));
    CHECK_FALSE(contains(out, "\nline2"));
}

TEST_CASE("a line or paragraph separator in the input never splits a report line")
{
    // U+2028 in an unknown key (the pointer) and in a value echoed by a message, raw in the text.
    const std::string text = outbound_with({"\"a\xE2\x80\xA8" "b\": 1", "\"Timezone\": \"Europe/\xE2\x80\xA9" "x\""});
    const auto r = atlas::validate_request(text);
    const std::string json = r.to_json();
    CHECK_FALSE(contains(json, "\xE2\x80\xA8"));
    CHECK_FALSE(contains(json, "\xE2\x80\xA9"));
    CHECK(contains(json, R"("/a\u2028b")"));
    // C1 and bidirectional controls in a pointer are escaped in the JSON form as well.
    const auto controls = atlas::validate_request(outbound_with({"\"c\xC2\x85" "d\": 1", "\"e\xE2\x80\xAE" "f\": 2"}));
    CHECK(contains(controls.to_json(), R"("/c\u0085d")"));
    CHECK(contains(controls.to_json(), R"("/e\u202ef")"));
    CHECK(boost::json::parse(json).at("diagnostics").as_array().size() == 2); // still the same JSON
    const std::string out = r.to_text(text);
    CHECK_FALSE(contains(out, "\xE2\x80\xA8"));
    CHECK_FALSE(contains(out, "\xE2\x80\xA9"));
    CHECK(contains(out, "\\u2029")); // in the message
    // Nor a bidirectional override, in the source line printed under a diagnostic.
    const std::string bidi = outbound_with({"\"CompanyName\": 5, \"Note\": \"\xE2\x80\xAE" "abc\""});
    const std::string bidi_out = atlas::validate_request(bidi).to_text(bidi);
    CHECK_FALSE(contains(bidi_out, "\xE2\x80\xAE"));
    CHECK(contains(bidi_out, "\"Note\": \"?abc\""));
}

TEST_CASE("an invisible character in a wrong value is shown, in the message and in the source line")
{
    // "Europe/Berlin" with a zero-width space looks right: the report says what is in it. So for the other
    // invisible ones: joiners, direction marks, word joiners, a byte-order mark, U+FFFE.
    for (const auto& [bytes, escape] : {std::pair{"\xE2\x80\x8B", "\\u200b"}, {"\xE2\x80\x8D", "\\u200d"},
             {"\xE2\x80\x8F", "\\u200f"}, {"\xE2\x81\xA0", "\\u2060"}, {"\xEF\xBB\xBF", "\\ufeff"}, {"\xEF\xBF\xBE", "\\ufffe"},
             {"\xD8\x9C", "\\u061c"}, {"\xC2\xAD", "\\u00ad"}, {"\xE3\x85\xA4", "\\u3164"},
             {"\xF3\xA0\x81\x81", "\\udb40\\udc41"}}) { // the Arabic letter mark, a soft hyphen, a filler, a tag
        CAPTURE(escape);
        const std::string text = outbound_with({std::string("\"Timezone\": \"Europe/Ber") + bytes + "lin\""});
        const auto r = atlas::validate_request(text);
        CHECK(contains(expect_rule(r, "timezone.known", "/Timezone", 6, 15).message,
            std::string("\"Europe/Ber") + escape + "lin\""));
        const std::string out = r.to_text(text);
        CHECK_FALSE(contains(out, bytes));
        CHECK(contains(out, "\"Timezone\": \"Europe/Ber?lin\""));
    }
    // A visible character of the same block is printed as it is.
    const std::string replacement = outbound_with({"\"Timezone\": \"Europe/Ber\xEF\xBF\xBDlin\""});
    CHECK(contains(atlas::validate_request(replacement).to_text(replacement), "Ber\xEF\xBF\xBDlin"));
}

// =============================================================================================
// The typed path

TEST_CASE("an unknown field gets the same message and hint from the typed path as from its text")
{
    for (const std::string& text : {outbound_with({R"("partitionkey": "p")", R"("PartitionKey": "p")", R"("Calltype": "2")"})}) {
        const auto from_text = atlas::validate_request(text);
        const auto from_struct = atlas::validate(atlas::parse_request(text));
        REQUIRE(from_text.diagnostics.size() == 3);
        REQUIRE(from_struct.diagnostics.size() == 3);
        std::multiset<std::string> text_hints, typed_hints;
        for (std::size_t k = 0; k < 3; ++k) {
            text_hints.insert(from_text.diagnostics[k].path + " " + from_text.diagnostics[k].message + " " + from_text.diagnostics[k].hint);
            typed_hints.insert(from_struct.diagnostics[k].path + " " + from_struct.diagnostics[k].message + " " + from_struct.diagnostics[k].hint);
        }
        CHECK(typed_hints == text_hints);
        CHECK(contains(expect_rule(from_struct, "field.unknown", "/partitionkey", 0, 0).hint, "response field"));
    }
    const std::string response = R"({"messagesCampaign": true})";
    CHECK(contains(atlas::validate(atlas::parse_response(response)).diagnostics.at(0).hint, "request field"));
}

TEST_CASE("a number past a double's range gets the same fix on the typed path as from its text, anywhere")
{
    const auto hint_of = [](const atlas::report& r, std::string_view rule, std::string_view path) {
        for (const atlas::diagnostic& d : r.diagnostics)
            if (d.rule == rule && d.path == path)
                return d.hint;
        FAIL_CHECK("no " << rule << " at " << path << " in:\n" << describe(r));
        return std::string();
    };
    // The text path gave no hint where the typed path gave one.
    const std::string text = outbound_with({R"("x": 1e400)"});
    const std::string hint = hint_of(atlas::validate_request(text), "json.number-range", "/x");
    CHECK(contains(hint, "a double can hold"));
    CHECK(hint_of(atlas::validate(atlas::parse_request(text)), "json.number-range", "/x") == hint);
    // Inside an unknown member and inside JSON held in a string, the same; a repeated key there gets its fix too.
    const auto nested = atlas::validate_request(outbound_with({R"("x": {"y": [-1e999], "k": 1, "k": 2})",
        R"("TimeWindows": "[{\"start\": \"09:00\", \"end\": \"12:00\", \"q\": 1e400, \"q\": 0}]")"}));
    CHECK(hint_of(nested, "json.number-range", "/x/y/0") == hint);
    CHECK(hint_of(nested, "json.number-range", "/TimeWindows/0/q") == hint);
    CHECK(hint_of(nested, "json.duplicate-key", "/x/k") == "remove one of them");
    CHECK(hint_of(nested, "json.duplicate-key", "/TimeWindows/0/q") == "remove one of them");
}

TEST_CASE("the typed request gives the same rule ids as its text, without positions")
{
    const std::vector<std::string> texts = {
        payload({name_, template_, phone, inbound}),
        payload({name_, template_, phone}),
        payload({name_, template_, non_phone}),
        payload({name_, template_, non_phone, messages, bubble, R"("CallType": "1")"}),
        payload({name_, template_, non_phone, R"("MessagesCampaign": false)"}),
        payload({name_, template_, phone, outbound, R"("MessagesCampaign": true)"}),
        payload({name_, template_, phone, inbound, R"("StartDate": "2026-02-30T09:00:00Z")",
            R"("FeatureRescheduleCallEnabled": true)"}),
        payload({R"("name": "")", template_, phone, outbound, R"("FeatureAppendPreviousSummaryEnabled": true)"}),
        outbound_with({R"("StartDate": "2026-03-02T09:00:00")", R"("Timezone": "america/new_york")"}),
        outbound_with({R"("ToolIds": "a,,b, c,c")", R"("SMSTrigger": "x")", R"("Mode": null)"}),
        outbound_with({R"("DailyCallLimit": 2147483648)", R"("Calltype": "2")", R"("RedialSettings": "{")"}),
        outbound_with({time_windows("[" + window(9, 0, 12, 0) + "," + window(11, 0, 9, 0) + ",{\"startHour\":24,\"x\":1}]")}),
        outbound_with({time_windows(seed_time_windows_example())}),
        payload({R"("name": null)", template_, phone, outbound}),
    };
    for (const std::string& text : texts) {
        INFO(text);
        const auto from_text = atlas::validate_request(text);
        const atlas::update_campaign_request typed = atlas::parse_request(text);
        const auto from_struct = atlas::validate(typed);
        INFO("text:\n", describe(from_text), "typed:\n", describe(from_struct));
        CHECK(rule_ids(from_struct) == rule_ids(from_text));
        for (const atlas::diagnostic& d : from_struct.diagnostics) {
            CHECK(d.line == 0);
            CHECK(d.column == 0);
            CHECK_FALSE(d.has_position());
        }
    }
}

TEST_CASE("the typed request in strict mode makes an unknown member an error")
{
    const auto typed = atlas::parse_request(outbound_with({R"("Calltype": "2")"}));
    atlas::options strict;
    strict.strict = true;
    const auto r = atlas::validate(typed, strict);
    expect_rule(r, "field.unknown", "/Calltype", 0, 0, atlas::severity::error);
    CHECK(contains(r.diagnostics.at(0).hint, "CallType"));
}

TEST_CASE("a typed request built in code is held to what its text would be: finite numbers, UTF-8, max_depth")
{
    auto typed = atlas::parse_request(outbound_with({}));
    REQUIRE(atlas::validate(typed).valid());
    // Boost.JSON reads 1e400 as infinity; the text reader calls it json.number-range.
    typed.extra["ratio"] = boost::json::parse(R"({"a":[1,1e400]})");
    typed.extra["note"] = "caf\xC3";
    boost::json::value deep = 1;
    for (int k = 0; k < 70; ++k)
        deep = boost::json::array{deep};
    typed.extra["deep"] = deep;
    const auto r = atlas::validate(typed);
    CHECK_FALSE(r.valid());
    expect_rule(r, "json.number-range", "/ratio/a/1", 0, 0);
    expect_rule(r, "json.encoding", "/note", 0, 0);
    std::string deepest = "/deep"; // the root is depth 1, "deep" 2: the array at depth 65 is past 64
    for (int k = 0; k < 63; ++k)
        deepest += "/0";
    expect_rule(r, "json.limit", deepest, 0, 0);
    // And a field's own text.
    auto named = atlas::parse_request(outbound_with({}));
    named.name = std::string("\xFF\xFE");
    expect_rule(atlas::validate(named), "json.encoding", "/name", 0, 0);
    // The depth limit is the text's, to the level: nesting max_depth deep passes both ways, one more fails both.
    for (const int levels : {1, 2}) {
        CAPTURE(levels);
        atlas::options two;
        two.max_depth = 2;
        const std::string nested = levels == 1 ? "[]" : "[[]]";
        auto extra = atlas::parse_request(outbound_with({}));
        extra.extra["x"] = boost::json::parse(nested);
        CHECK(atlas::validate(extra, two).valid() == atlas::validate_request(outbound_with({"\"x\": " + nested}), two).valid());
        CHECK(atlas::validate(extra, two).valid() == (levels == 1));
    }
    // The same content from text is read as it is: a parsed request that was valid text stays valid.
    const std::string finite = outbound_with({R"("ratio": {"a": [1, 1e300]})"});
    CHECK(atlas::validate(atlas::parse_request(finite)).valid());
}

TEST_CASE("the typed response gives the same rule ids as its text")
{
    for (std::string_view text : {R"({"AIAssistantProvider": null, "Mode": null})",
             R"({"Timestamp": "2026-03-02", "TotalRequest": 2147483648, "Timezone": "Mars/Olympus"})",
             R"({"TimeWindows": "[{\"startHour\":1}]", "Status": ""})"}) {
        INFO(text);
        const auto from_text = atlas::validate_response(text);
        const auto from_struct = atlas::validate(atlas::parse_response(text));
        INFO("text:\n", describe(from_text), "typed:\n", describe(from_struct));
        CHECK(rule_ids(from_struct) == rule_ids(from_text));
        for (const atlas::diagnostic& d : from_struct.diagnostics)
            CHECK(d.line == 0);
    }
}

// ---------------------------------------------------------------------------------------------
// The template catalog (options::templates): TemplateId "tpl-1" on line 3, value at column 17.

TEST_CASE("with a template catalog, an unknown TemplateId is template.known and a wrong channel template.channel")
{
    atlas::options o;
    o.templates = {{"tpl-1", atlas::campaign_channel::outbound_phone, "en"},
        {"tpl-2", atlas::campaign_channel::inbound_phone, "en"}};
    expect_no_rule(atlas::validate_request(outbound_with({}), o), "template.known");
    expect_no_rule(atlas::validate_request(outbound_with({}), o), "template.channel");
    const auto inbound_payload = payload({name_, template_, phone, inbound});
    expect_rule(atlas::validate_request(inbound_payload, o), "template.channel", "/TemplateId", 3, 17);
    atlas::options other;
    other.templates = {{"tpl-9", atlas::campaign_channel::outbound_phone, "en"}};
    const auto d = expect_rule(atlas::validate_request(outbound_with({}), other), "template.known", "/TemplateId", 3, 17);
    CHECK(contains(d.hint, "tpl-9"));
    // No catalog, no template rules.
    expect_no_rule(atlas::validate_request(inbound_payload), "template.channel");
}

TEST_CASE("an unknown TemplateId as near to two catalog templates gets the first of them")
{
    atlas::options o;
    o.templates = {{"tpl-a", atlas::campaign_channel::outbound_phone, "en"},
        {"tpl-b", atlas::campaign_channel::outbound_phone, "en"}};
    const auto r = atlas::validate_request(payload({name_, R"("TemplateId": "tpl-c")", phone, outbound}), o);
    CHECK(expect_rule(r, "template.known", "/TemplateId", 3, 17).hint == "did you mean \"tpl-a\"?");
}

TEST_CASE("after a syntax error, a credential's value is masked to its end whatever brackets and quotes it holds")
{
    // Past the first syntax error only the look at the bytes masks, also in JSON held in a string (quotes \").
    const std::string secret = "SECRET-canary-9e1";
    for (const std::string& text : {
             R"({"name": oops, "TimeWindows": "[{\"api-key\": [\"x]\", \")" + secret + R"(\"]}]"})",
             R"({"name": oops, "TimeWindows": "[{\"api-key\": [1, \")" + secret + R"(\"]}]"})",
             R"({"name": oops, "api-key": [1, ")" + secret + R"("]})",
             // Names written with escapes: one that ends the key, and \\u in JSON held in a string.
             R"({"name": oops, "api-ke\u0079": ")" + secret + R"("})",
             R"({"name": oops, "Timezone": "{\"api\\u002dkey\": \")" + secret + R"(\"}"})"}) {
        CAPTURE(text);
        const auto r = atlas::validate_request(text);
        REQUIRE_FALSE(r.valid());
        const std::string out = r.to_text(text);
        CHECK(contains(out, "oops"));
        CHECK_FALSE(contains(out, secret));
    }
}

TEST_CASE("after a syntax error, masking a credential in JSON held in a string stops where its value ends")
{
    // The content's line break (\n) ends a bare value; the string's own closing quote is no quote of the content.
    for (const std::string& text : {std::string(R"({"name": oops, "TimeWindows": "{\"api-key\": 1\n\"visible\": 2}"})"),
             std::string(R"({"x": oops, "Timezone": "\"api-key\": 5", "name": "visible"})")}) {
        CAPTURE(text);
        const std::string out = atlas::validate_request(text).to_text(text);
        CHECK(contains(out, "oops"));
        CHECK(contains(out, "visible"));
    }
}

TEST_CASE("to_text masks a credential under a long prefixed name written with an escape, a number as its value")
{
    // Past 96 bytes only the JSON reading knows the name: the look at the bytes gives up on it.
    const std::string text = "{\"ATLAS_" + std::string(100, 'A') + "_api\\u002dkey\": 987654321 oops}";
    const auto r = atlas::validate_request(text);
    REQUIRE_FALSE(r.valid());
    const std::string out = r.to_text(text);
    CHECK(contains(out, "oops"));
    CHECK(contains(out, "*********"));
    CHECK_FALSE(contains(out, "987654321"));
    CHECK_FALSE(contains(r.to_json(), "987654321"));
}

TEST_CASE("to_text masks a pasted credential's value and leaves its quotes and colon as written")
{
    const std::string closed = R"({"api-key": "SECRET", "name": 1})";
    CHECK(contains(atlas::validate_request(closed).to_text(closed), R"({"api-key": "******", "name": 1})"));
    // A string cut short: from the value's start, past the colon and its space.
    const std::string cut = R"({"api-key": "SECRET)";
    const std::string out = atlas::validate_request(cut).to_text(cut);
    CHECK(contains(out, R"({"api-key": *******)"));
}

TEST_CASE("validate_call writes over every occurrence of the api-key in the id it echoes, also two that overlap")
{
    const auto r = atlas::validate_call("ababab/x", "abab");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(contains(r.diagnostics[0].message, "\"******/x\""));
}

TEST_CASE("validate_call writes over the api-key in the id it echoes when the key has a line end or spaces around it")
{
    const std::string secret = "sk_live_SECRET1234567890";
    // A key read from a file keeps its "\n" (an error of its own); the id built from a URL holds the key without it.
    for (const std::string& key : {secret + "\n", secret + "\r\n", " " + secret, "\t" + secret + " "}) {
        const auto r = atlas::validate_call("cmp-42/" + secret, key);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].rule == "call.id");
        CHECK(contains(r.diagnostics[0].message, "\"cmp-42/" + std::string(secret.size(), '*') + "\""));
        CHECK_FALSE(contains(r.to_json(), "SECRET"));
        CHECK_FALSE(contains(r.to_text(), "SECRET"));
    }
    // A short key too, once trimmed.
    CHECK(contains(atlas::validate_call("x/abc12", "abc12\n").diagnostics.at(0).message, "\"x/*****\""));
}

TEST_CASE("validate_call writes over any 8 bytes or more of the id that the api-key also holds")
{
    const std::string secret = "sk_live_SECRET1234567890";
    // A key cut short in the id, and the id's part of a key pasted with more around it.
    CHECK(contains(atlas::validate_call("sk_live_SE/x", secret).diagnostics.at(0).message, "\"**********/x\""));
    CHECK(contains(atlas::validate_call("cmp/" + secret + "\n", "Bearer " + secret + "!").diagnostics.at(0).message,
        "\"cmp/" + std::string(secret.size(), '*') + "\\u000a\""));
    // Seven bytes in common are no part of a key: ids share such runs with keys by chance.
    CHECK(contains(atlas::validate_call("campaig/x", "campaigXYZ123456").diagnostics.at(0).message, "\"campaig/x\""));
    CHECK(contains(atlas::validate_call("campaign/x", "campaignXYZ123456").diagnostics.at(0).message, "\"********/x\""));
    // Where the message cuts the id (64 code points), the part of the key before the cut is still written over.
    const auto cut = atlas::validate_call(std::string(60, 'a') + "/" + secret, secret);
    CHECK(contains(cut.diagnostics.at(0).message, std::string(60, 'a') + "/***\u2026"));
    // The key is read once, however long: a megabyte of it before the part the id holds.
    const auto long_key = atlas::validate_call("cmp/" + secret, std::string(1 << 20, 'k') + secret);
    CHECK(contains(long_key.diagnostics.at(0).message, "\"cmp/" + std::string(secret.size(), '*') + "\""));
}

TEST_CASE("validate_call writes over a short api-key in the id it echoes whatever white space or control character is around it")
{
    // Eight bytes or more are written over as a part of the key anyway; a shorter key only as it reads trimmed.
    for (const std::string& key : {std::string(" abc12"), std::string("\tabc12"), std::string(" abc12 "),
             std::string("abc12\x7f"), std::string("\x7f abc12\r\n")}) {
        CAPTURE(key);
        const auto r = atlas::validate_call("x/abc12", key);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].rule == "call.id");
        CHECK(contains(r.diagnostics[0].message, "\"x/*****\""));
    }
}

TEST_CASE("validate_call writes over the api-key as given, white space and all, where the id holds it so")
{
    CHECK(contains(atlas::validate_call("cmp/ ab", " ab").diagnostics.at(0).message, "\"cmp/***\""));
    CHECK(contains(atlas::validate_call("cmp/ab  x", "ab  ").diagnostics.at(0).message, "\"cmp/****x\""));
}

TEST_CASE("validate_call writes over an id of exactly 8 bytes that a longer api-key holds")
{
    // The id's one window of 8 bytes: "cmp-42/x" is a part of the key pasted with more around it.
    CHECK(contains(atlas::validate_call("cmp-42/x", "Xcmp-42/xY").diagnostics.at(0).message, "\"********\""));
    CHECK(contains(atlas::validate_call("cmp-42/x", "Xcmp-42/yY").diagnostics.at(0).message, "\"cmp-42/x\""));
}

TEST_CASE("validate_call writes over a part of the api-key that starts at the last code point the message shows")
{
    // 63 characters of 4 bytes, then the key's part: the 64th code point shown is the key's first byte, and the
    // bytes that make it 8 lie past the 256 that 64 code points can take.
    const std::string phone = "\xF0\x9F\x93\x9E"; // U+1F4DE
    std::string shown;
    for (int k = 0; k < 63; ++k)
        shown += phone;
    const auto r = atlas::validate_call(shown + "SECRET-1234/", "Bearer SECRET-1234");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(contains(r.diagnostics[0].message, "\"" + shown + "*\u2026\""));
    CHECK_FALSE(contains(r.diagnostics[0].message, "S\u2026"));
    // 64 such characters and more: the message shows the 64 and says that it cut the rest.
    CHECK(contains(atlas::validate_call(shown + phone + "/x", "key").diagnostics.at(0).message,
        "\"" + shown + phone + "\u2026\""));
}

TEST_CASE("a path id with both a control character and a slash is one call.id error")
{
    const auto r = atlas::validate_call("a/b\x01", "key");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "call.id");
    CHECK(contains(r.diagnostics[0].message, "control character"));
}

// =============================================================================================
// Last: the registry (test cases run in file order, so this one sees every other).

TEST_CASE("a credential pasted into a ToolIds item is masked in the hint that writes the list again")
{
    // The white-space warning's hint shows the whole list, to paste: it echoed the credential the message masked.
    const std::string secret = "SECRET-canary-41";
    const auto r = atlas::validate_request(outbound_with({R"("ToolIds": "a, api-key=)" + secret + "\""}));
    REQUIRE_FALSE(r.diagnostics.empty());
    bool whitespace = false;
    for (const atlas::diagnostic& d : r.diagnostics) {
        CHECK_FALSE(contains(d.message, secret));
        CHECK_FALSE(contains(d.hint, secret));
        whitespace = whitespace || (d.rule == "tool-ids.whitespace" && contains(d.hint, "api-key=*"));
    }
    CHECK(whitespace);
    CHECK_FALSE(contains(r.to_json(), secret));
}

TEST_CASE("a report.truncated entry names the text budget when it left out an error, not only a warning")
{
    // Under max_diagnostics 2 (8 KiB of text), a duplicate key of 9,000 bytes inside an unknown field: the short
    // unknown-field warning is kept, the error's pointer does not fit. The count has room, so the entry says the text.
    atlas::options opts;
    opts.max_diagnostics = 2;
    const std::string key = "\"" + std::string(9000, 'k') + "\"";
    const auto r = atlas::validate_request(outbound_with({"\"X\": {" + key + ": 1, " + key + ": 2}"}), opts);
    CHECK_FALSE(r.valid());
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "field.unknown");
    const atlas::diagnostic& more = r.diagnostics[1];
    CHECK(more.rule == "report.truncated");
    CHECK(more.severity == atlas::severity::error);
    CHECK(more.message == "1 more diagnostic was left out");
    CHECK(contains(more.hint, "a long key or value filled the report's text"));
}

TEST_CASE("zz: every rule of the catalog was triggered by a payload and kept quiet by a near-identical one")
{
    std::size_t count = 0;
    for (const atlas::rule_info& r : atlas::rules) {
        ++count;
        const std::string id(r.id);
        if (r.key == atlas::rule::input_unreadable)
            continue; // the CLI's, for a file it cannot read: tests/cli.cpp shows it and a readable file without it
        INFO("rule ", id);
        CHECK_MESSAGE(triggered_rules().count(id) == 1, "no test triggered ", id);
        CHECK_MESSAGE(quiet_rules().count(id) == 1, "no test showed a payload without ", id);
    }
    CHECK(count == std::size(atlas::rules));
    // Every recorded id is a rule of the catalog.
    for (const std::string& id : triggered_rules())
        CHECK_MESSAGE(atlas::find_rule(id) != nullptr, id);
}

} // TEST_SUITE("validate")
