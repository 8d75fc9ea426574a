// JSONTestSuite (../shared/testdata): every n_ file is one root error with a position, every y_ file
// is read (a non-object root is json.root, an object gets the usual rules), every i_ file gets a
// report and no crash.
#include <atlas/validate.hpp>

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string read_file(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool is_text_rule(std::string_view rule)
{
    return rule == "json.syntax" || rule == "json.encoding" || rule == "json.limit";
}

} // namespace

TEST_SUITE("conformance")
{
    TEST_CASE("JSONTestSuite: n_ rejected with one root error, y_ read, i_ survived")
    {
        const std::filesystem::path dir = std::filesystem::path(ATLAS_TESTDATA_DIR) / "JSONTestSuite" / "test_parsing";
        REQUIRE_MESSAGE(std::filesystem::is_directory(dir), "missing test data: " << dir.string());
        std::size_t rejected = 0, read = 0, survived = 0, n_total = 0, y_total = 0, i_total = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            const std::string name = entry.path().filename().string();
            if (entry.path().extension() != ".json")
                continue;
            CAPTURE(name);
            const std::string text = read_file(entry.path());
            const atlas::report r = atlas::validate_request(text);
            // Whatever the input, the JSON report itself always parses.
            CHECK_NOTHROW((void)boost::json::parse(r.to_json()));
            switch (name[0]) {
            case 'n':
                ++n_total;
                REQUIRE(r.diagnostics.size() == 1);
                CHECK(is_text_rule(r.diagnostics[0].rule));
                CHECK(r.diagnostics[0].path.empty());
                CHECK(r.diagnostics[0].line >= 1);
                CHECK(r.diagnostics[0].column >= 1);
                rejected += !r.valid() && r.diagnostics.size() == 1;
                break;
            case 'y': {
                ++y_total;
                bool root_is_object = text.find_first_not_of(" \t\r\n") != std::string::npos &&
                                      text[text.find_first_not_of(" \t\r\n")] == '{';
                for (const auto& d : r.diagnostics)
                    CHECK_FALSE(is_text_rule(d.rule)); // read, not rejected as text
                if (!root_is_object) {
                    REQUIRE(r.diagnostics.size() == 1);
                    CHECK(r.diagnostics[0].rule == "json.root");
                } else
                    CHECK_FALSE(r.valid()); // an object, but none of them is a campaign (no name)
                ++read;
                break;
            }
            default:
                ++i_total;
                for (const auto& d : r.diagnostics)
                    CHECK(!d.rule.empty());
                ++survived;
                break;
            }
        }
        MESSAGE("n_ rejected " << rejected << "/" << n_total << ", y_ read " << read << "/" << y_total
                               << ", i_ survived " << survived << "/" << i_total);
        CHECK(rejected == n_total);
        CHECK(n_total > 150);
        CHECK(y_total > 90);
        CHECK(i_total > 30);
    }
}
