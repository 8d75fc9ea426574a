// atlas internals: a perfect hash from wire name to field index, built at compile time from a field table.
#ifndef ATLAS_DETAIL_FIELD_LOOKUP_HPP
#define ATLAS_DETAIL_FIELD_LOOKUP_HPP

#include <atlas/field_info.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace atlas::detail {

constexpr std::uint64_t name_hash(std::string_view s, std::uint64_t seed) noexcept
{
    std::uint64_t h = seed ^ (s.size() * 0x9E3779B97F4A7C15ull);
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull; // FNV-1a prime
    }
    return h ^ (h >> 29);
}

/// Maps a key to its field's index (or N when it is no field) with one hash and one comparison.
template <std::size_t N>
struct field_lookup {
    static constexpr std::size_t buckets = 1024; // sparse enough that a collision-free seed comes quickly
    static constexpr std::uint16_t empty = 0xFFFF;
    static_assert(N < empty);

    std::uint64_t seed = 0;
    std::array<std::uint16_t, buckets> index_of{};
    std::array<std::string_view, N> names{};

    constexpr std::size_t operator()(std::string_view key) const noexcept
    {
        const std::uint16_t i = index_of[name_hash(key, seed) & (buckets - 1)];
        return i != empty && names[i] == key ? i : N;
    }
};

/// Searches for a seed under which every name of the table has a bucket of its own.
template <std::size_t N>
consteval field_lookup<N> make_field_lookup(const field_info (&table)[N])
{
    for (std::uint64_t seed = 1;; ++seed) {
        field_lookup<N> lookup;
        lookup.seed = seed;
        lookup.index_of.fill(field_lookup<N>::empty);
        bool collision = false;
        for (std::size_t i = 0; i < N && !collision; ++i) {
            auto& bucket = lookup.index_of[name_hash(table[i].name, seed) & (field_lookup<N>::buckets - 1)];
            collision = bucket != field_lookup<N>::empty;
            bucket = static_cast<std::uint16_t>(i);
            lookup.names[i] = table[i].name;
        }
        if (!collision)
            return lookup;
    }
}

} // namespace atlas::detail

#endif
