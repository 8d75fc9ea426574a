// atlas internals: a perfect hash from wire name to field index, built at compile time from a field table.
#ifndef ATLAS_DETAIL_FIELD_LOOKUP_HPP
#define ATLAS_DETAIL_FIELD_LOOKUP_HPP

#include <atlas/field_info.hpp>

#include <array>
#include <bit>
#include <cstring>
#include <type_traits>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace atlas::detail {

/// Little-endian load of n <= 8 bytes; one memcpy at run time, a byte loop in constant evaluation.
constexpr std::uint64_t load_bytes(const char* p, std::size_t n) noexcept
{
    if (!std::is_constant_evaluated() && std::endian::native == std::endian::little && n == 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    }
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < n; ++i)
        w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    return w;
}

/// Hash of a key from its length and its first and last 8 bytes: no loop over long names, and the
/// seed search below proves that these tell every field name apart.
constexpr std::uint64_t name_hash(std::string_view s, std::uint64_t seed) noexcept
{
    const std::size_t n = s.size();
    const std::uint64_t head = n >= 8 ? load_bytes(s.data(), 8) : load_bytes(s.data(), n);
    const std::uint64_t tail = n >= 8 ? load_bytes(s.data() + n - 8, 8) : 0;
    std::uint64_t h = (head ^ seed) * 0x9E3779B97F4A7C15ull;
    h ^= (tail + n) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

/// Whether two strings are equal, with fixed-size loads (overlapping at the end) instead of a call
/// to memcmp: field names are short, and the call cost more than the comparison.
constexpr bool same_name(std::string_view a, std::string_view b) noexcept
{
    const std::size_t n = a.size();
    if (n != b.size())
        return false;
    if (std::is_constant_evaluated() || std::endian::native != std::endian::little)
        return a == b;
    const char* const x = a.data();
    const char* const y = b.data();
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load_bytes(x + i, 8) != load_bytes(y + i, 8))
                return false;
        return load_bytes(x + n - 8, 8) == load_bytes(y + n - 8, 8);
    }
    if (n >= 4) {
        std::uint32_t x0, y0, x1, y1;
        std::memcpy(&x0, x, 4), std::memcpy(&y0, y, 4), std::memcpy(&x1, x + n - 4, 4), std::memcpy(&y1, y + n - 4, 4);
        return x0 == y0 && x1 == y1;
    }
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] != y[i])
            return false;
    return true;
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
        return i != empty && same_name(names[i], key) ? i : N;
    }
};

/// Searches for a seed under which every name of the table has a bucket of its own.
template <std::size_t N>
consteval field_lookup<N> make_field_lookup(const field_info (&table)[N])
{
    for (std::uint64_t seed = 1; seed < 100000; ++seed) {
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
    throw "no seed gives every field name its own bucket"; // a compile error: consteval
}

} // namespace atlas::detail

#endif
