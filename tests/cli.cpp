#include "atlas_validate.hpp"

#include <doctest/doctest.h>

#include "allocation_limit.hpp"

#include <boost/json/parse.hpp>

#include <cerrno>
#include <cstdio>
#include <limits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>
#include <vector>

namespace {

struct result {
    int status;
    std::string out, err;
};

result run_cli(std::vector<std::string_view> args, const std::string& input = {})
{
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = atlas::cli::run(args, in, out, err);
    return {status, out.str(), err.str()};
}

// Runs with the project root as the working directory, so reports name files as the README shows them.
struct in_source_dir {
    std::filesystem::path previous = std::filesystem::current_path();
    in_source_dir() { std::filesystem::current_path(ATLAS_SOURCE_DIR); }
    ~in_source_dir() { std::filesystem::current_path(previous); }
};

std::string read_file(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Compares with tests/golden/NAME; ATLAS_UPDATE_GOLDEN=1 rewrites the file instead (review the diff!).
void check_golden(const std::string& name, const std::string& actual)
{
    const auto path = std::filesystem::path(ATLAS_SOURCE_DIR) / "tests" / "golden" / name;
    if (std::getenv("ATLAS_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        MESSAGE("updated " << path.string());
        return;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(path), "missing golden file " << path.string());
    CHECK(read_file(path) == actual);
}

const std::vector<std::string> invalid_examples{"not-json", "outbound-time-windows", "phone-without-call-type",
    "voice-bubble-mistakes", "wrong-types"};

} // namespace

TEST_SUITE("cli")
{
    TEST_CASE("the four channel examples and the response example are valid, exit status 0")
    {
        in_source_dir here;
        auto r = run_cli({"examples/valid/inbound-phone.json", "examples/valid/outbound-phone.json",
            "examples/valid/voice-bubble.json", "examples/valid/messages.json"});
        CHECK(r.status == 0);
        CHECK(r.out.find("error:") == std::string::npos);
        CHECK(r.out.find("warning:") == std::string::npos);
        r = run_cli({"--response", "examples/response/campaign-updated.json"});
        CHECK(r.status == 0);
        // A response is not a request: validated as one, the response-only fields are unknown.
        r = run_cli({"--strict", "examples/response/campaign-updated.json"});
        CHECK(r.status == 1);
    }

    TEST_CASE("each invalid example gives the golden text report and exit status 1")
    {
        in_source_dir here;
        for (const auto& name : invalid_examples) {
            CAPTURE(name);
            const std::string file = "examples/invalid/" + name + ".json";
            const auto r = run_cli({file});
            CHECK(r.status == 1);
            check_golden(name + ".txt", r.out);
        }
    }

    TEST_CASE("each invalid example gives the golden JSON report, one line per input")
    {
        in_source_dir here;
        std::string all;
        std::vector<std::string> files;
        for (const auto& name : invalid_examples)
            files.push_back("examples/invalid/" + name + ".json");
        std::vector<std::string_view> args{"--format", "json"};
        args.insert(args.end(), files.begin(), files.end());
        const auto r = run_cli(args);
        CHECK(r.status == 1);
        check_golden("invalid-examples.jsonl", r.out);
        std::istringstream lines(r.out);
        std::string line;
        std::size_t count = 0;
        while (std::getline(lines, line)) {
            ++count;
            const auto report = boost::json::parse(line);
            CHECK(report.at("valid") == false);
        }
        CHECK(count == files.size());
    }

    TEST_CASE("standard input is read with -, and valid and invalid inputs keep their order")
    {
        in_source_dir here;
        const auto r = run_cli({"--format=json", "examples/valid/messages.json", "-"}, R"({"name":1})");
        CHECK(r.status == 1);
        const auto newline = r.out.find('\n');
        REQUIRE(newline != std::string::npos);
        CHECK(boost::json::parse(r.out.substr(0, newline)).at("valid") == true);
        CHECK(boost::json::parse(r.out.substr(newline + 1)).at("valid") == false);
    }

    TEST_CASE("--schema prints the checked-in JSON Schemas; another value is a usage error")
    {
        in_source_dir here;
        auto r = run_cli({"--schema", "request"});
        CHECK(r.status == 0);
        CHECK(r.out == read_file("schemas/request.schema.json"));
        r = run_cli({"--schema=response"});
        CHECK(r.out == read_file("schemas/response.schema.json"));
        CHECK(run_cli({"--schema", "requests"}).status == 2);
        CHECK(run_cli({"--schema", "request", "--strict"}).out.find("\"additionalProperties\": false") !=
              std::string::npos);
    }

    TEST_CASE("usage and I/O errors exit with status 2")
    {
        CHECK(run_cli({}).status == 2);
        CHECK(run_cli({"--format", "xml", "-"}).status == 2);
        CHECK(run_cli({"--bogus"}).status == 2);
        const auto r = run_cli({"/nonexistent/payload.json"});
        CHECK(r.status == 2);
        CHECK(r.err.find("cannot read") != std::string::npos);
        // An option without its value says which, whether it is last or written with "=".
        for (const std::string_view option : {"--config", "--profile", "--format", "--schema"}) {
            CAPTURE(option);
            const auto missing = run_cli({"-", option});
            CHECK(missing.status == 2);
            CHECK(missing.err.find(std::string(option) + " needs a value") != std::string::npos);
        }
        CHECK(run_cli({"--profile=", "-"}).err.find("unknown profile") != std::string::npos);
        CHECK(run_cli({"--profile=strict", "-"}, "{}").status == 1);
        // A misspelt option or profile gets a did-you-mean.
        const auto option = run_cli({"--fromat", "json", "-"});
        CHECK(option.status == 2);
        CHECK(option.err.find("did you mean \"--format\"?") != std::string::npos);
        CHECK(run_cli({"--stict=1", "-"}).err.find("did you mean \"--strict\"?") != std::string::npos);
        // A flag given a value says so, rather than calling itself unknown.
        for (const std::string_view flag : {"--help=x", "--strict=1", "--version=", "--response=yes"}) {
            CAPTURE(flag);
            const auto r = run_cli({flag, "-"});
            CHECK(r.status == 2);
            CHECK(r.err.find(std::string(flag.substr(0, flag.find('='))) + " takes no value") != std::string::npos);
        }
        const auto profile = run_cli({"--profile", "stric", "-"});
        CHECK(profile.status == 2);
        CHECK(profile.err.find("did you mean \"strict\"?") != std::string::npos);
    }

    TEST_CASE("--version, --help, --list-rules and --schema print what they print, and refuse input files")
    {
        CHECK(run_cli({"--version"}).status == 0);
        CHECK(run_cli({"--version"}).out.starts_with("atlas-validate "));
        CHECK(run_cli({"--help"}).status == 0);
        CHECK(run_cli({"--list-rules"}).status == 0);
        CHECK(run_cli({"--schema", "request"}).status == 0);
        // A file named with them would be silently left unread.
        for (const std::vector<std::string_view>& args : {std::vector<std::string_view>{"--version", "payload.json"},
                 {"payload.json", "--help"}, {"--list-rules", "v.json"}, {"--schema", "request", "-"}}) {
            CAPTURE(args.front());
            const auto r = run_cli(args);
            CHECK(r.status == 2);
            CHECK(r.out.empty());
            CHECK(r.err.find("reads no input") != std::string::npos);
        }
        // An unknown option after --version is still one.
        CHECK(run_cli({"--version", "--bogus"}).status == 2);
    }

    TEST_CASE("--version names the tz database release the time zone names come from")
    {
        const auto r = run_cli({"--version"});
        CHECK(r.out == "atlas-validate " + std::string(atlas::version) + " (tz database " +
                           std::string(atlas::tzdata_version) + ")\n");
    }

    TEST_CASE("-- ends the options: every argument after it is an input file")
    {
        in_source_dir here;
        const auto r = run_cli({"--format", "json", "--", "examples/valid/voice-bubble.json",
            "examples/invalid/wrong-types.json"});
        CHECK(r.status == 1);
        CHECK(r.err.empty());
        // One JSON line per input, in order: the first valid, the second not.
        const std::size_t newline = r.out.find('\n');
        REQUIRE(newline != std::string::npos);
        CHECK(r.out.substr(0, newline).find("\"valid\":true") != std::string::npos);
        CHECK(r.out.substr(newline + 1).find("\"valid\":false") != std::string::npos);
    }

    TEST_CASE("a short option that does not exist is an unknown option, not a file name")
    {
        const auto r = run_cli({"-x", "-"}, "{}");
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("unknown option") != std::string::npos);
        CHECK(r.err.find("cannot read") == std::string::npos);
    }

    TEST_CASE("--schema takes --config, and names only request or response")
    {
        in_source_dir here;
        const auto path = std::filesystem::temp_directory_path() / "atlas-cli-schema-config.json";
        std::ofstream(path) << R"({"strict": true})";
        const auto r = run_cli({"--schema", "request", "--config", path.string()});
        std::filesystem::remove(path);
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        CHECK(r.out.find("\"additionalProperties\": false") != std::string::npos); // the config's strictness applies
        // Both schemas at once is no value of --schema.
        CHECK(run_cli({"--schema", "both"}).status == 2);
    }

    TEST_CASE("with no file named, standard input is read when it is no terminal, and is a usage error on one")
    {
        const std::string payload = R"({"name": "n", "campaignType": "1", "TemplateId": "t"})";
        const auto piped = [&](std::vector<std::string_view> args) {
            std::istringstream in(payload);
            std::ostringstream out, err;
            const int status = atlas::cli::run(args, in, out, err, false, /*input_is_terminal=*/false);
            return result{status, out.str(), err.str()};
        };
        // atlas-validate < payload.json: the report of "-", CallType missing on a phone campaign.
        const auto r = piped({"--format", "json"});
        CHECK(r.status == 1);
        CHECK(r.out.find(R"("rule":"channel.call-type-required")") != std::string::npos);
        CHECK(r.out == piped({"--format", "json", "-"}).out);
        CHECK(piped({}).out.starts_with("<stdin>:1:1: error: "));
        // A file named is read instead, and the modes that read no input still read none.
        in_source_dir here;
        CHECK(piped({"examples/valid/inbound-phone.json"}).status == 0);
        CHECK(piped({"--version"}).status == 0);
        // On a terminal, nothing named is a usage error rather than a wait for typing.
        std::istringstream in(payload);
        std::ostringstream out, err;
        CHECK(atlas::cli::run(std::vector<std::string_view>{"--format", "json"}, in, out, err, false, true) == 2);
        CHECK(err.str().find("no input") != std::string::npos);
        CHECK(out.str().empty());
    }

    TEST_CASE("two ways of running at once, or an option the chosen way ignores, is a usage error")
    {
        for (const std::vector<std::string_view>& args : {std::vector<std::string_view>{"--list-rules", "--schema", "request"},
                 {"--version", "--list-rules"}, {"--help", "--version"}, {"--schema=response", "--help"},
                 {"-h", "--version"}}) {
            CAPTURE(args.front());
            const auto r = run_cli(args);
            CHECK(r.status == 2);
            CHECK(r.out.empty());
            CHECK(r.err.find("cannot be combined") != std::string::npos);
        }
        // Each of these printed as if the option were not there.
        for (const std::vector<std::string_view>& args : {std::vector<std::string_view>{"--schema", "request", "--response"},
                 {"--schema", "request", "--format", "json"}, {"--list-rules", "--profile", "strict"},
                 {"--strict", "--list-rules"}, {"--list-rules", "--response"}, {"--version", "--format=json"},
                 {"-h", "--format", "json"}}) {
            CAPTURE(args.front());
            CAPTURE(args.back());
            const auto r = run_cli(args);
            CHECK(r.status == 2);
            CHECK(r.out.empty());
            CHECK(r.err.find("does not apply to") != std::string::npos);
        }
        // A config the chosen way does not take is refused for that, before it is read: a missing file was
        // reported as unreadable, which sent the user after the file rather than the option.
        const auto config = run_cli({"--list-rules", "--config", "/nonexistent/atlas.json"});
        CHECK(config.status == 2);
        CHECK(config.err.find("--config does not apply to --list-rules") != std::string::npos);
        // What each way does take still works.
        CHECK(run_cli({"--list-rules", "--format", "markdown"}).status == 0);
        CHECK(run_cli({"--profile", "strict", "--schema", "request", "--strict"}).status == 0);
        CHECK(run_cli({"--help", "--help"}).status == 0);
    }

    TEST_CASE("output that cannot be written is an I/O error, exit status 2, whatever the verdict")
    {
        // A full disk or a closed pipe: the linter's verdict was its exit status while nobody saw its report.
        struct full_device : std::streambuf {
            int_type overflow(int_type) override { errno = ENOSPC; return traits_type::eof(); }
            std::streamsize xsputn(const char*, std::streamsize) override { errno = ENOSPC; return 0; }
        };
        const std::string valid = R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t"})";
        for (const std::vector<std::string_view>& args : {std::vector<std::string_view>{"-"}, {"--format", "json", "-"},
                 {"--list-rules"}, {"--schema", "request"}, {"--version"}, {"--help"}}) {
            CAPTURE(args.front());
            full_device device;
            std::ostream out(&device);
            std::istringstream in(valid);
            std::ostringstream err;
            CHECK(atlas::cli::run(args, in, out, err) == 2);
            CHECK(err.str() == "atlas-validate: cannot write the output: no space left on device\n");
        }
        // The line of an unreadable input too: the run stops at the first failed write, and says why it failed
        // (the missing files' errno stood in for the write's).
        {
            full_device device;
            std::ostream out(&device);
            std::istringstream in;
            std::ostringstream err;
            const std::vector<std::string_view> args{"--format", "json", "/nonexistent/a.json", "/nonexistent/b.json"};
            CHECK(atlas::cli::run(args, in, out, err) == 2);
            const std::string said = err.str();
            CHECK(said.find("cannot write the output: no space left on device") != std::string::npos);
            CHECK(said.find("b.json") == std::string::npos);
        }
        // The same run with somewhere to write is a success.
        CHECK(run_cli({"--format", "json", "-"}, valid).status == 0);
    }

    TEST_CASE("standard input named twice is a usage error: the second would read nothing")
    {
        const auto r = run_cli({"-", "-"}, R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t"})");
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("only once") != std::string::npos);
        CHECK(run_cli({"-"}, R"({"name":"a","campaignType":"1","CallType":"2","TemplateId":"t"})").status == 0);
    }

