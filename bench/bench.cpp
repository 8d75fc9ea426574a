// atlas benchmark (bench/README.md). On one in-memory corpus, in one run: boost::json::parse
// alone, atlas (free function, reused validator, typed struct) and, when their headers exist,
// RapidJSON's SchemaValidator and valijson on an equivalent draft-04 JSON Schema built here from
// atlas's field tables. Prints MB/s, payloads/s, the time relative to boost::json::parse, heap
// allocations per payload, the valid count of each, and why the counts differ.
//
//   atlas-bench [--payloads N] [--rounds N] [--seed S]   the throughput tables
//   atlas-bench --smoke                                  300 payloads, 1 round (the meson test)
//   atlas-bench --ramp                                   atlas's time per MB on growing inputs
//   atlas-bench --ramp-only FAMILY                       the ramp of the families whose name starts so
//   atlas-bench --schema                                 print the draft-04 schema
//   atlas-bench --wall ...                               wall-clock time instead of the thread's CPU time
//   atlas-bench --dump FILE                              also write the corpus and atlas's verdicts as JSON lines
//
// Exit status: 0 when every sanity check passed (atlas agrees with the generator's intent, every
// disagreement with another tool has a known reason, ...), 1 otherwise, 2 for usage errors.

#include "corpus.hpp"

#include <atlas/atlas.hpp>
#include <atlas/detail/json_reader.hpp>
#include <atlas/schema.hpp>

#include <boost/json.hpp>

#if __has_include(<rapidjson/schema.h>) && !defined(ATLAS_BENCH_ATLAS_ONLY)
#define ATLAS_BENCH_RAPIDJSON 1
#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#endif
#if __has_include(<valijson/validator.hpp>) && !defined(ATLAS_BENCH_ATLAS_ONLY)
#define ATLAS_BENCH_VALIJSON 1
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <time.h>

// ---------------------------------------------------------------------------------------------
// Heap allocations: every operator new of the process (Boost.JSON's library included) is counted.
// The benchmark runs on one thread.

namespace {
std::size_t allocation_count = 0;

void* counted_alloc(std::size_t n) noexcept
{
    ++allocation_count;
    return std::malloc(n ? n : 1);
}
void* counted_aligned_alloc(std::size_t n, std::align_val_t a) noexcept
{
    ++allocation_count;
    void* p = nullptr;
    const std::size_t align = std::max(static_cast<std::size_t>(a), sizeof(void*));
    return posix_memalign(&p, align, n ? n : 1) == 0 ? p : nullptr;
}
// Out of line, so that the compiler does not see free() meet a pointer from operator new
// (-Wmismatched-new-delete): here they are the same allocator.
[[gnu::noinline]] void release(void* p) noexcept
{
    std::free(p);
}
} // namespace

void* operator new(std::size_t n)
{
    if (void* p = counted_alloc(n))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n)
{
    if (void* p = counted_alloc(n))
        return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t a)
{
    if (void* p = counted_aligned_alloc(n, a))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a)
{
    if (void* p = counted_aligned_alloc(n, a))
        return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return counted_aligned_alloc(n, a); }
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return counted_aligned_alloc(n, a); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }

