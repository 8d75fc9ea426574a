#include <atlas/convert.hpp>
#include <atlas/validate_typed.hpp>
#include <atlas/validate.hpp>

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/system/system_error.hpp>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>

namespace {

std::string read_example(const std::string& name)
{
    std::ifstream in(std::string(ATLAS_EXAMPLES_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing example " << name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

template <class Model>
void check_round_trip(const boost::json::value& original)
{
    const auto model = boost::json::value_to<Model>(original);
    const boost::json::value again = boost::json::value_from(model);
    CHECK(again == original);
    // and once more through text, so that serialisation itself loses nothing
    CHECK(boost::json::parse(boost::json::serialize(again)) == original);
    CHECK(boost::json::value_to<Model>(again) == model);
}

} // namespace

TEST_SUITE("convert")
{
    TEST_CASE("each channel's example request survives a round trip through the typed model unchanged")
    {
        for (const char* name : {"valid/inbound-phone.json", "valid/outbound-phone.json", "valid/voice-bubble.json",
                 "valid/messages.json"}) {
            CAPTURE(name);
            check_round_trip<atlas::update_campaign_request>(boost::json::parse(read_example(name)));
        }
    }

    TEST_CASE("a full response with all 53 fields survives a round trip, odata.etag included")
    {
        const auto original = boost::json::parse(read_example("response/campaign-updated.json"));
        REQUIRE(original.as_object().size() == 53);
        check_round_trip<atlas::campaign_response>(original);
        const auto response = boost::json::value_to<atlas::campaign_response>(original);
        CHECK(response.odata_etag.has_value());
        CHECK(response.AIAssistantProvider.value() == atlas::ai_assistant_provider::atlas);
        CHECK(response.extra.empty());
    }

    TEST_CASE("absent, null and a value stay three different states and are written back as they were")
    {
        const auto original = boost::json::parse(R"({"name":"n","campaignType":"0","Position":null,"Mode":false})");
        const auto request = boost::json::value_to<atlas::update_campaign_request>(original);
        CHECK(request.Position.is_null());
        CHECK(request.Mode.has_value());
        CHECK(request.Mode.value() == false);
        CHECK(request.TemplateId.absent());
        CHECK(request.campaignType.value() == atlas::campaign_type::non_phone);
        const auto again = boost::json::value_from(request);
        CHECK(again == original);
        CHECK(again.as_object().contains("Position"));
        CHECK_FALSE(again.as_object().contains("TemplateId"));
    }

    TEST_CASE("unicode, escapes, int64 extremes and unknown members are kept exactly")
    {
        const auto original = boost::json::parse(
            R"({"name":"\u00e9\ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t\u0000","campaignType":"1","CallType":"2",)"
            R"("DailyCallLimit":-9223372036854775808,"X-Unknown":{"deep":[1,2.5,null,true,"s"]},"Calltype":"1"})");
        check_round_trip<atlas::update_campaign_request>(original);
        const auto request = boost::json::value_to<atlas::update_campaign_request>(original);
        CHECK(request.DailyCallLimit.value() == INT64_MIN);
        CHECK(request.extra.size() == 2);
        CHECK(request.name.value().size() == std::string_view("\xc3\xa9\xf0\x9f\x98\x80 \"q\" \\ / \b\f\n\r\t").size() + 1);

        const auto max = boost::json::parse(R"({"TotalRequest":9223372036854775807,"AIAssistantProvider":null})");
        check_round_trip<atlas::campaign_response>(max);
        CHECK(boost::json::value_to<atlas::campaign_response>(max).AIAssistantProvider.is_null());
    }

    TEST_CASE("parse_request and parse_response take every nesting the validator passes")
    {
        // Boost.JSON's parse stops at 32 levels; the validator's max_depth is 64: a valid payload must parse.
        const auto nested = [](std::size_t arrays) { return std::string(arrays, '[') + std::string(arrays, ']'); };
        const std::string request = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","x":)" + nested(63) + "}";
        REQUIRE(atlas::validate_request(request).valid());
        const auto typed = atlas::parse_request(request);
        CHECK(typed.extra.size() == 1);
        CHECK(atlas::parse_request(atlas::to_json(typed)).extra.size() == 1);
        const std::string response = R"({"name":"n","x":)" + nested(63) + "}";
        REQUIRE(atlas::validate_response(response).valid());
        CHECK(atlas::parse_response(response).extra.size() == 1);
        // Past the validator's limit too deep for both: json.limit there, an exception here.
        const std::string deeper = R"({"name":"n","x":)" + nested(64) + "}";
        CHECK_FALSE(atlas::validate_response(deeper).valid());
        CHECK_THROWS(atlas::parse_response(deeper));
    }

    TEST_CASE("parse_request reads a number the validator passes as the number it is, where Boost.JSON would read NaN or fail")
    {
        // Boost.JSON 1.81 makes 0e400 NaN (zero times an infinite power) and fails on an exponent past an int's range.
        const std::string base = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","x":)";
        for (const std::string literal : {"0e400", "-0e400", "0.0e400", "0E+400", "0e309", "1e-99999999999999999999",
                 "0e99999999999999999999", "0.0e-99999999999", "-1e-2147483649", "0.00012e-400"}) {
            CAPTURE(literal);
            const std::string request = base + "[" + literal + "]}";
            REQUIRE(atlas::validate_request(request).valid());
            const auto typed = atlas::parse_request(request);
            const boost::json::value& number = typed.extra.at("x").as_array().at(0);
            REQUIRE(number.is_double());
            CHECK(number.as_double() == 0.0);
            CHECK(std::signbit(number.as_double()) == (literal.front() == '-'));
            CHECK(atlas::validate(typed).valid());
            CHECK(atlas::parse_request(atlas::to_json(typed)) == typed);
            CHECK(atlas::parse_response(R"({"x":)" + literal + "}").extra.at("x").as_double() == 0.0);
        }
        // Past a double's range however it is written: invalid on both paths, infinite in the struct, as Boost.JSON
        // reads 1e400.
        for (const std::string literal : {"1e400", "-12.5e99999999999", "1e2147483648"}) {
            CAPTURE(literal);
            const std::string request = base + literal + "}";
            CHECK_FALSE(atlas::validate_request(request).valid());
            const double number = atlas::parse_request(request).extra.at("x").as_double();
            CHECK(std::isinf(number));
            CHECK((number < 0) == (literal.front() == '-'));
            CHECK_FALSE(atlas::validate(atlas::parse_request(request)).valid());
        }
        // What Boost.JSON reads right is left to it: a small number, a subnormal one, a long mantissa.
        CHECK(atlas::parse_request(base + "12.5e3}").extra.at("x").as_double() == 12500.0);
        CHECK(atlas::parse_request(base + "123456e-320}").extra.at("x").as_double() > 0.0);
        CHECK(atlas::parse_request(base + "0.00001e-305}").extra.at("x").as_double() > 0.0);
        CHECK(atlas::parse_request(base + "1" + std::string(400, '0') + "e-395}").extra.at("x").as_double() == doctest::Approx(1e5));
        CHECK(atlas::parse_request(base + "0." + std::string(400, '0') + "1e405}").extra.at("x").as_double() == doctest::Approx(1e4));
        // Malformed JSON after such a number is still Boost.JSON's error.
        CHECK_THROWS_AS(atlas::parse_request(base + "0e400,}"), boost::system::system_error);
    }

    TEST_CASE("parse_request reads every number Boost.JSON would read wrong in a payload, not only the first")
    {
        // Each is written over as what it is worth; the text between them is kept as it was.
        const std::string base = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","x":)";
        const auto typed = atlas::parse_request(base + "[1, 0e400, 2, -0e400, 3, 1e-99999999999999999999, 4]}");
        const boost::json::array& x = typed.extra.at("x").as_array();
        REQUIRE(x.size() == 7);
        CHECK(x.at(0) == 1);
        CHECK(x.at(1).as_double() == 0.0);
        CHECK(x.at(2) == 2);
        CHECK(x.at(3).as_double() == 0.0);
        CHECK(std::signbit(x.at(3).as_double()));
        CHECK(x.at(4) == 3);
        CHECK(x.at(5).as_double() == 0.0);
        CHECK(x.at(6) == 4);
        CHECK(atlas::parse_response(R"({"a":0e400,"b":"0e400","c":0E+999})").extra.at("c").as_double() == 0.0);
    }

    TEST_CASE("parse_request reads an exponent past 308 by where the number's first digit stands, not by the exponent alone")
    {
        // What a long mantissa brings back into a double's range is that number, not 0 or infinity.
        const std::string base = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","x":)";
        const auto number = [&](const std::string& literal) {
            CAPTURE(literal);
            return atlas::parse_request(base + literal + "}").extra.at("x").as_double();
        };
        CHECK(number("1" + std::string(400, '0') + "e-405") == doctest::Approx(1e-5).scale(0));
        CHECK(number("-1" + std::string(400, '0') + "e-405") == doctest::Approx(-1e-5).scale(0));
        // 0.01e310 is 1e308, within a double's range: not infinity.
        CHECK(number("0.01e310") == doctest::Approx(1e308));
        CHECK(std::isfinite(number("0.01e310")));
        // An exponent of 19 digits or more, past int64 as well: the sign of the exponent still says 0 or infinity.
        CHECK(number("1e9999999999999999999") == std::numeric_limits<double>::infinity());
        CHECK(number("-1e9999999999999999999") == -std::numeric_limits<double>::infinity());
        CHECK(number("1e-9999999999999999999") == 0.0);
        CHECK(number("1e+99999999999999999999999999999999999999") == std::numeric_limits<double>::infinity());
        // Such an exponent with a long mantissa: still past a double's range by far, and read so, not left to Boost.JSON.
        CHECK(number("0." + std::string(400, '0') + "1e99999999999999999999") == std::numeric_limits<double>::infinity());
        CHECK(number("1" + std::string(400, '0') + "e-99999999999999999999") == 0.0);
    }

    TEST_CASE("a repeated key is refused by parse_request and parse_response, as the text path refuses it")
    {
        // Boost.JSON keeps the last of a repeated key: the text path said json.duplicate-key, the typed one valid.
        const auto message_for = [](const std::string& json, bool response) -> std::string {
            try {
                if (response)
                    (void)atlas::parse_response(json);
                else
                    (void)atlas::parse_request(json);
            } catch (const boost::system::system_error& e) {
                return e.what();
            }
            return "no error";
        };
        const std::string base = R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t")";
        for (const std::string& repeated : {base + R"(,"name":"b"})", base + R"(,"x":{"k":1,"k":2}})",
                 base + R"(,"x":[{"name":1,"name":2}]})"}) {
            CAPTURE(repeated);
            CHECK_FALSE(atlas::validate_request(repeated).valid());
            const std::string message = message_for(repeated, false);
            CHECK(message.find("appears more than once") != std::string::npos);
            CHECK(message.find("atlas::parse_request") != std::string::npos);
            // A code of its own, told from Boost.JSON's syntax errors.
            try {
                (void)atlas::parse_request(repeated);
            } catch (const boost::system::system_error& e) {
                CHECK(e.code() == atlas::convert_error::repeated_key);
                CHECK(std::string_view(e.code().category().name()) == "atlas.convert");
                CHECK(e.code() != boost::json::error::syntax);
            }
        }
        CHECK(message_for(R"({"Timezone":"UTC","Timezone":"UTC"})", true).find("key \"Timezone\": a key appears more than once") !=
              std::string::npos);
        // The passing side: the same keys in different objects, and a repeated key inside JSON held in a string,
        // which the struct keeps as text and validate() reports.
        CHECK(message_for(base + R"(,"x":{"k":1},"y":{"k":1}})", false) == "no error");
        const std::string in_content = base + R"(,"TimeWindows":"[{\"start\":\"09:00\",\"start\":\"10:00\",\"end\":\"12:00\"}]"})";
        CHECK_FALSE(atlas::validate(atlas::parse_request(in_content)).valid());
        // Malformed JSON is still Boost.JSON's own error.
        CHECK(message_for(base + R"(,"name":})", false).find("appears more than once") == std::string::npos);
    }

    TEST_CASE("parse_request names the first key an object repeats, when several are")
    {
        const std::string base = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t",)";
        try {
            (void)atlas::parse_request(base + R"("x":{"a":1,"a":2,"b":1,"b":2},"y":{"c":1,"c":2}})");
            FAIL("no error");
        } catch (const boost::system::system_error& e) {
            CHECK(e.code() == atlas::convert_error::repeated_key);
            CHECK(std::string_view(e.what()).find(R"(key "a")") != std::string_view::npos);
            CHECK(std::string_view(e.what()).find(R"(key "b")") == std::string_view::npos);
            CHECK(std::string_view(e.what()).find(R"(key "c")") == std::string_view::npos);
        }
    }

    TEST_CASE("a repeated key is refused as repeated_key also when a number after it is one Boost.JSON cannot read")
    {
        // The numbers after the repeated key are written over as well: Boost.JSON fails on an exponent past an int's
        // range, and that error would hide which key is repeated.
        for (const std::string& text : {std::string(R"({"name":"a","name":"b","x":1e-99999999999999999999})"),
                 std::string(R"({"x":{"k":1,"k":2},"y":[0e400,1e2147483648]})")}) {
            CAPTURE(text);
            try {
                (void)atlas::parse_response(text);
                FAIL("no error");
            } catch (const boost::system::system_error& e) {
                CHECK(e.code() == atlas::convert_error::repeated_key);
            }
        }
    }

    TEST_CASE("to_json and value_from refuse a value of extra nested past to_json_max_depth, where a copy would overflow the stack")
    {
        // A probe: an array 100,000 levels deep in extra crashed to_json (Boost.JSON copies a value recursively).
        const auto nested = [](std::size_t depth) {
            boost::json::value v = nullptr;
            for (std::size_t k = 0; k < depth; ++k) {
                boost::json::array a;
                a.push_back(std::move(v));
                v = std::move(a);
            }
            return v;
        };
        const auto request_with = [&](std::size_t depth) {
            atlas::update_campaign_request r = atlas::parse_request(R"({"name":"n","campaignType":"0","TemplateId":"t"})");
            r.extra["deep"] = nested(depth);
            return r;
        };
        const auto refused = [](const auto& model) {
            try {
                (void)atlas::to_json(model);
            } catch (const boost::system::system_error& e) {
                CHECK(std::string_view(e.what()).find("extra[\"deep\"]") != std::string_view::npos);
                CHECK_THROWS_AS((void)boost::json::value_from(model), boost::system::system_error);
                return e.code() == atlas::convert_error::too_deep;
            }
            return false;
        };
        CHECK_FALSE(refused(request_with(atlas::to_json_max_depth)));
        CHECK(atlas::to_json(request_with(atlas::to_json_max_depth)).find("[[[[") != std::string::npos);
        CHECK(refused(request_with(atlas::to_json_max_depth + 1)));
        CHECK(refused(request_with(2000)));
        atlas::campaign_response response;
        response.extra["deep"] = nested(2000);
        CHECK(refused(response));
        // An object nests as an array does.
        boost::json::value objects = 1;
        for (std::size_t k = 0; k < atlas::to_json_max_depth + 1; ++k)
            objects = boost::json::object{{"k", std::move(objects)}};
        atlas::update_campaign_request r = request_with(0);
        r.extra["deep"] = std::move(objects);
        CHECK(refused(r));
    }

    TEST_CASE("the too-deep error's message names the limit to_json_max_depth has")
    {
        // The message is all a log shows: it must say how deep extra may nest, and say it right.
        const std::string message = make_error_code(atlas::convert_error::too_deep).message();
        CHECK(message.find("to_json_max_depth (" + std::to_string(atlas::to_json_max_depth) + ")") != std::string::npos);
        CHECK(make_error_code(atlas::convert_error::too_deep).category().name() == std::string_view("atlas.convert"));
    }

    TEST_CASE("to_json and value_from refuse a string or key that is not UTF-8, which Boost.JSON would write as it is")
    {
        // boost::json::serialize copies the bytes: "\xff" made text that no JSON reader takes, and the server would
        // refuse. validate() reports the same strings as json.encoding.
        const auto code_of = [](const auto& model) -> boost::system::error_code {
            try {
                (void)atlas::to_json(model);
            } catch (const boost::system::system_error& e) {
                CHECK(std::string_view(e.code().category().name()) == "atlas.convert");
                return e.code();
            }
            return {};
        };
        const auto request = [] { return atlas::parse_request(R"({"name":"n","campaignType":"0","TemplateId":"t"})"); };
        atlas::update_campaign_request member = request();
        member.name = std::string("caf\xC3");                     // cut short
        atlas::update_campaign_request in_extra = request();
        in_extra.extra["note"] = boost::json::array{"ok", "\xED\xA0\x80"}; // a UTF-16 surrogate
        atlas::update_campaign_request extra_key = request();
        extra_key.extra["k\xFF"] = 1;
        atlas::update_campaign_request nested_key = request();
        nested_key.extra["x"] = boost::json::object{{"\xC0\xAF", 1}};       // an overlong '/'
        atlas::campaign_response response;
        response.name = std::string("\x80");
        for (const atlas::update_campaign_request* bad : {&member, &in_extra, &extra_key, &nested_key}) {
            CHECK(code_of(*bad) == atlas::convert_error::not_utf8);
            CHECK_THROWS_AS((void)boost::json::value_from(*bad), boost::system::system_error);
            CHECK_FALSE(atlas::validate(*bad).valid());
        }
        CHECK(code_of(response) == atlas::convert_error::not_utf8);
        CHECK(make_error_code(atlas::convert_error::not_utf8).message().find("UTF-8") != std::string::npos);
        // The message names the member, as it names the key of extra.
        try {
            (void)atlas::to_json(member);
            FAIL("no error");
        } catch (const boost::system::system_error& e) {
            CHECK(std::string_view(e.what()).find(R"(member "name")") != std::string_view::npos);
        }
        try {
            (void)atlas::to_json(extra_key);
            FAIL("no error");
        } catch (const boost::system::system_error& e) {
            CHECK(std::string_view(e.what()).find(R"(extra["k\xff"])") != std::string_view::npos);
        }
        // Valid UTF-8 of every length is written and read back.
        atlas::update_campaign_request fine = request();
        fine.name = std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\x9E");
        fine.extra["n\xC3\xA9"] = "\xE6\x97\xA5";
        CHECK(code_of(fine) == boost::system::error_code{});
        CHECK(atlas::parse_request(atlas::to_json(fine)) == fine);
    }

    TEST_CASE("to_json and value_from refuse a NaN or infinite number in extra, which Boost.JSON would write as NaN")
    {
        // boost::json::serialize writes {"a":NaN}: text that no JSON reader, atlas's included, takes back.
        for (const double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                 -std::numeric_limits<double>::infinity()}) {
            CAPTURE(bad);
            atlas::update_campaign_request r = atlas::parse_request(R"({"name":"n","campaignType":"0","TemplateId":"t"})");
            r.extra["score"] = boost::json::array{1, boost::json::object{{"x", bad}}};
            try {
                (void)atlas::to_json(r);
                FAIL("to_json wrote a non-finite number");
            } catch (const boost::system::system_error& e) {
                CHECK(e.code() == atlas::convert_error::not_finite);
                CHECK(std::string_view(e.what()).find("extra[\"score\"]") != std::string_view::npos);
            }
            CHECK_THROWS_AS((void)boost::json::value_from(r), boost::system::system_error);
        }
        // A finite double, however large, is written and read back.
        atlas::update_campaign_request fine = atlas::parse_request(R"({"name":"n","campaignType":"0","TemplateId":"t"})");
        fine.extra["score"] = 1.5e300;
        CHECK(atlas::parse_request(atlas::to_json(fine)).extra.at("score") == 1.5e300);
    }

    TEST_CASE("enums convert by their wire strings")
    {
        CHECK(boost::json::value_from(atlas::campaign_type::phone) == "1");
        CHECK(boost::json::value_from(atlas::call_type::outbound) == "2");
        CHECK(boost::json::value_to<atlas::call_type>(boost::json::value("1")) == atlas::call_type::inbound);
        CHECK(atlas::to_wire(atlas::ai_assistant_provider::atlas) == "atlas");
        CHECK_FALSE(atlas::from_wire<atlas::campaign_type>("2").has_value());
    }

    TEST_CASE("a value of the wrong type is rejected with an error that names the member")
    {
        auto message_for = [](const char* json) -> std::string {
            try {
                (void)atlas::parse_request(json);
            } catch (const boost::system::system_error& e) {
                return e.what();
            }
            return "no error";
        };
        CHECK(message_for(R"({"CallType":"3"})").find("\"CallType\"") != std::string::npos);
        CHECK(message_for(R"({"IsActive":"true"})").find("\"IsActive\"") != std::string::npos);
        CHECK(message_for(R"({"DailyCallLimit":1.5})").find("\"DailyCallLimit\"") != std::string::npos);
        CHECK(message_for(R"({"DailyCallLimit":18446744073709551615})").find("\"DailyCallLimit\"") !=
              std::string::npos);
        CHECK(message_for(R"({"name":1})").find("\"name\"") != std::string::npos);
        CHECK(message_for(R"([1])") != "no error");
    }

    TEST_CASE("an integer member takes an unsigned value up to INT64_MAX, as a value built in code may hold it")
    {
        // Boost.JSON's parser stores INT64_MAX as int64, but a boost::json::value built in code can hold it as uint64.
        const auto at_max = boost::json::value_to<atlas::update_campaign_request>(
            boost::json::value(boost::json::object{{"DailyCallLimit", std::uint64_t(INT64_MAX)}}));
        CHECK(at_max.DailyCallLimit.value() == INT64_MAX);
        CHECK_THROWS_AS(boost::json::value_to<atlas::update_campaign_request>(boost::json::value(
                            boost::json::object{{"DailyCallLimit", std::uint64_t(INT64_MAX) + 1}})),
            boost::system::system_error);
    }

    TEST_CASE("an integer member refused tells a number that is no integer from a value that is no number")
    {
        const auto code_for = [](const char* json) -> boost::system::error_code {
            try {
                (void)atlas::parse_request(json);
            } catch (const boost::system::system_error& e) {
                return e.code();
            }
            return {};
        };
        CHECK(code_for(R"({"DailyCallLimit":1.5})") == boost::json::error::not_exact);
        CHECK(code_for(R"({"DailyCallLimit":18446744073709551615})") == boost::json::error::not_exact);
        CHECK(code_for(R"({"DailyCallLimit":"5"})") == boost::json::error::not_number);
        CHECK(code_for(R"({"DailyCallLimit":5})") == boost::system::error_code());
    }

    TEST_CASE("a known field's name in extra is never written, even when its member is absent")
    {
        // The member is the field: a copy in extra must not put back a value the caller left out.
        atlas::update_campaign_request request;
        request.extra["Timezone"] = "Europe/Berlin";
        request.extra["X-Custom"] = 1;
        CHECK(atlas::to_json(request) == R"({"X-Custom":1})");
        CHECK(boost::json::value_from(request) == boost::json::parse(R"({"X-Custom":1})"));
        request.Timezone = "UTC";
        CHECK(atlas::to_json(request) == R"({"Timezone":"UTC","X-Custom":1})");
    }

    TEST_CASE("to_json and parse_request are inverse for a request built in code")
    {
        atlas::update_campaign_request request;
        request.name = "Built in code";
        request.campaignType = atlas::campaign_type::phone;
        request.CallType = atlas::call_type::inbound;
        request.TemplateId = "tpl";
        request.Status = atlas::open_enum{"draft"};
        request.StartDate = nullptr;
        const std::string text = atlas::to_json(request);
        CHECK(atlas::parse_request(text) == request);
        CHECK(text.find(R"("StartDate":null)") != std::string::npos);
    }
}
