// Positions in reports: line and column (in code points) of a byte offset.
#include "atlas/detail/text.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>

namespace {

std::size_t naive_code_points(const std::string& s, std::size_t from, std::size_t to)
{
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

} // namespace

TEST_CASE("count_code_points counts every byte that is not a UTF-8 continuation byte")
{
    // Random bytes, biased towards continuation bytes, over lengths that cross the sixteen-byte
    // blocks and the 255-block counters (4080 bytes) at every alignment.
    std::mt19937 rng(4080);
    for (std::size_t length : {0u, 1u, 7u, 8u, 15u, 16u, 17u, 31u, 100u, 4079u, 4080u, 4081u, 9000u}) {
        std::string s(length + 3, '\0');
        for (char& c : s) c = static_cast<char>(rng() % 3 == 0 ? 0x80 + rng() % 64 : rng() % 256);
        for (std::size_t from = 0; from < 3; ++from) {
            INFO("length ", length, " from ", from);
            CHECK(atlas::detail::count_code_points(s.data() + from, s.data() + from + length) ==
                  naive_code_points(s, from, from + length));
        }
    }
    const std::string all_continuation(5000, '\x80');
    CHECK(atlas::detail::count_code_points(all_continuation.data(), all_continuation.data() + 5000) == 0);
}

TEST_CASE("position_tracker gives 1-based lines and code point columns, forwards and back")
{
    const std::string text = "{\n  \"a\": \"h\xC3\xA9llo\",\n\xE2\x82\xAC\xE2\x82\xAC x\n";
    atlas::detail::position_tracker tracker(text);
    auto at = [&](std::size_t offset) {
        const auto p = tracker.at(offset);
        return std::to_string(p.line) + ":" + std::to_string(p.column);
    };
    CHECK(at(0) == "1:1");
    CHECK(at(1) == "1:2");
    CHECK(at(2) == "2:1");
    CHECK(at(text.find("llo")) == "2:11"); // h, then é counts once
    CHECK(at(text.find(" x")) == "3:3");   // two euro signs, three bytes each
    CHECK(at(2) == "2:1");                 // going back starts over
    CHECK(at(text.size() + 10) == "4:1");  // past the end: the end
}
