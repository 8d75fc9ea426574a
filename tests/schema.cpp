// The JSON Schema export: the checked-in schemas/*.schema.json are the generator's output, the
// schema has the structure its users rely on, follows the field and rule tables, and (read by a
// small evaluator of the keywords it uses) accepts what atlas accepts on the channel table.
// The full differential test against ajv is scripts/ci-ajv.sh.
#include <atlas/config.hpp>
#include <atlas/schema.hpp>
#include <atlas/validate.hpp>

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace json = boost::json;

std::string read_file(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Compares with schemas/NAME; ATLAS_UPDATE_SCHEMAS=1 rewrites the file instead (review the diff!).
void check_schema_file(const std::string& name, const std::string& generated)
{
    const auto path = std::filesystem::path(ATLAS_SOURCE_DIR) / "schemas" / name;
    if (std::getenv("ATLAS_UPDATE_SCHEMAS")) {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << generated;
        MESSAGE("updated " << path.string());
        return;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(path), "missing " << path.string());
    INFO("regenerate with: ATLAS_UPDATE_SCHEMAS=1 build/tests/atlas-tests -ts=schema, and review the diff");
    CHECK(read_file(path) == generated);
}

std::string text_of(const json::value& v)
{
    return std::string(v.as_string().data(), v.as_string().size());
}

std::vector<std::string> strings_of(const json::value& v)
{
    std::vector<std::string> out;
    for (const json::value& e : v.as_array())
        out.emplace_back(e.as_string());
    return out;
}

std::set<std::string> listed_rule_ids(const json::object& schema)
{
    std::set<std::string> ids;
    for (const json::value& r : schema.at("x-atlas-rules").as_array())
        ids.emplace(r.at("id").as_string());
    return ids;
}

// ---------------------------------------------------------------------------------------------
// A small evaluator of the assertion keywords the exported schema uses (type, enum, const, not,
// minLength, minimum, maximum, pattern, required, properties, allOf, if/then/else). Annotations
// (format, content*) are ignored: the payloads given to it do not depend on them.

bool has_type(const json::value& v, std::string_view type)
{
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_bool();
    if (type == "string") return v.is_string();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "integer") return v.is_int64() || v.is_uint64();
    return v.is_number();
}

std::size_t code_points(json::string_view s)
{
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool conforms(const json::value& v, const json::object& s)
{
    if (const json::value* type = s.if_contains("type")) {
        bool any = false;
        if (type->is_string())
            any = has_type(v, type->as_string());
        else
            for (const json::value& t : type->as_array())
                any = any || has_type(v, t.as_string());
        if (!any)
            return false;
    }
    if (const json::value* values = s.if_contains("enum")) {
        const json::array& a = values->as_array();
        if (std::find(a.begin(), a.end(), v) == a.end())
            return false;
    }
    if (const json::value* c = s.if_contains("const"); c && *c != v)
        return false;
    if (const json::value* n = s.if_contains("not"); n && conforms(v, n->as_object()))
        return false;
    if (v.is_string()) {
        const json::value* min = s.if_contains("minLength");
        if (min && code_points(v.as_string()) < min->to_number<std::size_t>())
            return false;
        if (const json::value* p = s.if_contains("pattern")) {
            const std::regex pattern(std::string(p->as_string()), std::regex::ECMAScript); // JSON Schema's dialect
            if (!std::regex_search(std::string(v.as_string()), pattern))
                return false;
        }
    }
    if (v.is_number()) {
        if (const json::value* m = s.if_contains("minimum"); m && v.to_number<double>() < m->to_number<double>())
            return false;
        if (const json::value* m = s.if_contains("maximum"); m && v.to_number<double>() > m->to_number<double>())
            return false;
    }
    if (v.is_object()) {
        const json::object& o = v.as_object();
        if (const json::value* r = s.if_contains("required"))
            for (const json::value& name : r->as_array())
                if (!o.contains(name.as_string()))
                    return false;
        if (const json::value* p = s.if_contains("properties"))
            for (const auto& property : p->as_object())
                if (const json::value* member = o.if_contains(property.key());
                    member && !conforms(*member, property.value().as_object()))
                    return false;
    }
    if (const json::value* all = s.if_contains("allOf"))
        for (const json::value& sub : all->as_array())
            if (!conforms(v, sub.as_object()))
                return false;
    if (const json::value* condition = s.if_contains("if")) {
        const char* branch = conforms(v, condition->as_object()) ? "then" : "else";
        if (const json::value* b = s.if_contains(branch); b && !conforms(v, b->as_object()))
            return false;
    }
    return true;
}

} // namespace

