#include <atlas/convert.hpp>
#include <atlas/validate_typed.hpp>
#include <atlas/validator.hpp>

#include <doctest/doctest.h>

#include "allocation_limit.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_example(const std::string& name)
{
    std::ifstream in(std::string(ATLAS_EXAMPLES_DIR) + "/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_SUITE("validator")
{
    TEST_CASE("an allocation that fails anywhere in a validation gives the out-of-memory report, never a crash")
    {
        // The reader's own storage too (nested objects of many keys, keys with escapes, deep arrays): it threw
        // bad_alloc through noexcept functions, and the process aborted where the report should say "out of memory".
        std::string many_keys;
        for (int i = 0; i < 40; ++i)
            many_keys += (i == 0 ? "" : ",") + std::string("\"k\\u00e9") + std::to_string(i) + "\": {\"a\": 1, \"b\": [1]}";
        const std::string text = R"({"name": "n", "campaignType": "1", "CallType": "2", "TemplateId": "t", "Calltype": 1, )"
                                 R"("TimeWindows": "[{\"startHour\": 25}, {}]", "ToolIds": "a,a,,b", "Timezone": "Europe/Pari", )"
                                 R"("x": {)" + many_keys + R"(}, "deep": )" + std::string(24, '[') + "1" + std::string(24, ']') + "}";
        const atlas::report full = atlas::validate_request(text);
        REQUIRE(full.errors() >= 3);
        std::size_t needed = 0;
        {
            const atlas_test::allocation_limit counting(1u << 30);
            (void)atlas::validate_request(text);
            needed = counting.allocations();
        }
        REQUIRE(needed > 20);
        atlas::validator reused;
        std::size_t out_of_memory = 0;
        for (std::size_t n = 0; n < needed; ++n) {
            CAPTURE(n);
            for (const bool fresh : {true, false}) {
                atlas::report r;
                {
                    const atlas_test::allocation_limit fail_after(n);
                    r = fresh ? atlas::validate_request(text) : reused.validate_request(text);
                }
                CHECK_FALSE(r.valid());
                if (r.diagnostics.size() == 1 && r.diagnostics[0].message == "out of memory") {
                    CHECK(r.diagnostics[0].rule == "json.limit");
                    out_of_memory += fresh;
                } else
                    CHECK(r.to_json() == full.to_json()); // the failure came where nothing depends on it
            }
        }
        CHECK(out_of_memory > needed / 2);
        CHECK(reused.validate_request(text).to_json() == full.to_json()); // and the validator is whole after it
    }

    TEST_CASE("a reused validator gives the same reports as the free functions, payload after payload")
    {
        const std::vector<std::string> names{"valid/outbound-phone.json", "invalid/wrong-types.json",
            "valid/voice-bubble.json", "invalid/outbound-time-windows.json", "invalid/not-json.json",
            "valid/messages.json", "invalid/voice-bubble-mistakes.json", "valid/inbound-phone.json"};
        atlas::validator v;
        for (int round = 0; round < 3; ++round)
            for (const auto& name : names) {
                CAPTURE(name);
                const std::string text = read_example(name);
                CHECK(v.validate_request(text).to_json() == atlas::validate_request(text).to_json());
            }
        const std::string response = read_example("response/campaign-updated.json");
        CHECK(v.validate_response(response).to_json() == atlas::validate_response(response).to_json());
        CHECK(v.validate_response(response).valid());
    }

    TEST_CASE("a reused validator switching between requests and responses reports each payload as a fresh one would")
    {
        // After a clean payload only the slots it read are reset, and the two sides have different slot tables: a
        // field left over from the other side, or a type check skipped on the reader's word, would show here.
        const std::string response = read_example("response/campaign-updated.json");
        std::vector<std::string> requests;
        for (const char* name : {"valid/outbound-phone.json", "invalid/wrong-types.json", "valid/voice-bubble.json",
                 "valid/messages.json", "invalid/voice-bubble-mistakes.json", "valid/inbound-phone.json"})
            requests.push_back(read_example(name));
        // The same fields once right and once of the wrong type, one after the other.
        const std::string right = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","DailyCallLimit":5,"IsActive":true})";
        const std::string wrong = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","DailyCallLimit":"5","IsActive":1})";
        requests.insert(requests.end(), {right, wrong, right, wrong, wrong});
        atlas::validator v;
        for (int round = 0; round < 2; ++round)
            for (const std::string& request : requests) {
                CAPTURE(request);
                CHECK(v.validate_response(response).to_json() == atlas::validate_response(response).to_json());
                CHECK(v.validate_request(request).to_json() == atlas::validate_request(request).to_json());
                CHECK(v.validate_request(response).to_json() == atlas::validate_request(response).to_json());
                CHECK(v.validate_response(request).to_json() == atlas::validate_response(request).to_json());
            }
        CHECK(v.validate_request(right).valid());
        CHECK(v.validate_request(wrong).errors() == 2);
    }

    TEST_CASE("the entry points without options check exactly as with default options")
    {
        const atlas::options defaults;
        std::vector<std::string> texts{R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t","X":1})"};
        for (const char* name : {"valid/outbound-phone.json", "invalid/wrong-types.json",
                 "invalid/phone-without-call-type.json", "invalid/voice-bubble-mistakes.json", "invalid/not-json.json"})
            texts.push_back(read_example(name));
        for (const std::string& text : texts) {
            CAPTURE(text);
            CHECK(atlas::validate_request(text).to_json() == atlas::validate_request(text, defaults).to_json());
            CHECK(atlas::validate_response(text).to_json() == atlas::validate_response(text, defaults).to_json());
        }
        // Requests and responses are told apart: channel rules apply to requests only.
        const std::string phone = read_example("invalid/phone-without-call-type.json");
        CHECK_FALSE(atlas::validate_request(phone).valid());
        CHECK(atlas::validate_request(phone).to_json() != atlas::validate_response(phone).to_json());

        atlas::update_campaign_request request = atlas::parse_request(read_example("valid/outbound-phone.json"));
        request.Timezone = std::string("Europe/Berln");
        CHECK_FALSE(atlas::validate(request).valid());
        CHECK(atlas::validate(request).to_json() == atlas::validate(request, defaults).to_json());
        const atlas::campaign_response response = atlas::parse_response(read_example("response/campaign-updated.json"));
        CHECK(atlas::validate(response).to_json() == atlas::validate(response, defaults).to_json());
        atlas::campaign_call call;
        call.id = std::string("a/b");
        call.api_key = std::string("key\r\n");
        CHECK_FALSE(atlas::validate(call).valid());
        CHECK(atlas::validate(call).to_json() == atlas::validate(call, defaults).to_json());
        CHECK(atlas::validate_call("a/b", "key\r\n").to_json() == atlas::validate_call("a/b", "key\r\n", defaults).to_json());
    }

    TEST_CASE("a validator keeps its options")
    {
        atlas::options strict;
        strict.strict = true;
        atlas::validator v(strict);
        const std::string text = R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t","X":1})";
        CHECK_FALSE(v.validate_request(text).valid());
        v.options().strict = false;
        CHECK(v.validate_request(text).valid());
    }

    TEST_CASE("a large payload does not poison the validator for the next ones")
    {
        atlas::validator v;
        std::string big = R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t","ScriptBase":")";
        big.append(2u << 20, 'x');
        big += "\"}";
        CHECK(v.validate_request(big).valid());
        CHECK(v.validate_request(read_example("valid/inbound-phone.json")).valid());
        CHECK_FALSE(v.validate_request(read_example("invalid/wrong-types.json")).valid());
    }

    TEST_CASE("a reused validator reports each payload's own null, missing and channel-only fields, whatever came before")
    {
        // The rule pass visits only the fields the reader wrote (for null: the ones it set to null), so a field of
        // the payload before must not be reported again, and one of this payload must not be missed.
        const std::string inbound = R"({"name": "a", "TemplateId": "t", "campaignType": "1", "CallType": "1")";
        const std::string null_field = inbound + R"(, "EndCallMessage": null})";
        const std::string null_then_text = inbound + R"(, "EndCallMessage": null, "EndCallMessage": "bye"})";
        const std::string outbound_field = inbound + R"(, "FeatureRescheduleCallEnabled": true})";
        const std::string no_name = R"({"TemplateId": "t", "campaignType": "1", "CallType": "1"})";
        const std::string null_name = R"({"name": null, "TemplateId": "t", "campaignType": "1", "CallType": "1"})";
        const auto found = [](const atlas::report& r) {
            std::vector<std::string> rules;
            for (const atlas::diagnostic& d : r.diagnostics)
                rules.push_back(d.rule + " " + d.path);
            return rules;
        };
        using list = std::vector<std::string>;
        atlas::validator v;
        for (int round = 0; round < 2; ++round) {
            CAPTURE(round);
            CHECK(found(v.validate_request(null_field)) == list{"field.null /EndCallMessage"});
            CHECK(found(v.validate_request(inbound + "}")).empty());
            CHECK(found(v.validate_request(null_then_text)) == list{"json.duplicate-key /EndCallMessage"});
            CHECK(found(v.validate_request(outbound_field)) == list{"channel.outbound-only /FeatureRescheduleCallEnabled"});
            CHECK(found(v.validate_request(inbound + "}")).empty());
            CHECK(found(v.validate_request(no_name)) == list{"field.required /name"});
            CHECK(found(v.validate_request(null_name)) == list{"field.required /name"}); // not field.null as well
            CHECK(found(v.validate_request(null_field)) == list{"field.null /EndCallMessage"});
        }
    }

    TEST_CASE("a reused validator notes a did-you-mean's field as given only when this payload gives it")
    {
        // The first payload's unknown "nme" names "name", which it lacks; the second's unknown key at the same place
        // names "CallType", which it lacks too, while it has "name": its hint must not say its field is given.
        const std::string first = R"({"nme": "x"})";
        const std::string second = R"({"Calltype": "1", "name": "a", "TemplateId": "t", "campaignType": "0"})";
        const auto hint_of_unknown = [](const atlas::report& r) {
            for (const atlas::diagnostic& d : r.diagnostics)
                if (d.rule == "field.unknown")
                    return d.hint;
            return std::string("(none)");
        };
        const std::string fresh = hint_of_unknown(atlas::validate_request(second));
        CHECK(fresh == "did you mean \"CallType\"?");
        atlas::validator v;
        CHECK(hint_of_unknown(v.validate_request(first)) == "did you mean \"name\"?");
        CHECK(hint_of_unknown(v.validate_request(second)) == fresh);
    }

    TEST_CASE("a reused validator with a rule turned off still checks the next payload's fields as a fresh one would")
    {
        // A mutation run found it: field.required off still marks the missing field failed (so that rules reading
        // it do not guess), nothing is reported, and the next payload's campaignType was never checked.
        atlas::options opts;
        opts.rule_levels["field.required"] = atlas::rule_level::off;
        const std::string bogus = R"({"name":"x","campaignType":"bogus","TemplateId":"t"})";
        const atlas::report fresh = atlas::validate_request(bogus, opts);
        REQUIRE(fresh.diagnostics.size() == 1);
        CHECK(fresh.diagnostics[0].rule == "enum.value");
        atlas::validator v(opts);
        for (const char* before : {"{}", R"({"name":"x"})", R"({"TemplateId":"t","CallType":"1"})"}) {
            CAPTURE(before);
            CHECK(v.validate_request(before).valid());
            const atlas::report reused = v.validate_request(bogus);
            REQUIRE(reused.diagnostics.size() == 1);
            CHECK(reused.diagnostics[0].rule == "enum.value");
            CHECK(reused.diagnostics[0].path == "/campaignType");
        }
    }

    TEST_CASE("a reused validator places findings inside a JSON-in-a-string field as a fresh one would")
    {
        // Each payload's content differs in length and escapes from the one before it.
        const std::vector<std::string> texts{R"({"EnrichmentInfoSettings":"{\"x\":1,\"x\":2}"})",
            R"({"EnrichmentInfoSettings":"{\"\u0078\":1,\"x\":2,\"x\":3}"})",
            R"({"EnrichmentInfoSettings":"{\"xy\":1,\"xy\":2}"})",
            R"({"EnrichmentInfoSettings":"{\"a\":1,\"b\":1e999,\"b\":1}"})"};
        atlas::validator v;
        for (const std::string& text : texts) {
            CAPTURE(text);
            const atlas::report reused = v.validate_request(text);
            const atlas::report fresh = atlas::validate_request(text);
            REQUIRE(reused.diagnostics.size() == fresh.diagnostics.size());
            for (std::size_t k = 0; k < fresh.diagnostics.size(); ++k) {
                CAPTURE(fresh.diagnostics[k].rule);
                CHECK(reused.diagnostics[k].rule == fresh.diagnostics[k].rule);
                CHECK(reused.diagnostics[k].path == fresh.diagnostics[k].path);
                CHECK(reused.diagnostics[k].offset == fresh.diagnostics[k].offset);
                CHECK(reused.diagnostics[k].column == fresh.diagnostics[k].column);
            }
        }
        // The second payload's duplicate keys, as the free function places them.
        std::vector<std::size_t> offsets;
        for (const auto& d : atlas::validate_request(texts[1]).diagnostics)
            if (d.rule == "json.duplicate-key")
                offsets.push_back(d.offset);
        CHECK(offsets == std::vector<std::size_t>{41, 49});
    }

    TEST_CASE("a validator's report after one cut short by max_diagnostics is the report a fresh validation gives")
    {
        // The first payload's report is full of warnings that errors then replace; the next payload's must not be
        // ordered by what the first one found (both missing fields are at the root's '{', in the table's order).
        atlas::options opts;
        opts.max_diagnostics = 2;
        atlas::validator v(opts);
        const atlas::report first = v.validate_request(R"({"A1":1,"A2":2,"A3":3})");
        REQUIRE(first.diagnostics.size() == 3);
        CHECK(first.diagnostics[0].path == "/name");
        for (const std::string_view text : {R"({"X":1})", R"({})", R"({"A1":1,"A2":2,"A3":3})"}) {
            CAPTURE(text);
            const atlas::report again = v.validate_request(text);
            const atlas::report fresh = atlas::validate_request(text, opts);
            REQUIRE(again.diagnostics.size() == fresh.diagnostics.size());
            for (std::size_t k = 0; k < fresh.diagnostics.size(); ++k) {
                CAPTURE(k);
                CHECK(again.diagnostics[k].path == fresh.diagnostics[k].path);
                CHECK(again.diagnostics[k].rule == fresh.diagnostics[k].rule);
                CHECK(again.diagnostics[k].message == fresh.diagnostics[k].message);
            }
            CHECK(again.diagnostics[0].path == "/name");
            CHECK(again.diagnostics[1].path == "/campaignType");
        }
    }
}
