#include "atlas/timezone.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

#ifndef ATLAS_TEST_TZDATA_ZI
#define ATLAS_TEST_TZDATA_ZI "/usr/share/zoneinfo/tzdata.zi"
#endif
constexpr const char* tzdata_path = ATLAS_TEST_TZDATA_ZI;

struct tzdata_file {
    bool found = false;
    std::string version; // from "# version 2026f"
    std::set<std::string> names; // every Zone and Link name
    std::vector<std::pair<std::string, std::string>> links; // (Link name, its target)
};

tzdata_file read_tzdata()
{
    tzdata_file result;
    std::ifstream in(tzdata_path);
    if (!in) return result;
    result.found = true;
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string kind;
        fields >> kind;
        if (first) {
            first = false;
            std::string word;
            if (kind == "#" && fields >> word && word == "version") fields >> result.version;
            continue;
        }
        std::string a, b;
        if (kind == "Z" && fields >> a) result.names.insert(a);
        else if (kind == "L" && fields >> a >> b) {
            result.names.insert(b);
            result.links.emplace_back(b, a);
        }
    }
    return result;
}

std::string missing_file_message()
{
    return "cannot open " + std::string(tzdata_path) + ": install the tzdata package";
}

const tzdata_file& tzdata()
{
    static const tzdata_file file = read_tzdata();
    return file;
}

// tz versions are a year and a letter suffix ("2026f"); later letters sort later and a
// longer suffix is later ("2026z" < "2026za").
std::tuple<int, std::size_t, std::string> version_key(std::string_view v)
{
    std::size_t digits = 0;
    while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
    int year = 0;
    for (std::size_t i = 0; i < digits; ++i) year = year * 10 + (v[i] - '0');
    const std::string suffix(v.substr(digits));
    return {year, suffix.size(), suffix};
}