TEST_SUITE("schema")
{
    TEST_CASE("schemas/*.schema.json are exactly what json_schema generates")
    {
        check_schema_file("request.schema.json", atlas::json_schema<atlas::update_campaign_request>());
        check_schema_file("response.schema.json", atlas::json_schema<atlas::campaign_response>());
    }

    TEST_CASE("the request schema: Draft 2020-12, an object of the 40 fields, three required, unknown fields allowed")
    {
        const json::value parsed = json::parse(atlas::json_schema<atlas::update_campaign_request>());
        const json::object& s = parsed.as_object();
        CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
        CHECK(s.at("type") == "object");
        CHECK(s.at("additionalProperties") == true);
        const json::object& properties = s.at("properties").as_object();
        REQUIRE(properties.size() == std::size(atlas::request_fields));
        std::size_t i = 0;
        for (const auto& p : properties) // in the seed's order
            CHECK(p.key() == atlas::request_fields[i++].name);
        CHECK(strings_of(s.at("required")) == std::vector<std::string>{"name", "campaignType", "TemplateId"});
        // The channel table: phone, else non-phone with messages or voice bubble inside.
        CHECK(s.at("if").at("properties").at("campaignType").at("const") == "1");
        CHECK(s.at("else").at("if").at("properties").at("campaignType").at("const") == "0");
        CHECK(s.contains("then"));
    }

    TEST_CASE("the response schema: 53 fields, odata.etag by its wire name, nothing required, no channel rules")
    {
        const json::value parsed = json::parse(atlas::json_schema<atlas::campaign_response>());
        const json::object& s = parsed.as_object();
        CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
        const json::object& properties = s.at("properties").as_object();
        CHECK(properties.size() == std::size(atlas::response_fields));
        CHECK(properties.contains("odata.etag"));
        CHECK_FALSE(s.contains("required"));
        CHECK_FALSE(s.contains("if"));
        CHECK(s.at("additionalProperties") == true);
        // Response-side types: campaignType is a plain string, AIAssistantProvider "atlas" or null.
        CHECK_FALSE(properties.at("campaignType").as_object().contains("enum"));
        CHECK(properties.at("AIAssistantProvider").at("enum") == json::parse(R"(["atlas", null])"));
        const std::set<std::string> ids = listed_rule_ids(s);
        CHECK_FALSE(ids.contains("channel.outbound-only")); // request rules are not listed for a response
        CHECK_FALSE(ids.contains("sms.pair"));
        CHECK(ids.contains("timezone.known"));
    }

    TEST_CASE("each property follows its row of the field table")
    {
        const json::value parsed = json::parse(atlas::json_schema<atlas::update_campaign_request>());
        const json::object& properties = parsed.at("properties").as_object();
        for (const atlas::field_info& f : atlas::request_fields) {
            CAPTURE(f.name);
            const json::object& p = properties.at(f.name).as_object();
            const json::value& type = p.at("type");
            // Optional fields accept null (read as omitted, a warning); required ones do not.
            CHECK(type.is_array() == !f.required);
            if (!f.description.empty()) // the seed's words first (atlas may add its own after them)
                CHECK(text_of(p.at("description")).starts_with(f.description));
            switch (f.kind) {
            case atlas::value_kind::closed_enum: {
                std::vector<std::string> wires;
                for (const atlas::enum_value& v : f.values)
                    wires.emplace_back(v.wire);
                json::array values = p.at("enum").as_array();
                if (!f.required) {
                    CHECK(values.back().is_null());
                    values.pop_back();
                }
                CHECK(strings_of(values) == wires);
                break;
            }
            case atlas::value_kind::integer:
                CHECK(p.at("minimum") == f.min);
                CHECK(p.at("maximum") == f.max);
                break;
            case atlas::value_kind::date_time: CHECK(p.at("format") == "date-time"); break;
            case atlas::value_kind::json_text: CHECK(p.at("contentMediaType") == "application/json"); break;
            case atlas::value_kind::time_windows: {
                const json::value& window = p.at("contentSchema").at("items");
                CHECK(strings_of(window.at("required")) ==
                      std::vector<std::string>{"startHour", "startMinute", "endHour", "endMinute"});
                CHECK(window.at("properties").at("endHour").at("maximum") == 23);
                CHECK(window.at("properties").at("endMinute").at("maximum") == 59);
                break;
            }
            case atlas::value_kind::open_enum:
            case atlas::value_kind::non_empty_text:
            case atlas::value_kind::time_zone: CHECK(p.at("minLength") == 1); break;
            default: break;
            }
        }
    }

    TEST_CASE("a value given to allow that is no UTF-8 still leaves the schema JSON, with U+FFFD in its place")
    {
        atlas::options o;
        o.allow("Position", {"bottom-\xff", "ok"});
        const std::string schema = atlas::json_schema<atlas::update_campaign_request>(o);
        boost::system::error_code ec;
        const json::value parsed = json::parse(schema, ec);
        REQUIRE_FALSE(ec);
        const json::array& values = parsed.at("properties").at("Position").at("enum").as_array();
        CHECK(std::find(values.begin(), values.end(), json::value("bottom-\xef\xbf\xbd")) != values.end());
        CHECK(std::find(values.begin(), values.end(), json::value("ok")) != values.end());
    }

    TEST_CASE("x-atlas-rules lists exactly the rules of a request the schema cannot state")
    {
        const json::value parsed = json::parse(atlas::json_schema<atlas::update_campaign_request>());
        const std::set<std::string> ids = listed_rule_ids(parsed.as_object());
        for (std::string_view id : {"json.duplicate-key", "json.limit", "timezone.known", "integer.literal",
                 "datetime.format", "time-windows.overlap", "tool-ids.duplicate", "channel.outbound-only", "sms.pair",
                 "field.null", "field.unknown"})
            CHECK_MESSAGE(ids.contains(std::string(id)), id);
        for (std::string_view id : {"field.type", "field.required", "enum.value", "integer.range",
                 "channel.call-type-required", "channel.position-omit", "tool-ids.empty-item", "call.api-key",
                 "report.truncated"})
            CHECK_MESSAGE(!ids.contains(std::string(id)), id);
        for (const json::value& r : parsed.at("x-atlas-rules").as_array()) {
            const atlas::rule_info* rule = atlas::find_rule(r.at("id").as_string());
            REQUIRE(rule != nullptr);
            // The template rules check nothing without a template catalog in the options: off.
            const bool needs_catalog = rule->key == atlas::rule::template_known || rule->key == atlas::rule::template_channel;
            CHECK(text_of(r.at("severity")) == (needs_catalog ? "off" : atlas::to_string(rule->severity)));
            CHECK(text_of(r.at("description")) == rule->description);
            CHECK_FALSE(r.at("note").as_string().empty());
        }
    }

    TEST_CASE("options narrow the schema as they narrow validation")
    {
        atlas::options strict;
        strict.strict = true;
        strict.allow("Position", {"bottom-right", "bottom-left"});
        const json::value request = json::parse(atlas::json_schema<atlas::update_campaign_request>(strict));
        CHECK(request.at("additionalProperties") == false);
        CHECK_FALSE(listed_rule_ids(request.as_object()).contains("field.unknown"));
        CHECK(request.at("properties").at("Position").at("enum") ==
              json::parse(R"(["bottom-right", "bottom-left", null])"));
        // Responses keep unknown fields as warnings even in strict mode.
        CHECK(json::parse(atlas::json_schema<atlas::campaign_response>(strict)).at("additionalProperties") == true);
    }

    TEST_CASE("allowed_values written directly narrow the schema as they narrow validation: empty stays open, \"\" never passes")
    {
        // options::allowed_values is a public map: code may fill it without allow(), repeats and "" included.
        atlas::options o;
        o.allowed_values["Position"] = {}; // nothing registered: any non-empty string passes
        o.allowed_values["Status"] = {"draft", "", "live", "draft"}; // "" is field.empty's; a repeat is one value
        const std::string bubble = R"({"name":"n","campaignType":"0","TemplateId":"t","Position":"anywhere"})";
        CHECK(atlas::validate_request(bubble, o).valid());
        CHECK_FALSE(atlas::validate_request(R"({"name":"n","campaignType":"0","TemplateId":"t","Position":"p","Status":""})", o)
                        .valid());
        const json::value request = json::parse(atlas::json_schema<atlas::update_campaign_request>(o));
        const json::object& position = request.at("properties").at("Position").as_object();
        CHECK_FALSE(position.contains("enum"));
        CHECK(position.at("minLength") == 1);
        CHECK(conforms(json::parse(bubble), request.as_object()));
        CHECK(request.at("properties").at("Status").at("enum") == json::parse(R"(["draft", "live", null])"));
        const json::value response = json::parse(atlas::json_schema<atlas::campaign_response>(o));
        CHECK(response.at("properties").at("Status").at("enum") == json::parse(R"(["draft", "live", null])"));
    }

    TEST_CASE("rule levels of the options show in the schema: null, unknown fields and the listed severities")
    {
        // The strict profile: null is an error, so optional fields no longer take it (AIAssistantProvider's null is
        // a value); the warnings listed become errors.
        const atlas::options strict = *atlas::profile("strict");
        const json::value request = json::parse(atlas::json_schema<atlas::update_campaign_request>(strict));
        CHECK(request.at("properties").at("Mode").at("type") == "boolean");
        CHECK(request.at("additionalProperties") == false);
        const std::set<std::string> ids = listed_rule_ids(request.as_object());
        CHECK_FALSE(ids.contains("field.null"));
        for (const json::value& r : request.at("x-atlas-rules").as_array()) {
            CHECK_MESSAGE(text_of(r.at("severity")) == (text_of(r.at("id")).starts_with("template.") ? "off" : "error"),
                text_of(r.at("id")));
            // A note never calls an error "a warning": it names the default level, where the schema's reason lies.
            const std::string note = text_of(r.at("note"));
            CHECK_MESSAGE((!note.starts_with("a warning") || note.starts_with("a warning by default")), note);
        }
        bool offset_listed = false;
        for (const json::value& r : request.at("x-atlas-rules").as_array())
            if (r.at("id") == "datetime.offset") {
                offset_listed = true;
                CHECK(text_of(r.at("note")) ==
                      "a warning by default, not stated: without an offset the server's time zone decides");
            }
        CHECK(offset_listed);
        // With a catalog the template rules run, at their level under the options.
        atlas::options with_catalog = strict;
        with_catalog.templates.push_back({"tpl_1", atlas::campaign_channel::voice_bubble, "en"});
        with_catalog.set("template.channel", atlas::rule_level::warning);
        std::map<std::string, std::string> template_levels;
        const json::value cataloged = json::parse(atlas::json_schema<atlas::update_campaign_request>(with_catalog));
        for (const json::value& r : cataloged.at("x-atlas-rules").as_array())
            template_levels[text_of(r.at("id"))] = text_of(r.at("severity"));
        CHECK(template_levels["template.known"] == "error");
        CHECK(template_levels["template.channel"] == "warning");
        const json::value response = json::parse(atlas::json_schema<atlas::campaign_response>(strict));
        CHECK(response.at("properties").at("AIAssistantProvider").at("enum") == json::parse(R"(["atlas", null])"));
        CHECK(response.at("properties").at("Timestamp").at("type") == "string");
        CHECK(response.at("additionalProperties") == true); // servers add fields
        // A payload with null is what validation under the same options rejects.
        CHECK_FALSE(atlas::validate_request(R"({"name":"n","campaignType":"0","TemplateId":"t","Position":"p","Mode":null})",
            strict).valid());

        // An explicit level: unknown response fields as errors; a warning turned off is listed as off.
        atlas::options levels;
        levels.set("field.unknown", atlas::rule_level::error).set("sms.pair", atlas::rule_level::off);
        const json::value response_levels = json::parse(atlas::json_schema<atlas::campaign_response>(levels));
        CHECK(response_levels.at("additionalProperties") == false);
        const json::value request_levels = json::parse(atlas::json_schema<atlas::update_campaign_request>(levels));
        for (const json::value& r : request_levels.at("x-atlas-rules").as_array()) {
            if (r.at("id") == "sms.pair") {
                CHECK(r.at("severity") == "off");
                CHECK(r.at("note") == "a warning by default, not stated");
            }
            if (r.at("id") == "tool-ids.whitespace") { // at its default level, the note as it stands
                CHECK(r.at("severity") == "warning");
                CHECK(r.at("note") == "a warning, not stated");
            }
        }
        // Default options: null stays allowed.
        CHECK(json::parse(atlas::json_schema<atlas::update_campaign_request>()).at("properties").at("Mode").at("type") ==
              json::parse(R"(["boolean", "null"])"));
    }

    TEST_CASE("the schema and atlas agree on the channel table, crossed")
    {
        const json::value schema = json::parse(atlas::json_schema<atlas::update_campaign_request>());
        const std::vector<std::optional<std::string>> campaign_types{"1", "0", "2", std::nullopt};
        const std::vector<std::string> call_types{"", "null", "\"1\"", "\"2\"", "\"3\""};
        const std::vector<std::string> messages{"", "null", "true", "false", "\"true\""};
        const std::vector<std::string> positions{"", "null", "\"bottom-right\"", "\"\"", "5"};
        int checked = 0;
        for (const auto& t : campaign_types)
            for (const std::string& ct : call_types)
                for (const std::string& m : messages)
                    for (const std::string& p : positions) {
                        std::string text = R"({"name": "n", "TemplateId": "t")";
                        if (t)
                            text += R"(, "campaignType": ")" + *t + "\"";
                        if (!ct.empty())
                            text += ", \"CallType\": " + ct;
                        if (!m.empty())
                            text += ", \"MessagesCampaign\": " + m;
                        if (!p.empty())
                            text += ", \"Position\": " + p;
                        text += "}";
                        CAPTURE(text);
                        CHECK(conforms(json::parse(text), schema.as_object()) == atlas::validate_request(text).valid());
                        ++checked;
                    }
        CHECK(checked == 500);
    }

    TEST_CASE("the ToolIds pattern rejects exactly the lists with an empty item")
    {
        const json::value schema = json::parse(atlas::json_schema<atlas::update_campaign_request>());
        const json::object& tool_ids = schema.at("properties").at("ToolIds").as_object();
        for (std::string_view list : {"", "a", "a,b", "a b", "a, b", " a", "a\t", "a,a", ",", "a,", ",a", "a,,b", " ",
                 "a, ,b", "\t", "a,\t", ", "}) {
            CAPTURE(list);
            const std::string text = R"({"name":"n","campaignType":"1","CallType":"1","TemplateId":"t","ToolIds":)" +
                                     json::serialize(json::value(json::string(list))) + "}";
            CHECK(conforms(json::value(json::string(list)), tool_ids) == atlas::validate_request(text).valid());
        }
    }

    TEST_CASE("to_indented_json: two spaces, flat arrays on one line, a final newline")
    {
        const json::value v = json::parse(R"({"a":[1,"x",null],"b":{},"c":[],"d":[{"e":true}],"f":"é\n\""})");
        CHECK(atlas::to_indented_json(v) ==
              "{\n  \"a\": [1, \"x\", null],\n  \"b\": {},\n  \"c\": [],\n"
              "  \"d\": [\n    {\n      \"e\": true\n    }\n  ],\n"
              "  \"f\": \"é\\n\\\"\"\n}\n");
        CHECK(json::parse(atlas::to_indented_json(v)) == v);
    }
}
