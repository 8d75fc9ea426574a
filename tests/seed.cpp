// The model cannot drift from the seed page unnoticed: this test reads the page and compares.
#include <atlas/request.hpp>
#include <atlas/response.hpp>

#include <doctest/doctest.h>

#include <boost/mp11/algorithm.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct seed_field {
    std::string name;
    std::string type;
    std::string required; // "Required", "Optional" or "" (the response says neither)
    std::string description;
};

// The page lists each field as one line "<name><type>[Required|Optional]", then its description lines.
std::map<std::string, std::vector<seed_field>> read_seed()
{
    std::ifstream in(ATLAS_SEED_FILE);
    REQUIRE_MESSAGE(in.good(), "cannot read the seed page at " ATLAS_SEED_FILE);
    static const std::regex field_line(
        R"(^([A-Za-z][A-Za-z0-9._-]*?)(string|enum or null|enum|boolean|integer|datetime)(Required|Optional)?$)");
    const std::vector<std::string> sections{"Authentication", "Path parameters", "Request", "Response", "Errors"};
    std::map<std::string, std::vector<seed_field>> fields;
    std::string section, line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (std::find(sections.begin(), sections.end(), line) != sections.end()) {
            section = line;
            continue;
        }
        std::smatch m;
        if (!section.empty() && std::regex_match(line, m, field_line)) {
            fields[section].push_back({m[1], m[2], m[3], {}});
        } else if (!line.empty() && !fields[section].empty()) {
            auto& description = fields[section].back().description;
            description += (description.empty() ? "" : " ") + line;
        }
    }
    return fields;
}

template <class Model>
std::vector<std::string> reflected_wire_names()
{
    std::vector<std::string> names;
    std::size_t index = 0;
    boost::mp11::mp_for_each<atlas::detail::model_members<Model>>([&](auto D) {
        const std::string wire(atlas::fields_of<Model>[index++].name);
        CHECK(atlas::detail::member_name_matches(D.name, wire));
        names.push_back(wire);
    });
    return names;
}

void compare(const std::vector<seed_field>& seed, std::span<const atlas::field_info> table, bool descriptions)
{
    REQUIRE(seed.size() == table.size());
    for (std::size_t i = 0; i < seed.size(); ++i) {
        CAPTURE(seed[i].name);
        CHECK(seed[i].name == table[i].name);
        CHECK(seed[i].type == atlas::to_string(table[i].type));
        CHECK((seed[i].required == "Required") == table[i].required);
        if (descriptions)
            CHECK(seed[i].description == table[i].description);
    }
}

} // namespace

TEST_SUITE("seed")
{
    TEST_CASE("the request model has exactly the seed's 40 body fields, types, required-ness and descriptions")
    {
        auto seed = read_seed();
        compare(seed["Request"], atlas::request_fields, true);
        const auto names = reflected_wire_names<atlas::update_campaign_request>();
        REQUIRE(names.size() == seed["Request"].size());
        for (std::size_t i = 0; i < names.size(); ++i)
            CHECK(names[i] == seed["Request"][i].name);
    }

    TEST_CASE("the response model has exactly the seed's 53 fields, odata.etag included")
    {
        auto seed = read_seed();
        compare(seed["Response"], atlas::response_fields, true);
        const auto names = reflected_wire_names<atlas::campaign_response>();
        REQUIRE(names.size() == seed["Response"].size());
        for (std::size_t i = 0; i < names.size(); ++i)
            CHECK(names[i] == seed["Response"][i].name);
        for (const auto& f : atlas::response_fields)
            CHECK_FALSE(f.required);
        // The four Azure Table keys sit in a base (Boost.Describe takes at most 52 members in one description):
        // reflection with mod_public alone sees the other 49, as the README warns; mod_inherited adds the four.
        using boost::describe::describe_members;
        using boost::describe::mod_inherited;
        using boost::describe::mod_public;
        CHECK(boost::mp11::mp_size<describe_members<atlas::campaign_response, mod_public>>::value == 49);
        CHECK(boost::mp11::mp_size<describe_members<atlas::campaign_response, mod_public | mod_inherited>>::value == 53);
    }

    TEST_CASE("the call model has the seed's path id and api-key credential")
    {
        auto seed = read_seed();
        std::vector<seed_field> call = seed["Path parameters"];
        call.insert(call.end(), seed["Authentication"].begin(), seed["Authentication"].end());
        compare(call, atlas::call_fields, true);
        CHECK(reflected_wire_names<atlas::campaign_call>() == std::vector<std::string>{"id", "api-key"});
    }

    TEST_CASE("the fields only one side has are the ones the contract names")
    {
        auto in = [](std::span<const atlas::field_info> t, std::string_view n) {
            return atlas::field_index(t, n) != t.size();
        };
        std::vector<std::string> request_only, response_only;
        for (const auto& f : atlas::request_fields)
            if (!in(atlas::response_fields, f.name))
                request_only.emplace_back(f.name);
        for (const auto& f : atlas::response_fields)
            if (!in(atlas::request_fields, f.name))
                response_only.emplace_back(f.name);
        CHECK(request_only == std::vector<std::string>{"MessagesCampaign"});
        CHECK(response_only ==
              std::vector<std::string>{"PartitionKey", "RowKey", "Timestamp", "odata.etag", "PhoneNumberId",
                  "SuccessRequest", "TotalRequest", "TotalTransfers", "KnowledgeBaseId", "KnowledgeBaseDataSetId",
                  "PhoneNumberProvider", "ForwardingPhoneNumber", "ChatPhoneNumberId", "AIAssistantProvider"});
    }

    TEST_CASE("the channel facts of each field follow the contract's outbound-only and inbound-only lists")
    {
        std::vector<std::string> outbound_only, inbound_only;
        for (const auto& f : atlas::request_fields) {
            if (f.channels == atlas::channels::outbound_only)
                outbound_only.emplace_back(f.name);
            if (f.channels == atlas::channels::inbound_only)
                inbound_only.emplace_back(f.name);
        }
        CHECK(outbound_only == std::vector<std::string>{"StartDate", "TimeWindows", "FeatureRescheduleCallEnabled"});
        CHECK(inbound_only == std::vector<std::string>{"FeatureAppendPreviousSummaryEnabled"});
    }
}
