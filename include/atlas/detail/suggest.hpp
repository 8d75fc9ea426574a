// Did-you-mean helpers: bounded optimal-string-alignment distance and best-candidate search.
// No heap allocation; everything works on fixed stack buffers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

namespace atlas::detail {

// Longest word that takes part in fuzzy matching; longer words only get the
// case-insensitive exact match in best_suggestion.
inline constexpr std::size_t suggest_max_word = 64;

// Returned by best_suggestion_index when nothing is close.
inline constexpr std::size_t no_suggestion = static_cast<std::size_t>(-1);

constexpr char to_lower_ascii(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool iequals_ascii(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
    return true;
}

// Character equalities for osa_distance: two characters are equal when their folds are.
struct exact_char_eq {
    static constexpr char fold(char c) noexcept { return c; }
    constexpr bool operator()(char x, char y) const noexcept { return x == y; }
};

struct iequal_char_ascii {
    static constexpr char fold(char c) noexcept { return to_lower_ascii(c); }
    constexpr bool operator()(char x, char y) const noexcept
    {
        return to_lower_ascii(x) == to_lower_ascii(y);
    }
};

// Optimal-string-alignment distance of a pattern of 1 to 64 characters and a text, by
// Hyyrö's bit-parallel algorithm (2003): one column of the DP matrix is a pair of 64-bit
// words of +1/-1 steps, so a text character costs a dozen word operations instead of a row
// of cells.  Gives up with limit + 1 once the distance must exceed limit.
template <class Eq>
constexpr std::size_t osa_bit_parallel(std::string_view text, std::string_view pattern,
                                       std::size_t limit) noexcept
{
    // The bits of each distinct pattern character (bit i set when pattern[i] folds to it) sit in
    // a slot of their own; every other character reads slot 0, the empty mask. Clearing 256 one-byte
    // slot numbers costs an eighth of clearing 256 masks, and a did-you-mean search runs this for
    // hundreds of candidates.
    std::uint8_t slot_of[256] = {};
    std::uint64_t slot_mask[65]; // each written before it is read: slot 0 here, the others when taken
    slot_mask[0] = 0;
    std::uint8_t slots = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const auto c = static_cast<unsigned char>(Eq::fold(pattern[i]));
        if (slot_of[c] == 0) {
            slot_of[c] = ++slots;
            slot_mask[slots] = 0;
        }
        slot_mask[slot_of[c]] |= std::uint64_t{1} << i;
    }
    const std::uint64_t last = std::uint64_t{1} << (pattern.size() - 1);
    std::uint64_t plus = ~std::uint64_t{0}; // vertical +1 steps
    std::uint64_t minus = 0;                // vertical -1 steps
    std::uint64_t diagonal_zero = 0;        // cells equal to their upper-left neighbour
    std::uint64_t previous_match = 0;
    std::size_t distance = pattern.size(); // last row, column 0
    for (std::size_t j = 0; j < text.size(); ++j) {
        const std::uint64_t m = slot_mask[slot_of[static_cast<unsigned char>(Eq::fold(text[j]))]];
        const std::uint64_t transposed = (((~diagonal_zero) & m) << 1) & previous_match;
        diagonal_zero = (((m & plus) + plus) ^ plus) | m | minus | transposed;
        std::uint64_t horizontal_plus = minus | ~(diagonal_zero | plus);
        const std::uint64_t horizontal_minus = diagonal_zero & plus;
        distance += (horizontal_plus & last) != 0;
        distance -= (horizontal_minus & last) != 0;
        // Each text character left can lower the distance by one at most.
        if (distance > limit + (text.size() - 1 - j)) return limit + 1;
        horizontal_plus = (horizontal_plus << 1) | 1;
        plus = (horizontal_minus << 1) | ~(diagonal_zero | horizontal_plus);
        minus = horizontal_plus & diagonal_zero;
        previous_match = m;
    }
    return distance <= limit ? distance : limit + 1;
}

// Optimal-string-alignment distance (Levenshtein plus transposition of two adjacent
// characters, no substring edited twice) under the character equality `eq`.
// Returns limit + 1 (SIZE_MAX when limit is SIZE_MAX) as soon as the distance must exceed
// limit.
// Works in a diagonal band of half-width min(limit, longer length) over three rolling
// rows of at most osa_band cells, so the cost is O(longer length * band).  The band
// always fits when limit <= 64 or the shorter string (after dropping the common prefix
// and suffix) is at most 128 bytes; otherwise (both strings long, huge limit) the band
// is narrowed to 64 and distances above 64 are reported as limit + 1.
inline constexpr std::size_t osa_band = 129;

template <class Eq>
constexpr std::size_t osa_distance(std::string_view a, std::string_view b, std::size_t limit,
                                   Eq eq) noexcept
{
    const std::size_t over = limit == static_cast<std::size_t>(-1) ? limit : limit + 1;

    // The common prefix and suffix never change the distance.
    while (!a.empty() && !b.empty() && eq(a.front(), b.front())) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && eq(a.back(), b.back())) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.size() < b.size()) std::swap(a, b); // b is the shorter one (distance is symmetric)
    const std::size_t la = a.size();
    const std::size_t lb = b.size();
    if (la - lb > limit) return over;
    if (lb == 0) return la; // la <= limit here
    if (lb <= 64) { // the usual case: the shorter string fits one word
        const std::size_t d = osa_bit_parallel<Eq>(a, b, std::min(limit, la)); // d <= la
        return d > limit ? over : d;
    }

    // Band half-width: the distance never exceeds la, so a wider band is pointless.
    std::size_t k = std::min(limit, la);
    if (std::min(2 * k + 1, lb + 1) > osa_band) { // only when k > 64 and lb > 128
        k = (osa_band - 1) / 2;
        if (la - lb > k) return over;
    }
    const std::size_t cap = k + 1; // every cell is clamped to cap ("more than k")

    // Row i holds cells j in [lo(i), hi(i)], stored at index j - lo(i).
    auto lo = [k](std::size_t i) noexcept { return i > k ? i - k : std::size_t{0}; };
    auto hi = [k, lb](std::size_t i) noexcept { return std::min(lb, i + k); };

    // Three rolling rows: r2 = row i-2, r1 = row i-1, r0 = row i.  Row r holds the cells
    // j in [lo, hi] at index j - lo; only written cells are ever read.
    std::size_t rows[3][osa_band];
    std::size_t* r2 = rows[0];
    std::size_t* r1 = rows[1];
    std::size_t* r0 = rows[2];
    std::size_t lo2 = 0, hi2 = 0, lo1 = lo(0), hi1 = hi(0);
    auto get = [cap](const std::size_t* r, std::size_t rl, std::size_t rh, std::size_t j) noexcept {
        return (j < rl || j > rh) ? cap : r[j - rl];
    };

    // Lower bound on the final distance through cell (i, j): its value plus the length
    // difference still to be made up (Ukkonen's cut-off).  Every path to (la, lb) passes
    // through row i-1 or row i, so two rows whose bounds all exceed k end the search.
    auto bound = [la, lb](std::size_t v, std::size_t i, std::size_t j) noexcept {
        const std::size_t ra = la - i;
        const std::size_t rb = lb - j;
        return v + (ra > rb ? ra - rb : rb - ra);
    };

    std::size_t prev_best = cap;
    for (std::size_t j = lo1; j <= hi1; ++j) {
        r1[j] = j;
        prev_best = std::min(prev_best, bound(j, 0, j));
    }

    for (std::size_t i = 1; i <= la; ++i) {
        const std::size_t l = lo(i);
        const std::size_t h = hi(i);
        std::size_t best = cap;
        for (std::size_t j = l; j <= h; ++j) {
            std::size_t v;
            if (j == 0) {
                v = i;
            } else {
                const bool same = eq(a[i - 1], b[j - 1]);
                v = get(r1, lo1, hi1, j - 1) + (same ? 0 : 1);
                v = std::min(v, get(r1, lo1, hi1, j) + 1);
                if (j > l) v = std::min(v, r0[j - 1 - l] + 1);
                if (i > 1 && j > 1 && eq(a[i - 1], b[j - 2]) && eq(a[i - 2], b[j - 1]))
                    v = std::min(v, get(r2, lo2, hi2, j - 2) + 1);
            }
            v = std::min(v, cap);
            r0[j - l] = v;
            best = std::min(best, bound(v, i, j));
        }
        if (best >= cap && prev_best >= cap) return over;
        prev_best = best;
        std::size_t* const spare = r2;
        r2 = r1;
        r1 = r0;
        r0 = spare;
        lo2 = lo1;
        hi2 = hi1;
        lo1 = l;
        hi1 = h;
    }
    // r1 is row la now.  Within the (possibly narrowed) band, any d <= k is exact.
    const std::size_t d = get(r1, lo1, hi1, lb);
    return d >= cap ? over : d;
}

