// Positions in reports: line and column (in code points) of a byte offset.
#include "atlas/detail/mask.hpp"
#include "atlas/detail/text.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

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
    // blocks, the steps of four blocks and the counters that hold 255 blocks (4080 bytes) at every alignment.
    std::mt19937 rng(4080);
    for (std::size_t length : {0u, 1u, 7u, 8u, 15u, 16u, 17u, 31u, 63u, 64u, 65u, 100u, 4031u, 4032u, 4033u, 4079u, 4080u,
             4081u, 4095u, 4096u, 8160u, 8161u, 9000u}) {
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

TEST_CASE("find_api_ascii finds the first api in any case from where it starts, in and between the blocks it compares")
{
    // Every message, hint and path of a report is searched for the credential's name with it: a miss would print
    // a pasted key. Short random texts over the letters of "api" put hits at every place of a sixteen-byte block
    // and across the blocks' ends, and compare with a byte-by-byte search.
    std::mt19937 rng(3);
    const std::string letters = "aApPiI- x\x80";
    for (int round = 0; round < 20000; ++round) {
        std::string s(rng() % 48, ' ');
        for (char& c : s) c = letters[rng() % letters.size()];
        const std::size_t from = rng() % (s.size() + 1);
        std::size_t first = std::string::npos;
        for (std::size_t i = from; i + 3 <= s.size() && first == std::string::npos; ++i)
            if ((s[i] | 0x20) == 'a' && (s[i + 1] | 0x20) == 'p' && (s[i + 2] | 0x20) == 'i')
                first = i;
        INFO(s, " from ", from);
        REQUIRE(atlas::detail::find_api_ascii(s, from) == first);
    }
    CHECK(atlas::detail::find_api_ascii(std::string(40, 'x') + "aPI", 0) == 40);
    CHECK(atlas::detail::find_api_ascii("ap", 0) == std::string::npos);
}

TEST_CASE("display_columns gives the first and the last code point of each range that range's width")
{
    // The caret under a source line stands after the columns of what precedes it: a combining mark takes none, a
    // CJK ideograph or Hangul syllable two. U+0300 is the first combining mark, U+4E00 the first ideograph.
    using atlas::detail::display_columns;
    CHECK(display_columns('a') == 1);
    CHECK(display_columns(0x2FF) == 1);
    CHECK(display_columns(0x300) == 0);
    CHECK(display_columns(0x36F) == 0);
    CHECK(display_columns(0x370) == 1);
    CHECK(display_columns(0x482) == 1);
    CHECK(display_columns(0x483) == 0);
    CHECK(display_columns(0x10FF) == 1);
    CHECK(display_columns(0x1100) == 2);
    CHECK(display_columns(0x115F) == 2);
    CHECK(display_columns(0x1160) == 1);
    CHECK(display_columns(0x4DFF) == 2);
    CHECK(display_columns(0x4E00) == 2);
    CHECK(display_columns(0x9FFF) == 2);
    CHECK(display_columns(0xAC00) == 2);
    CHECK(display_columns(0xD7A3) == 2);
    CHECK(display_columns(0xD7A4) == 1);
    CHECK(display_columns(0x1F600) == 2);
    CHECK(display_columns(0xE0100) == 0);
    CHECK(display_columns(0xE01EF) == 0);
    CHECK(display_columns(0xE01F0) == 1);
}

TEST_CASE("quote_value escapes every C1 control and the non-characters U+FFFE and U+FFFF, each as one escape")
{
    // U+0080 to U+009F can drive a terminal; U+FFFF is below U+10000, so it is one \u escape, not a surrogate pair.
    using atlas::detail::quote_value;
    CHECK(quote_value("A\xC2\x80" "B") == "\"A\\u0080B\"");
    CHECK(quote_value("A\xC2\x9F" "B") == "\"A\\u009fB\"");
    CHECK(quote_value("A\xC2\xA0" "B") == "\"A\xC2\xA0" "B\""); // a no-break space is printed
    CHECK(quote_value("A\xEF\xBF\xBE" "B") == "\"A\\ufffeB\"");
    CHECK(quote_value("A\xEF\xBF\xBF" "B") == "\"A\\uffffB\"");
    CHECK(quote_value("A\xF3\xA0\x81\x81" "B") == "\"A\\udb40\\udc41B\""); // a tag character, above U+FFFF
}

TEST_CASE("unknown_name lists the names that would do when there are at most twelve and none is near")
{
    using atlas::detail::unknown_name;
    const std::vector<std::string_view> twelve = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
        "hotel", "india", "juliet", "kilo", "lima"};
    CHECK(unknown_name("option", "zzzzzz", twelve) ==
          R"(unknown option "zzzzzz" (one of "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", )"
          R"("india", "juliet", "kilo", "lima"))");
    std::vector<std::string_view> thirteen = twelve;
    thirteen.push_back("mike");
    CHECK(unknown_name("option", "zzzzzz", thirteen) == R"(unknown option "zzzzzz")");
    CHECK(unknown_name("option", "delts", thirteen) == R"(unknown option "delts": did you mean "delta"?)");
}

