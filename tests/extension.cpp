// The extension API: user rules, rule levels, the template catalog, profiles and options from JSON.
#include <atlas/config.hpp>
#include <atlas/convert.hpp>
#include <atlas/rule_context.hpp>
#include <atlas/validate.hpp>
#include <atlas/validate_typed.hpp>

#include "atlas_validate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string outbound = R"({
  "name": "Renewals",
  "campaignType": "1",
  "CallType": "2",
  "TemplateId": "tpl_outbound_en_01",
  "BusinessName": "northwind"
})";

std::size_t count_rule(const atlas::report& r, std::string_view id)
{
    return static_cast<std::size_t>(
        std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto& d) { return d.rule == id; }));
}

const atlas::diagnostic* find_rule(const atlas::report& r, std::string_view id)
{
    for (const auto& d : r.diagnostics)
        if (d.rule == id)
            return &d;
    return nullptr;
}

atlas::options with_catalog()
{
    atlas::options o;
    o.templates = {{"tpl_outbound_en_01", atlas::campaign_channel::outbound_phone, "en"},
        {"tpl_inbound_en_02", atlas::campaign_channel::inbound_phone, "en"},
        {"tpl_web_en_01", atlas::campaign_channel::voice_bubble, "en"}};
    return o;
}

} // namespace