// Optimal-string-alignment (Damerau) distance, giving up (returning limit+1) as soon as
// it must exceed limit.  Case-sensitive; see osa_distance for the cost and band limits.
// (With limit == SIZE_MAX, "gives up" returns SIZE_MAX, which cannot otherwise occur.)
constexpr std::size_t edit_distance(std::string_view a, std::string_view b,
                                    std::size_t limit) noexcept
{
    return osa_distance(a, b, limit, exact_char_eq{});
}

// Same as edit_distance but comparing ASCII letters case-insensitively.
constexpr std::size_t iedit_distance_ascii(std::string_view a, std::string_view b,
                                           std::size_t limit) noexcept
{
    return osa_distance(a, b, limit, iequal_char_ascii{});
}

// Edits count characters, not bytes: "name" with a zero-width space is one edit from "name", not three. A word is
// compared as one byte per UTF-8 sequence: a Latin letter with an accent (U+00C0 to U+017F) as its letter, since
// people write the city they know ("Z\u00fcrich", "S\u00e3o_Paulo", "Bogot\u00e1" are Europe/Zurich,
// America/Sao_Paulo, America/Bogota); any other as a hash of it with the high bit set (never an ASCII letter); a
// byte that starts no sequence as itself. Two other characters may share a hash byte, which can only lower a
// distance among words that are not ASCII.
inline constexpr std::size_t max_unit_input = 256; // longer words keep their bytes: they get no fuzzy guess anyway