TEST_CASE("quote_value escapes the last code point of the tag characters and of the bidirectional isolates, and DEL")
{
    using atlas::detail::quote_value;
    // U+E0000..E007F are invisible tags, U+2066..U+2069 reorder what a reader sees: the last of each range too.
    CHECK(quote_value("\xF3\xA0\x81\xBF") == "\"\\udb40\\udc7f\""); // U+E007F, as a surrogate pair of escapes
    CHECK(quote_value("\xF3\xA0\x80\x80") == "\"\\udb40\\udc00\""); // U+E0000
    CHECK(quote_value("\xF3\xA0\x82\x80") == "\"\xF3\xA0\x82\x80\""); // U+E0080, past the tags: shown
    CHECK(quote_value("\xE2\x81\xA9") == "\"\\u2069\"");              // U+2069 POP DIRECTIONAL ISOLATE
    CHECK(quote_value("\xE2\x81\xA6") == "\"\\u2066\"");
    CHECK(quote_value("a\x7F") == "\"a\\u007f\"");                     // DEL is a control character
    CHECK(atlas::detail::printable("\x7F") == "\\u007f");
}

TEST_CASE("printable shows a byte that is not UTF-8 as \\xNN and goes on with the byte after it")
{
    CHECK(atlas::detail::printable("\xFF" "A") == "\\xffA");
    CHECK(atlas::detail::printable("a\xC3" "b\xC3") == "a\\xc3b\\xc3"); // a cut sequence, then one at the end
    CHECK(atlas::detail::quote_value("\x80x") == "\"\\x80x\"");
}

TEST_CASE("append_json_escaped writes JSON's own short escapes and escapes DEL")
{
    std::string out;
    atlas::detail::append_json_escaped(out, "\b\f\x7F\x01");
    CHECK(out == "\\b\\f\\u007f\\u0001");
}

namespace {

std::string masked_assignments(std::string_view text, bool in_message = false)
{
    std::string masked;
    atlas::detail::mask_api_key_assignments(text, masked, in_message);
    return masked.empty() ? std::string(text) : masked;
}

} // namespace

TEST_CASE("mask_api_key_assignments finds a credential's name written with a dot, before a tab, or closed by an escaped quote")
{
    CHECK(masked_assignments("api.key=SECRET") == "api.key=******");
    CHECK(masked_assignments("client.api.key: SECRET") == "client.api.key: ******");
    CHECK(masked_assignments("api-key\t: SECRET") == "api-key\t: ******");
    CHECK(masked_assignments("api-key:\tSECRET") == "api-key:\t******");
    // JSON held in a string, as a source line shows it: the name's closing quote is \".
    CHECK(masked_assignments(R"({\"api-key\": \"SECRET\"})") == R"({\"api-key\": \"******\"})");
}

TEST_CASE("mask_api_key_assignments masks the value to its closing quote or, bare, to the byte that ends it, and no further")
{
    // Masking a byte more hides what the line shows around the credential; a byte less prints part of it.
    struct masking {
        std::string_view text, masked;
    };
    const std::vector<masking> cases = {
        {"api-key=SECRET,visible", "api-key=******,visible"},
        {"[api-key=SECRET]", "[api-key=******]"},
        {"api-key=SECRET&page=2", "api-key=******&page=2"},
        {"api-key=SECRET\r\nnext", "api-key=******\r\nnext"},
        {"api-key=SECRET\tnext", "api-key=******\tnext"},
        // A quoted value ends at its line's end when its quote does not close on it.
        {"api-key: \"abc\nvisible\"", "api-key: \"***\nvisible\""},
        {"api-key=\\\"abc\nvisible\\\"", "api-key=\\\"***\nvisible\\\""},
        // Typographic quotes: to the closing one, spaces included, or to a straight closing quote.
        {"api-key: \xE2\x80\x9Ctwo words\xE2\x80\x9D next", "api-key: \xE2\x80\x9C*********\xE2\x80\x9D next"},
        {"api-key: \xE2\x80\x9CSECRET\", visible", "api-key: \xE2\x80\x9C******\", visible"},
        // A name inside a masked value starts nothing: the walk goes on after the value.
        {"api-key='api-key: \"a' visible\"", "api-key='***********' visible\""},
    };
    for (const masking& c : cases) {
        CAPTURE(c.text);
        CHECK(masked_assignments(c.text) == c.masked);
    }
}

TEST_CASE("mask_api_key_assignments masks a word after the name and a space only when it has eight bytes or more, letters and digits")
{
    // Eight bytes is the threshold, both ways: seven stay, as prose or a version does.
    CHECK(masked_assignments("api-key abcd1234") == "api-key ********");
    CHECK(masked_assignments("api-key abc1234") == "api-key abc1234");
    // Letters alone are a word of a sentence, not a key.
    CHECK(masked_assignments("api-key documentation") == "api-key documentation");
    // A key written with '/' (base64) is one word, masked whole.
    CHECK(masked_assignments("api-key abc123/def456xyz") == "api-key ****************");
    // A name inside the masked word starts nothing: the walk goes on after the word.
    CHECK(masked_assignments("api-key abc123api-key:visible") == "api-key *************:visible");
}

TEST_CASE("mask_api_key_assignments ends a quoted value at its line's end also after a backslash that closes the line")
{
    CHECK(masked_assignments("api-key: \"abc\\\nvisible\"") == "api-key: \"****\nvisible\"");
}
