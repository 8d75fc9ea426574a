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

/// A report of one diagnostic at `offset` of a text, as to_text needs it.
atlas::report report_at(std::size_t offset)
{
    atlas::diagnostic d;
    d.rule = "json.syntax";
    d.message = "m";
    d.line = 1;
    d.offset = offset;
    atlas::report r;
    r.diagnostics.push_back(d);
    return r;
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
        CHECK(under_caret(report_at(stray).to_text(text)) == "X");
    }
}

TEST_CASE("to_text puts the caret under the spot after wide and combining characters, in terminal columns")
{
    // A probe (session 15, again in 16): the caret was indented by code points, so after Chinese, Japanese or emoji on
    // the same line it stood left of the spot, under a character of the key before it.
    const auto caret_line = [](const std::string& text, std::size_t offset) {
        return lines_of(report_at(offset).to_text(text));
    };
    // Two columns each: 日本語 (CJK ideographs), 😀 (an emoji), ｘ (fullwidth), 한 (Hangul); one: é, д; none: the
    // combining acute accent after "e".
    const std::string prefix = "\"\u65e5\u672c\u8a9e\U0001F600\uff58\ud55c\u00e9\u0434e\u0301\":";
    const std::size_t columns = 1 + 2 * 3 + 2 + 2 + 2 + 1 + 1 + 1 + 0 + 2;
    const auto lines = caret_line(prefix + "X}", prefix.size());
    REQUIRE(lines.size() >= 3);
    CHECK(lines[1] == "    " + prefix + "X}");
    CHECK(lines[2] == std::string(4 + columns, ' ') + "^");

    // A long line of wide characters: the window starts 60 columns (30 ideographs) before the spot and shows at
    // most 100 columns, so the spot is always in it.
    std::string ideographs;
    for (int k = 0; k < 200; ++k)
        ideographs += "\u6f22";
    const auto cut = caret_line(ideographs + "X" + ideographs, ideographs.size());
    REQUIRE(cut.size() >= 3);
    std::string shown_before;
    for (int k = 0; k < 30; ++k)
        shown_before += "\u6f22";
    CHECK(cut[1].rfind("    \u2026" + shown_before + "X\u6f22", 0) == 0);
    CHECK(cut[2] == std::string(4 + 1 + 60, ' ') + "^");
    // 60 columns before, "X", then 19 ideographs (38 columns; a 20th would pass 100), then the ellipsis.
    std::string shown_after;
    for (int k = 0; k < 19; ++k)
        shown_after += "\u6f22";
    CHECK(cut[1] == "    \u2026" + shown_before + "X" + shown_after + "\u2026");

    // Zero-width marks can fill the bytes the window reads before its columns: the line still goes on (review).
    std::string marks;
    for (int k = 0; k < 600; ++k)
        marks += "\u0301";
    const auto marked = caret_line("X" + marks + "END", 0);
    REQUIRE(marked.size() >= 3);
    CHECK(marked[1].size() >= 3);
    CHECK(marked[1].substr(marked[1].size() - 3) == "\u2026");
    CHECK(caret_line("X" + marks.substr(0, 20), 0)[1].find("\u2026") == std::string::npos); // it ends: no ellipsis
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