// The letter of U+00C0 + i without its accent, or '?' for none (a ligature, a sign, thorn).
inline constexpr std::string_view latin_letters =
    "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUu"
    "UuUuUuWwYyYZzZzZzs";

constexpr bool all_ascii(std::string_view s) noexcept
{
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// s with one byte per character, in buffer when it holds a non-ASCII one; s itself otherwise.
constexpr std::string_view character_units(std::string_view s, char (&buffer)[max_unit_input]) noexcept
{
    if (s.size() > max_unit_input || all_ascii(s)) return s;
    std::size_t units = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const std::size_t length = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
        std::size_t n = 1;
        while (n < length && i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
        if (n != length) n = 1; // a broken sequence: its lead byte alone
        if (n == 2) {
            const std::uint32_t code_point = (lead & 0x1Fu) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            if (code_point >= 0xC0 && code_point < 0xC0 + latin_letters.size() && latin_letters[code_point - 0xC0] != '?') {
                buffer[units++] = latin_letters[code_point - 0xC0];
                i += n;
                continue;
            }
        }
        std::uint32_t hash = 2166136261u;
        for (std::size_t k = 0; k < n; ++k) hash = (hash ^ static_cast<unsigned char>(s[i + k])) * 16777619u;
        buffer[units++] = n == 1 ? s[i] : static_cast<char>(0x80 | (hash >> 25));
        i += n;
    }
    return {buffer, units};
}

// osa_distance counted in characters (see character_units).
template <class Eq>
constexpr std::size_t character_distance(std::string_view a, std::string_view b, std::size_t limit, Eq eq) noexcept
{
    char a_units[max_unit_input] = {}, b_units[max_unit_input] = {};
    return osa_distance(character_units(a, a_units), character_units(b, b_units), limit, eq);
}

// The largest edit distance best_suggestion accepts for a word of this length.
constexpr std::size_t suggestion_limit(std::size_t word_size) noexcept
{
    return std::max<std::size_t>(1, std::min<std::size_t>(3, word_size / 3));
}

// The bit of a byte in char_mask_ascii: each ASCII letter (either case) and digit gets a bit
// of its own, every other byte shares one of the remaining 28.
constexpr unsigned char_mask_bit(char c) noexcept
{
    const auto byte = static_cast<unsigned char>(to_lower_ascii(c));
    if (byte >= 'a' && byte <= 'z') return byte - 'a';
    if (byte >= '0' && byte <= '9') return 26 + (byte - '0');
    return 36 + byte % 28;
}

// Set of the (ASCII-lowercased) bytes of s, folded into 64 bits.
constexpr std::uint64_t char_mask_ascii(std::string_view s) noexcept
{
    std::uint64_t mask = 0;
    for (const char c : s) mask |= std::uint64_t{1} << char_mask_bit(c);
    return mask;
}

// Whether v has more than n bits set, in at most n + 1 steps (a popcount is a library call
// on the baseline x86-64 target).
constexpr bool has_more_bits_than(std::uint64_t v, std::size_t n) noexcept
{
    for (; v != 0 && n > 0; --n) v &= v - 1;
    return v != 0;
}

// Whether the case-insensitive distance of two strings with these char_mask_ascii sets must
// exceed limit: a byte present on one side only needs an edit of its own, and one edit brings
// in at most one new byte.  (Folding bytes into 64 bits can only lower the count.)
constexpr bool char_masks_exceed(std::uint64_t x, std::uint64_t y, std::size_t limit) noexcept
{
    return has_more_bits_than(x & ~y, limit) || has_more_bits_than(y & ~x, limit);
}

// Whether one word is the other with a negating prefix ("inactive" and "active", "non-phone" and "phone"): close in
// edits, opposite in meaning, so never a did-you-mean of each other.
[[gnu::noinline]] constexpr bool negation_of(std::string_view a, std::string_view b) noexcept // rare: out of the loop
{
    if (a.size() < b.size())
        std::swap(a, b);
    if (b.empty())
        return false;
    for (const std::string_view prefix : {"in", "un", "non", "not", "dis", "de", "im", "ir", "il", "no"}) {
        if (a.size() <= prefix.size() || !iequals_ascii(a.substr(0, prefix.size()), prefix))
            continue;
        std::string_view rest = a.substr(prefix.size());
        if (!rest.empty() && (rest[0] == '-' || rest[0] == '_' || rest[0] == ' '))
            rest.remove_prefix(1);
        if (iequals_ascii(rest, b))
            return true;
    }
    return false;
}

// What a tie at the best distance gives: no guess (the usual case), or the first candidate in order, where tied
// candidates mean the same. In place of on_tie a caller may pass a predicate of two candidates' positions that says
// whether they mean the same (a time zone and its alias: "America/Louisville" and "America/Kentucky/Louisville"): a
// tie between two that do not is no guess.
enum class on_tie { no_guess, first };

template <class Tie>
constexpr bool tie_means_the_same(const Tie& tie, std::size_t a, std::size_t b) noexcept
{
    if constexpr (std::is_same_v<Tie, on_tie>)
        return tie == on_tie::first;
    else
        return tie(a, b);
}

struct suggestion {
    std::size_t index = no_suggestion; // position in iteration order
    std::string_view text;             // views the chosen element
    std::size_t distance = 0;          // in edits (of the tie, when tied)
    bool tied = false;                 // no guess, because candidates of other meanings were as near
};

// Single pass over candidates applying the best_suggestion rules.  mask_of(index, candidate)
// returns char_mask_ascii(candidate); a caller that searches the same table often passes
// masks it computed once.
template <class Range, class MaskOf, class Tie = on_tie>
    requires std::is_invocable_r_v<std::uint64_t, MaskOf, std::size_t, std::string_view>
constexpr suggestion find_suggestion(std::string_view written, const Range& candidates,
                                     MaskOf mask_of, Tie tie = on_tie::no_guess) noexcept
{
    char word_units[max_unit_input] = {};
    const std::string_view word = character_units(written, word_units);
    const bool fuzzy = !word.empty() && word.size() <= suggest_max_word;
    std::size_t limit = suggestion_limit(word.size()); // shrinks as better candidates appear
    const std::uint64_t word_mask = fuzzy ? char_mask_ascii(word) : 0;
    suggestion best;
    bool tied = false; // another candidate is as near as best: a guess between them would be a coin toss
    std::size_t index = 0;
    for (const auto& element : candidates) {
        const std::string_view candidate(element);
        const std::size_t i = index++;
        if (iequals_ascii(written, candidate)) return {i, candidate};
        if (!fuzzy) continue; // only an exact match can win
        char candidate_buffer[max_unit_input] = {};
        const std::string_view units = character_units(candidate, candidate_buffer);
        const std::size_t diff = units.size() > word.size() ? units.size() - word.size() : word.size() - units.size();
        if (diff > limit) continue;
        if (char_masks_exceed(word_mask, units.data() == candidate.data() ? mask_of(i, candidate) : char_mask_ascii(units),
                              limit))
            continue;
        const std::size_t d = iedit_distance_ascii(word, units, limit);
        // d is 0 only for a word that matches with accents off ("r\u00e9sum\u00e9" for "resume"). A guess keeps a
        // character of what was written: "x" is one edit from "0" and from "1", and neither is nearer.
        if (d > limit || d >= std::max(word.size(), units.size()) || negation_of(written, candidate)) continue;
        if (best.index == no_suggestion || d < limit) {
            best = {i, candidate};
            tied = false;
        } else if (!tie_means_the_same(tie, best.index, i)) {
            tied = true; // the first stays the best: a later tie of the same meaning must not clear this
        }
        limit = d;
    }
    if (tied)
        return {no_suggestion, {}, limit, true};
    best.distance = limit;
    return best;
}

template <class Range, class Tie = on_tie>
    requires(!std::is_invocable_v<Tie, std::size_t, std::string_view>)
constexpr suggestion find_suggestion(std::string_view word, const Range& candidates,
                                     Tie tie = on_tie::no_guess) noexcept
{
    return find_suggestion(
        word, candidates, [](std::size_t, std::string_view candidate) { return char_mask_ascii(candidate); }, tie);
}

// Index (in iteration order) of the best candidate for word, or no_suggestion.
template <class Range, class Tie = on_tie>
constexpr std::size_t best_suggestion_index(std::string_view word, const Range& candidates,
                                            Tie tie = on_tie::no_guess) noexcept
{
    return find_suggestion(word, candidates, tie).index;
}

// Best candidate for a misspelt word, or an empty view when nothing is close:
// an ASCII-case-insensitive exact match wins; else the smallest edit distance in characters
// (case-insensitive comparison) within max(1, min(3, characters / 3)), which keeps a character
// of the word; a tie at that distance is no guess.  Words longer than 64 characters (and the
// empty word) only get the exact match.  Works on any range whose elements convert to std::string_view,
// in a single pass; the result views the chosen element, so it stays valid as long as
// that element does (do not pass a range that yields temporary std::strings).
template <class Range, class Tie = on_tie>
constexpr std::string_view best_suggestion(std::string_view word, const Range& candidates,
                                           Tie tie = on_tie::no_guess) noexcept
{
    return find_suggestion(word, candidates, tie).text;
}

} // namespace atlas::detail