TEST_SUITE("extension")
{
    TEST_CASE("a user rule sees the typed request and reports under its own id at the field's place")
    {
        atlas::options o;
        o.add_rule("acme.business-name-case", atlas::severity::error, "BusinessName starts with a capital",
            [](const atlas::rule_context& ctx) {
                const auto* request = ctx.request();
                REQUIRE(request != nullptr);
                CHECK(ctx.channel() == atlas::campaign_channel::outbound_phone);
                if (request->BusinessName && !request->BusinessName->empty() &&
                    std::islower(static_cast<unsigned char>(request->BusinessName->front())))
                    ctx.report("BusinessName", "BusinessName must start with a capital letter", "write \"Northwind\"");
                const auto place = ctx.place_of("BusinessName");
                REQUIRE(place.has_value());
                CHECK(place->line == 6);
                CHECK(place->column == 19);
            });
        const auto r = atlas::validate_request(outbound, o);
        const auto* d = find_rule(r, "acme.business-name-case");
        REQUIRE(d != nullptr);
        CHECK(d->path == "/BusinessName");
        CHECK(d->line == 6);
        CHECK(d->column == 19);
        CHECK_FALSE(r.valid());
        // The passing side: a capitalised name.
        std::string fixed = outbound;
        fixed.replace(fixed.find("northwind"), 1, "N");
        CHECK(atlas::validate_request(fixed, o).valid());
    }

    TEST_CASE("a user rule that reports at a JSON Pointer is placed at the field the pointer names")
    {
        atlas::options o;
        o.add_rule("acme.by-pointer", atlas::severity::warning, "reports by pointer", [](const atlas::rule_context& ctx) {
            ctx.report("/BusinessName", "by pointer");
            ctx.report("/BusinessName/0", "inside the field");
            ctx.report("/Position", "a field the payload lacks");
        });
        const auto r = atlas::validate_request(outbound, o);
        std::vector<const atlas::diagnostic*> mine;
        for (const auto& d : r.diagnostics)
            if (d.rule == "acme.by-pointer")
                mine.push_back(&d);
        REQUIRE(mine.size() == 3);
        // Sorted by place: the root's { first, then the BusinessName value at 6:19 (twice, in report order).
        CHECK(mine[0]->path == "/Position");
        CHECK((mine[0]->line == 1 && mine[0]->column == 1));
        CHECK(mine[1]->path == "/BusinessName");
        CHECK((mine[1]->line == 6 && mine[1]->column == 19));
        CHECK(mine[2]->path == "/BusinessName/0");
        CHECK((mine[2]->line == 6 && mine[2]->column == 19));
        // A '~' that starts no RFC 6901 escape is the character itself: the path stays a valid pointer.
        atlas::options tilde;
        tilde.add_rule("acme.tilde", atlas::severity::warning, "tildes", [](const atlas::rule_context& ctx) {
            ctx.report("/bad~2ptr/~", "a stray tilde");
            ctx.report("/a~1b~0c", "escapes kept");
        });
        std::vector<std::string> paths;
        for (const auto& d : atlas::validate_request(outbound, tilde).diagnostics)
            if (d.rule == "acme.tilde")
                paths.push_back(d.path);
        std::sort(paths.begin(), paths.end());
        CHECK(paths == std::vector<std::string>{"/a~1b~0c", "/bad~02ptr/~0"});
    }

    TEST_CASE("a user rule runs on the typed path too, and one that throws is reported instead")
    {
        atlas::options o;
        o.add_rule("acme.always", atlas::severity::warning, "always says hello",
            [](const atlas::rule_context& ctx) { ctx.report("", "hello"); });
        o.add_rule("acme.broken", atlas::severity::error, "throws", [](const atlas::rule_context&) -> void {
            throw std::runtime_error("boom");
        });
        const auto request = atlas::parse_request(outbound);
        const auto r = atlas::validate(request, o);
        CHECK(count_rule(r, "acme.always") == 1);
        CHECK(count_rule(r, "acme.broken") == 1);
        CHECK_FALSE(r.valid());

        // Out of memory in a rule is that rule's failure: the rest of the report stays.
        o.add_rule("acme.hungry", atlas::severity::warning, "throws bad_alloc", [](const atlas::rule_context&) -> void {
            throw std::bad_alloc();
        });
        std::string text = outbound;
        text.insert(text.size() - 2, ",\n  \"Colour\": 1");
        for (const atlas::report& hungry : {atlas::validate_request(text, o), atlas::validate(request, o)}) {
            CHECK(count_rule(hungry, "acme.always") == 1);
            CHECK(count_rule(hungry, "acme.broken") == 1);
            REQUIRE(count_rule(hungry, "acme.hungry") == 1);
            CHECK(count_rule(hungry, "json.limit") == 0);
            for (const atlas::diagnostic& d : hungry.diagnostics)
                if (d.rule == "acme.hungry")
                    CHECK(d.message == "the rule \"acme.hungry\" failed: out of memory");
        }
        CHECK(count_rule(atlas::validate_request(text, o), "field.unknown") == 1);
    }

    TEST_CASE("add_rule refuses a rule without an id, under a built-in rule's id, or without a check")
    {
        atlas::options o;
        const auto check = [](const atlas::rule_context& ctx) { ctx.report("", "hello"); };
        CHECK_THROWS_AS(o.add_rule("", atlas::severity::warning, "no id", check), std::invalid_argument);
        // A built-in id would take that rule's level and pass for its findings (json.syntax as a warning).
        CHECK_THROWS_AS(o.add_rule("json.syntax", atlas::severity::warning, "", check), std::invalid_argument);
        CHECK_THROWS_AS(o.add_rule("field.unknown", atlas::severity::error, "", check), std::invalid_argument);
        CHECK_THROWS_AS(o.add_rule("acme.nothing", atlas::severity::error, "", nullptr), std::invalid_argument);
        CHECK(o.user_rules.empty());
        // A new id is taken, and runs.
        o.add_rule("acme.hello", atlas::severity::warning, "", check);
        CHECK(count_rule(atlas::validate_request(outbound, o), "acme.hello") == 1);
    }

    TEST_CASE("a field of the wrong type is absent in the typed view a user rule gets")
    {
        atlas::options o;
        bool saw = false;
        o.add_rule("acme.look", atlas::severity::warning, "looks", [&](const atlas::rule_context& ctx) {
            saw = true;
            CHECK(ctx.request()->IsActive.absent());
            CHECK(ctx.failed("IsActive"));
            CHECK(ctx.request()->name.value() == "Renewals");
        });
        std::string text = outbound;
        text.insert(text.size() - 2, ",\n  \"IsActive\": \"yes\"");
        (void)atlas::validate_request(text, o);
        CHECK(saw);
    }

    TEST_CASE("a rule can be turned off or given another severity by its id")
    {
        const std::string text = R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t",)"
                                 R"("SMSTrigger":"go","Calltype":"1"})";
        CHECK(count_rule(atlas::validate_request(text), "sms.pair") == 1);
        atlas::options off;
        off.set("sms.pair", atlas::rule_level::off);
        CHECK(count_rule(atlas::validate_request(text, off), "sms.pair") == 0);
        atlas::options raised;
        raised.set("sms.pair", atlas::rule_level::error);
        const auto r = atlas::validate_request(text, raised);
        CHECK_FALSE(r.valid());
        CHECK(find_rule(r, "sms.pair")->severity == atlas::severity::error);
        // An error made a warning no longer makes the payload invalid.
        atlas::options lowered;
        lowered.set("enum.value", atlas::rule_level::warning);
        CHECK(atlas::validate_request(R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t",)"
                                      R"("Status":"x","AIAssistantProvider":"y"})",
            lowered)
                  .valid());
        // Off for one rule of a shared check keeps its siblings.
        atlas::options no_overlap;
        no_overlap.set("time-windows.overlap", atlas::rule_level::off);
        const auto windows = atlas::validate_request(
            R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","TimeWindows":)"
            R"("[{\"startHour\":9,\"startMinute\":0,\"endHour\":12,\"endMinute\":0},{\"startHour\":10,\"startMinute\":0,\"endHour\":25,\"endMinute\":0},{\"startHour\":10,\"startMinute\":0,\"endHour\":11,\"endMinute\":0}]"})",
            no_overlap);
        CHECK(count_rule(windows, "time-windows.overlap") == 0);
        CHECK(count_rule(windows, "time-windows.range") == 1);
    }

    TEST_CASE("a value a turned-down rule finds wrong still keeps the rules that read it from guessing")
    {
        const auto only_rules = [](const atlas::report& r) {
            std::vector<std::string> ids;
            for (const atlas::diagnostic& d : r.diagnostics)
                ids.push_back(d.rule);
            return ids;
        };
        using ids = std::vector<std::string>;
        for (const atlas::rule_level level : {atlas::rule_level::off, atlas::rule_level::warning}) {
            CAPTURE(static_cast<int>(level));
            const std::string shown = level == atlas::rule_level::off ? "" : "x";
            atlas::options required;
            required.set("field.required", level);
            // A missing campaignType is no channel: not a voice bubble that lacks Position.
            CHECK(only_rules(atlas::validate_request(R"({"name":"n","TemplateId":"t"})", required)) ==
                  (shown.empty() ? ids{} : ids{"field.required"}));
            atlas::options enum_value;
            enum_value.set("enum.value", level);
            CHECK(only_rules(atlas::validate_request(R"({"name":"n","TemplateId":"t","campaignType":"2"})", enum_value)) ==
                  (shown.empty() ? ids{} : ids{"enum.value"}));
            // CallType "3" is no direction: the inbound-only warning is not given as if it were outbound.
            CHECK(count_rule(atlas::validate_request(R"({"name":"n","TemplateId":"t","campaignType":"1","CallType":"3",)"
                                                     R"("FeatureAppendPreviousSummaryEnabled":true})",
                                 enum_value),
                      "channel.inbound-only") == 0);
            atlas::options type;
            type.set("field.type", level);
            // A MessagesCampaign of the wrong type leaves the channel unknown; a number is not read as "".
            const auto wrong_types = atlas::validate_request(
                R"({"name":1,"TemplateId":"t","campaignType":"0","MessagesCampaign":"true","Timezone":5,)"
                R"("DailyCallLimit":"5","TimeWindows":5})",
                type);
            for (const char* cascade : {"channel.position-required", "field.empty", "integer.literal",
                     "time-windows.syntax", "timezone.known"})
                CHECK_MESSAGE(count_rule(wrong_types, cascade) == 0, cascade);
            CHECK(count_rule(wrong_types, "field.type") == (shown.empty() ? 0u : 5u));
        }
        // Without the options, the same payloads give the same single finding as an error.
        CHECK(only_rules(atlas::validate_request(R"({"name":"n","TemplateId":"t","campaignType":"2"})")) ==
              ids{"enum.value"});
    }

    TEST_CASE("a warning raised to an error hides no finding of the rules that read its field")
    {
        // Each payload draws one warning of a channel-reading field; raised to an error, every other finding
        // must stay, only its severity may change.
        const char* payloads[] = {
            // MessagesCampaign false: still a voice bubble, so the missing Position is still an error.
            R"({"name":"x","campaignType":"0","MessagesCampaign":false,"TemplateId":"t"})",
            // An overlap in TimeWindows on an inbound campaign: still the outbound-only warning.
            R"({"name":"x","campaignType":"1","CallType":"1","TemplateId":"t","TimeWindows":)"
            R"("[{\"startHour\":9,\"startMinute\":0,\"endHour\":12,\"endMinute\":0},{\"startHour\":10,\"startMinute\":0,\"endHour\":11,\"endMinute\":0}]"})",
            // A StartDate without an offset on an inbound campaign: still the outbound-only warning.
            R"({"name":"x","campaignType":"1","CallType":"1","TemplateId":"t","StartDate":"2027-01-01T09:00:00"})",
        };
        for (const char* text : payloads) {
            CAPTURE(text);
            const atlas::report plain = atlas::validate_request(text);
            REQUIRE_FALSE(plain.diagnostics.empty());
            for (const atlas::diagnostic& warning : plain.diagnostics) {
                if (warning.severity != atlas::severity::warning)
                    continue;
                CAPTURE(warning.rule);
                atlas::options raised;
                raised.set(warning.rule, atlas::rule_level::error);
                const atlas::report r = atlas::validate_request(text, raised);
                REQUIRE(r.diagnostics.size() == plain.diagnostics.size());
                for (std::size_t i = 0; i < r.diagnostics.size(); ++i)
                    CHECK(r.diagnostics[i].rule == plain.diagnostics[i].rule);
            }
        }
        // The strict profile raises every warning: the voice bubble keeps its Position error.
        const auto strict = atlas::validate_request(payloads[0], *atlas::profile("strict"));
        CHECK(count_rule(strict, "channel.position-required") == 1);
        CHECK(count_rule(strict, "channel.messages-false") == 1);
    }

    TEST_CASE("the rules of text that cannot be read, and the call's, keep their level: such text or call is never valid")
    {
        for (const char* id : {"json.syntax", "json.encoding", "json.root", "json.limit"}) {
            CAPTURE(id);
            atlas::options o;
            o.set(id, atlas::rule_level::off);
            o.max_depth = 3;
            for (const std::string_view text : {std::string_view("{"), std::string_view("[]"),
                     std::string_view("\xEF\xBB\xBF{}"), std::string_view(R"({"a":[[[1]]]})")}) {
                const auto r = atlas::validate_request(text, o);
                CHECK_FALSE(r.valid());
                REQUIRE(r.diagnostics.size() == 1);
                CHECK(r.diagnostics[0].severity == atlas::severity::error);
            }
            atlas::options read;
            const std::string error = atlas::read_options(R"({"rules":{")" + std::string(id) + R"(":"warning"}})", read);
            CHECK(error.find("cannot be changed") != std::string::npos);
            CHECK(atlas::read_options(R"({"rules":{")" + std::string(id) + R"(":"error"}})", read).empty());
        }
        // report.truncated takes its level from what it counts: setting one is refused too.
        atlas::options truncated;
        CHECK(atlas::read_options(R"({"rules":{"report.truncated":"off"}})", truncated).find("no level of its own") !=
              std::string::npos);
        // The call's rules too: an SDK that forwards its users' configuration must not let a CR/LF into a header.
        for (const char* id : {"call.api-key", "call.id"}) {
            CAPTURE(id);
            for (const atlas::rule_level level : {atlas::rule_level::off, atlas::rule_level::warning}) {
                atlas::options o;
                o.set(id, level);
                const auto r = atlas::validate_call("cmp/1", "k\r\nX-Evil: 1", o);
                CHECK_FALSE(r.valid());
                CHECK(r.errors() == 2);
            }
            atlas::options read;
            CHECK(atlas::read_options(R"({"rules":{")" + std::string(id) + R"(":"off"}})", read).find("HTTP request") !=
                  std::string::npos);
        }
        // The other rules of the text can still be turned off.
        atlas::options duplicates_allowed;
        CHECK(atlas::read_options(R"({"rules":{"json.duplicate-key":"off"}})", duplicates_allowed).empty());
        CHECK(atlas::validate_request(R"({"name":"n","name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t"})",
            duplicates_allowed)
                  .valid());
    }

    TEST_CASE("with a template catalog, TemplateId must be in it and fit the payload's channel")
    {
        const auto o = with_catalog();
        CHECK(atlas::validate_request(outbound, o).valid());
        std::string typo = outbound;
        typo.replace(typo.find("tpl_outbound_en_01"), 18, "tpl_outbund_en_01");
        const auto unknown = atlas::validate_request(typo, o);
        REQUIRE(find_rule(unknown, "template.known") != nullptr);
        CHECK(find_rule(unknown, "template.known")->hint.find("tpl_outbound_en_01") != std::string::npos);
        std::string inbound_template = outbound;
        inbound_template.replace(inbound_template.find("tpl_outbound_en_01"), 18, "tpl_inbound_en_02");
        const auto mismatch = atlas::validate_request(inbound_template, o);
        REQUIRE(find_rule(mismatch, "template.channel") != nullptr);
        CHECK(find_rule(mismatch, "template.channel")->path == "/TemplateId");
        // Without a catalog, neither rule runs.
        CHECK(atlas::validate_request(typo).valid());
    }

    TEST_CASE("the template catalog reads from JSON, with the seed's channel words")
    {
        atlas::options p;
        // A misspelt channel: the contract's own name for it, else the list of the words that do.
        CHECK(atlas::read_options(R"({"templates":[{"id":"t","channel":"voice bubble"}]})", p).find(
                  "did you mean \"web\"?") != std::string::npos);
        CHECK(atlas::read_options(R"({"templates":[{"id":"t","channel":"SMS"}]})", p).find("\"messages\"") !=
              std::string::npos);
        CHECK(atlas::read_options(R"({"templates":[{"id":"t","channel":"phone"}]})", p).find(
                  R"((one of "inbound", "outbound", "web", "messages"))") != std::string::npos);
        std::vector<atlas::template_info> catalog;
        CHECK(atlas::read_template_catalog(R"({"templates":[{"id":"a","channel":"web","language":"de"},)"
                                           R"({"id":"b","channel":"messages"}]})",
                  catalog) == "");
        REQUIRE(catalog.size() == 2);
        CHECK(catalog[0].channel == atlas::campaign_channel::voice_bubble);
        CHECK(catalog[0].language == "de");
        CHECK(catalog[1].channel == atlas::campaign_channel::messages);
        std::vector<atlas::template_info> bad;
        CHECK(atlas::read_template_catalog(R"([{"id":"a","channel":"outbond"}])", bad).find("\"outbound\"") !=
              std::string::npos);
        CHECK_FALSE(atlas::read_template_catalog("[", bad).empty());
        // One id, one entry: with two, the channel the payload is held to would depend on their order.
        std::vector<atlas::template_info> twice;
        CHECK(atlas::read_template_catalog(R"([{"id":"t","channel":"inbound"},{"id":"t","channel":"outbound"}])", twice)
                  .find("template 1 repeats the id \"t\" of template 0") != std::string::npos);
        CHECK(atlas::read_options(R"({"templates":[{"id":"t","channel":"web"},{"id":"u","channel":"web"},)"
                                  R"({"id":"t","channel":"web"}]})",
                  p)
                  .find("repeats the id \"t\"") != std::string::npos);
        // A later catalog's template replaces an earlier one of the same id; a refused catalog changes nothing.
        std::vector<atlas::template_info> more = catalog;
        CHECK(atlas::read_template_catalog(R"([{"id":"b","channel":"inbound"},{"id":"c","channel":"web"}])", more).empty());
        REQUIRE(more.size() == 3);
        CHECK((more[1].id == "b" && more[1].channel == atlas::campaign_channel::inbound_phone));
        CHECK((more[2].id == "c" && more[2].channel == atlas::campaign_channel::voice_bubble));
        CHECK_FALSE(atlas::read_template_catalog(R"([{"id":"d","channel":"web"},{"id":"d","channel":"web"}])", more).empty());
        CHECK(more.size() == 3);
    }

    TEST_CASE("the strict profile makes warnings errors; server-compatible turns them off")
    {
        const std::string text =
            R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t","SMSTrigger":"go","Calltype":"1"})";
        CHECK(atlas::validate_request(text).valid());
        const auto strict = atlas::validate_request(text, *atlas::profile("strict"));
        CHECK_FALSE(strict.valid());
        CHECK(find_rule(strict, "field.unknown")->severity == atlas::severity::error);
        CHECK(find_rule(strict, "sms.pair")->severity == atlas::severity::error);
        // The profile's unknown-field errors come from `strict`, so a config may take them back.
        atlas::options back;
        REQUIRE(atlas::read_options(R"({"profile":"strict","strict":false})", back).empty());
        CHECK(find_rule(atlas::validate_request(text, back), "field.unknown")->severity == atlas::severity::warning);
        CHECK(find_rule(atlas::validate_request(text, back), "sms.pair")->severity == atlas::severity::error);
        // A response's unknown field stays a warning (servers add fields); its other warnings become errors.
        const auto response = atlas::validate_response(R"({"NewServerField":1,"Mode":null})", *atlas::profile("strict"));
        CHECK(find_rule(response, "field.unknown")->severity == atlas::severity::warning);
        CHECK(find_rule(response, "field.null")->severity == atlas::severity::error);
        const auto server = atlas::validate_request(text, *atlas::profile("server-compatible"));
        CHECK(server.valid());
        CHECK(server.diagnostics.empty());
        CHECK_FALSE(atlas::profile("lenient").has_value());
    }

    TEST_CASE("strict mode makes unknown request fields errors whatever level a profile or config gives them")
    {
        const std::string text = R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t","Foo":1})";
        atlas::options server = *atlas::profile("server-compatible");
        CHECK(atlas::validate_request(text, server).diagnostics.empty()); // off without strict
        server.strict = true;
        const auto strict_server = atlas::validate_request(text, server);
        REQUIRE(strict_server.diagnostics.size() == 1);
        CHECK(strict_server.diagnostics[0].rule == "field.unknown");
        CHECK(strict_server.diagnostics[0].severity == atlas::severity::error);
        atlas::options off;
        off.set("field.unknown", atlas::rule_level::off);
        off.strict = true;
        CHECK_FALSE(atlas::validate_request(text, off).valid());
        // A response's unknown fields follow the level: servers add fields, strict or not.
        const std::string response = R"({"id":"c1","name":"a","Foo":1})";
        CHECK(atlas::validate_response(response, off).diagnostics.empty());
    }

    TEST_CASE("options read from JSON, and a wrong key or rule id gets a did-you-mean")
    {
        atlas::options o;
        CHECK(atlas::read_options(R"({"profile":"server-compatible","strict":true,)"
                                  R"("allowed_values":{"Position":["bottom-right"]},"rules":{"field.null":"error"},)"
                                  R"("templates":[{"id":"t","channel":"web"}],"max_depth":10,"max_diagnostics":5})",
                  o) == "");
        CHECK(o.strict);
        CHECK(o.allowed_values.at("Position").size() == 1);
        CHECK(o.rule_levels.at("field.null") == atlas::rule_level::error);
        CHECK(o.rule_levels.at("sms.pair") == atlas::rule_level::off); // from the profile
        CHECK(o.templates.size() == 1);
        CHECK(o.max_depth == 10);
        CHECK(o.max_diagnostics == 5);
        atlas::options p;
        CHECK(atlas::read_options(R"({"stict":true})", p).find("\"strict\"") != std::string::npos);
        CHECK(atlas::read_options(R"({"rules":{"sms.pairs":"off"}})", p).find("\"sms.pair\"") != std::string::npos);
        CHECK_FALSE(atlas::read_options(R"({"rules":{"sms.pair":"loud"}})", p).empty());
        CHECK_FALSE(atlas::read_options(R"({"allowed_values":{"name":["x"]}})", p).empty());
        // A value that can never pass, or one given twice, is a mistake in the file.
        CHECK(atlas::read_options(R"({"allowed_values":{"Position":["a",""]}})", p).find("field.empty") != std::string::npos);
        CHECK(atlas::read_options(R"({"allowed_values":{"Position":["a","b","a"]}})", p).find("lists \"a\" twice") !=
              std::string::npos);
        // A value registered before (by allow() or an earlier config) is merged, not repeated.
        atlas::options q;
        q.allow("Position", {"a"});
        CHECK(atlas::read_options(R"({"allowed_values":{"Position":["a","b"]}})", q).empty());
        CHECK(q.allowed_values.at("Position") == std::vector<std::string>{"a", "b"});
        // allow() merges the same way, and leaves out "": every message listed ("a", "a", "b").
        q.allow("Position", {"b", "", "c", "c"});
        CHECK(q.allowed_values.at("Position") == std::vector<std::string>{"a", "b", "c"});
        const auto listed = atlas::validate_request(R"({"name":"n","campaignType":"0","TemplateId":"t","Position":"d"})", q);
        REQUIRE(listed.diagnostics.size() == 1);
        CHECK(listed.diagnostics[0].message.find(R"(("a", "b", "c"))") != std::string::npos);
        // A profile in a file starts over for all a file can set, but keeps the user rules, which only code can add.
        atlas::options coded;
        coded.add_rule("acme.always", atlas::severity::error, "always", [](const atlas::rule_context& ctx) {
            ctx.report("name", "always");
        });
        CHECK(atlas::read_options(R"({"profile":"default"})", coded).empty());
        REQUIRE(coded.user_rules.size() == 1);
        CHECK_FALSE(atlas::validate_request(R"({"name":"n","campaignType":"0","TemplateId":"t"})", coded).valid());
        // A refused file leaves the options as they were, whatever it read before its mistake.
        CHECK_FALSE(atlas::read_options(R"({"strict":true,"allowed_values":{"Position":["c"]},"rules":{"sms.pair":"loud"}})", q).empty());
        CHECK_FALSE(q.strict);
        CHECK(q.allowed_values.at("Position").size() == 3);
        CHECK_FALSE(atlas::read_options(R"({"max_depth":0})", p).empty());
        CHECK_FALSE(atlas::read_options("[]", p).empty());
        // A key given twice is refused, at any depth, as in a payload: nobody should guess which one wins.
        CHECK(atlas::read_options(R"({"strict":true,"strict":false})", p).find("repeat the key \"strict\"") !=
              std::string::npos);
        CHECK_FALSE(atlas::read_options(R"({"rules":{"sms.pair":"off","sms.p\u0061ir":"error"}})", p).empty());
        std::vector<atlas::template_info> catalog;
        CHECK_FALSE(atlas::read_template_catalog(R"([{"id":"a","id":"b","channel":"web"}])", catalog).empty());
        CHECK(atlas::read_template_catalog(R"([{"id":"a","channel":"web"},{"id":"b","channel":"web"}])", catalog).empty());
    }

    TEST_CASE("a refused options file or template catalog masks a credential its keys or values echo")
    {
        // A probe: the CLI printed, and the C ABI returned, a pasted "api-key: ..." from the file's rule name.
        atlas::options o;
        for (const std::string_view file : {R"({"rules":{"x api-key: SECRET-1":"off"}})",
                 R"({"templates":[{"id":"a","channel":"api-key=SECRET-1"}]})", R"({"profile":"api_key: SECRET-1"})",
                 R"({"allowed_values":{"Position":["a"],"api-key: SECRET-1":["b"]}})"}) {
            const std::string problem = atlas::read_options(file, o);
            CHECK_FALSE(problem.empty());
            CHECK_MESSAGE(problem.find("SECRET-1") == std::string::npos, problem);
            CHECK_MESSAGE(problem.find("api") != std::string::npos, problem); // the name stays: the reader can find it
        }
        std::vector<atlas::template_info> catalog;
        const std::string problem =
            atlas::read_template_catalog(R"([{"id":"a","channel":"api-key: SECRET-1"}])", catalog);
        CHECK_FALSE(problem.empty());
        CHECK_MESSAGE(problem.find("SECRET-1") == std::string::npos, problem);
    }

    TEST_CASE("a template catalog refuses an entry that is no object, an empty id or a language that is no string")
    {
        std::vector<atlas::template_info> catalog = {{"kept", atlas::campaign_channel::messages, ""}};
        CHECK(atlas::read_template_catalog(R"([1])", catalog).find("template 0 must be an object") != std::string::npos);
        CHECK(atlas::read_template_catalog(R"([{"id":"a","channel":"web"},"b"])", catalog)
                  .find("template 1 must be an object") != std::string::npos);
        // TemplateId must be a non-empty string: a template of id "" could never be named by a payload.
        CHECK(atlas::read_template_catalog(R"([{"id":"","channel":"web"}])", catalog).find("needs an \"id\" string") !=
              std::string::npos);
        CHECK(atlas::read_template_catalog(R"([{"id":"a","channel":"web","language":1}])", catalog)
                  .find("\"language\" must be a string") != std::string::npos);
        CHECK(atlas::read_template_catalog(R"([{"id":"a","channel":"web","language":null}])", catalog)
                  .find("\"language\" must be a string") != std::string::npos);
        // Each was refused whole: the catalog is as it was.
        REQUIRE(catalog.size() == 1);
        CHECK(catalog[0].id == "kept");
        atlas::options o;
        CHECK_FALSE(atlas::read_options(R"({"templates":[{"id":"","channel":"inbound"}]})", o).empty());
        CHECK(o.templates.empty());
    }

    TEST_CASE("a misspelt channel in any case gets the contract's word for it")
    {
        std::vector<atlas::template_info> catalog;
        for (const auto& [written, meant] : {std::pair<std::string_view, std::string_view>{"SMS", "messages"},
                 {"Sms", "messages"}, {"Voice Bubble", "web"}, {"VOICE_BUBBLE", "web"}, {"Bubble", "web"}}) {
            CAPTURE(written);
            const std::string problem =
                atlas::read_template_catalog(R"([{"id":"a","channel":")" + std::string(written) + R"("}])", catalog);
            CHECK(problem.find("did you mean \"" + std::string(meant) + "\"?") != std::string::npos);
        }
        CHECK(catalog.empty());
    }

    TEST_CASE("allowed_values names the open enums once each, and a near name gets a did-you-mean")
    {
        atlas::options o;
        const std::string problem = atlas::read_options(R"({"allowed_values":{"Positon":["a"]}})", o);
        // Status and FirstMessageMode are open enums of the request and of the response: listed once.
        CHECK(problem.find("(Position, EnrichmentInfoProvider, Status, FirstMessageMode)") != std::string::npos);
        CHECK(problem.find("did you mean \"Position\"?") != std::string::npos);
        CHECK(o.allowed_values.empty());
    }

    TEST_CASE("options from JSON: \"off\" turns a rule off, a user rule takes a level, and every size limit is read")
    {
        const std::string sms_only = R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t","SMSTrigger":"go"})";
        REQUIRE(find_rule(atlas::validate_request(sms_only), "sms.pair") != nullptr);
        atlas::options off;
        REQUIRE(atlas::read_options(R"({"rules":{"sms.pair":"off"}})", off).empty());
        CHECK(off.rule_levels.at("sms.pair") == atlas::rule_level::off);
        CHECK(atlas::validate_request(sms_only, off).diagnostics.empty()); // off: not even a warning
        // A user rule added in code can be given a level by the file, as the built-in ones are.
        atlas::options coded;
        coded.add_rule("acme.always", atlas::severity::error, "always", [](const atlas::rule_context& ctx) {
            ctx.report("name", "always");
        });
        REQUIRE(atlas::read_options(R"({"rules":{"acme.always":"warning"}})", coded).empty());
        CHECK(coded.rule_levels.at("acme.always") == atlas::rule_level::warning);
        const auto warned =
            atlas::validate_request(R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t"})", coded);
        CHECK(warned.valid());
        REQUIRE(find_rule(warned, "acme.always") != nullptr);
        CHECK(find_rule(warned, "acme.always")->severity == atlas::severity::warning);
        // The four limits, each from its own key.
        atlas::options limits;
        REQUIRE(atlas::read_options(
                    R"({"max_input_bytes":1000,"max_depth":7,"max_string_bytes":300,"max_diagnostics":9})", limits)
                    .empty());
        CHECK(limits.max_input_bytes == 1000);
        CHECK(limits.max_depth == 7);
        CHECK(limits.max_string_bytes == 300);
        CHECK(limits.max_diagnostics == 9);
        const auto long_name = atlas::validate_request(
            R"({"name":")" + std::string(400, 'n') + R"(","campaignType":"0","MessagesCampaign":true,"TemplateId":"t"})",
            limits);
        CHECK_FALSE(long_name.valid());
        CHECK(atlas::validate_request(
            R"({"name":")" + std::string(200, 'n') + R"(","campaignType":"0","MessagesCampaign":true,"TemplateId":"t"})",
            limits)
                  .valid());
    }

    TEST_CASE("a profile that is no string is refused, and the options stay as they were")
    {
        atlas::options o;
        o.strict = true;
        for (const std::string_view file : {R"({"profile":1})", R"({"profile":null})", R"({"profile":["strict"]})"}) {
            CAPTURE(file);
            CHECK(atlas::read_options(file, o) == "\"profile\" must be a string");
        }
        CHECK(o.strict);
        CHECK(o.rule_levels.empty());
    }

    TEST_CASE("a profile's rule levels are ones a config file may give: report.truncated has none of its own")
    {
        // What a profile sets, written back as a file's "rules" (an SDK that forwards its users' settings), reads back.
        for (const std::string_view name : atlas::profile_names) {
            CAPTURE(name);
            const auto named = atlas::profile(name);
            REQUIRE(named.has_value());
            CHECK_FALSE(named->rule_levels.contains("report.truncated"));
            std::string file = R"({"profile":")" + std::string(name) + R"(","rules":{)";
            bool first = true;
            for (const auto& [id, level] : named->rule_levels) {
                file += (first ? "\"" : ",\"") + id + "\":\"" +
                        (level == atlas::rule_level::off ? "off" : level == atlas::rule_level::warning ? "warning" : "error") +
                        "\"";
                first = false;
            }
            file += "}}";
            atlas::options read;
            CHECK(atlas::read_options(file, read) == "");
            CHECK(read.rule_levels == named->rule_levels);
            CHECK(read.strict == named->strict);
        }
    }

    TEST_CASE("the CLI takes --profile and --config FILE")
    {
        const std::string text =
            R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"tpl_x","SMSTrigger":"go"})";
        auto run = [&](std::vector<std::string_view> args) {
            std::istringstream in(text);
            std::ostringstream out, err;
            const int status = atlas::cli::run(args, in, out, err);
            return std::pair{status, out.str() + err.str()};
        };
        CHECK(run({"-"}).first == 0);
        CHECK(run({"--profile", "strict", "-"}).first == 1);
        CHECK(run({"--profile", "nope", "-"}).first == 2);
        // The last --profile wins whole, strictness included; --strict holds wherever it stands.
        CHECK(run({"--profile", "strict", "--profile", "default", "-"}).first == 0);
        const auto run_unknown_field = [](std::vector<std::string_view> args) {
            std::istringstream in(R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t","Colour":1})");
            std::ostringstream out, err;
            return atlas::cli::run(args, in, out, err);
        };
        CHECK(run_unknown_field({"--profile", "default", "-"}) == 0);
        CHECK(run_unknown_field({"--profile", "strict", "--profile", "default", "-"}) == 0);
        CHECK(run_unknown_field({"--strict", "--profile", "default", "-"}) == 1);
        CHECK(run_unknown_field({"--profile", "default", "--strict", "-"}) == 1);
        const std::string config = "atlas-test-config.json";
        std::ofstream(config) << R"({"templates":[{"id":"tpl_y","channel":"messages"}]})";
        const auto with_catalog = run({"--config", config, "--format", "json", "-"});
        CHECK(with_catalog.first == 1);
        CHECK(with_catalog.second.find("template.known") != std::string::npos);
        // A second config applies over the first: the same allowed value again is no repeat, and a template of
        // the same id replaces the earlier one.
        const std::string second = "atlas-test-config-2.json";
        std::ofstream(config) << R"({"allowed_values":{"Position":["a"]},"templates":[{"id":"tpl_x","channel":"inbound"}]})";
        std::ofstream(second) << R"({"allowed_values":{"Position":["a"]},"templates":[{"id":"tpl_x","channel":"messages"}]})";
        CHECK(run({"--config", config, "--config", config, "-"}).first == 1); // tpl_x is for inbound: wrong channel
        CHECK(run({"--config", config, "--config", second, "-"}).first == 0);
        std::remove(second.c_str());
        std::ofstream(config) << R"({"rulez":{}})";
        const auto bad = run({"--config", config, "-"});
        CHECK(bad.first == 2);
        CHECK(bad.second.find("did you mean \"rules\"?") != std::string::npos);
        // What the refusal echoes of the file is masked as a report is (a probe: it printed a pasted credential).
        std::ofstream(config) << R"({"rules":{"x api-key: SECRET-1":"off"}})";
        const auto pasted = run({"--config", config, "-"});
        CHECK(pasted.first == 2);
        CHECK(pasted.second.find("unknown rule") != std::string::npos);
        CHECK(pasted.second.find("SECRET-1") == std::string::npos);
        // The largest input limit there is reads the input whole (limit + 1 wrapped to 0 and emptied it).
        std::ofstream(config) << R"({"max_input_bytes":18446744073709551615})";
        CHECK(run({"--config", config, "-"}).first == 0);
        // A config of several MiB (a large template catalog) is read whole, as read_options reads it.
        {
            std::ofstream big(config);
            big << R"({"templates":[)";
            for (int i = 0; i < 40000; ++i)
                big << (i ? "," : "") << R"({"id":"tpl_)" << i << R"(","channel":"outbound","language":"en"})";
            big << R"(,{"id":"tpl_x","channel":"messages"}]})";
        }
        const auto big_catalog = run({"--config", config, "--format", "json", "-"});
        CHECK(big_catalog.first == 0);
        CHECK(big_catalog.second.find("not JSON") == std::string::npos);
        // Past the payloads' default limit (64 MiB) a config is refused, not read on: /dev/zero ends in a message.
        {
            std::ofstream huge(config);
            huge << R"({"profile":")" << std::string((64u << 20) + 1, 'x') << R"("})";
        }
        const auto too_big = run({"--config", config, "-"});
        CHECK(too_big.first == 2);
        CHECK(too_big.second.find("is larger than 67108864 bytes") != std::string::npos);
        std::remove(config.c_str());
        if (std::ifstream("/dev/zero").is_open())
            CHECK(run({"--config", "/dev/zero", "-"}).first == 2);
        CHECK(run({"--config", "/nonexistent/config.json", "-"}).first == 2);
    }

    TEST_CASE("a user rule sees no channel on a response or when campaignType is unusable")
    {
        std::vector<std::optional<atlas::campaign_channel>> seen;
        atlas::options o;
        o.add_rule("u.ch", atlas::severity::warning, "records the channel",
            [&seen](const atlas::rule_context& ctx) { seen.push_back(ctx.channel()); });
        atlas::validate_response(R"({"campaignType":"0"})", o);
        atlas::validate_request(R"({"name":"n","campaignType":"x","TemplateId":"t","IsActive":1,"Mode":true})", o);
        atlas::validate_request(R"({"name":"n","campaignType":"0","TemplateId":"t","Position":"bottom-right"})", o);
        REQUIRE(seen.size() == 3);
        CHECK_FALSE(seen[0].has_value()); // a response has no channel
        CHECK_FALSE(seen[1].has_value()); // "x" is not a campaignType
        CHECK(seen[2] == atlas::campaign_channel::voice_bubble); // the passing side
    }

    TEST_CASE("a user rule asking about a name that is not a field gets no place and no failure")
    {
        int ran = 0;
        atlas::options o;
        o.add_rule("u.unknown", atlas::severity::warning, "asks about a name that is no field",
            [&ran](const atlas::rule_context& ctx) {
                ++ran;
                CHECK_FALSE(ctx.place_of("nope").has_value());
                CHECK_FALSE(ctx.place_of("").has_value());
                CHECK_FALSE(ctx.failed("nope"));
                CHECK_FALSE(ctx.failed(""));
            });
        const auto r = atlas::validate_request(outbound, o);
        CHECK(r.diagnostics.empty());
        atlas::validate_response(R"({"campaignType":"0"})", o); // a response's fields, and a typed request's
        atlas::update_campaign_request typed;
        typed.name = "n";
        atlas::validate(typed, o);
        CHECK(ran == 3);

        // The passing side: a field of the request has a place, and a failed one says so.
        atlas::options known;
        known.add_rule("u.known", atlas::severity::warning, "asks about fields", [&ran](const atlas::rule_context& ctx) {
            ++ran;
            CHECK(ctx.place_of("BusinessName").has_value());
            CHECK_FALSE(ctx.failed("BusinessName"));
            CHECK(ctx.failed("IsActive"));
        });
        std::string text = outbound;
        text.insert(text.rfind('}'), ",\"IsActive\": 1");
        atlas::validate_request(text, known);
        CHECK(ran == 4);
    }

    TEST_CASE("a user rule that reports an empty message gets its rule's default message")
    {
        atlas::options o;
        o.add_rule("u.ptr", atlas::severity::warning, "reports with no message",
            [](const atlas::rule_context& ctx) { ctx.report("name", ""); });
        const auto r = atlas::validate_request(outbound, o);
        REQUIRE(r.diagnostics.size() == 1);
        const auto& d = r.diagnostics[0];
        CHECK(d.rule == "u.ptr");
        CHECK(d.path == "/name");
        CHECK(d.severity == atlas::severity::warning);
        CHECK(d.message == "the rule \"u.ptr\" reports this");
        CHECK(count_rule(r, "report.truncated") == 0);
    }

    TEST_CASE("a user rule's report takes the severity its rule level gives it")
    {
        atlas::options o;
        o.add_rule("u.lvl", atlas::severity::warning, "reports IsActive",
            [](const atlas::rule_context& ctx) { ctx.report("IsActive", "lvl"); });
        const auto w = atlas::validate_request(outbound, o);
        REQUIRE(count_rule(w, "u.lvl") == 1);
        CHECK(find_rule(w, "u.lvl")->severity == atlas::severity::warning);
        CHECK(w.valid());
        o.rule_levels["u.lvl"] = atlas::rule_level::error;
        const auto e = atlas::validate_request(outbound, o);
        REQUIRE(count_rule(e, "u.lvl") == 1);
        CHECK(find_rule(e, "u.lvl")->severity == atlas::severity::error);
        CHECK(find_rule(e, "u.lvl")->path == "/IsActive");
        CHECK(find_rule(e, "u.lvl")->message == "lvl");
        CHECK_FALSE(e.valid());
    }

    TEST_CASE("a warning rule that throws is reported as an error: the check did not run")
    {
        atlas::options o;
        o.add_rule("u.throw", atlas::severity::warning, "throws", [](const atlas::rule_context&) { throw 1; });
        const auto r = atlas::validate_request(outbound, o);
        REQUIRE(count_rule(r, "u.throw") == 1);
        const auto* d = find_rule(r, "u.throw");
        CHECK(d->severity == atlas::severity::error);
        CHECK(d->message == "the rule \"u.throw\" failed");
        CHECK_FALSE(r.valid());
    }

    TEST_CASE("past max_diagnostics a user rule's error takes the place of a warning strict mode raised")
    {
        // An error is an error, the catalog's or the user's: a full report gives up an unknown field that strict
        // mode made an error before either (a mutation run ranked user errors with the raised warnings).
        atlas::options o;
        o.strict = true;
        o.max_diagnostics = 1;
        o.add_rule("u.err", atlas::severity::error, "always reports the name",
            [](const atlas::rule_context& ctx) { ctx.report("name", "the name is wrong"); });
        std::string text = outbound;
        text.insert(text.rfind('}'), ",\"a1\": 1");
        const auto r = atlas::validate_request(text, o);
        REQUIRE(r.diagnostics.size() == 2);
        CHECK(r.diagnostics[0].rule == "u.err");
        CHECK(r.diagnostics[0].severity == atlas::severity::error);
        CHECK(r.diagnostics[1].rule == "report.truncated");
        CHECK(r.diagnostics[1].severity == atlas::severity::error); // the unknown field left out is an error
        // A warning rule's finding does not: the raised unknown field stays.
        atlas::options w = o;
        w.user_rules.clear();
        w.add_rule("u.warn", atlas::severity::warning, "always reports the name",
            [](const atlas::rule_context& ctx) { ctx.report("name", "the name looks odd"); });
        const auto kept = atlas::validate_request(text, w);
        REQUIRE(kept.diagnostics.size() == 2);
        CHECK(kept.diagnostics[0].rule == "field.unknown");
    }

    TEST_CASE("a user rule turned off is never called")
    {
        int calls = 0;
        atlas::options o;
        o.add_rule("u.off", atlas::severity::warning, "counts its calls",
            [&calls](const atlas::rule_context&) { ++calls; });
        atlas::validate_request(outbound, o);
        CHECK(calls == 1); // the passing side
        o.rule_levels["u.off"] = atlas::rule_level::off;
        const auto r = atlas::validate_request(outbound, o);
        CHECK(calls == 1);
        CHECK(r.diagnostics.empty());
    }

    TEST_CASE("a user rule sees a number too large for an integer field as absent")
    {
        int ran = 0;
        atlas::options o;
        o.add_rule("u.big", atlas::severity::warning, "reads DailyCallLimit", [&ran](const atlas::rule_context& ctx) {
            ++ran;
            REQUIRE(ctx.request() != nullptr);
            const auto& limit = ctx.request()->DailyCallLimit;
            CHECK(limit.absent());
            CHECK_FALSE(limit.has_value());
        });
        std::string text = outbound;
        text.insert(text.rfind('}'), ",\"DailyCallLimit\": 99999999999999999999");
        atlas::validate_request(text, o);
        CHECK(ran == 1);
    }

    TEST_CASE("a user rule sees a null member as null and an escaped string decoded")
    {
        int ran = 0;
        atlas::options o;
        o.add_rule("u.read", atlas::severity::warning, "reads Mode and CompanyName",
            [&ran](const atlas::rule_context& ctx) {
                ++ran;
                REQUIRE(ctx.request() != nullptr);
                const auto& request = *ctx.request();
                CHECK(request.Mode.state() == atlas::presence::null);
                REQUIRE(request.CompanyName.has_value());
                CHECK(*request.CompanyName == "a\"b\\c");
            });
        std::string text = outbound;
        text.insert(text.rfind('}'), R"(,"Mode": null, "CompanyName": "a\"b\\c")");
        atlas::validate_request(text, o);
        CHECK(ran == 1);
    }
}