namespace atlas::bench {

/// The time the benchmark's thread spent on the CPU (default: other processes share this machine,
/// and time spent waiting for a core is not the code's), or wall-clock time with --wall.
inline bool wall_clock = false;

inline double seconds_now() noexcept
{
    if (wall_clock)
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// ---------------------------------------------------------------------------------------------
// The draft-04 schema, from atlas's field tables

/// RFC 3339 date-time as a regular expression both RapidJSON's engine and std::regex accept
/// (no \d). It cannot know month lengths (30 February passes). The offset is optional because
/// atlas accepts a missing one with a warning.
inline constexpr std::string_view date_time_pattern =
    "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
    "(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?$";

/// ToolIds: "" or comma-separated items that are not empty or white space only (space and tab).
inline constexpr std::string_view tool_ids_pattern = "^([^,]*[^,\t ][^,]*(,[^,]*[^,\t ][^,]*)*)?$";

/// The request body as a draft-04 JSON Schema: what draft-04 can state of atlas's rules. An
/// optional field may be null (atlas reads null as omitted, with a warning).
inline boost::json::object draft04_request_schema()
{
    namespace json = boost::json;
    json::object properties;
    json::array required;
    for (const field_info& f : request_fields) {
        json::object p;
        const auto type = [&](std::string_view t) {
            if (f.required)
                p["type"] = t;
            else
                p["type"] = json::array{t, "null"};
        };
        const auto values = [&](auto&& names) {
            json::array e;
            for (const auto& v : names)
                e.emplace_back(json::string_view(v.data(), v.size()));
            if (!f.required)
                e.emplace_back(nullptr); // enum applies to every type: let null through
            p["enum"] = std::move(e);
        };
        switch (f.kind) {
        case value_kind::text:
        case value_kind::time_windows: // its content is JSON: draft-04 cannot look inside a string
        case value_kind::json_text: type("string"); break;
        case value_kind::non_empty_text:
        case value_kind::open_enum:
            type("string");
            p["minLength"] = 1;
            break;
        case value_kind::closed_enum: {
            type("string");
            std::vector<std::string_view> wire;
            for (const enum_value& v : f.values)
                wire.push_back(v.wire);
            values(wire);
            break;
        }
        case value_kind::boolean: type("boolean"); break;
        case value_kind::integer:
            type("integer");
            p["minimum"] = f.min;
            p["maximum"] = f.max;
            break;
        case value_kind::date_time:
            type("string");
            p["pattern"] = date_time_pattern;
            break;
        case value_kind::time_zone:
            type("string");
            values(time_zone_names());
            break;
        case value_kind::tool_ids:
            type("string");
            p["pattern"] = tool_ids_pattern;
            break;
        }
        properties[f.name] = std::move(p);
        if (f.required)
            required.emplace_back(f.name);
    }

    // The contract's channel table: exactly one of the four channels. "Must be absent" is
    // not: {required: [...]}; a required channel field must also not be null.
    const auto absent = [](std::initializer_list<std::string_view> names) {
        json::array any;
        for (std::string_view n : names)
            any.push_back(json::object{{"required", json::array{n}}});
        return json::object{{"anyOf", std::move(any)}};
    };
    const auto phone = [&](std::string_view call_type, std::string_view title) {
        return json::object{{"title", title},
            {"properties", json::object{{"campaignType", json::object{{"enum", json::array{"1"}}}},
                               {"CallType", json::object{{"enum", json::array{call_type}}}},
                               {"MessagesCampaign", json::object{{"not", json::object{{"enum", json::array{true}}}}}}}},
            {"required", json::array{"CallType"}}, {"not", absent({"Position"})}};
    };
    json::array channels{
        phone("1", "inbound phone"),
        phone("2", "outbound phone"),
        json::object{{"title", "voice bubble"},
            {"properties", json::object{{"campaignType", json::object{{"enum", json::array{"0"}}}},
                               {"MessagesCampaign", json::object{{"enum", json::array{false}}}},
                               {"Position", json::object{{"type", "string"}}}}},
            {"required", json::array{"Position"}}, {"not", absent({"CallType"})}},
        json::object{{"title", "messages (SMS)"},
            {"properties", json::object{{"campaignType", json::object{{"enum", json::array{"0"}}}},
                               {"MessagesCampaign", json::object{{"enum", json::array{true}}}}}},
            {"required", json::array{"MessagesCampaign"}}, {"not", absent({"CallType", "Position"})}},
    };

    return json::object{{"$schema", "http://json-schema.org/draft-04/schema#"},
        {"title", "Update full campaign: request body (draft-04, generated by atlas-bench)"}, {"type", "object"},
        {"properties", std::move(properties)}, {"required", std::move(required)}, {"oneOf", std::move(channels)}};
}

// ---------------------------------------------------------------------------------------------
// The contenders

/// One way to judge a payload: true when it is valid (or, for a parser, when it parsed).
struct contender {
    std::string name;
    bool validator = true; // a validator, whose verdicts are compared with atlas's; else a parser
    std::function<bool(std::string_view)> judge;
    std::function<std::string(std::string_view)> explain; // why it rejects a payload (for the breakdown)

    contender(std::string n, bool v, std::function<bool(std::string_view)> j,
        std::function<std::string(std::string_view)> e = {})
        : name(std::move(n)), validator(v), judge(std::move(j)), explain(std::move(e))
    {
    }

    double best_seconds = std::numeric_limits<double>::infinity();
    double allocations_per_payload = 0;
    std::vector<char> verdicts;
    std::size_t valid = 0;
};

/// boost::json::parse over a fresh monotonic_resource on a reused buffer, with a reused parser.
/// (Boost 1.81's monotonic_resource::release() doubles the next block on every reuse, so the
/// resource is made anew per payload; only the buffer is reused.)
class monotonic_parse {
public:
    bool operator()(std::string_view text)
    {
        bool ok = false;
        {
            boost::json::monotonic_resource resource(buffer_.data(), buffer_.size());
            parser_.reset(&resource);
            boost::system::error_code ec;
            parser_.write(text.data(), text.size(), ec);
            if (!ec) {
                boost::json::value v = parser_.release();
                ok = true;
            }
            parser_.reset(); // let go of a partial value while its resource still lives
        }
        return ok;
    }

private:
    std::vector<unsigned char> buffer_ = std::vector<unsigned char>(64 * 1024);
    unsigned char temp_[4096];
    boost::json::parser parser_{boost::json::storage_ptr(), {}, temp_, sizeof temp_};
};

/// The typed path: parse_request (Boost.JSON's parse, a repeated key refused, value_to: each throws on what it
/// cannot read, which is invalid), then validate the struct.
inline bool typed_valid(std::string_view text, std::string* why = nullptr)
{
    try {
        const auto request = parse_request(text);
        const report r = validate(request);
        if (why && !r.valid())
            for (const diagnostic& d : r.diagnostics)
                if (d.severity == severity::error) {
                    *why = "error " + d.rule;
                    break;
                }
        return r.valid();
    } catch (const std::exception& e) {
        if (why)
            *why = std::string("parse_request threw: ") + e.what();
        return false;
    }
}

#if ATLAS_BENCH_RAPIDJSON
/// RapidJSON's SchemaValidator as a SAX handler of its Reader: parsing and validating in one pass,
/// no DOM (the fastest way RapidJSON validates). Both are reused between payloads.
class rapidjson_schema {
public:
    explicit rapidjson_schema(const std::string& schema_text)
    {
        document_.Parse(schema_text.data(), schema_text.size());
        if (document_.HasParseError())
            throw std::runtime_error("RapidJSON cannot read the schema");
        schema_ = std::make_unique<rapidjson::SchemaDocument>(document_);
        validator_ = std::make_unique<rapidjson::SchemaValidator>(*schema_);
    }

    bool operator()(std::string_view text)
    {
        validator_->Reset();
        rapidjson::MemoryStream stream(text.data(), text.size());
        const rapidjson::ParseResult parsed = reader_.Parse<rapidjson::kParseValidateEncodingFlag>(stream, *validator_);
        return parsed && validator_->IsValid();
    }

    std::string explain(std::string_view text)
    {
        if ((*this)(text))
            return "valid";
        if (validator_->IsValid())
            return "parse error";
        rapidjson::StringBuffer pointer;
        validator_->GetInvalidDocumentPointer().StringifyUriFragment(pointer);
        return std::string("keyword ") + validator_->GetInvalidSchemaKeyword() + " at " + pointer.GetString();
    }

private:
    rapidjson::Document document_;
    std::unique_ptr<rapidjson::SchemaDocument> schema_;
    std::unique_ptr<rapidjson::SchemaValidator> validator_;
    rapidjson::Reader reader_;
};

inline bool rapidjson_parses(std::string_view text)
{
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    return !d.HasParseError();
}
#endif

#if ATLAS_BENCH_VALIJSON
/// valijson over Boost.JSON's DOM (boost::json::parse, then the validator; reused: it caches regexes).
class valijson_schema {
public:
    explicit valijson_schema(const boost::json::value& schema) : schema_json_(schema)
    {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
        const valijson::adapters::BoostJsonAdapter adapter(schema_json_);
        parser.populateSchema(adapter, schema_);
    }

    bool operator()(std::string_view text) { return check(text, nullptr); }

    std::string explain(std::string_view text)
    {
        valijson::ValidationResults results;
        if (check(text, &results))
            return "valid";
        valijson::ValidationResults::Error e;
        std::string deepest;
        while (results.popError(e)) {
            std::string where;
            for (const std::string& c : e.context)
                where += c;
            if (where.size() >= deepest.size())
                deepest = where + ": " + e.description;
        }
        return deepest.empty() ? "parse error" : deepest;
    }

private:
    bool check(std::string_view text, valijson::ValidationResults* results)
    {
        boost::system::error_code ec;
        const boost::json::value doc = boost::json::parse(text, ec);
        if (ec)
            return false;
        const valijson::adapters::BoostJsonAdapter adapter(doc);
        return validator_.validate(schema_, adapter, results);
    }

    boost::json::value schema_json_;
    valijson::Schema schema_;
    valijson::Validator validator_;
};
#endif

// ---------------------------------------------------------------------------------------------
// Why a tool and atlas disagree

/// What a draft-04 schema cannot state, by the atlas rule that catches it; empty for what it can.
inline std::string_view schema_blind_spot(std::string_view rule)
{
    if (rule == "json.duplicate-key")
        return "duplicate keys (a parser keeps one value)";
    if (rule.starts_with("time-windows."))
        return "TimeWindows content (JSON inside a string)";
    if (rule == "json-text.syntax")
        return "JSON inside a string";
    if (rule == "datetime.format")
        return "calendar-exact dates (30 February)";
    return {};
}

/// The reused validator runs the same engine: it has no blind spot of its own.
inline std::string_view no_blind_spot(std::string_view) { return {}; }


struct disagreement_counts {
    std::size_t total = 0;
    std::map<std::string, std::size_t> by_reason;
    std::size_t unexplained = 0;
};

/// Compares a tool's verdicts with atlas's; atlas's error rules say what the tool could not see.
inline disagreement_counts compare(const contender& tool, const std::vector<char>& atlas_verdicts,
    const std::vector<std::vector<std::string>>& atlas_errors, const std::vector<payload>& corpus,
    std::string_view (*blind_spot)(std::string_view))
{
    disagreement_counts out;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        if (tool.verdicts[i] == atlas_verdicts[i])
            continue;
        ++out.total;
        std::string reason;
        if (!atlas_verdicts[i]) {
            // atlas rejects, the tool accepts: every error atlas found must be out of the tool's sight.
            std::set<std::string_view> spots;
            bool explained = true;
            for (const std::string& rule : atlas_errors[i]) {
                const std::string_view spot = blind_spot(rule);
                if (spot.empty())
                    explained = false;
                else
                    spots.insert(spot);
            }
            if (explained) {
                for (std::string_view s : spots)
                    reason += (reason.empty() ? "" : " + ") + std::string(s);
            } else {
                reason = "unexplained: atlas reports";
                for (const std::string& rule : atlas_errors[i])
                    reason += " " + rule;
                ++out.unexplained;
            }
        } else {
            reason = "unexplained: only " + tool.name + " rejects (" +
                     (tool.explain ? tool.explain(corpus[i].text) : std::string("?")) + ")";
            ++out.unexplained;
        }
        ++out.by_reason[reason];
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Output

inline std::string fixed(double v, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

inline std::string thousands(double v)
{
    const std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-')
            out += ',';
        out += digits[i];
    }
    return out;
}

struct checks {
    std::size_t passed = 0, failed = 0;
    void expect(bool ok, const std::string& what)
    {
        (ok ? passed : failed) += 1;
        std::cout << (ok ? "  ok    " : "  FAIL  ") << what << "\n";
    }
};

// ---------------------------------------------------------------------------------------------
// The throughput run

struct settings {
    std::size_t payloads = 20000;
    int rounds = 5;
    std::uint64_t seed = 2026;
    std::string dump;
};

inline void describe_corpus(const std::vector<payload>& corpus, std::size_t bytes)
{
    std::size_t smallest = std::numeric_limits<std::size_t>::max(), largest = 0, full = 0, intended = 0,
                warned = 0, malformed = 0, escaped = 0, non_ascii = 0;
    std::map<campaign_channel, std::size_t> channels;
    std::map<std::string_view, std::size_t> defects;
    for (const payload& p : corpus) {
        smallest = std::min(smallest, p.text.size());
        largest = std::max(largest, p.text.size());
        full += p.full;
        intended += p.intended_valid();
        ++channels[p.channel];
        for (defect d : p.defects) {
            ++defects[info(d).name];
            malformed += d == defect::truncated || d == defect::trailing_comma;
        }
        warned += p.intended_valid() && !p.defects.empty();
        escaped += p.text.find("\\u") != std::string::npos;
        non_ascii += std::any_of(p.text.begin(), p.text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    }
    const double n = static_cast<double>(corpus.size());
    std::cout << "corpus: " << corpus.size() << " payloads, " << fixed(static_cast<double>(bytes) / 1e6, 1)
              << " MB (min " << smallest << " B, mean " << thousands(static_cast<double>(bytes) / n) << " B, max "
              << largest << " B)\n";
    std::cout << "  channels:";
    for (const auto& [c, k] : channels)
        std::cout << " " << to_string(c) << " " << k << ";";
    std::cout << " full updates " << full << ", partial " << corpus.size() - full << "\n";
    std::cout << "  meant valid " << intended << " (" << fixed(100.0 * static_cast<double>(intended) / n, 1)
              << "%, " << warned << " of them with warnings), meant invalid " << corpus.size() - intended << " ("
              << malformed << " malformed JSON); with \\u escapes " << escaped << ", with raw UTF-8 " << non_ascii << "\n";
    std::cout << "  defects put in:";
    for (const auto& [name, k] : defects)
        std::cout << " " << name << " " << k << ";";
    std::cout << "\n";
}

inline int run_throughput(const settings& s)
{
    const std::vector<payload> corpus = make_corpus(s.payloads, s.seed);
    std::size_t bytes = 0;
    for (const payload& p : corpus)
        bytes += p.text.size();
    describe_corpus(corpus, bytes);

    const boost::json::object schema = draft04_request_schema();
    const std::string schema_text = boost::json::serialize(schema);

    std::vector<contender> tools;
    tools.emplace_back("boost::json::parse (default resource)", false, [](std::string_view t) {
        boost::system::error_code ec;
        const boost::json::value v = boost::json::parse(t, ec);
        return !ec;
    });
    auto monotonic = std::make_shared<monotonic_parse>();
    tools.push_back({"boost::json parser, monotonic buffer", false, [monotonic](std::string_view t) { return (*monotonic)(t); }});
    tools.push_back({"atlas::validate_request", true, [](std::string_view t) { return validate_request(t).valid(); }});
    auto reused = std::make_shared<validator>();
    tools.push_back({"atlas::validator (reused)", true, [reused](std::string_view t) { return reused->validate_request(t).valid(); }});
    // Not a validator: the tokens of atlas's own JSON reader, with no rule and no field slot. It shows how much of
    // atlas's time is reading the text, the floor under any rule engine built on that reader.
    auto reader = std::make_shared<atlas::detail::json_reader>();
    tools.push_back({"atlas JSON reader alone (tokens, no rules)", false, [reader](std::string_view t) {
        reader->reset(t);
        for (;;) {
            const atlas::detail::json_token token = reader->next();
            if (token.kind == atlas::detail::token_kind::end_of_input)
                return true;
            if (token.kind == atlas::detail::token_kind::error)
                return false;
        }
    }});
    tools.push_back({"atlas typed (parse_request, validate)", true, [](std::string_view t) { return typed_valid(t); },
        [](std::string_view t) {
            std::string why;
            typed_valid(t, &why);
            return why;
        }});
#if ATLAS_BENCH_RAPIDJSON
    tools.push_back({"RapidJSON Document::Parse", false, [](std::string_view t) { return rapidjson_parses(t); }});
    auto rapid = std::make_shared<rapidjson_schema>(schema_text);
    auto rapid_explainer = std::make_shared<rapidjson_schema>(schema_text);
    tools.push_back({"RapidJSON SchemaValidator (draft-04)", true, [rapid](std::string_view t) { return (*rapid)(t); },
        [rapid_explainer](std::string_view t) { return rapid_explainer->explain(t); }});
#endif
#if ATLAS_BENCH_VALIJSON
    auto vali = std::make_shared<valijson_schema>(boost::json::value(schema));
    auto vali_explainer = std::make_shared<valijson_schema>(boost::json::value(schema));
    tools.push_back({"valijson (draft-04, Boost.JSON DOM)", true, [vali](std::string_view t) { return (*vali)(t); },
        [vali_explainer](std::string_view t) { return vali_explainer->explain(t); }});
#endif

    // The verdicts, once, outside the timed rounds; atlas's error rules explain disagreements.
    std::vector<std::vector<std::string>> atlas_errors(corpus.size());
    std::vector<char> clean(corpus.size()); // no diagnostic at all
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        const report r = validate_request(corpus[i].text);
        clean[i] = r.diagnostics.empty();
        for (const diagnostic& d : r.diagnostics)
            if (d.severity == severity::error)
                atlas_errors[i].push_back(d.rule);
    }
    for (contender& t : tools) {
        t.verdicts.resize(corpus.size());
        for (std::size_t i = 0; i < corpus.size(); ++i)
            t.valid += (t.verdicts[i] = t.judge(corpus[i].text) ? 1 : 0);
    }

    // Rounds interleave the tools, so that a burst of load on the machine hits all of them alike;
    // the best round counts. Allocations are counted in the last round (steady state).
    std::cout << "\nrounds: " << s.rounds << " (the best counts; " << (wall_clock ? "wall-clock" : "thread CPU")
              << " time)" << std::flush;
    for (int round = 0; round < s.rounds; ++round) {
        for (contender& t : tools) {
            std::size_t valid = 0;
            const std::size_t allocations_before = allocation_count;
            const double start = seconds_now();
            for (const payload& p : corpus)
                valid += t.judge(p.text);
            const double seconds = seconds_now() - start;
            t.best_seconds = std::min(t.best_seconds, seconds);
            t.allocations_per_payload =
                static_cast<double>(allocation_count - allocations_before) / static_cast<double>(corpus.size());
            if (valid != t.valid)
                std::cerr << t.name << ": the verdicts changed between rounds\n";
        }
        std::cout << " ." << std::flush;
    }
    std::cout << "\n\n";

    const double parse_seconds = tools[0].best_seconds;
    std::cout << "| tool | MB/s | payloads/s | time vs boost::json::parse | allocations/payload | valid |\n"
                 "|---|---:|---:|---:|---:|---:|\n";
    for (const contender& t : tools)
        std::cout << "| " << t.name << " | " << fixed(static_cast<double>(bytes) / 1e6 / t.best_seconds, 1) << " | "
                  << thousands(static_cast<double>(corpus.size()) / t.best_seconds) << " | "
                  << fixed(t.best_seconds / parse_seconds, 2) << "\u00d7 | " << fixed(t.allocations_per_payload, 1)
                  << " | " << (t.validator ? thousands(static_cast<double>(t.valid)) : thousands(static_cast<double>(t.valid)) + " parsed")
                  << " |\n";

    // Disagreements with atlas (the free function), by reason.
    const contender& atlas_tool = tools[2];
    std::cout << "\n| tool | payloads judged otherwise than atlas | reason (payloads) |\n|---|---:|---|\n";
    checks c;
    std::vector<std::pair<std::string, disagreement_counts>> comparisons;
    for (const contender& t : tools) {
        if (!t.validator || &t == &atlas_tool)
            continue;
        // The reused validator runs the same engine, and the typed path the same rules (parse_request refuses a
        // repeated key): neither has a blind spot of its own.
        const bool same_rules = t.name.starts_with("atlas::validator") || t.name.starts_with("atlas typed");
        const disagreement_counts d =
            compare(t, atlas_tool.verdicts, atlas_errors, corpus, same_rules ? no_blind_spot : schema_blind_spot);
        std::string reasons;
        for (const auto& [reason, k] : d.by_reason)
            reasons += (reasons.empty() ? "" : "; ") + reason + " (" + std::to_string(k) + ")";
        std::cout << "| " << t.name << " | " << d.total << " | " << (reasons.empty() ? "\u2014" : reasons) << " |\n";
        comparisons.emplace_back(t.name, d);
    }

    // The generator's intent, checked by atlas; and the sanity of every count.
    std::size_t intent_mismatches = 0, malformed = 0, atlas_valid = 0;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        const bool meant = corpus[i].intended_valid();
        if (meant != static_cast<bool>(atlas_tool.verdicts[i])) {
            if (++intent_mismatches <= 5) {
                std::cout << "\nmeant " << (meant ? "valid" : "invalid") << ", atlas says otherwise (defects:";
                for (defect d : corpus[i].defects)
                    std::cout << " " << info(d).name << ";";
                std::cout << ")\n" << validate_request(corpus[i].text).to_text(corpus[i].text);
            }
        }
        for (defect d : corpus[i].defects)
            malformed += d == defect::truncated || d == defect::trailing_comma;
        atlas_valid += atlas_tool.verdicts[i];
    }
    const double valid_share = static_cast<double>(atlas_valid) / static_cast<double>(corpus.size());
    std::cout << "\nchecks:\n";
    c.expect(intent_mismatches == 0, "atlas judges every payload as the generator meant it (" +
                                         std::to_string(intent_mismatches) + " otherwise)");
    c.expect(valid_share > 0.6 && valid_share < 0.82,
        "atlas finds " + fixed(100 * valid_share, 1) + "% of the corpus valid (the generator aims at 71%)");
    for (const contender& t : tools) {
        if (!(t.best_seconds > 0 && std::isfinite(t.best_seconds)))
            c.expect(false, t.name + ": no time measured");
        if (!t.validator)
            c.expect(t.valid == corpus.size() - malformed,
                t.name + " parses every payload but the " + std::to_string(malformed) + " malformed ones (" +
                    std::to_string(t.valid) + " parsed)");
    }
    // validator.hpp's promise: once its buffers have grown, a payload without diagnostics costs no
    // heap allocation (the rounds above were the warm-up).
    std::size_t clean_payloads = 0, clean_allocations = 0;
    for (std::size_t i = 0; i < corpus.size(); ++i)
        if (clean[i]) {
            const std::size_t before = allocation_count;
            const bool ok = reused->validate_request(corpus[i].text).valid();
            clean_allocations += allocation_count - before;
            clean_payloads += ok;
        }
    c.expect(clean_payloads > 0 && clean_allocations == 0,
        "a reused atlas::validator allocates nothing on the " + std::to_string(clean_payloads) +
            " payloads without diagnostics (" + std::to_string(clean_allocations) + " allocations)");
    for (const auto& [name, d] : comparisons) {
        if (name.starts_with("atlas::validator"))
            c.expect(d.total == 0, name + " gives the free function's verdict on every payload");
        else
            c.expect(d.unexplained == 0, name + ": every disagreement with atlas has a known reason (" +
                                             std::to_string(d.unexplained) + " without)");
    }

    if (!s.dump.empty()) {
        std::ofstream out(s.dump, std::ios::binary);
        for (std::size_t i = 0; i < corpus.size(); ++i) {
            boost::json::array errors;
            for (const std::string& rule : atlas_errors[i])
                errors.emplace_back(rule);
            out << boost::json::serialize(boost::json::object{{"text", corpus[i].text},
                       {"atlas_valid", static_cast<bool>(atlas_tool.verdicts[i])}, {"atlas_errors", std::move(errors)}})
                << "\n";
        }
        c.expect(static_cast<bool>(out), "corpus written to " + s.dump);
    }
    std::cout << "bench: " << c.passed << " passed, " << c.failed << " failed\n";
    return c.failed == 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// The size ramp: atlas's time per MB on growing inputs

struct ramp_point {
    std::string family;
    std::size_t n;
    std::string text;
};

inline std::string unknown_keys_payload(std::size_t keys)
{
    std::string s = R"({"name":"Ramp","campaignType":"1","CallType":"1","TemplateId":"tpl_inbound_en_02")";
    char key[32];
    for (std::size_t k = 0; k < keys; ++k) {
        std::snprintf(key, sizeof key, "x_custom_field_%06zu", k);
        s += ",\"";
        s += key;
        s += "\":\"a value a client library added to every request, about seventy bytes\"";
    }
    return s + "}";
}

inline std::string time_windows_payload(std::size_t windows, rng& r)
{
    std::vector<detail::window> list;
    for (std::size_t k = 0; k < windows; ++k) {
        const int start = r.between(0, 24 * 60 - 1);
        list.push_back({start, (start + r.between(15, 120)) % (24 * 60)});
    }
    std::string s = R"({"name":"Ramp","campaignType":"1","CallType":"2","TemplateId":"tpl_outbound_en_01","TimeWindows":)";
    detail::append_json_string(s, detail::time_windows_text(list, false), false);
    return s + "}";
}

/// ToolIds of n items written with a \u escape, every other one empty ("tool\u005f1,,tool\u005f2,,..."):
/// one error per empty item, in an escaped string.
inline std::string tool_ids_payload(std::size_t items)
{
    std::string s = R"({"name":"Ramp","campaignType":"1","CallType":"1","TemplateId":"tpl_inbound_en_01","ToolIds":")";
    for (std::size_t k = 0; k < items; k += 2)
        s += (k ? ",," : "") + std::string("tool\\u005f") + std::to_string(k);
    return s + "\"}";
}

/// TimeWindows of n windows, each with a string hour and no endMinute: two errors a window, the second placed before
/// the first (at the window's brace). Session 13's probe found them placed in quadratic time.
inline std::string bad_windows_payload(std::size_t windows, std::string_view window = R"({"startHour":"9","startMinute":0,"endHour":10})")
{
    std::string content = "[";
    for (std::size_t k = 0; k < windows; ++k)
        content += (k ? "," : "") + std::string(window);
    std::string s = R"({"name":"Ramp","campaignType":"1","CallType":"2","TemplateId":"tpl_outbound_en_01","TimeWindows":)";
    detail::append_json_string(s, content + "]", false);
    return s + "}";
}

/// One unknown key of n bytes over an object of duplicate keys (a tenth of n of them): each duplicate's pointer
/// repeats the long key. Session 13's probe found a report a thousand times the input, built in quadratic time.
inline std::string long_key_payload(std::size_t bytes)
{
    std::string s = R"({"name":"Ramp","campaignType":"1","CallType":"1","TemplateId":"tpl_inbound_en_01",")";
    s.append(bytes, 'k');
    s += "\":{";
    for (std::size_t k = 0; k < bytes / 60; ++k)
        s += k ? ",\"a\":1" : "\"a\":1";
    return s + "}}";
}

inline std::string long_string_payload(std::size_t bytes, rng& r)
{
    std::string script;
    while (script.size() < bytes) {
        const detail::language& lang = detail::languages[r.below(std::size(detail::languages))];
        script += detail::sentence(r, lang);
        script += r.chance(0.2) ? "\n" : " ";
    }
    std::string s = R"({"name":"Ramp","campaignType":"1","CallType":"1","TemplateId":"tpl_inbound_en_01","ScriptBase":)";
    detail::append_json_string(s, script, false);
    return s + "}";
}

/// `only`: run the families whose name starts with it (all when empty).
inline int run_ramp(std::string_view only)
{
    rng r(7);
    std::vector<ramp_point> points;
    for (std::size_t keys = 6250; keys <= 100000; keys *= 2)
        points.push_back({"unknown keys", keys, unknown_keys_payload(keys)});
    for (std::size_t windows = 1250; windows <= 20000; windows *= 2)
        points.push_back({"TimeWindows windows", windows, time_windows_payload(windows, r)});
    for (std::size_t items = 6250; items <= 100000; items *= 2)
        points.push_back({"ToolIds items (escaped, half empty)", items, tool_ids_payload(items)});
    for (std::size_t bytes = 5u << 20 >> 4; bytes <= 5u << 20; bytes *= 2)
        points.push_back({"ScriptBase bytes", bytes, long_string_payload(bytes, r)});
    for (std::size_t windows = 1250; windows <= 20000; windows *= 2)
        points.push_back({"TimeWindows bad windows", windows, bad_windows_payload(windows)});
    for (std::size_t bytes = 62500; bytes <= 1000000; bytes *= 2)
        points.push_back({"long key over duplicates (bytes)", bytes, long_key_payload(bytes)});
    // {} has four findings in three bytes: session 14's probe found 250 times the input held past the limit.
    for (std::size_t windows = 62500; windows <= 1000000; windows *= 2)
        points.push_back({"TimeWindows empty windows", windows, bad_windows_payload(windows, "{}")});

    std::cout << "(" << (wall_clock ? "wall-clock" : "thread CPU") << " time, best of up to 5 runs)\n\n";
    std::cout << "| input | n | size (MB) | best time (ms) | ms per MB | MB/s | diagnostics |\n"
                 "|---|---:|---:|---:|---:|---:|---:|\n";
    std::map<std::string, std::vector<double>> ms_per_mb_of; // family: ms per MB at each size, smallest first
    for (const ramp_point& p : points) {
        if (!p.family.starts_with(only))
            continue;
        double best = std::numeric_limits<double>::infinity();
        std::size_t diagnostics = 0;
        // Best of 5; of 1 when a run takes seconds (the super-linear cases).
        double spent = 0;
        for (int rep = 0; rep < 5 && spent < 5; ++rep) {
            const double start = seconds_now();
            const report result = validate_request(p.text);
            const double seconds = seconds_now() - start;
            best = std::min(best, seconds);
            spent += seconds;
            diagnostics = result.diagnostics.size();
        }
        const double mb = static_cast<double>(p.text.size()) / 1e6;
        const double ms_per_mb = best * 1e3 / mb;
        ms_per_mb_of[p.family].push_back(ms_per_mb);
        std::cout << "| " << p.family << " | " << thousands(static_cast<double>(p.n)) << " | " << fixed(mb, 2) << " | "
                  << fixed(best * 1e3, 1) << " | " << fixed(ms_per_mb, 2) << " | " << fixed(mb / best, 0) << " | "
                  << diagnostics << " |\n";
    }
    std::cout << "\n";
    // Linear is judged between the largest size and a quarter of it (quadratic cost shows there as 4x). Against
    // the smallest size it would judge the cache: a 0.33 MB string held in a 1 MiB L2 scans 3x faster per MB
    // than 5 MB from memory, which flagged a plain scan "NOT linear" on one machine.
    for (const auto& [family, per_mb] : ms_per_mb_of) {
        const double growth = per_mb.back() / per_mb[per_mb.size() >= 3 ? per_mb.size() - 3 : 0];
        std::cout << family << ": time per MB at the largest size is " << fixed(growth, 2)
                  << "\u00d7 that at a quarter of it, " << fixed(per_mb.back() / per_mb.front(), 2)
                  << "\u00d7 that at the smallest" << (growth < 1.5 ? " (linear)" : " (NOT linear)") << "\n";
    }
    return 0;
}

} // namespace atlas::bench

