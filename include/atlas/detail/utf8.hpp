// atlas internals: the rules of a UTF-8 sequence (RFC 3629), written once for the reader and for report text.
#ifndef ATLAS_DETAIL_UTF8_HPP
#define ATLAS_DETAIL_UTF8_HPP

#include <cstddef>

namespace atlas::detail {

/// What reading one UTF-8 sequence found: a valid sequence of `length` bytes, or (length 0) the index of the
/// byte where it goes wrong, with `cut` set when the input ends there instead.
struct utf8_sequence {
    std::size_t length = 0;
    std::size_t bad = 0;
    bool cut = false;
};

/// The continuation bytes of a sequence of `length` bytes at p: the first within [lo, hi], the others
/// within [0x80, 0xBF].
constexpr utf8_sequence read_utf8_continuation(const unsigned char* p, std::size_t available, std::size_t length,
    unsigned lo, unsigned hi) noexcept
{
    for (std::size_t i = 1; i < length; ++i) {
        if (i == available)
            return {0, i, true};
        if (p[i] < lo || p[i] > hi)
            return {0, i, false};
        lo = 0x80;
        hi = 0xBF;
    }
    return {length, 0, false};
}

/// Reads the sequence that starts at p, with `available` >= 1 bytes readable. The lead byte sets the length and
/// the range of the second byte, which rules out overlong forms (E0, F0), UTF-16 surrogates (ED) and code points
/// above U+10FFFF (F4); C0, C1, F5-FF and continuation bytes start no sequence.
constexpr utf8_sequence read_utf8_sequence(const unsigned char* p, std::size_t available) noexcept
{
    const unsigned lead = p[0];
    if (lead < 0xC2)
        return lead < 0x80 ? utf8_sequence{1, 0, false} : utf8_sequence{0, 0, false};
    // One branch per length, each with its constants: the reader calls this at every non-ASCII character
    // when it scans without AVX2.
    if (lead < 0xE0)
        return read_utf8_continuation(p, available, 2, 0x80, 0xBF);
    if (lead < 0xF0)
        return read_utf8_continuation(p, available, 3, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF);
    if (lead < 0xF5)
        return read_utf8_continuation(p, available, 4, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF);
    return {0, 0, false};
}

} // namespace atlas::detail

#endif
