#include "atlas/detail/suggest.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using atlas::detail::best_suggestion;
using atlas::detail::edit_distance;
using atlas::detail::iequals_ascii;

namespace {

// Textbook full-matrix optimal-string-alignment distance, used as the reference.
std::size_t reference_osa(std::string_view a, std::string_view b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::size_t bounded(std::size_t distance, std::size_t limit)
{
    return distance > limit ? limit + 1 : distance;
}

const std::vector<std::string> field_names = {
    "CallType", "campaignType", "TemplateId", "TimeWindows", "StartDate", "EndDate", "Status",
};

} // namespace

TEST_CASE("edit distance counts insertions, deletions, substitutions and adjacent transpositions")
{
    CHECK(edit_distance("", "", 5) == 0);
    CHECK(edit_distance("abc", "abc", 0) == 0);
    CHECK(edit_distance("", "abc", 5) == 3);
    CHECK(edit_distance("abc", "", 5) == 3);
    CHECK(edit_distance("kitten", "sitting", 5) == 3);
    CHECK(edit_distance("StartDat", "StartDate", 3) == 1);
    CHECK(edit_distance("ab", "ba", 3) == 1);
    CHECK(edit_distance("Calltype", "CallType", 3) == 1); // case-sensitive
    CHECK(edit_distance("abcdef", "abdcef", 3) == 1);
}

TEST_CASE("edit distance is the restricted (optimal string alignment) variant")
{
    // True Damerau-Levenshtein gives 2 ("CA" -> "AC" -> "ABC"); OSA may not edit a
    // transposed pair again, so it gives 3.
    CHECK(edit_distance("CA", "ABC", 5) == 3);
}

TEST_CASE("edit distance gives up with limit plus one once the limit must be exceeded")
{
    CHECK(edit_distance("kitten", "sitting", 2) == 3);
    CHECK(edit_distance("kitten", "sitting", 0) == 1);
    CHECK(edit_distance("a", "abcdefgh", 3) == 4);       // length difference alone
    CHECK(edit_distance("abcdefgh", "hgfedcba", 1) == 2); // differs everywhere
    CHECK(edit_distance("abc", "xyz", 3) == 3);
    CHECK(edit_distance("abc", "xyz", 2) == 3);
    CHECK(edit_distance("x", "y", static_cast<std::size_t>(-1)) == 1);
    CHECK(edit_distance("abc", "abd", static_cast<std::size_t>(-1)) == 1);
}

TEST_CASE("edit distance agrees with a full-matrix reference on random strings")
{
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> length(0, 12);
    std::uniform_int_distribution<int> letter(0, 2); // small alphabet: many transpositions
    auto random_string = [&] {
        std::string s(static_cast<std::size_t>(length(rng)), 'a');
        for (char& c : s) c = static_cast<char>('a' + letter(rng));
        return s;
    };
    for (int round = 0; round < 20000; ++round) {
        const std::string a = random_string();
        const std::string b = random_string();
        const std::size_t expected = reference_osa(a, b);
        for (std::size_t limit : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3},
                                  std::size_t{5}, std::size_t{20}}) {
            INFO("a=\"", a, "\" b=\"", b, "\" limit=", limit);
            REQUIRE(edit_distance(a, b, limit) == bounded(expected, limit));
            REQUIRE(edit_distance(b, a, limit) == bounded(expected, limit));
        }
    }
}

TEST_CASE("edit distance agrees with the reference on both sides of 64 characters")
{
    // Up to 64 characters on the shorter side the distance is computed bit-parallel in one
    // machine word; beyond that by the banded matrix.  Both must give the reference's answer.
    std::mt19937 rng(64);
    std::uniform_int_distribution<int> length(58, 72);
    std::uniform_int_distribution<int> letter(0, 3);
    for (int round = 0; round < 400; ++round) {
        std::string a(static_cast<std::size_t>(length(rng)), 'a');
        for (char& c : a) c = static_cast<char>('a' + letter(rng));
        std::string b = a; // a few edits away, so that small limits matter
        for (int edit = round % 6; edit > 0; --edit) {
            const std::size_t at = rng() % b.size();
            if (edit % 3 == 0) b.erase(at, 1);
            else if (edit % 3 == 1) b[at] = static_cast<char>('a' + letter(rng));
            else if (at + 1 < b.size()) std::swap(b[at], b[at + 1]);
        }
        const std::size_t expected = reference_osa(a, b);
        for (std::size_t limit : {std::size_t{1}, std::size_t{3}, std::size_t{8}, std::size_t{100}}) {
            INFO("a=\"", a, "\" b=\"", b, "\" limit=", limit);
            REQUIRE(edit_distance(a, b, limit) == bounded(expected, limit));
            REQUIRE(edit_distance(b, a, limit) == bounded(expected, limit));
        }
    }
}