int main(int argc, char** argv)
{
    using namespace atlas::bench;
    settings s;
    bool ramp = false, print_schema = false;
    std::string_view ramp_only;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const auto number = [&]() -> unsigned long long {
            if (i + 1 >= argc) {
                std::cerr << "atlas-bench: " << a << " needs a number\n";
                std::exit(2);
            }
            return std::strtoull(argv[++i], nullptr, 10);
        };
        if (a == "--payloads")
            s.payloads = static_cast<std::size_t>(number());
        else if (a == "--rounds")
            s.rounds = static_cast<int>(number());
        else if (a == "--seed")
            s.seed = number();
        else if (a == "--smoke") {
            s.payloads = 300;
            s.rounds = 1;
        } else if (a == "--ramp")
            ramp = true;
        else if (a == "--ramp-only" && i + 1 < argc) {
            ramp = true;
            ramp_only = argv[++i];
        }
        else if (a == "--wall")
            wall_clock = true;
        else if (a == "--schema")
            print_schema = true;
        else if (a == "--dump" && i + 1 < argc)
            s.dump = argv[++i];
        else {
            std::cerr << "usage: atlas-bench [--wall] [--payloads N] [--rounds N] [--seed S] [--smoke] [--dump FILE]\n"
                         "       atlas-bench [--wall] --ramp | --ramp-only FAMILY\n"
                         "       atlas-bench --schema\n";
            return 2;
        }
    }
    if (s.payloads < 20 || s.rounds < 1) {
        std::cerr << "atlas-bench: at least 20 payloads and 1 round\n";
        return 2;
    }
    if (print_schema) {
        std::cout << atlas::to_indented_json(draft04_request_schema());
        return 0;
    }
    return ramp ? run_ramp(ramp_only) : run_throughput(s);
}
