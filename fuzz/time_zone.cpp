// Fuzz target: any bytes to atlas::is_time_zone and atlas::suggest_time_zone, and as the Timezone of a request.
#include "fuzz_common.hpp"

#include <atlas/timezone.hpp>
#include <atlas/validate.hpp>

namespace {

using namespace atlas;

bool iequals(std::string_view a, std::string_view b)
{
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
        return lower(x) == lower(y);
    });
}

void check_direct(std::string_view s)
{
    const auto names = time_zone_names();
    const bool listed = std::find(names.begin(), names.end(), s) != names.end(); // a plain linear search
    fuzz::check(is_time_zone(s) == listed, "is_time_zone is exact membership in the table", s.substr(0, 200));

    const std::string_view hit = suggest_time_zone(s);
    if (!hit.empty()) {
        // The result views the table itself.
        fuzz::check(std::any_of(names.begin(), names.end(), [&](std::string_view n) { return n.data() == hit.data(); }),
            "a suggestion is a name of the table", hit);
        fuzz::check(is_time_zone(hit), "a suggestion is a time zone");
    }
    fuzz::check(s.size() <= 256 || hit.empty(), "input over 256 bytes gets no suggestion");
    if (listed)
        fuzz::check(iequals(hit, s), "a time zone name suggests itself (up to case)", s);
}

void check_in_payload(std::string_view bytes)
{
    const std::vector<std::uint32_t> cps = fuzz::code_points(bytes);
    const std::string value = fuzz::utf8_of(cps);
    const fuzz::field_run run =
        fuzz::validate_field("Timezone", fuzz::json_string_contents(cps, fuzz::escaping::minimal));
    const report& r = run.result;

    const std::size_t expected = value.empty() || !is_time_zone(value) ? 1 : 0;
    fuzz::check(r.diagnostics.size() == expected, "one Timezone finding exactly when it is not a zone", r.to_json());
    if (expected == 1) {
        const diagnostic& d = r.diagnostics[0];
        fuzz::check(d.path == "/Timezone" && d.rule == (value.empty() ? "field.empty" : "timezone.known"),
            "an unknown zone is timezone.known, an empty one field.empty", fuzz::describe(d));
        // A did-you-mean names a zone that exists (a suggestion, the zone an abbreviation means, "UTC", an Etc zone).
        constexpr std::string_view lead = "did you mean \"";
        if (d.hint.starts_with(lead)) {
            const std::size_t end = d.hint.find('"', lead.size());
            fuzz::check(end != std::string::npos && is_time_zone(std::string_view(d.hint).substr(lead.size(), end - lead.size())),
                "a did-you-mean names a time zone", fuzz::describe(d));
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