TEST_CASE("edit distance agrees with the reference when long strings differ at both ends")
{
    // A common prefix and suffix are dropped first, so strings that share their ends reach the banded matrix only
    // when long; ends that differ keep more than 64 characters on the shorter side, and every edit inside the band
    // (insertions and deletions on either side, transpositions) must count as the reference counts it.
    std::mt19937 rng(65);
    std::uniform_int_distribution<int> length(66, 100);
    std::uniform_int_distribution<int> letter(0, 2);
    for (int round = 0; round < 300; ++round) {
        std::string a(static_cast<std::size_t>(length(rng)), 'a');
        for (char& c : a) c = static_cast<char>('a' + letter(rng));
        std::string b = a;
        for (int edit = 1 + round % 5; edit > 0; --edit) {
            const std::size_t at = rng() % b.size();
            switch (rng() % 4) {
            case 0: b.erase(at, 1); break;
            case 1: b.insert(at, 1, static_cast<char>('a' + letter(rng))); break;
            case 2: b[at] = static_cast<char>('a' + letter(rng)); break;
            default:
                if (at + 1 < b.size()) std::swap(b[at], b[at + 1]);
            }
        }
        a.front() = 'x';
        b.front() = 'y';
        a.back() = 'x';
        b.back() = 'y';
        const std::size_t expected = reference_osa(a, b);
        for (std::size_t limit : {std::size_t{3}, std::size_t{8}, std::size_t{200}}) {
            INFO("a=\"", a, "\" b=\"", b, "\" limit=", limit);
            REQUIRE(edit_distance(a, b, limit) == bounded(expected, limit));
            REQUIRE(edit_distance(b, a, limit) == bounded(expected, limit));
        }
    }
}

TEST_CASE("edit distance handles strings longer than its stack buffers")
{
    const std::string base(300, 'a');
    std::string changed = base;
    changed[0] = 'b';
    changed[299] = 'c';
    CHECK(edit_distance(base, changed, 3) == 2);
    CHECK(edit_distance(base, changed, 1) == 2);

    // Long, different everywhere, with a modest limit: exact within the band.
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> letter(0, 3);
    for (int round = 0; round < 30; ++round) {
        std::string a(200, 'a');
        std::string b(200 + static_cast<std::size_t>(round % 5), 'a');
        for (char& c : a) c = static_cast<char>('a' + letter(rng));
        for (char& c : b) c = static_cast<char>('a' + letter(rng));
        const std::size_t expected = reference_osa(a, b);
        for (std::size_t limit : {std::size_t{4}, std::size_t{40}, std::size_t{64}}) {
            INFO("round=", round, " limit=", limit);
            CHECK(edit_distance(a, b, limit) == bounded(expected, limit));
        }
        // Both sides over 128 bytes and a limit over 64: the band is narrowed to 64, and
        // anything beyond that is reported as "exceeds the limit" (documented).
        CHECK(edit_distance(a, b, 1000) == (expected <= 64 ? expected : 1001));
    }

    // A few hundred bytes of difference with a generous limit and one short side is exact.
    const std::string shorter(100, 'x');
    const std::string longer(500, 'y');
    CHECK(edit_distance(shorter, longer, 1000) == 500);
    CHECK(edit_distance(longer, shorter, 499) == 500);
}

TEST_CASE("edit distance is usable in constant expressions and never throws")
{
    static_assert(edit_distance("flaw", "lawn", 5) == 2);
    static_assert(edit_distance("abc", "acb", 1) == 1);
    static_assert(noexcept(edit_distance("a", "b", 1)));
    static_assert(noexcept(iequals_ascii("a", "b")));
    static_assert(noexcept(best_suggestion("a", field_names)));
}

