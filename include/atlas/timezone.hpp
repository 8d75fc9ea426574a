// IANA time zone names: lookup and did-you-mean suggestions.
// The name table is generated from tzdata.zi by tools/gen_tz_names.py.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string_view>

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

// tz_names seen through tz_last_component ("America/New_York" -> "New_York").
struct tz_component_range {
    struct iterator {
        const std::string_view* p;
        constexpr std::string_view operator*() const noexcept { return tz_last_component(*p); }
        constexpr iterator& operator++() noexcept
        {
            ++p;
            return *this;
        }
        constexpr bool operator==(const iterator&) const noexcept = default;
    };
    constexpr iterator begin() const noexcept { return {std::begin(tz_names)}; }
    constexpr iterator end() const noexcept { return {std::end(tz_names)}; }
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

    for (const std::string_view zone : detail::tz_names)
        if (detail::iequals_ascii(zone, word)) return zone;
    if (!last.empty())
        for (const std::string_view zone : detail::tz_names)
            if (detail::iequals_ascii(detail::tz_last_component(zone), last)) return zone;

    // A bare region ("America") is not a typo of some similar-looking city.
    if (word.size() < min_fuzzy || (last.size() == word.size() && detail::tz_is_region(word)))
        return {};
    if (const std::string_view hit = detail::best_suggestion(word, detail::tz_names); !hit.empty())
        return hit;
    if (last.size() < min_fuzzy) return {};
    const std::size_t index = detail::best_suggestion_index(last, detail::tz_component_range{});
    return index == detail::no_suggestion ? std::string_view{} : detail::tz_names[index];
}

} // namespace atlas
