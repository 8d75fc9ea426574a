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

/// Reads the sequence that starts at p, with `available` >= 1 bytes readable. The lead byte sets the length and
/// the range of the second byte, which rules out overlong forms (E0, F0), UTF-16 surrogates (ED) and code points
/// above U+10FFFF (F4); C0, C1, F5-FF and continuation bytes start no sequence.
constexpr utf8_sequence read_utf8_sequence(const unsigned char* p, std::size_t available) noexcept
{
    const unsigned lead = p[0];
    if (lead < 0x80)
        return {1, 0, false};
    std::size_t length;
    unsigned lo = 0x80, hi = 0xBF;
    if (lead < 0xC2)
        return {0, 0, false};
    if (lead < 0xE0)
        length = 2;
    else if (lead < 0xF0) {
        length = 3;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead < 0xF5) {
        length = 4;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else
        return {0, 0, false};
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

} // namespace atlas::detail

#endif