TEST_CASE("best suggestion agrees with a brute-force search on random candidates")
{
    std::mt19937 rng(2024);
    std::uniform_int_distribution<int> length(0, 10);
    std::uniform_int_distribution<int> letter(0, 5);
    std::uniform_int_distribution<int> count(0, 12);
    auto random_string = [&] {
        std::string s(static_cast<std::size_t>(length(rng)), 'a');
        for (char& c : s) {
            const int x = letter(rng);
            c = static_cast<char>(x < 3 ? 'a' + x : 'A' + (x - 3)); // a b c A B C
        }
        return s;
    };
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        return s;
    };
    for (int round = 0; round < 5000; ++round) {
        const std::string word = random_string();
        std::vector<std::string> candidates(static_cast<std::size_t>(count(rng)));
        for (std::string& c : candidates) c = random_string();

        std::size_t expected = atlas::detail::no_suggestion;
        for (std::size_t i = 0; i < candidates.size(); ++i)
            if (lower(candidates[i]) == lower(word)) {
                expected = i;
                break;
            }
        if (expected == atlas::detail::no_suggestion && !word.empty()) {
            std::size_t best = atlas::detail::suggestion_limit(word.size()) + 1;
            bool tied = false;
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                const std::size_t d = reference_osa(lower(word), lower(candidates[i]));
                if (d >= std::max(word.size(), candidates[i].size())) continue; // keeps no character
                if (d == best)
                    tied = true;
                if (d < best) {
                    best = d;
                    expected = i;
                    tied = false;
                }
            }
            if (tied)
                expected = atlas::detail::no_suggestion;
        }
        INFO("round ", round, " word=\"", word, "\"");
        REQUIRE(atlas::detail::best_suggestion_index(word, candidates) == expected);
    }
}

TEST_CASE("iequals_ascii ignores ASCII case only")
{
    CHECK(iequals_ascii("", ""));
    CHECK(iequals_ascii("TemplateID", "templateid"));
    CHECK(iequals_ascii("A-Z_09", "a-z_09"));
    CHECK_FALSE(iequals_ascii("abc", "abcd"));
    CHECK_FALSE(iequals_ascii("abc", "abd"));
    CHECK_FALSE(iequals_ascii("@", "`")); // 0x40 and 0x60 are not letters
    CHECK_FALSE(iequals_ascii("[", "{"));
    CHECK_FALSE(iequals_ascii("\xC3\x89", "\xC3\xA9")); // UTF-8 É / é: bytes, not letters
}

TEST_CASE("best suggestion fixes the documented misspellings")
{
    CHECK(best_suggestion("Calltype", field_names) == "CallType");
    CHECK(best_suggestion("campaigntype", field_names) == "campaignType");
    CHECK(best_suggestion("TemplateID", field_names) == "TemplateId");
    CHECK(best_suggestion("TimeWindow", field_names) == "TimeWindows");
    CHECK(best_suggestion("StartDat", field_names) == "StartDate");
    CHECK(best_suggestion("xyz", field_names).empty());
}

TEST_CASE("best suggestion prefers a case-insensitive exact match over an earlier close candidate")
{
    const std::array<std::string_view, 3> candidates = {"Dates", "Datum", "DATE"};
    CHECK(best_suggestion("date", candidates) == "DATE");
}

TEST_CASE("best suggestion never offers a word's opposite")
{
    // "inactive" is two edits from "active": a did-you-mean would say the opposite of what was meant.
    const std::vector<std::string> statuses = {"active", "paused", "visible", "enabled"};
    CHECK(best_suggestion("inactive", statuses).empty());
    CHECK(best_suggestion("unactive", statuses).empty()); // two edits, within the limit of 8 letters
    CHECK(best_suggestion("in_active", statuses).empty());  // three, within the limit of 9
    CHECK(best_suggestion("unpaused", statuses).empty());
    CHECK(best_suggestion("visible", std::vector<std::string>{"invisible"}).empty()); // either way round
    // A near word that is no negation still gets its guess.
    CHECK(best_suggestion("activ", statuses) == "active");
    CHECK(best_suggestion("invisble", std::vector<std::string>{"invisible", "visible"}) == "invisible");
    CHECK(best_suggestion("disabled", std::vector<std::string>{"disabeld", "enabled"}) == "disabeld");
}

