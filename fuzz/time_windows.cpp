// Fuzz target: any bytes as the content of TimeWindows (a JSON string of an outbound phone request), escaped
// minimally and as \u escapes; the TimeWindows findings are compared with a model written here.
#include "fuzz_common.hpp"

#include <atlas/validate.hpp>

#include <array>
#include <bitset>
#include <cmath>

namespace {

using namespace atlas;

bool under(std::string_view path, std::string_view field)
{
    return path.substr(0, field.size()) == field && (path.size() == field.size() || path[field.size()] == '/');
}

/// The minutes of the day a window covers; one that ends before it starts crosses midnight.
std::bitset<1440> minutes(int start, int end)
{
    std::bitset<1440> covered;
    for (int m = start; m != end; m = (m + 1) % 1440)
        covered.set(static_cast<std::size_t>(m));
    return covered;
}

/// Nesting depth of a value, and whether every number in it is finite (1e400 is a json.number-range error).
std::size_t depth_of(const boost::json::value& v, bool& finite)
{
    std::size_t inner = 0;
    if (v.is_double() && !std::isfinite(v.as_double()))
        finite = false;
    if (v.is_array())
        for (const boost::json::value& x : v.as_array())
            inner = std::max(inner, depth_of(x, finite));
    if (v.is_object())
        for (const auto& kv : v.as_object())
            inner = std::max(inner, depth_of(kv.value(), finite));
    return v.is_array() || v.is_object() ? inner + 1 : 0;
}

/// What the contract says about the content, from Boost.JSON's reading of it: the windows that must be reported
/// as overlapping, or nullopt when the content is not an array of well-formed windows (then errors are expected).
std::optional<std::vector<std::size_t>> model(const boost::json::value& content)
{
    bool finite = true;
    depth_of(content, finite);
    if (!finite)
        return std::nullopt;
    static constexpr std::array<std::string_view, 4> keys = {"startHour", "startMinute", "endHour", "endMinute"};
    if (!content.is_array())
        return std::nullopt;
    std::vector<std::pair<std::size_t, std::bitset<1440>>> windows;
    std::vector<std::size_t> overlapping;
    for (std::size_t index = 0; index < content.as_array().size(); ++index) {
        const boost::json::value& w = content.as_array()[index];
        if (!w.is_object())
            return std::nullopt;
        std::array<int, 4> v{};
        for (std::size_t k = 0; k < 4; ++k) {
            const boost::json::value* x = w.as_object().if_contains(keys[k]);
            if (!x || !x->is_int64())
                return std::nullopt;
            const std::int64_t max = k % 2 == 0 ? 23 : 59;
            if (x->as_int64() < 0 || x->as_int64() > max)
                return std::nullopt;
            v[k] = static_cast<int>(x->as_int64());
        }
        const int start = v[0] * 60 + v[1], end = v[2] * 60 + v[3];
        if (start == end)
            continue; // time-windows.empty: takes no part in the overlap check
        const std::bitset<1440> covered = minutes(start, end);
        if (std::any_of(windows.begin(), windows.end(), [&](const auto& e) { return (e.second & covered).any(); }))
            overlapping.push_back(index);
        windows.emplace_back(index, covered);
    }
    return overlapping;
}

void check_one(std::string_view content_bytes, fuzz::escaping how)
{
    const std::vector<std::uint32_t> cps = fuzz::code_points(content_bytes);
    const std::string content = fuzz::utf8_of(cps); // what atlas decodes from the JSON string
    const std::string contents = fuzz::json_string_contents(cps, how);
    const fuzz::field_run run = fuzz::validate_field("TimeWindows", contents);
    const std::size_t value_at = run.value_at;
    const report& r = run.result;

    // Every finding is about TimeWindows (the rest of the payload is valid), inside its string value.
    const std::size_t value_end = value_at + 1 + contents.size(); // the closing quote
    bool errors = false, duplicate = false, truncated = false;
    std::vector<std::size_t> overlapping;
    for (const diagnostic& d : r.diagnostics) {
        if (d.rule == "report.truncated") {
            truncated = true; // the model cannot tell what was left out
            continue;
        }
        fuzz::check(under(d.path, "/TimeWindows"), "only TimeWindows is reported", fuzz::describe(d));
        fuzz::check(d.offset >= value_at && d.offset <= value_end, "a TimeWindows finding points into its value",
            fuzz::describe(d));
        errors = errors || d.severity == severity::error;
        duplicate = duplicate || d.rule == "json.duplicate-key";
        if (d.rule == "time-windows.overlap") {
            const auto tokens = fuzz::pointer_tokens(d.path);
            fuzz::check(tokens && tokens->size() == 2, "an overlap is reported on a window", fuzz::describe(d));
            overlapping.push_back(std::stoul((*tokens)[1]));
        }
    }
    const std::optional<boost::json::value> parsed = fuzz::parse_json(content);
    bool finite = true;
    if (truncated || (parsed && depth_of(*parsed, finite) > 32))
        return; // near options::max_depth the model would have to count as atlas does: that limit is tested elsewhere
    const std::optional<std::vector<std::size_t>> expected =
        parsed ? model(*parsed) : std::optional<std::vector<std::size_t>>{};
    if (!errors)
        fuzz::check(expected.has_value(), "TimeWindows without errors is an array of well-formed windows", content);
    // Duplicate keys are an error Boost.JSON cannot see (it keeps the last), so the model does not apply to them.
    if (expected && !duplicate) {
        fuzz::check(!errors, "well-formed TimeWindows get no error", content);
        fuzz::check(overlapping == *expected, "the overlapping windows are the model's", content);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check_one(bytes, atlas::fuzz::escaping::minimal);
    check_one(bytes, atlas::fuzz::escaping::unicode);
    return 0;
}