    TEST_CASE("a file that cannot be read is named with the reason")
    {
        const auto missing = run_cli({"/nonexistent/payload.json"});
        CHECK(missing.status == 2);
        CHECK(missing.err.find("cannot read \"/nonexistent/payload.json\": no such file or directory") !=
              std::string::npos);
        const auto directory = run_cli({std::filesystem::temp_directory_path().string()});
        CHECK(directory.status == 2);
        CHECK(directory.err.find(": is a directory") != std::string::npos);
        // In JSON, the unreadable input still has its line, in order: lines are matched to inputs by position.
        const std::string readable = (std::filesystem::temp_directory_path() / "atlas-cli-readable.json").string();
        std::ofstream(readable) << "{\"name\": 1}";
        const auto json = run_cli({"--format", "json", "-", "/nonexistent/payload.json", readable}, "{}");
        std::filesystem::remove(readable);
        CHECK(json.status == 2);
        std::vector<std::string> lines;
        for (std::istringstream in(json.out); std::getline(in, lines.emplace_back());) {
        }
        lines.pop_back();
        REQUIRE(lines.size() == 3);
        const auto middle = boost::json::parse(lines[1]);
        CHECK(middle.at("valid") == false);
        CHECK(middle.at("diagnostics").at(0).at("rule") == "input.unreadable");
        CHECK(middle.at("diagnostics").at(0).at("message") ==
              "cannot read \"/nonexistent/payload.json\": no such file or directory");
        for (const std::size_t readable_line : {0u, 2u}) {
            const auto report = boost::json::parse(lines[readable_line]); // kept: a range-for over a temporary's part dangles
            for (const auto& d : report.at("diagnostics").as_array())
                CHECK(d.at("rule") != "input.unreadable");
        }
        // The text form says it on standard error only, as before.
        CHECK(run_cli({"/nonexistent/payload.json"}).out.empty());
        const auto config = run_cli({"--config", "/nonexistent/atlas.json", "-"}, "{}");
        CHECK(config.status == 2);
        CHECK(config.err.find("cannot read the config \"/nonexistent/atlas.json\": no such file or directory") !=
              std::string::npos);
    }

