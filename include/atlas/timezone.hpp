// IANA time zone names: lookup and did-you-mean suggestions.
// The name table is generated from tzdata.zi by tools/gen_tz_names.py.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "atlas/detail/suggest.hpp"
#include "atlas/detail/tz_names.hpp"

namespace atlas {

namespace detail {

static_assert(std::size(tz_name_ends) > 0, "tz_names.hpp holds no names");
static_assert(std::size(tz_zone_of) == std::size(tz_name_ends), "tz_names.hpp gives every name its zone");
static_assert(tz_name_ends[std::size(tz_name_ends) - 1] == std::size(tz_name_text) - 1,
              "tz_name_ends must end where tz_name_text does; regenerate it with tools/gen_tz_names.py");

// Every name, as views into tz_name_text (see tz_names.hpp for why it is made here).
consteval std::array<std::string_view, std::size(tz_name_ends)> make_tz_names() noexcept
{
    std::array<std::string_view, std::size(tz_name_ends)> names{};
    std::size_t begin = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        names[i] = std::string_view(tz_name_text + begin, tz_name_ends[i] - begin);
        begin = tz_name_ends[i];
    }
    return names;
}
inline constexpr std::array<std::string_view, std::size(tz_name_ends)> tz_names = make_tz_names();

consteval bool tz_names_sorted_and_unique() noexcept
{
    // std::string_view's operator< compares as unsigned char, i.e. by byte value.
    for (std::size_t i = 1; i < std::size(tz_names); ++i)
        if (!(tz_names[i - 1] < tz_names[i])) return false;
    return true;
}
// is_time_zone's binary search needs the order. tests/timezone.cpp asserts it at compile time, once:
// here, the constant evaluator's 600 string comparisons cost every translation unit that included this
// header 5% of the umbrella's compile time (even as `true || ...`: an immediate call is always evaluated).

consteval std::size_t tz_longest_name() noexcept
{
    std::size_t n = 0, begin = 0;
    for (const std::size_t end : tz_name_ends) { // the ends, not the views: far less for the constant evaluator
        n = std::max(n, end - begin);
        begin = end;
    }
    return n;
}
inline constexpr std::size_t tz_max_name = tz_longest_name();
static_assert(tz_max_name <= suggest_max_word, "time zone names must fit the suggestion buffers");

// The part after the last '/', or the whole name when there is none.
constexpr std::string_view tz_last_component(std::string_view name) noexcept
{
    const std::size_t slash = name.rfind('/');
    return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// tz_names seen through tz_last_component ("America/New_York" -> "New_York").
struct tz_component_range {
    struct iterator {
        std::size_t i;
        constexpr std::string_view operator*() const noexcept { return tz_last_component(tz_names[i]); }
        constexpr iterator& operator++() noexcept
        {
            ++i;
            return *this;
        }
        constexpr bool operator==(const iterator& other) const noexcept { return i == other.i; }
    };
    constexpr iterator begin() const noexcept { return {0}; }
    constexpr iterator end() const noexcept { return {std::size(tz_names)}; }
};

// What a search at run time needs, worked out once: each name's char_mask_ascii and that of
// its last component, where that component starts, and the names' positions ordered by
// (length, position) and by (last component's length, position), with where each length
// starts. A search then reads only the names of the lengths that can match, a few dozen
// instead of all of them, in the order that keeps ties with the first name.
struct tz_search_index {
    static constexpr std::size_t count = std::size(tz_names);
    static_assert(count < 65536, "positions are 16-bit");
    struct bucketed {
        std::array<std::uint16_t, count> order{};         // positions, by (length, position)
        std::array<std::uint16_t, tz_max_name + 2> start{}; // length n: order[start[n], start[n + 1])
    };
    std::array<std::uint64_t, count> mask{};
    std::array<std::uint64_t, count> last_mask{};
    std::array<std::uint8_t, count> last_offset{};
    bucketed by_size;      // by the whole name's length
    bucketed by_last_size; // by the last component's length

    std::string_view last(std::size_t i) const noexcept { return tz_names[i].substr(last_offset[i]); }
};

// Positions 0..count-1 ordered by (length_of(i), i): a counting sort.
template <class LengthOf>
void tz_bucket(tz_search_index::bucketed& out, LengthOf length_of) noexcept
{
    for (std::size_t i = 0; i < tz_search_index::count; ++i) ++out.start[length_of(i) + 1];
    for (std::size_t n = 1; n < out.start.size(); ++n) out.start[n] += out.start[n - 1];
    auto next = out.start; // where the next position of each length goes
    for (std::size_t i = 0; i < tz_search_index::count; ++i)
        out.order[next[length_of(i)]++] = static_cast<std::uint16_t>(i);
}

// Built on first use at run time: a constexpr table would cost every translation unit that
// includes this header its compile time.  (Not constexpr on purpose: a static initialised by
// a constant expression is worked out by the compiler, in every translation unit; the keys
// alone cost 15 MB of compiler memory that way.)
inline tz_search_index build_tz_search_index() noexcept
{
    tz_search_index index;
    for (std::size_t i = 0; i < tz_search_index::count; ++i) {
        const std::string_view last = tz_last_component(tz_names[i]);
        index.mask[i] = char_mask_ascii(tz_names[i]);
        index.last_mask[i] = char_mask_ascii(last);
        index.last_offset[i] = static_cast<std::uint8_t>(tz_names[i].size() - last.size());
    }
    tz_bucket(index.by_size, [](std::size_t i) { return tz_names[i].size(); });
    tz_bucket(index.by_last_size, [&index](std::size_t i) { return index.last(i).size(); });
    return index;
}

inline const tz_search_index& tz_search() noexcept
{
    static const tz_search_index index = build_tz_search_index();
    return index;
}

// The first position (in table order) whose text_of(i) equals word ignoring ASCII case, or
// count: only the names whose text has word's length are read.
template <class TextOf>
std::size_t tz_exact(std::string_view word, const tz_search_index::bucketed& buckets, TextOf text_of) noexcept
{
    if (word.size() > tz_max_name) return tz_search_index::count;
    for (std::size_t k = buckets.start[word.size()]; k < buckets.start[word.size() + 1]; ++k)
        if (iequals_ascii(text_of(buckets.order[k]), word)) return buckets.order[k];
    return tz_search_index::count;
}

// Whether two names that a typo is as near to mean the same zone: one is a Link to the other, or both to one Zone
// ("Europe/Kiev" and "Europe/Kyiv"; "Asia/Rangoon" and "Asia/Yangon"), or they end in the same city
// ("America/Cordoba" and "America/Argentina/Cordoba"), unless both name a region of a country, which are different
// zones ("US/Eastern" and "Canada/Eastern"; "Australia/West" and "Brazil/West"). Every pair of names with the same
// last part in tzdata 2026f is one or the other.
constexpr bool tz_country_region(std::string_view name) noexcept
{
    for (const std::string_view country : {"US/", "Canada/", "Australia/", "Brazil/", "Mexico/", "Chile/"})
        if (name.starts_with(country)) return true;
    return false;
}
constexpr bool tz_same_place(std::size_t a, std::size_t b) noexcept
{
    return a == b || tz_zone_of[a] == tz_zone_of[b] ||
           (iequals_ascii(tz_last_component(tz_names[a]), tz_last_component(tz_names[b])) &&
               !(tz_country_region(tz_names[a]) && tz_country_region(tz_names[b])));
}

// Whether text is longer than start and starts with it, ignoring ASCII case. The first characters are compared
// here, before the call: in a walk over every name, they differ for nearly all of them.
constexpr bool tz_starts_longer(std::string_view text, std::string_view start) noexcept
{
    return text.size() > start.size() && (start.empty() || to_lower_ascii(text[0]) == to_lower_ascii(start[0])) &&
           iequals_ascii(text.substr(0, start.size()), start);
}

// A search's answer: the position of the nearest name and its distance; count when nothing is near enough, or when
// two different zones are as near (`tied`: a guess between them would be a coin toss).
struct tz_hit {
    std::size_t index = 0;
    std::size_t distance = 0;
    bool tied = false;
};

// find_suggestion's answer over text_of(0..count-1) with tz_same_place for ties, reading only the lengths within
// its limit: the smallest edit distance within suggestion_limit; of names of the same place as near, the first
// position. Candidates come by length here, not in table order, so such a tie replaces the best only from an
// earlier position. The caller has ruled out an exact match.
template <class TextOf, class MaskOf>
tz_hit tz_fuzzy(std::string_view word, const tz_search_index::bucketed& buckets, TextOf text_of,
                MaskOf mask_of) noexcept
{
    std::size_t limit = suggestion_limit(word.size());
    const std::uint64_t word_mask = char_mask_ascii(word);
    std::size_t best = tz_search_index::count;
    bool tied = false;
    const std::size_t shortest = word.size() > limit ? word.size() - limit : 0;
    for (std::size_t length = shortest; length <= std::min(word.size() + limit, tz_max_name); ++length) {
        if (length + limit < word.size()) continue; // the limit has shrunk since the range was set
        for (std::size_t k = buckets.start[length]; k < buckets.start[length + 1]; ++k) {
            const std::size_t i = buckets.order[k];
            if (char_masks_exceed(word_mask, mask_of(i), limit)) continue;
            const std::size_t d = iedit_distance_ascii(word, text_of(i), limit);
            // As find_suggestion: a guess keeps a character of the word, and is never its opposite ("inAbidjan").
            if (d > limit || d >= std::max(word.size(), text_of(i).size()) || negation_of(word, text_of(i))) continue;
            if (best == tz_search_index::count || d < limit) {
                best = i;
                tied = false;
            } else if (!tz_same_place(best, i)) {
                tied = true;
            } else if (i < best) {
                best = i;
            }
            limit = d;
        }
    }
    if (best == tz_search_index::count) return {tz_search_index::count, 0, false};
    return tied ? tz_hit{tz_search_index::count, limit, true} : tz_hit{best, limit, false};
}

// The zones whose last part is `last` (ignoring ASCII case): the first of them when they are one place, or count
// when there are none or they are different zones (`several`: "Eastern" is US/Eastern or Canada/Eastern);
// `in_region` when one of them has a region ("Rome": Europe/Rome; not "WET", a zone of one word).
struct tz_city {
    std::size_t index = 0;
    bool several = false;
    bool in_region = false;
};
inline tz_city tz_exact_last(std::string_view last, const tz_search_index& index) noexcept
{
    tz_city city{tz_search_index::count, false, false};
    if (last.size() > tz_max_name) return city;
    std::size_t first = tz_search_index::count;
    const auto& buckets = index.by_last_size;
    for (std::size_t k = buckets.start[last.size()]; k < buckets.start[last.size() + 1]; ++k) {
        const std::size_t i = buckets.order[k];
        if (!iequals_ascii(index.last(i), last)) continue;
        city.in_region = city.in_region || index.last_offset[i] > 0;
        if (first == tz_search_index::count) first = i;
        else if (!tz_same_place(first, i)) city.several = true;
        else first = std::min(first, i);
    }
    city.index = city.several ? tz_search_index::count : first;
    return city;
}

// The name that `written` is the start of, by the fewest characters left out (ignoring ASCII case): "US/East" is
// US/Eastern, not US/East-Indiana; "America/Sao" is America/Sao_Paulo, where a typo's search had taken America/Adak.
// With `cities`, the start of a last part instead, and only of one place ("Lond": Europe/London; "Mont" starts five
// cities). `index` is tz_search_index::count when there is none, or when different zones are as short (`tied`;
// tz_same_place: the first of one place).
constexpr tz_hit tz_completion(std::string_view written, bool cities) noexcept
{
    constexpr std::size_t none = std::size(tz_names);
    std::size_t best = none, best_left_out = 0;
    bool tied = false;
    const tz_search_index* index = std::is_constant_evaluated() ? nullptr : &tz_search(); // cities without a search
    for (std::size_t i = 0; i < std::size(tz_names); ++i) {
        const std::string_view text = !cities ? tz_names[i] : index ? index->last(i) : tz_last_component(tz_names[i]);
        if (!tz_starts_longer(text, written)) continue;
        const std::size_t left_out = text.size() - written.size();
        if (best == none || (!cities && left_out < best_left_out)) {
            best = i;
            best_left_out = left_out;
            tied = false;
        } else if ((cities || left_out == best_left_out) && !tz_same_place(best, i)) {
            tied = true; // for a city, for good: any two places it starts are a coin toss
        }
    }
    return {tied ? none : best, best_left_out, tied};
}

// Whether a completion may be tried on what was written: a city's letters ("East", "Sao_Paulo", "Port-au"), not
// a POSIX zone's ("EST5": EST, not EST5EDT) or an offset ("GMT+"); and without a region, nothing that starts one
// ("Braz" is Brazil/ as much as Africa/Brazzaville).
constexpr bool tz_completable(std::string_view word, std::string_view last) noexcept
{
    for (const char c : last)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-')) return false;
    if (last.size() < word.size()) return true;
    // word has no '/': a name it starts is a region's when a '/' follows. A loop, not find: in a constant
    // expression under -fsanitize GCC 12 cannot evaluate string_view::find over the table.
    for (const std::string_view name : tz_names) {
        if (!tz_starts_longer(name, word)) continue;
        for (std::size_t k = word.size(); k < name.size(); ++k)
            if (name[k] == '/') return false;
    }
    return true;
}

// True when word names a region such as "America" or "europe" (case-insensitive):
// the part before the first '/' of some name.
constexpr bool tz_is_region(std::string_view word) noexcept
{
    for (const std::string_view name : tz_names)
        if (tz_starts_longer(name, word) && name[word.size()] == '/') return true;
    return false;
}

constexpr bool tz_is_space(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace detail

// Version of the IANA tz database the name table was generated from (e.g. "2026f").
inline constexpr std::string_view tzdata_version = detail::tzdata_version;

// Every IANA Zone and Link name, sorted by byte value, unique.
constexpr std::span<const std::string_view> time_zone_names() noexcept
{
    return std::span<const std::string_view>(detail::tz_names);
}

// True when name is exactly (case included) an IANA Zone or Link name.
constexpr bool is_time_zone(std::string_view name) noexcept
{
    if (name.empty() || name.size() > detail::tz_max_name) return false;
    return std::binary_search(std::begin(detail::tz_names), std::end(detail::tz_names), name);
}

namespace detail {
// Steps 1 to 8 of suggest_time_zone, without its last test.
constexpr std::string_view nearest_time_zone(std::string_view name) noexcept
{
    constexpr std::size_t max_input = 256;
    constexpr std::size_t min_fuzzy = 3;
    constexpr std::size_t min_city_start = 4; // without a region: "Ber" could be Berlin or Bermuda
    if (name.size() > max_input) return {};
    while (!name.empty() && detail::tz_is_space(name.front())) name.remove_prefix(1);
    while (!name.empty() && detail::tz_is_space(name.back())) name.remove_suffix(1);
    if (name.empty() || name.size() > detail::suggest_max_word) return {};

    char buffer[detail::suggest_max_word];
    for (std::size_t i = 0; i < name.size(); ++i) buffer[i] = name[i] == ' ' ? '_' : name[i];
    const std::string_view word(buffer, name.size());
    const std::string_view last = detail::tz_last_component(word);
    // Steps 2, 4 and 5 count edits in characters ("Europe/Par\u00eds" is one from "Europe/Paris"): see
    // character_units.
    char word_buffer[detail::max_unit_input] = {}, last_buffer[detail::max_unit_input] = {};
    const std::string_view word_units = detail::character_units(word, word_buffer);
    const std::string_view last_units = detail::character_units(last, last_buffer);
    // A bare region ("America") is not a typo of some similar-looking city.
    const bool fuzzy = word_units.size() >= min_fuzzy && !(last.size() == word.size() && detail::tz_is_region(word));
    const auto same_place = [](std::size_t a, std::size_t b) { return detail::tz_same_place(a, b); };
    const bool has_region = last.size() < word.size(); // a city alone ("GMT+5") is step 3's, even one edit from another
    // Step 2's test, given step 3's city and the near name (empty when tied).
    const auto region_typo = [&](const detail::tz_hit& near, bool city_in_region) {
        if (!has_region || near.distance > 1 || (near.index == detail::tz_search_index::count && !near.tied))
            return false;
        return !city_in_region ||
               (!near.tied && detail::iequals_ascii(detail::tz_last_component(detail::tz_names[near.index]), last));
    };
    // Steps 4 and 7: a name or a city cut short. Different zones as short end the search: "America/North" is
    // one of three North_Dakota zones, not Australia/North.
    const auto completion = [&](bool cities) {
        const bool long_enough = cities ? !has_region && last_units.size() >= min_city_start
                                        : has_region && last_units.size() >= min_fuzzy;
        return long_enough && detail::tz_completable(word, last) ? detail::tz_completion(word, cities)
                                                                 : detail::tz_hit{std::size(detail::tz_names), 0, false};
    };

    if (!std::is_constant_evaluated()) { // the same steps over the index: lengths that cannot match are not read
        using detail::tz_search_index;
        const tz_search_index& index = detail::tz_search();
        const auto name_of = [](std::size_t i) { return detail::tz_names[i]; };
        const auto last_of = [&index](std::size_t i) { return index.last(i); };
        const auto found = [](std::size_t i) {
            return i == tz_search_index::count ? std::string_view{} : detail::tz_names[i];
        };
        if (const std::size_t hit = detail::tz_exact(word, index.by_size, name_of); hit != tz_search_index::count)
            return detail::tz_names[hit];
        const detail::tz_hit near = fuzzy ? detail::tz_fuzzy(word_units, index.by_size, name_of,
                                                              [&index](std::size_t i) { return index.mask[i]; })
                                          : detail::tz_hit{tz_search_index::count, 0, false};
        const detail::tz_city city = last.empty() ? detail::tz_city{tz_search_index::count, false, false}
                                                  : detail::tz_exact_last(last, index);
        if (region_typo(near, city.in_region)) return found(near.index);
        if (has_region && city.index != tz_search_index::count && !city.in_region)
            return detail::tz_names[city.index]; // "America/MET": the zone MET, not America/Metlakatla
        if (const detail::tz_hit whole = completion(false); whole.index != tz_search_index::count || whole.tied)
            return found(whole.index);
        if (city.index != tz_search_index::count) return detail::tz_names[city.index];
        if (city.several) return {};
        if (near.index != tz_search_index::count) return found(near.index);
        if (const detail::tz_hit started = completion(true); started.index != tz_search_index::count || started.tied)
            return found(started.index);
        if (!fuzzy || last_units.size() < min_fuzzy) return {};
        return found(detail::tz_fuzzy(last_units, index.by_last_size, last_of,
                                      [&index](std::size_t i) { return index.last_mask[i]; })
                         .index);
    }

    for (const std::string_view zone : detail::tz_names)
        if (detail::iequals_ascii(zone, word)) return zone;
    const detail::suggestion near =
        fuzzy ? detail::find_suggestion(word, detail::tz_names, same_place) : detail::suggestion{};
    std::size_t city = detail::no_suggestion;
    bool several = false, in_region = false;
    for (std::size_t i = 0; i < std::size(detail::tz_names) && !last.empty(); ++i)
        if (detail::iequals_ascii(detail::tz_last_component(detail::tz_names[i]), last)) {
            in_region = in_region || detail::tz_last_component(detail::tz_names[i]).size() < detail::tz_names[i].size();
            if (city == detail::no_suggestion) city = i;
            else several = several || !detail::tz_same_place(city, i);
        }
    const detail::tz_hit near_hit{near.text.empty() ? detail::tz_search_index::count : near.index, near.distance,
                                  near.tied};
    if (region_typo(near_hit, in_region)) return near.text;
    if (has_region && !several && city != detail::no_suggestion && !in_region) return detail::tz_names[city];
    const auto completed = [](const detail::tz_hit& hit) {
        return hit.tied ? std::string_view{} : detail::tz_names[hit.index];
    };
    if (const detail::tz_hit whole = completion(false); whole.index != std::size(detail::tz_names) || whole.tied)
        return completed(whole);
    if (several) return {};
    if (city != detail::no_suggestion) return detail::tz_names[city];
    if (!near.text.empty()) return near.text;
    if (const detail::tz_hit started = completion(true); started.index != std::size(detail::tz_names) || started.tied)
        return completed(started);
    if (!fuzzy || last_units.size() < min_fuzzy) return {};
    const std::size_t index = detail::best_suggestion_index(last, detail::tz_component_range{}, same_place);
    return index == detail::no_suggestion ? std::string_view{} : detail::tz_names[index];
}

// suggest_time_zone's last test: whether the near name found for what was written is another city, whose zone
// may be hours off, which is worse than no guess. Both cities in characters: "Par\u00eds" is one edit from
// "Paris" in five.
constexpr bool tz_another_city(std::string_view written, std::string_view near) noexcept
{
    constexpr std::size_t max_input = 256;
    if (near.empty() || written.size() > max_input) return false;
    while (!written.empty() && tz_is_space(written.front())) written.remove_prefix(1);
    while (!written.empty() && tz_is_space(written.back())) written.remove_suffix(1);
    if (written.size() > suggest_max_word) return false;
    char buffer[suggest_max_word];
    for (std::size_t i = 0; i < written.size(); ++i) buffer[i] = written[i] == ' ' ? '_' : written[i];
    const std::string_view whole(buffer, written.size());
    const std::string_view city = tz_last_component(whole);
    const std::string_view near_city = tz_last_component(near);
    if (tz_starts_longer(near_city, city) || character_distance(whole, near, 1, iequal_char_ascii{}) <= 1) return false;
    char city_buffer[max_unit_input] = {};
    const std::size_t city_length = character_units(city, city_buffer).size();
    const std::size_t city_edits = character_distance(city, near_city, city_length, iequal_char_ascii{});
    return city_edits * 3 >= city_length && (city_length >= 4 || city_edits >= 2);
}
} // namespace detail

// Did-you-mean for a time zone name; an empty view when nothing is close.
// Tried in order, the first hit wins:
//   1. the whole name, ignoring ASCII case, surrounding whitespace, and with spaces
//      read as underscores ("america/new york" -> "America/New_York");
//   2. when a region is written, a whole name one edit away whose city is the one written
//      ("Brasil/West" -> "Brazil/West") or when no zone with a region has that city
//      ("Brazil/Wet" -> "Brazil/West"): before step 3 can take the city alone to another
//      country; two zones one edit away end the search ("Brazil/est": East or West);
//   3. when a region is written with a zone's name of no region, that zone
//      ("America/MET" -> "MET");
//   4. when a region and at least 3 letters of a city are written, the name they start,
//      by the fewest characters left out ("US/East" -> "US/Eastern", not Brazil/East;
//      "America/Sao" -> "America/Sao_Paulo"): detail::tz_completion; different zones as short
//      end the search ("America/North": three North_Dakota zones);
//   5. the last path component alone, ignoring case, so a missing or wrong region is
//      forgiven ("new york" -> "America/New_York", "Asia/Rome" -> "Europe/Rome"); a city
//      of different zones ends the search ("Eastern": US/ or Canada/);
//   6. a small typo in the whole name (detail::best_suggestion rules:
//      "Europe/Berln" -> "Europe/Berlin");
//   7. without a region, at least 4 letters that start the cities of one place and no region
//      ("Lond" -> "Europe/London"; "Mont" starts five, "Braz" a region: none);
//   8. a small typo in the last component ("Berln" -> "Europe/Berlin").
// Steps 4 and 7 take letters only (detail::tz_completable): "EST5" is EST, not EST5EDT.
// Names as near as each other are no guess ("America/Stka": Atka or Sitka), unless they are
// the same place (detail::tz_same_place), which gives the first in byte order. Steps 2, 6 and 8
// need at least 3 characters and are skipped for a bare region name ("America", "europe").
// Last, a near name whose city is another is no guess: when its city is a third or more
// edits from the one written, or two edits from one of three letters or fewer ("Mumbai" is
// not "Asia/Dubai", 90 minutes off; "Asia/Goa" is not "Asia/Gaza"), unless the whole name
// is one edit from it ("America_New_York") or the one written starts its city ("US/East").
// Input longer than 64 bytes after trimming gets nothing, and input longer than 256 bytes is
// rejected before it is even scanned, so the cost is bounded for any input.  No heap
// allocation.  The result views the table.
constexpr std::string_view suggest_time_zone(std::string_view name) noexcept
{
    const std::string_view near = detail::nearest_time_zone(name);
    return detail::tz_another_city(name, near) ? std::string_view{} : near;
}

} // namespace atlas
