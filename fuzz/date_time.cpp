// Fuzz target: any bytes to atlas::check_date_time, compared with an RFC 3339 matcher written here, and as the
// StartDate of an outbound phone request.
#include "fuzz_common.hpp"

#include <atlas/datetime.hpp>
#include <atlas/validate.hpp>

#include <chrono>

namespace {

using namespace atlas;

/// An independent reading of the accepted form (see datetime.hpp): a pattern of fixed positions, then the fraction
/// and the offset; std::chrono decides whether the date exists.
date_time_status model(std::string_view s)
{
    const auto digits = [&](std::size_t at, std::size_t n, unsigned& v) {
        v = 0;
        if (at + n > s.size())
            return false;
        for (std::size_t k = at; k < at + n; ++k) {
            if (s[k] < '0' || s[k] > '9')
                return false;
            v = v * 10 + static_cast<unsigned>(s[k] - '0');
        }
        return true;
    };
    unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (!digits(0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, mo) || s[7] != '-' || !digits(8, 2, d))
        return date_time_status::invalid;
    const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(y)), std::chrono::month(mo),
        std::chrono::day(d)};
    if (!date.ok())
        return date_time_status::invalid;
    if (s.size() == 10)
        return date_time_status::date_only;
    if (s[10] == ' ')
        return date_time_status::space_separator;
    if ((s[10] != 'T' && s[10] != 't') || !digits(11, 2, h) || h > 23 || s.size() < 14 || s[13] != ':' ||
        !digits(14, 2, mi) || mi > 59 || s.size() < 17 || s[16] != ':' || !digits(17, 2, se) || se > 60)
        return date_time_status::invalid;
    std::size_t at = 19;
    if (at < s.size() && s[at] == '.') {
        const std::size_t first = ++at;
        while (at < s.size() && s[at] >= '0' && s[at] <= '9')
            ++at;
        if (at == first)
            return date_time_status::invalid;
    }
    const std::string_view offset = s.substr(at);
    if (offset.empty())
        return date_time_status::missing_offset;
    if (offset == "Z" || offset == "z")
        return date_time_status::valid;
    unsigned oh = 0, om = 0;
    if (offset.size() == 6 && (offset[0] == '+' || offset[0] == '-') && digits(at + 1, 2, oh) && oh <= 23 &&
        offset[3] == ':' && digits(at + 4, 2, om) && om <= 59)
        return date_time_status::valid;
    return date_time_status::invalid;
}

void check_direct(std::string_view s)
{
    const date_time_check r = check_date_time(s);
    const date_time_status expected = model(s);
    fuzz::check(r.status == expected, "check_date_time agrees with the RFC 3339 model",
        std::string(s.substr(0, 200)) + " -> status " + std::to_string(static_cast<int>(r.status)) + ", model " +
            std::to_string(static_cast<int>(expected)));
    fuzz::check(r.ok() == (r.status == date_time_status::valid || r.status == date_time_status::missing_offset),
        "ok() is valid or missing_offset");
    fuzz::check(r.offset <= s.size(), "the offset is within the input");
    fuzz::check(r.message.empty() == (r.status == date_time_status::valid), "a message exactly when not valid");
    for (char c : r.message)
        fuzz::check(c >= 0x20 && c < 0x7F, "a date-time message is printable ASCII", r.message);
    fuzz::check(r.status != date_time_status::missing_offset || r.offset == s.size(),
        "a missing offset is reported at the end");
    // constexpr evaluation and run-time evaluation are the same function: a copy says the same.
    const date_time_check copy = r;
    fuzz::check(copy.message.data() == r.message.data(), "the message views static storage");
}

void check_in_payload(std::string_view bytes)
{
    const std::vector<std::uint32_t> cps = fuzz::code_points(bytes);
    const std::string value = fuzz::utf8_of(cps);
    const fuzz::field_run run =
        fuzz::validate_field("StartDate", fuzz::json_string_contents(cps, fuzz::escaping::minimal));
    const report& r = run.result;

    // Exactly one finding for a date-time that is not valid: a warning without offset, else an error.
    const date_time_status status = model(value);
    const std::size_t expected = status == date_time_status::valid ? 0 : 1;
    fuzz::check(r.diagnostics.size() == expected, "one StartDate finding exactly when it is not valid", r.to_json());
    if (expected == 1) {
        const diagnostic& d = r.diagnostics[0];
        fuzz::check(d.path == "/StartDate", "the finding is on StartDate", fuzz::describe(d));
        fuzz::check(d.rule == (status == date_time_status::missing_offset ? "datetime.offset" : "datetime.format"),
            "missing offset is datetime.offset, the rest datetime.format", fuzz::describe(d));
        // "Of the offending key or value": the value's opening quote (the message names the part).
        fuzz::check(d.offset == run.value_at, "the finding is at the value", fuzz::describe(d));
        // A hint that writes a value writes one that passes (a missing offset is a warning of its own).
        constexpr std::string_view write = "write \"";
        if (d.hint.starts_with(write)) {
            const std::size_t end = d.hint.find('"', write.size());
            const date_time_status fixed =
                end == std::string::npos ? date_time_status::invalid
                                         : check_date_time(std::string_view(d.hint).substr(write.size(), end - write.size())).status;
            fuzz::check(fixed == date_time_status::valid || fixed == date_time_status::missing_offset,
                "a date-time the hint writes is one", fuzz::describe(d));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check_direct(bytes);
    check_in_payload(bytes);
    return 0;
}