    TEST_CASE("input larger than memory is a read failure, not an abort")
    {
        // Endless standard input under a raised max_input_bytes: the buffer's growth fails.
        std::istringstream endless(std::string(300000, ' '));
        std::string text;
        errno = 0;
        bool read = true;
        {
            const atlas_test::allocation_limit fail_after(0);
            read = atlas::cli::read_input(endless, std::numeric_limits<std::size_t>::max(), text);
        }
        CHECK_FALSE(read);
        CHECK(errno == ENOMEM);
        CHECK(atlas::cli::failure_reason(errno) == "cannot allocate memory");
    }

    TEST_CASE("empty input says it is empty, not that it ends in the middle of a value")
    {
        for (const std::string input : {"", " \n\t", "\r\n"}) { // a Windows editor's empty line too
            CAPTURE(input.size());
            const auto r = run_cli({"--format", "json", "-"}, input);
            CHECK(r.status == 1);
            CHECK(r.out.find(input.empty() ? "the input is empty" : "the input holds only white space") !=
                  std::string::npos);
            CHECK(r.out.find("\"rule\":\"json.syntax\"") != std::string::npos);
        }
        // A value cut short still says so.
        CHECK(run_cli({"--format", "json", "-"}, "{\"name\":").out.find("ends in the middle of a value") !=
              std::string::npos);
    }

