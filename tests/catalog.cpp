#include <atlas/rules.hpp>

#include "atlas_validate.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

TEST_SUITE("catalog")
{
    TEST_CASE("the README's rule catalog is exactly the table the engine runs")
    {
        std::ifstream in(std::string(ATLAS_SOURCE_DIR) + "/README.md");
        REQUIRE(in.good());
        std::string line, table;
        bool inside = false;
        while (std::getline(in, line)) {
            if (line.rfind("## ", 0) == 0)
                inside = line == "## Rule catalog";
            else if (inside && line.rfind("|", 0) == 0)
                table += line + "\n";
        }
        INFO("regenerate with: python3 tools/update_readme_catalog.py build");
        CHECK(table == atlas::cli::rule_catalog(atlas::cli::format::markdown));
    }

    TEST_CASE("rule ids are unique and every rule is checked, read from the text, or the report's own")
    {
        std::set<std::string_view> ids;
        for (const atlas::rule_info& r : atlas::rules) {
            CAPTURE(r.id);
            CHECK(ids.insert(r.id).second);
            CHECK_FALSE(r.description.empty());
            const bool checked = r.on_field != nullptr || r.on_payload != nullptr;
            CHECK((checked || r.scope == atlas::rule_scope::text || r.id == "field.unknown" ||
                   r.scope == atlas::rule_scope::report));
            CHECK_FALSE((r.on_field != nullptr && r.kinds == 0)); // a field rule names the kinds it checks
        }
        CHECK(atlas::find_rule("channel.call-type-required") != nullptr);
        CHECK(atlas::find_rule("no.such-rule") == nullptr);
    }
}
