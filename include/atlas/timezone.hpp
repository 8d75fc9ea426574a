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

consteval bool tz_names_sorted_and_unique() noexcept
{
    // std::string_view's operator< compares as unsigned char, i.e. by byte value.
    for (std::size_t i = 1; i < std::size(tz_names); ++i)
        if (!(tz_names[i - 1] < tz_names[i])) return false;
    return true;
}
static_assert(std::size(tz_names) > 0, "tz_names.hpp holds no names");
static_assert(tz_names_sorted_and_unique(),
              "tz_names must be sorted by byte value and unique; regenerate it with "
              "tools/gen_tz_names.py");

consteval std::size_t tz_longest_name() noexcept
{
    std::size_t n = 0;
    for (const std::string_view name : tz_names) n = std::max(n, name.size());
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

// What the did-you-mean search needs to know of each name, so that a search does not work it
// out again for all of them: where the last component starts, and the char_mask_ascii of the
// name and of that component.
struct tz_name_key {
    std::uint64_t mask = 0;
    std::uint64_t last_mask = 0;
    std::size_t last_offset = 0;
};

constexpr tz_name_key make_tz_name_key(std::string_view name) noexcept
{
    const std::string_view last = tz_last_component(name);
    return {char_mask_ascii(name), char_mask_ascii(last), name.size() - last.size()};
}

// The keys of all tz_names, built on first use at run time: a constexpr table would cost
// every translation unit that includes this header its compile time.  (Not constexpr on
// purpose: a static initialised by a constant expression is worked out by the compiler, in
// every translation unit; this one costs 15 MB of compiler memory that way.)
inline std::array<tz_name_key, std::size(tz_names)> build_tz_name_keys() noexcept
{
    std::array<tz_name_key, std::size(tz_names)> built{};
    for (std::size_t i = 0; i < built.size(); ++i) built[i] = make_tz_name_key(tz_names[i]);
    return built;
}

inline const tz_name_key* tz_name_keys() noexcept
{
    static const std::array<tz_name_key, std::size(tz_names)> keys = build_tz_name_keys();
    return keys.data();
}

// The last component of tz_names[i], from its key when there are keys (at run time).
constexpr std::string_view tz_component(const tz_name_key* keys, std::size_t i) noexcept
{
    return keys ? tz_names[i].substr(keys[i].last_offset) : tz_last_component(tz_names[i]);
}

// tz_names seen through tz_last_component ("America/New_York" -> "New_York"), using the
// keys' offsets when there are keys.
struct tz_component_range {
    const tz_name_key* keys = nullptr;
    struct iterator {
        std::size_t i;
        const tz_name_key* keys;
        constexpr std::string_view operator*() const noexcept { return tz_component(keys, i); }
        constexpr iterator& operator++() noexcept
        {
            ++i;
            return *this;
        }
        constexpr bool operator==(const iterator& other) const noexcept { return i == other.i; }
    };
    constexpr iterator begin() const noexcept { return {0, keys}; }
    constexpr iterator end() const noexcept { return {std::size(tz_names), keys}; }
};

// True when word names a region such as "America" or "europe" (case-insensitive):
// the part before the first '/' of some name.
constexpr bool tz_is_region(std::string_view word) noexcept
{
    for (const std::string_view name : tz_names)
        if (name.size() > word.size() && name[word.size()] == '/' &&
            iequals_ascii(name.substr(0, word.size()), word))
            return true;
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

// Did-you-mean for a time zone name; an empty view when nothing is close.
// Tried in order, the first hit wins (ties within a step go to the first name in
// byte order):
//   1. the whole name, ignoring ASCII case, surrounding whitespace, and with spaces
//      read as underscores ("america/new york" -> "America/New_York");
//   2. the same for the last path component alone, so a missing or wrong region is
//      forgiven ("new york" -> "America/New_York", "Berlin" -> "Europe/Berlin");
//   3. a small typo in the whole name (detail::best_suggestion rules:
//      "Europe/Berln" -> "Europe/Berlin");
//   4. a small typo in the last component ("Berln" -> "Europe/Berlin").
// Steps 3 and 4 need at least 3 characters and are skipped for a bare region name
// ("America", "europe").  Input longer than 64 bytes after trimming gets nothing, and
// input longer than 256 bytes is rejected before it is even scanned, so the cost is
// bounded for any input.  No heap allocation.  The result views the table.
constexpr std::string_view suggest_time_zone(std::string_view name) noexcept
{
    constexpr std::size_t max_input = 256;
    constexpr std::size_t min_fuzzy = 3;
    if (name.size() > max_input) return {};
    while (!name.empty() && detail::tz_is_space(name.front())) name.remove_prefix(1);
    while (!name.empty() && detail::tz_is_space(name.back())) name.remove_suffix(1);
    if (name.empty() || name.size() > detail::suggest_max_word) return {};

    char buffer[detail::suggest_max_word];
    for (std::size_t i = 0; i < name.size(); ++i) buffer[i] = name[i] == ' ' ? '_' : name[i];
    const std::string_view word(buffer, name.size());
    const std::string_view last = detail::tz_last_component(word);

    // At run time the names' keys come from a table built once; a constant evaluation
    // works them out as it goes (and gives the same answers).
    const detail::tz_name_key* const keys =
        std::is_constant_evaluated() ? nullptr : detail::tz_name_keys();
    constexpr std::size_t name_count = std::size(detail::tz_names);

    for (const std::string_view zone : detail::tz_names)
        if (detail::iequals_ascii(zone, word)) return zone;
    if (!last.empty())
        for (std::size_t i = 0; i < name_count; ++i)
            if (detail::iequals_ascii(detail::tz_component(keys, i), last)) return detail::tz_names[i];

    // A bare region ("America") is not a typo of some similar-looking city.
    if (word.size() < min_fuzzy || (last.size() == word.size() && detail::tz_is_region(word)))
        return {};
    const detail::suggestion hit = detail::find_suggestion(
        word, detail::tz_names, [keys](std::size_t i, std::string_view zone) {
            return keys ? keys[i].mask : detail::char_mask_ascii(zone);
        });
    if (!hit.text.empty()) return hit.text;
    if (last.size() < min_fuzzy) return {};
    const std::size_t index =
        detail::find_suggestion(last, detail::tz_component_range{keys},
                                [keys](std::size_t i, std::string_view zone_last) {
                                    return keys ? keys[i].last_mask
                                                : detail::char_mask_ascii(zone_last);
                                })
            .index;
    return index == detail::no_suggestion ? std::string_view{} : detail::tz_names[index];
}

} // namespace atlas