    TEST_CASE("the text report escapes a file name that holds control characters")
    {
        const std::string name = "atlas-test-\x1b[31mred\n.json";
        std::ofstream(name, std::ios::binary) << "{}";
        const auto r = run_cli({name});
        std::remove(name.c_str());
        CHECK(r.status == 1);
        CHECK(r.out.find("atlas-test-\\u001b[31mred\\u000a.json:1:1: error:") != std::string::npos);
        CHECK(r.out.find('\x1b') == std::string::npos);
    }

    TEST_CASE("strict mode turns an unknown request field into an error")
    {
        const std::string payload =
            R"({"name":"n","campaignType":"0","MessagesCampaign":true,"TemplateId":"t","Calltype":"1"})";
        CHECK(run_cli({"-"}, payload).status == 0);
        const auto strict = run_cli({"--strict", "-"}, payload);
        CHECK(strict.status == 1);
        CHECK(strict.out.find("error: \"Calltype\" is not a field of the request [field.unknown]") != std::string::npos);
    }

    TEST_CASE("configs and profiles apply in command-line order, with the levels, limits and keys a config names")
    {
        // Written where nothing else writes; removed at the end.
        const auto dir = std::filesystem::temp_directory_path() / ("atlas-cli-config-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        const auto config = [&](const std::string& name, const std::string& json) {
            const std::string path = (dir / name).string();
            std::ofstream(path) << json;
            return path;
        };
        const std::string wrong_type = R"({"name":1,"campaignType":"1","CallType":"1","TemplateId":"t"})";
        const std::string type_off = config("off.json", R"({"rules":{"field.type":"off"}})");
        CHECK(run_cli({"--config", type_off, "-"}, wrong_type).status == 0);
        // A profile after a config replaces it; a config after a profile applies over it.
        const auto replaced = run_cli({"--config", type_off, "--profile", "default", "-"}, wrong_type);
        CHECK(replaced.status == 1);
        CHECK(replaced.out.find("<stdin>: invalid (1 error, 0 warnings)") != std::string::npos);
        CHECK(run_cli({"--profile", "default", "--config", type_off, "-"}, wrong_type).status == 0);
        // A rule set to "warning" reports a warning, which leaves the payload valid.
        const auto warning = run_cli({"--config", config("warning.json", R"({"rules":{"field.type":"warning"}})"),
                                         "--format", "json", "-"},
            wrong_type);
        CHECK(warning.status == 0);
        const auto report = boost::json::parse(warning.out);
        CHECK(report.at("valid") == true);
        CHECK(report.at("warnings") == 1);
        CHECK(report.at("diagnostics").at(0).at("severity") == "warning");
        CHECK(report.at("diagnostics").at(0).at("rule") == "field.type");
        // A payload over the config's max_input_bytes is one json.limit error at its first byte, not cut and read.
        const auto limited = run_cli({"--response", "--config", config("limit.json", R"({"max_input_bytes":12})"),
                                         "--format", "json", "-"},
            R"({"name":"x"} trailing)");
        CHECK(limited.status == 1);
        const auto limit_report = boost::json::parse(limited.out);
        CHECK(limit_report.at("errors") == 1);
        CHECK(limit_report.at("diagnostics").at(0).at("rule") == "json.limit");
        CHECK(limit_report.at("diagnostics").at(0).at("line") == 1);
        CHECK(limit_report.at("diagnostics").at(0).at("column") == 1);
        // A misspelt key of a template entry is refused, as every misspelt key of a config is: exit 2.
        const auto misspelt = run_cli({"--config", config("lang.json", R"({"templates":[{"id":"t","channel":"web","lang":"en"}]})"),
                                          "-"},
            R"({"name":"n","campaignType":"0","Position":"p","TemplateId":"t"})");
        CHECK(misspelt.status == 2);
        CHECK(misspelt.err.find("unknown key \"lang\"") != std::string::npos);
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("--format or --schema given twice: the last counts; markdown is only for --list-rules")
    {
        const auto text = run_cli({"--format", "json", "--format", "text", "-"}, "{}");
        CHECK(text.status == 1);
        CHECK(text.out.rfind("<stdin>:1:1: error: name is required [field.required]", 0) == 0);
        const auto schema = run_cli({"--schema", "request", "--schema", "response"});
        CHECK(schema.status == 0);
        CHECK(schema.out.find("\"$id\": \"urn:atlas:update-full-campaign:response\"") != std::string::npos);
        const auto markdown = run_cli({"--format", "markdown", "-"}, "{}");
        CHECK(markdown.status == 2);
        CHECK(markdown.out.empty());
        CHECK(markdown.err.find("--format takes text or json (or markdown, with --list-rules)") != std::string::npos);
    }

    TEST_CASE("the text summary counts as the exit status judges: warnings alone are valid")
    {
        const auto warned = run_cli({"-"}, R"({"name":"n","campaignType":"1","CallType":"1","TemplateId":"t","Colour":1})");
        CHECK(warned.status == 0);
        CHECK(warned.out.find("<stdin>: valid (0 errors, 1 warning)") != std::string::npos);
        const auto clean = run_cli({"-"}, R"({"name":"n","campaignType":"1","CallType":"1","TemplateId":"t"})");
        CHECK(clean.status == 0);
        CHECK(clean.out.find("<stdin>: valid (0 errors, 0 warnings)") != std::string::npos);
    }

    TEST_CASE("--list-rules prints every rule of the catalog, as text and as JSON")
    {
        const auto text = run_cli({"--list-rules"});
        CHECK(text.status == 0);
        const auto json = run_cli({"--list-rules", "--format", "json"});
        const auto catalog = boost::json::parse(json.out).as_array();
        CHECK(catalog.size() == std::size(atlas::rules));
        for (const auto& r : atlas::rules) {
            CHECK(text.out.find(std::string(r.id) + " ") != std::string::npos);
        }
    }

    TEST_CASE("the text report shows the source line, a caret under the spot, and the hint")
    {
        const auto r = run_cli({"-"}, "{\n  \"name\": \"n\",\n  \"campaignType\": 1\n}");
        CHECK(r.out.find("<stdin>:3:19: error: campaignType must be a string, not the number 1 [field.type]\n"
                         "      \"campaignType\": 1\n"
                         "                      ^\n"
                         "    hint: write it as a JSON string: \"campaignType\": \"1\"\n") != std::string::npos);
    }
}