TEST_CASE("best suggestion picks the smallest distance, and a tie at it is no guess")
{
    const std::array<std::string_view, 4> candidates = {"abcdefxx", "abcdefgx", "abcdefgy", "zzz"};
    CHECK(best_suggestion("abcdefgh", candidates).empty()); // distance 1 from two: either is a coin toss
    CHECK(best_suggestion("abcdefgh", std::array<std::string_view, 2>{"abcdefxx", "abcdefgx"}) == "abcdefgx");
    const std::array<std::string_view, 2> tied = {"Stat", "Statuses"};
    CHECK(best_suggestion("Status", tied).empty());
    // A nearer candidate after a tie still wins.
    CHECK(best_suggestion("Status", std::array<std::string_view, 3>{"Stat", "Statuses", "Statue"}) == "Statue");
    // Where tied candidates mean the same, the caller takes the first.
    CHECK(best_suggestion("Status", tied, atlas::detail::on_tie::first) == "Stat");
    // The wire values of a closed enum: a letter is one edit from "0" and from "1", and keeps nothing of either.
    const std::array<std::string_view, 2> wires = {"0", "1"};
    for (const std::string_view letter : {"l", "I", "x", "O", "o"}) {
        CAPTURE(letter);
        CHECK(best_suggestion(letter, wires).empty());
    }
    CHECK(best_suggestion("10", std::array<std::string_view, 2>{"1", "2"}) == "1"); // one dropped, one kept
}

TEST_CASE("best suggestion counts edits in characters, not bytes")
{
    // One accent is two bytes, a zero-width space three: a short name one character off got no guess.
    const std::vector<std::string> names = {"name", "Status", "CallType"};
    CHECK(best_suggestion("n\u00e0me", names) == "name");
    CHECK(best_suggestion("name\u200b", names) == "name");
    CHECK(best_suggestion("Stat\u00fcs", std::array<std::string_view, 1>{"Status"}) == "Status");
    CHECK(best_suggestion("l\u00e9ft", std::array<std::string_view, 2>{"left", "right"}) == "left");
    // A candidate that is not ASCII is counted the same way.
    CHECK(best_suggestion("linea", std::array<std::string_view, 1>{"l\u00ednea"}) == "l\u00ednea");
    CHECK(best_suggestion("l\u00ednea", std::array<std::string_view, 1>{"l\u00ednea"}) == "l\u00ednea");
    // An accent on a Latin letter is no edit; two other characters off in a short word are too far.
    CHECK(best_suggestion("n\u00e0m\u00e9", std::array<std::string_view, 1>{"name"}) == "name");
    CHECK(best_suggestion("n\u0434m\u0435", std::array<std::string_view, 1>{"name"}).empty()); // Cyrillic
    // A byte that starts no UTF-8 sequence is one character of its own.
    CHECK(best_suggestion("nam\xff", names) == "name");
}

TEST_CASE("best suggestion scales the allowed distance with the word length")
{
    // limit = max(1, min(3, size / 3))
    const std::array<std::string_view, 1> one = {"ab"};
    CHECK(best_suggestion("a", one) == "ab");   // 1 allowed for short words
    CHECK(best_suggestion("xy", one).empty());  // 2 needed
    const std::array<std::string_view, 1> six = {"abcdef"};
    CHECK(best_suggestion("abcdXY", six) == "abcdef"); // 6 / 3 = 2 allowed
    CHECK(best_suggestion("abcXYZ", six).empty());
    const std::array<std::string_view, 1> long_word = {"abcdefghijklmnopqrstuvwxyz"};
    CHECK(best_suggestion("abcdefghijklmnopqrstuvw123", long_word) == long_word[0]); // capped at 3
    CHECK(best_suggestion("abcdefghijklmnopqrstuv1234", long_word).empty());
}

TEST_CASE("best suggestion allows one edit up to five characters, two from six to eight and three from nine")
{
    // The limit steps up at 6 and at 9 characters: a five-letter word two edits off, or an eight-letter one three
    // off, has lost too much of itself for a guess.
    const std::array<std::string_view, 1> five = {"abcde"};
    CHECK(best_suggestion("abcdX", five) == "abcde");
    CHECK(best_suggestion("abXYe", five).empty());
    const std::array<std::string_view, 1> eight = {"abcdefgh"};
    CHECK(best_suggestion("abcdefXY", eight) == "abcdefgh");
    CHECK(best_suggestion("abcdeXYZ", eight).empty());
    const std::array<std::string_view, 1> nine = {"abcdefghi"};
    CHECK(best_suggestion("abcdefXYZ", nine) == "abcdefghi");
}