bool table_has(std::string_view name)
{
    const auto names = atlas::time_zone_names();
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

TEST_CASE("the system tzdata.zi file is present and carries a version")
{
    if (!tzdata().found) FAIL(missing_file_message());
    CHECK_FALSE(tzdata().version.empty());
    CHECK_FALSE(tzdata().names.empty());
}

TEST_CASE("the tzdata version constant names a tz release of 2025b or later")
{
    // The contract asks for the tz database 2025b or later, and for the version shipped to be reported.
    CHECK(version_key(atlas::tzdata_version) >= version_key("2025b"));
    if (!tzdata().found) FAIL(missing_file_message());
    // A machine with another tzdata is no failure of the library: the table is checked in.
    INFO("regenerate the table with: python3 tools/gen_tz_names.py");
    WARN(atlas::tzdata_version == tzdata().version);
}

TEST_CASE("every Zone and Link name in tzdata.zi is a time zone")
{
    const tzdata_file& file = tzdata();
    if (!file.found) FAIL(missing_file_message());
    const auto file_key = version_key(file.version);
    const auto table_key = version_key(atlas::tzdata_version);

    if (file_key == table_key) {
        for (const std::string& name : file.names) {
            INFO(name);
            CHECK(atlas::is_time_zone(name));
        }
        CHECK(atlas::time_zone_names().size() == file.names.size());
    } else if (file_key > table_key) {
        // A newer tzdata may add names the table lacks; names are never removed, so
        // every table name must still be in the file.
        MESSAGE("tzdata.zi is version ", file.version, ", newer than the table's ",
                atlas::tzdata_version, "; regenerate with tools/gen_tz_names.py");
        for (const std::string_view name : atlas::time_zone_names()) {
            INFO(name);
            CHECK(file.names.count(std::string(name)) == 1);
        }
    } else {
        MESSAGE("tzdata.zi is version ", file.version, ", older than the table's ",
                atlas::tzdata_version);
        for (const std::string& name : file.names) {
            INFO(name);
            CHECK(atlas::is_time_zone(name));
        }
    }
}

TEST_CASE("every Link in tzdata.zi keeps its target's zone in the name table")
{
    const tzdata_file& file = tzdata();
    if (!file.found) FAIL(missing_file_message());
    REQUIRE(file.links.size() > 100);
    const auto position = [](std::string_view name) {
        const auto names = atlas::time_zone_names();
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
    };
    // A newer tzdata may have made a Zone a Link (regenerate then); 2025b's and 2026f's are the same.
    const bool newer = version_key(file.version) > version_key(atlas::tzdata_version);
    std::size_t disagree = 0;
    for (const auto& [name, target] : file.links) {
        const std::size_t n = position(name), t = position(target);
        if (n == atlas::time_zone_names().size() || t == atlas::time_zone_names().size()) continue;
        INFO(name, " -> ", target);
        if (newer)
            disagree += atlas::detail::tz_zone_of[n] != atlas::detail::tz_zone_of[t];
        else
            CHECK(atlas::detail::tz_zone_of[n] == atlas::detail::tz_zone_of[t]);
    }
    if (disagree != 0)
        MESSAGE("tzdata.zi ", file.version, " links ", disagree, " names otherwise; regenerate with tools/gen_tz_names.py");
}

TEST_CASE("the name table is sorted by byte value and holds no duplicates")
{
    static_assert(atlas::detail::tz_names_sorted_and_unique());
    const auto names = atlas::time_zone_names();
    REQUIRE(names.size() > 400);
    CHECK(std::adjacent_find(names.begin(), names.end(),
                             [](std::string_view a, std::string_view b) { return !(a < b); }) ==
          names.end());
    CHECK(names.data() == std::data(atlas::detail::tz_names));
}

TEST_CASE("the name table holds canonical zones and links alike")
{
    CHECK(table_has("America/New_York"));
    CHECK(table_has("Europe/Berlin"));
    CHECK(table_has("UTC"));
    CHECK(table_has("US/Eastern"));
    if (tzdata().names.count("Asia/Calcutta") != 0) CHECK(table_has("Asia/Calcutta"));
    static_assert(atlas::is_time_zone("America/New_York"));
    static_assert(atlas::is_time_zone("US/Eastern"));
}

TEST_CASE("is_time_zone is case-exact and rejects non-names")
{
    CHECK(atlas::is_time_zone("UTC"));
    CHECK(atlas::is_time_zone("America/New_York"));
    CHECK(atlas::is_time_zone("Etc/GMT+5"));
    CHECK_FALSE(atlas::is_time_zone(""));
    CHECK_FALSE(atlas::is_time_zone("america/new_york"));
    CHECK_FALSE(atlas::is_time_zone("utc"));
    CHECK_FALSE(atlas::is_time_zone("America/New York"));
    CHECK_FALSE(atlas::is_time_zone(" UTC"));
    CHECK_FALSE(atlas::is_time_zone("America"));
    CHECK_FALSE(atlas::is_time_zone("America/"));
    CHECK_FALSE(atlas::is_time_zone(std::string_view("UTC\0", 4)));
    CHECK_FALSE(atlas::is_time_zone(std::string(5'000'000, 'A')));
    for (const std::string_view name : atlas::time_zone_names()) CHECK(atlas::is_time_zone(name));
}

TEST_CASE("suggest_time_zone fixes wrong case and spaces")
{
    CHECK(atlas::suggest_time_zone("america/new_york") == "America/New_York");
    CHECK(atlas::suggest_time_zone("AMERICA/NEW_YORK") == "America/New_York");
    CHECK(atlas::suggest_time_zone("America/New York") == "America/New_York");
    CHECK(atlas::suggest_time_zone("  America/New_York\n") == "America/New_York");
    CHECK(atlas::suggest_time_zone("utc") == "UTC");
    CHECK(atlas::suggest_time_zone("America/Sao Paulo") == "America/Sao_Paulo");
}

TEST_CASE("suggest_time_zone trims white space before a short name, however much of it")
{
    // A short name is only a few edits from anything: without the trim, "    UTC" was four deletions from UTC, past
    // what a seven-character word may be off, and got nothing.
    CHECK(atlas::suggest_time_zone("    UTC") == "UTC");
    CHECK(atlas::suggest_time_zone("\t\t\tEST") == "EST");
}

TEST_CASE("suggest_time_zone trims white space after a short name too")
{
    // Trailing spaces would be read as underscores, and tabs kept: "UTC" plus three is three edits, past the two a
    // six-character word may be off.
    CHECK(atlas::suggest_time_zone("UTC   ") == "UTC");
    CHECK(atlas::suggest_time_zone("EST\t\t\t") == "EST");
    CHECK(atlas::suggest_time_zone("\tUTC\r\n") == "UTC");
}

TEST_CASE("suggest_time_zone reads up to 256 bytes of input, and a name of up to 64 once trimmed")
{
    // The documented bounds are inclusive: 256 bytes in all are trimmed and searched, 257 are not read at all.
    CHECK(atlas::suggest_time_zone(std::string(250, ' ') + "Berlin") == "Europe/Berlin");
    CHECK(atlas::suggest_time_zone(std::string(251, ' ') + "Berlin").empty());
    // 64 bytes after trimming still get a guess (here step 5: a wrong region, the city alone); 65 get nothing.
    CHECK(atlas::suggest_time_zone(std::string(57, 'x') + "/Berlin") == "Europe/Berlin");
    CHECK(atlas::suggest_time_zone(std::string(58, 'x') + "/Berlin").empty());
}

TEST_CASE("suggest_time_zone gives no near name of another city, whose zone may be hours off")
{
    // A third or more of the city's characters edited: another city ("Mumbai" is no typo of Dubai, 90 minutes off).
    CHECK(atlas::suggest_time_zone("Mumbai").empty());
    CHECK(atlas::suggest_time_zone("Asia/Mumbai").empty());
    CHECK(atlas::suggest_time_zone("Bangalore").empty());
    CHECK(atlas::suggest_time_zone("America/Miami").empty());
    // A city of three letters: from two edits on ("Asia/Goa" is not Asia/Gaza); one is a typo ("Etc/UTX").
    CHECK(atlas::suggest_time_zone("Asia/Goa").empty());
    CHECK(atlas::suggest_time_zone("Etc/UTX") == "Etc/UTC");
    // Typos, cut cities and a whole name one edit off keep their guess.
    CHECK(atlas::suggest_time_zone("Sidney") == "Australia/Sydney");
    CHECK(atlas::suggest_time_zone("Europe/Berln") == "Europe/Berlin");
    CHECK(atlas::suggest_time_zone("US/East") == "US/Eastern");
    CHECK(atlas::suggest_time_zone("America_New_York") == "America/New_York");
    static_assert(atlas::suggest_time_zone("Asia/Mumbai").empty()); // the same at compile time
    static_assert(atlas::suggest_time_zone("Europe/Berln") == "Europe/Berlin");
}

TEST_CASE("suggest_time_zone gives no near name of another city at the bounds of what it reads either")
{
    // 256 bytes in all and 64 once trimmed are read and searched: the near name they find is held to the same test.
    CHECK(atlas::suggest_time_zone(std::string(250, ' ') + "Mumbai").empty());
    CHECK(atlas::suggest_time_zone(std::string(57, 'x') + "/Mumbai").empty());
    CHECK(atlas::suggest_time_zone(std::string(57, 'x') + "/Dubia") == "Asia/Dubai"); // a typo of the city: kept
}

TEST_CASE("suggest_time_zone keeps one edit in a city of four letters or of three, under a wrong region or none")
{
    // Not one edit from the whole name, so the city's own edits decide: one is a typo at any length.
    CHECK(atlas::suggest_time_zone("Olso") == "Europe/Oslo");
    CHECK(atlas::suggest_time_zone("Mars/UTX") == "Etc/UTC");
    CHECK(atlas::suggest_time_zone("Ect/UTX") == "Etc/UTC");
}

TEST_CASE("suggest_time_zone counts a city's characters, not its bytes, when it tells another city from a typo")
{
    // "M\u00fcmbai": 7 bytes, 6 characters, two edits from Dubai: a third of its characters, so another city.
    CHECK(atlas::suggest_time_zone("M\u00fcmbai").empty());
    CHECK(atlas::suggest_time_zone("Asia/M\u00fcmbai").empty());
}

TEST_CASE("suggest_time_zone allows a five-letter city one edit, not two")
{
    // A five-character word may be one edit off: "Abidn" is two from Abidjan, and may be any other city.
    CHECK(atlas::suggest_time_zone("Abidn").empty());
    CHECK(atlas::suggest_time_zone("Abijn").empty());
    CHECK(atlas::suggest_time_zone("Abidjn") == "Africa/Abidjan");
}

TEST_CASE("suggest_time_zone supplies a missing region")
{
    CHECK(atlas::suggest_time_zone("New_York") == "America/New_York");
    CHECK(atlas::suggest_time_zone("new york") == "America/New_York");
    CHECK(atlas::suggest_time_zone("Berlin") == "Europe/Berlin");
    CHECK(atlas::suggest_time_zone("los angeles") == "America/Los_Angeles");
    CHECK(atlas::suggest_time_zone("GMT+5") == "Etc/GMT+5");
    CHECK(atlas::suggest_time_zone("Mars/Berlin") == "Europe/Berlin"); // wrong region
}

TEST_CASE("suggest_time_zone corrects small typos")
{
    CHECK(atlas::suggest_time_zone("Amrica/New_York") == "America/New_York");
    CHECK(atlas::suggest_time_zone("Europe/Berln") == "Europe/Berlin");
    CHECK(atlas::suggest_time_zone("Europe/Londn") == "Europe/London");
    CHECK(atlas::suggest_time_zone("Berln") == "Europe/Berlin");
    CHECK(atlas::suggest_time_zone("new_yrok") == "America/New_York");
    CHECK(atlas::suggest_time_zone("UTX") == "UTC");
}

TEST_CASE("suggest_time_zone takes a typo as near to a zone and a Link to it as one place")
{
    // Renamed cities keep their old name as a Link: a typo one edit from both was a coin toss with no guess.
    CHECK(atlas::suggest_time_zone("Europe/Kyev") == "Europe/Kiev"); // Kiev, a Link to Kyiv: the first in byte order
    CHECK(atlas::suggest_time_zone("Europe/Kiyv") == "Europe/Kiev");
    CHECK(atlas::suggest_time_zone("Asia/Rangon") == "Asia/Rangoon"); // Rangoon or Yangon
    CHECK(atlas::suggest_time_zone("Asia/Thimpu") == "Asia/Thimbu"); // Thimbu or Thimphu
    CHECK(atlas::suggest_time_zone("America/Adka") == "America/Adak"); // Adak or Atka
    static_assert(atlas::suggest_time_zone("Europe/Kyev") == "Europe/Kiev"); // the same at compile time
    CHECK(atlas::is_time_zone(atlas::suggest_time_zone("Asia/Rangon")));
    // Different zones as near still give none: Atka keeps Adak's clock (UTC-10), Sitka its own (UTC-9).
    CHECK(atlas::suggest_time_zone("America/Stka").empty());
    // The table says which zone each name keeps the clock of: a Zone its own, a Link its target's.
    using atlas::detail::tz_names;
    using atlas::detail::tz_zone_of;
    const auto position = [](std::string_view name) {
        return static_cast<std::size_t>(std::find(tz_names.begin(), tz_names.end(), name) - tz_names.begin());
    };
    CHECK(tz_zone_of[position("Europe/Kiev")] == position("Europe/Kyiv"));
    CHECK(tz_zone_of[position("Europe/Kyiv")] == position("Europe/Kyiv"));
    CHECK(tz_zone_of[position("US/Eastern")] == position("America/New_York"));
    CHECK(tz_zone_of[position("Canada/Eastern")] != tz_zone_of[position("US/Eastern")]);
    for (std::size_t i = 0; i < tz_names.size(); ++i)
        CHECK(tz_zone_of[tz_zone_of[i]] == tz_zone_of[i]); // a Zone, never a Link
}

TEST_CASE("suggest_time_zone counts a typo's edits in characters, accents and invisible ones alike")
{
    // Each is one or two characters off; counted in UTF-8 bytes they were two to six, past the limit.
    CHECK(atlas::suggest_time_zone("Europe/Par\u00eds") == "Europe/Paris");
    CHECK(atlas::suggest_time_zone("Europe/Kyiv\u200b") == "Europe/Kyiv");
    CHECK(atlas::suggest_time_zone("Europe/Pa\u200bris") == "Europe/Paris");
    CHECK(atlas::suggest_time_zone("Par\u0131s") == "Europe/Paris"); // the last component alone
    static_assert(atlas::suggest_time_zone("Europe/Par\u00eds") == "Europe/Paris"); // the same at compile time
    // A Latin letter's accent is no edit at all: people write the city they know.
    CHECK(atlas::suggest_time_zone("Europe/Z\u00fcrich") == "Europe/Zurich");
    CHECK(atlas::suggest_time_zone("S\u00e3o Paulo") == "America/Sao_Paulo");
    CHECK(atlas::suggest_time_zone("America/Bogot\u00e1") == "America/Bogota");
    CHECK(atlas::suggest_time_zone("Asia/T\u014dky\u014d") == "Asia/Tokyo");
    CHECK(atlas::suggest_time_zone("M\u00e9xico_City") == "America/Mexico_City");
}

TEST_CASE("suggest_time_zone completes a name or city cut short, by the fewest characters left out")
{
    // These got another country's zone, a zone hours away, or nothing.
    CHECK(atlas::suggest_time_zone("US/East") == "US/Eastern");       // was Brazil/East; not US/East-Indiana
    CHECK(atlas::suggest_time_zone("US/Cent") == "US/Central");       // was CET
    CHECK(atlas::suggest_time_zone("America/Sao") == "America/Sao_Paulo"); // was America/Adak
    CHECK(atlas::suggest_time_zone("us/pacif") == "US/Pacific");
    CHECK(atlas::suggest_time_zone("Europe/Lond") == "Europe/London");
    CHECK(atlas::suggest_time_zone("Asia/Kolk") == "Asia/Kolkata");
    CHECK(atlas::suggest_time_zone("Australia/Syd") == "Australia/Sydney");
    CHECK(atlas::suggest_time_zone("America/Argentina/Buenos") == "America/Argentina/Buenos_Aires");
    CHECK(atlas::suggest_time_zone("Asia/Ho Chi") == "Asia/Ho_Chi_Minh");
    CHECK(atlas::suggest_time_zone("Lond") == "Europe/London");
    CHECK(atlas::suggest_time_zone("Sydn") == "Australia/Sydney");
    CHECK(atlas::suggest_time_zone("Toky") == "Asia/Tokyo");
    static_assert(atlas::suggest_time_zone("US/East") == "US/Eastern"); // the same at compile time
    static_assert(atlas::suggest_time_zone("Lond") == "Europe/London");
    // Different zones as short, too little written, or no region and three letters: no guess from the start.
    CHECK(atlas::suggest_time_zone("America/North").empty()); // North_Dakota/Beulah, /Center, /New_Salem
    CHECK(atlas::suggest_time_zone("Europe/L") != "Europe/London");
    CHECK(atlas::suggest_time_zone("Ber") != "Europe/Berlin");
    CHECK(atlas::suggest_time_zone("Mont").empty()); // Montreal, Monterrey, Montevideo, Montserrat, ...
    CHECK(atlas::suggest_time_zone("Braz").empty()); // Brazil/ as much as Africa/Brazzaville
    CHECK(atlas::suggest_time_zone("Cana").empty()); // Canada/ as much as Atlantic/Canary
    // A POSIX zone's digits or an offset are no city to complete: EST5 is EST (one edit), not EST5EDT.
    CHECK(atlas::suggest_time_zone("EST5") == "EST");
    CHECK(atlas::suggest_time_zone("MST7") == "MST");
    CHECK(atlas::suggest_time_zone("PST8").empty());
    // A zone of no region written under one is that zone, not a city it starts.
    CHECK(atlas::suggest_time_zone("America/MET") == "MET");
    CHECK(atlas::suggest_time_zone("Cent") == "CET");
    // A whole city still wins over a longer one it starts, and a real city under a wrong region keeps its zone.
    CHECK(atlas::suggest_time_zone("GMT+1") == "Etc/GMT+1");
    CHECK(atlas::suggest_time_zone("America/Rome") == "Europe/Rome");
}

TEST_CASE("suggest_time_zone completes what was written in any case")
{
    // The start is compared ignoring ASCII case, its first letter too: lower case is how most people type.
    CHECK(atlas::suggest_time_zone("america/sao") == "America/Sao_Paulo"); // a typo's search took America/Adak
    CHECK(atlas::suggest_time_zone("europe/lond") == "Europe/London");
    CHECK(atlas::suggest_time_zone("lond") == "Europe/London");
    CHECK(atlas::suggest_time_zone("sydn") == "Australia/Sydney");
}

TEST_CASE("suggest_time_zone gives no typo's guess for a city start of different zones, nor for a bare region")
{
    // "Guad" starts Pacific/Guadalcanal and America/Guadeloupe: a coin toss ends the search, not a guess one edit
    // off (Pacific/Guam) that no one meant.
    CHECK(atlas::suggest_time_zone("Guad").empty());
    CHECK(atlas::suggest_time_zone("guad").empty());
    // "Mexico" is a region (Mexico/BajaNorte, ...), as "America" is: a region is not a zone, and not a city it starts.
    CHECK(atlas::suggest_time_zone("Mexico").empty());
    CHECK(atlas::suggest_time_zone("mexico").empty());
}

TEST_CASE("suggest_time_zone returns nothing for garbage")
{
    CHECK(atlas::suggest_time_zone("Mars/Olympus").empty());
    CHECK(atlas::suggest_time_zone("x").empty());
    CHECK(atlas::suggest_time_zone("xyz").empty());
    CHECK(atlas::suggest_time_zone("").empty());
    CHECK(atlas::suggest_time_zone("   ").empty());
    CHECK(atlas::suggest_time_zone("America").empty()); // a region is not a zone
    CHECK(atlas::suggest_time_zone("europe").empty());
    CHECK(atlas::suggest_time_zone("America/").empty());
    CHECK(atlas::suggest_time_zone("/").empty());
}

TEST_CASE("suggest_time_zone returns a table name for a valid name")
{
    for (const std::string_view name : atlas::time_zone_names()) {
        INFO(name);
        const std::string_view hit = atlas::suggest_time_zone(name);
        CHECK(hit == name);
        CHECK(hit.data() == name.data()); // views the table, not the input
    }
}

namespace {

// The documented steps of suggest_time_zone written plainly, with nothing precomputed: the
// reference for the table of name keys that the library searches at run time.
std::string_view reference_suggest_time_zone(std::string_view name)
{
    using namespace atlas::detail;
    if (name.size() > 256) return {};
    while (!name.empty() && tz_is_space(name.front())) name.remove_prefix(1);
    while (!name.empty() && tz_is_space(name.back())) name.remove_suffix(1);
    if (name.empty() || name.size() > suggest_max_word) return {};
    std::string word(name);
    std::replace(word.begin(), word.end(), ' ', '_');
    const std::string_view last = tz_last_component(word);
    for (const std::string_view zone : tz_names)
        if (iequals_ascii(zone, word)) return zone;
    const bool fuzzy = word.size() >= 3 && !(last.size() == word.size() && tz_is_region(word));
    const auto same_place = [](std::size_t a, std::size_t b) { return tz_same_place(a, b); };
    const suggestion near = fuzzy ? find_suggestion(word, tz_names, same_place) : suggestion{};
    std::vector<std::size_t> same_last;
    for (std::size_t i = 0; i < tz_names.size() && !last.empty(); ++i)
        if (iequals_ascii(tz_last_component(tz_names[i]), last)) same_last.push_back(i);
    const bool one_place = std::all_of(same_last.begin(), same_last.end(),
        [&](std::size_t i) { return tz_same_place(same_last.front(), i); });
    const bool city_in_region = std::any_of(same_last.begin(), same_last.end(),
        [](std::size_t i) { return tz_names[i].find('/') != std::string_view::npos; });
    // 2. With a region written: a whole name one edit away, when its city is the one written or no zone with a
    // region has that city; two as near end the search.
    if (last.size() < word.size() && near.distance <= 1 && (!near.text.empty() || near.tied) &&
        (!city_in_region || (!near.text.empty() && iequals_ascii(tz_last_component(near.text), last))))
        return near.text;
    // A name or city that `word` is the start of, by the fewest characters left out; nothing (nullopt) when none
    // starts with it, and an empty name when different zones are as short, which ends the search.
    const auto completed = [&](bool cities) -> std::optional<std::string_view> {
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i < tz_names.size(); ++i) {
            const std::string_view text = cities ? tz_last_component(tz_names[i]) : tz_names[i];
            if (text.size() > word.size() && iequals_ascii(text.substr(0, word.size()), word)) starts.push_back(i);
        }
        if (starts.empty()) return std::nullopt;
        const auto length = [&](std::size_t i) { return (cities ? tz_last_component(tz_names[i]) : tz_names[i]).size(); };
        const std::size_t shortest = length(*std::min_element(starts.begin(), starts.end(),
            [&](std::size_t a, std::size_t b) { return length(a) < length(b); }));
        std::vector<std::size_t> best; // a city: every one it starts; a name: the shortest
        for (const std::size_t i : starts)
            if (cities || length(i) == shortest) best.push_back(i);
        const bool one = std::all_of(best.begin(), best.end(), [&](std::size_t i) { return tz_same_place(best.front(), i); });
        return one ? tz_names[best.front()] : std::string_view{};
    };
    const bool has_region = last.size() < word.size();
    // Letters only, and without a region no start of a region.
    const bool letters = std::all_of(last.begin(), last.end(),
        [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
    const bool starts_region = std::any_of(tz_names.begin(), tz_names.end(), [&](std::string_view zone) {
        const std::size_t slash = zone.find('/');
        return slash != std::string_view::npos && slash >= word.size() && iequals_ascii(zone.substr(0, word.size()), word);
    });
    // 3. A region written with a zone's name of no region: that zone.
    if (has_region && !same_last.empty() && one_place && !city_in_region) return tz_names[same_last.front()];
    // 4. With a region and at least 3 letters of a city: the name they start.
    if (has_region && last.size() >= 3 && letters)
        if (const auto whole = completed(false)) return *whole;
    // 5. The city alone; a city of different zones ends the search.
    if (!same_last.empty()) return one_place ? tz_names[same_last.front()] : std::string_view{};
    // 6. A small typo in the whole name.
    if (!near.text.empty()) return near.text;
    // 7. Without a region, at least 4 letters that start the cities of one place, and no region.
    if (!has_region && last.size() >= 4 && letters && !starts_region)
        if (const auto city = completed(true)) return *city;
    if (!fuzzy || last.size() < 3) return {};
    std::vector<std::string_view> components;
    for (const std::string_view zone : tz_names) components.push_back(tz_last_component(zone));
    const std::size_t index = best_suggestion_index(last, components, same_place);
    return index == no_suggestion ? std::string_view{} : tz_names[index];
}

} // namespace

TEST_CASE("suggest_time_zone gives the answers of a plain search over the names, less those of another city")
{
    // Every name with one letter dropped, doubled, replaced or swapped, and in other case.
    std::mt19937 rng(99);
    std::size_t compared = 0;
    for (const std::string_view name : atlas::time_zone_names()) {
        std::string dropped(name), doubled(name), replaced(name), swapped(name), upper(name);
        const std::size_t at = rng() % name.size();
        dropped.erase(at, 1);
        doubled.insert(at, 1, name[at]);
        replaced[at] = static_cast<char>('a' + rng() % 26);
        if (at + 1 < name.size()) std::swap(swapped[at], swapped[at + 1]);
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const std::string last(atlas::detail::tz_last_component(replaced));
        // Two edits, and short random words: several names are often as close, of other
        // lengths than the word's, and the first in table order must win the tie.
        std::string two_edits = replaced;
        two_edits.erase(rng() % two_edits.size(), 1);
        std::string random_word(3 + rng() % 6, 'a');
        for (char& c : random_word) c = "aeiounrstlmkb/_"[rng() % 15];
        // A negating prefix: never the guess of its own word ("inAbidjan"), on both paths.
        const std::string prefixed = std::string(rng() % 2 ? "in" : "de") + std::string(atlas::detail::tz_last_component(name));
        // Cut short: a name's first characters, with or without its region.
        const std::string cut(name.substr(0, name.size() - 1 - rng() % std::max<std::size_t>(1, name.size() / 2)));
        const std::string cut_city(atlas::detail::tz_last_component(cut));
        for (const std::string& typo :
            {dropped, doubled, replaced, swapped, upper, last, two_edits, random_word, prefixed, cut, cut_city}) {
            INFO(typo);
            const std::string_view reference = reference_suggest_time_zone(typo);
            CHECK(atlas::detail::nearest_time_zone(typo) == reference);
            // Then the last test, which takes a near name of another city back.
            CHECK(atlas::suggest_time_zone(typo) == (atlas::detail::tz_another_city(typo, reference) ? "" : reference));
            ++compared;
        }
    }
    CHECK(compared == 11 * atlas::time_zone_names().size());
}

// How long these take is measured in bench/ (the size ramp), not asserted here.
TEST_CASE("suggest_time_zone gives nothing for very long input, even around a real name")
{
    const std::string spaces(5'000'000, ' ');
    const std::string repeated = [] {
        std::string s;
        while (s.size() < 5'000'000) s += "America/New_York";
        return s;
    }();
    const std::string padded = spaces + "Berlin" + spaces;
    const std::string long_typo = std::string(65, 'a');

    CHECK(atlas::suggest_time_zone(spaces).empty());
    CHECK(atlas::suggest_time_zone(repeated).empty());
    CHECK(atlas::suggest_time_zone(padded).empty());
    CHECK(atlas::suggest_time_zone(long_typo).empty());
    CHECK(atlas::suggest_time_zone(std::string(64, 'a')).empty()); // fuzzy, but nothing is close
}

TEST_CASE("time zone lookups work in constant expressions and never throw")
{
    static_assert(atlas::suggest_time_zone("america/new_york") == "America/New_York");
    static_assert(atlas::suggest_time_zone("Europe/Berln") == "Europe/Berlin");
    static_assert(atlas::suggest_time_zone("Mars/Olympus").empty());
    // The steps of session 16, at compile time as at run time: a region typo, a real city under a wrong region, a
    // city of two different zones, a negating prefix.
    static_assert(atlas::suggest_time_zone("Brasil/West") == "Brazil/West");
    static_assert(atlas::suggest_time_zone("America/Rome") == "Europe/Rome");
    static_assert(atlas::suggest_time_zone("Pacific/Eastern").empty());
    static_assert(atlas::suggest_time_zone("inAbidjan").empty());
    std::string written = "Brasil/West"; // and at run time, from text the compiler cannot see
    CHECK(atlas::suggest_time_zone(written) == "Brazil/West");
    written = "America/Rome";
    CHECK(atlas::suggest_time_zone(written) == "Europe/Rome");
    written = "Pacific/Eastern";
    CHECK(atlas::suggest_time_zone(written).empty());
    written = "inAbidjan";
    CHECK(atlas::suggest_time_zone(written).empty());
    static_assert(atlas::time_zone_names().size() == std::size(atlas::detail::tz_names));
    static_assert(noexcept(atlas::time_zone_names()));
    static_assert(noexcept(atlas::is_time_zone("UTC")));
    static_assert(noexcept(atlas::suggest_time_zone("UTC")));
}
