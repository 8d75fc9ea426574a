// What the fuzz targets (fuzz/) found, kept as tests. Each finding's input, as its target reads it, is in
// tests/regressions/TARGET/ (scripts/ci-fuzz.sh replays them first); the cases here state the broken behaviour
// plainly, without the fuzzing harness.
#include <atlas/report.hpp>
#include <atlas/validate.hpp>

#include <algorithm>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<std::string> lines_of(std::string_view text)
{
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// The printed character the caret of a one-diagnostic report stands under (as UTF-8), or "" when it stands
/// past the excerpt.
std::string under_caret(const std::string& out)
{
    const std::vector<std::string> lines = lines_of(out);
    REQUIRE(lines.size() >= 3);
    const std::string& excerpt = lines[1];
    const std::string& caret = lines[2];
    REQUIRE(caret.size() >= 5);
    REQUIRE(caret.back() == '^');
    std::size_t column = caret.size() - 5; // code points before the caret, after the indent of four
    std::size_t i = 4;
    for (; i < excerpt.size() && column > 0; --column) {
        ++i;
        while (i < excerpt.size() && (static_cast<unsigned char>(excerpt[i]) & 0xC0) == 0x80)
            ++i;
    }
    std::size_t end = i + 1;
    while (end < excerpt.size() && (static_cast<unsigned char>(excerpt[end]) & 0xC0) == 0x80)
        ++end;
    return i < excerpt.size() ? excerpt.substr(i, end - i) : std::string();
}

} // namespace

TEST_CASE("regression: to_text keeps the caret under the spot when the line before it is not UTF-8")
{
    // fuzz-report-writers (tests/regressions/report-writers/caret-after-stray-continuation-bytes): the excerpt's
    // window stepped back over stray continuation bytes without counting them, so with enough of them the spot
    // fell out of the 100-character window and the caret pointed at the closing "…" instead.
    for (std::size_t stray : {10u, 61u, 150u, 1000u}) {
        CAPTURE(stray);
        std::string text(stray, '\x94');
        text += "X}";
        atlas::diagnostic d;
        d.rule = "json.syntax";
        d.message = "m";
        d.line = 1;
        d.column = stray + 1;
        d.offset = stray;
        atlas::report r;
        r.diagnostics.push_back(d);
        CHECK(under_caret(r.to_text(text)) == "X");
    }
}

TEST_CASE("regression: a time window whose last value of a duplicated key is invalid takes no part in overlaps")
{
    // Found while writing fuzz-time-windows' model: the first, valid startHour kept window 0 in the overlap
    // check although the last one (the one checked, as for duplicate fields) is invalid, so window 1 got an
    // overlap warning against a window that has no valid start.
    const std::string payload = R"({"name":"n","campaignType":"1","CallType":"2","TemplateId":"t","TimeWindows":)"
                                R"("[{\"startHour\":9,\"startHour\":\"x\",\"startMinute\":0,\"endHour\":17,)"
                                R"(\"endMinute\":0},{\"startHour\":10,\"startMinute\":0,\"endHour\":11,\"endMinute\":0}]"})";
    const atlas::report r = atlas::validate_request(payload);
    const auto has = [&](std::string_view rule) {
        return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
            [&](const atlas::diagnostic& d) { return d.rule == rule; });
    };
    CHECK(has("json.duplicate-key"));
    CHECK(has("time-windows.type"));
    CHECK_FALSE(has("time-windows.overlap"));
}

TEST_CASE("regression: to_text shows the same window on a line of any length, reading only around the spot")
{
    // A black-box probe: each diagnostic's excerpt searched its whole line for the line's ends, so 1000 diagnostics
    // on a 16 MB line took 13 seconds. The window reads at most a few hundred bytes either side now; what it shows
    // must not change: the spot under the caret, an ellipsis on each side the line goes on, none where it ends.
    const auto report_at = [](std::size_t offset) {
        atlas::diagnostic d;
        d.rule = "json.syntax";
        d.message = "m";
        d.line = 1;
        d.offset = offset;
        atlas::report r;
        r.diagnostics.push_back(d);
        return r;
    };
    for (const std::size_t pad : {0u, 30u, 59u, 60u, 61u, 300u, 404u, 405u, 1000u, 100000u}) {
        CAPTURE(pad);
        const std::string text = std::string(pad, 'a') + "X" + std::string(pad, 'b');
        const std::string out = report_at(pad).to_text(text);
        CHECK(under_caret(out) == "X");
        const std::string excerpt = lines_of(out)[1];
        // The window: 60 characters before the spot, 100 in all.
        const std::size_t start = pad > 60 ? pad - 60 : 0;
        const bool cut_after = start + 100 < 2 * pad + 1;
        CHECK(excerpt.starts_with(pad > 60 ? "    \u2026a" : pad > 0 ? "    a" : "    X"));
        CHECK(excerpt.ends_with(cut_after ? "b\u2026" : pad > 0 ? "b" : "X"));
        // The same spot on a line of its own, between two long ones: no ellipsis, the whole short line.
        const std::string lines = std::string(pad, 'a') + "\nabXcd\n" + std::string(pad, 'b');
        const std::string shown = report_at(pad + 3).to_text(lines);
        CHECK(lines_of(shown)[1] == "    abXcd");
        CHECK(under_caret(shown) == "X");
    }
}