TEST_CASE("best suggestion counts a Latin-1 sign that is no letter as a character of its own")
{
    // Accents come off the Latin letters (\u00e9 is e), but \u00d7, \u00f7, \u00c6 and \u00de have no ASCII letter:
    // each differs from the others and from a "?", so they are one edit apart, and a tie at one edit is no guess.
    CHECK(best_suggestion("ab\u00d7", std::vector<std::string_view>{"ab\u00f7", "abc"}).empty());
    CHECK(best_suggestion("ab?", std::vector<std::string_view>{"ab\u00d7", "abc"}).empty());
    CHECK(best_suggestion("\u00c6ther", std::vector<std::string_view>{"\u00dether", "Ather"}).empty());
    // The sign itself still matches exactly.
    CHECK(best_suggestion("ab\u00d7", std::vector<std::string_view>{"abc", "ab\u00d7"}) == "ab\u00d7");
}

TEST_CASE("best suggestion gives words longer than 64 bytes only the exact match")
{
    const std::string long_word(65, 'a');
    const std::string near = std::string(64, 'a') + "b";
    const std::vector<std::string> candidates = {near};
    CHECK(best_suggestion(long_word, candidates).empty());
    const std::vector<std::string> exact = {near, std::string(65, 'A')};
    CHECK(best_suggestion(long_word, exact) == exact[1]);
    const std::string huge(5'000'000, 'q');
    CHECK(best_suggestion(huge, field_names).empty());
}

TEST_CASE("best suggestion still fixes a typo in a word of exactly 64 characters")
{
    // The documented bound is inclusive: only words longer than 64 characters lose the fuzzy match.
    const std::string word = std::string(63, 'a') + "b";
    const std::vector<std::string> candidates = {std::string(64, 'a')};
    CHECK(best_suggestion(word, candidates) == candidates[0]);
}

TEST_CASE("best suggestion never offers a word's opposite written with a hyphen or an underscore")
{
    // "in-active" is three edits from "active", within a nine-character word's reach, and means the opposite.
    const std::vector<std::string_view> candidates = {"active", "phone"};
    CHECK(best_suggestion("in-active", candidates).empty());
    CHECK(best_suggestion("in_active", candidates).empty());
    CHECK(best_suggestion("activ", candidates) == "active"); // a typo of the word itself still is one
}

TEST_CASE("best suggestion counts a character outside the Basic Multilingual Plane as one character")
{
    // An emoji is four UTF-8 bytes: counted as four, "name" with one pasted after it was past the limit.
    const std::vector<std::string_view> candidates = {"name", "TemplateId"};
    CHECK(best_suggestion("name\U0001F600", candidates) == "name");
    CHECK(best_suggestion("\U0001F4DETemplateId", candidates) == "TemplateId");
}

TEST_CASE("character units read every accented Latin letter from U+00C0 to U+017F as its letter")
{
    using atlas::detail::character_units;
    using atlas::detail::max_unit_input;
    char buffer[max_unit_input] = {};
    // The first and the last of the table (A with grave, the long s), and one before the last.
    CHECK(character_units("\u00c0", buffer) == "A");
    CHECK(character_units("\u017f", buffer) == "s");
    CHECK(character_units("\u017e", buffer) == "z");
    // A sign of the range that is no letter stays a character of its own, never an ASCII letter.
    const std::string_view times = character_units("\u00d7", buffer);
    REQUIRE(times.size() == 1);
    CHECK(static_cast<unsigned char>(times[0]) >= 0x80);
    // So a word with them is its letters: no edit from the plain spelling.
    const std::vector<std::string_view> candidates = {"Alarm", "Dress"};
    CHECK(best_suggestion("\u00c0larm", candidates) == "Alarm");
    CHECK(best_suggestion("Dre\u017f\u017f", candidates) == "Dress");
}

TEST_CASE("best suggestion gives the empty word nothing but an empty candidate")
{
    CHECK(best_suggestion("", field_names).empty());
    const std::array<std::string_view, 2> with_empty = {"a", ""};
    CHECK(best_suggestion("", with_empty).data() == with_empty[1].data());
}

TEST_CASE("best suggestion accepts any range of string-like elements")
{
    const char* const c_strings[] = {"alpha", "beta", "gamma"};
    CHECK(best_suggestion("Gama", c_strings) == "gamma");
    const std::list<std::string> list = {"alpha", "beta", "gamma"};
    CHECK(best_suggestion("bta", list) == "beta");
    // The result views the element itself.
    CHECK(best_suggestion("bta", list).data() == std::next(list.begin())->data());
    const std::vector<std::string_view> empty;
    CHECK(best_suggestion("anything", empty).empty());
    CHECK(atlas::detail::best_suggestion_index("bta", list) == 1);
    CHECK(atlas::detail::best_suggestion_index("xyz", list) == atlas::detail::no_suggestion);
}
