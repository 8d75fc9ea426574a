// atlas: the inner loop of the JSON reader, finding where a string's plain run of bytes stops.
//
// find_string_stop(p, end) returns the first byte in [p, end) that the reader has to look at itself: a quote, a
// backslash, a control character, or a byte of a UTF-8 sequence it has not vouched for; end when there is none. Every
// byte before the returned one is plain: no quote, backslash or control character, and only whole, valid UTF-8
// sequences (RFC 3629). The reader then judges the stop byte one at a time, so that errors and their offsets never
// depend on how far the fast path got.
//
// Three levels. They may stop at different bytes (the AVX2 one reads through valid UTF-8), but the reader's tokens,
// errors and offsets are the same whichever runs (tests/json_reader.cpp compares each with a byte-at-a-time reading):
// - portable: 8 bytes at a time (SWAR), stopping at every non-ASCII byte;
// - SSE2 (the x86-64 baseline): 16 bytes at a time, stopping at every non-ASCII byte;
// - AVX2, chosen at run time when the CPU has it: 32 bytes at a time, with UTF-8 validated in the vector registers
//   (Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte", 2021). Text in most languages but
//   English has a non-ASCII character every few words; stopping at each one cost more than the rest of the scan.
// Define ATLAS_JSON_NO_SIMD for the portable level only, ATLAS_JSON_NO_AVX2 for no run-time choice.
#ifndef ATLAS_DETAIL_STRING_SCAN_HPP
#define ATLAS_DETAIL_STRING_SCAN_HPP

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
#include <emmintrin.h>
#endif
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__) && !defined(ATLAS_JSON_NO_SIMD) && \
    !defined(ATLAS_JSON_NO_AVX2)
#define ATLAS_JSON_AVX2 1
#include <immintrin.h>
#endif

namespace atlas::detail::json_impl {

// Bytes that end the fast path inside a string: '"', '\\', control characters and every non-ASCII byte.
inline constexpr std::array<bool, 256> string_special = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return t;
}();

// A flag in the high bit of every byte of x that is '"', '\\', below 0x20 or at least 0x80. The lowest flagged byte
// is always exact (borrows only travel towards more significant bytes), which is all the caller relies on.
inline std::uint64_t special_mask(std::uint64_t x) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t high = 0x8080808080808080ull;
  const std::uint64_t q = x ^ (ones * '"');
  const std::uint64_t b = x ^ (ones * '\\');
  const std::uint64_t zq = (q - ones) & ~q;
  const std::uint64_t zb = (b - ones) & ~b;
  const std::uint64_t ctl = (x - ones * 0x20) & ~x;
  return (zq | zb | ctl | x) & high;
}

#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
// Bit i set: byte p[i] (of 16) is '"', '\\', a control character or non-ASCII.
inline unsigned sse2_special_bits(const char* p) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                                 _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));  // signed: bytes >= 0x80 are "< 0x20" too
  return static_cast<unsigned>(_mm_movemask_epi8(m));
}
#endif

// First byte in [p, end) that is '"', '\\', a control character or non-ASCII, or end (SSE2 or portable).
inline const char* find_string_special(const char* p, const char* end) noexcept {
#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
  while (end - p >= 16) {
    const unsigned bits = sse2_special_bits(p);
    if (bits != 0) return p + std::countr_zero(bits);
    p += 16;
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    while (end - p >= 16) {
      std::uint64_t a;
      std::uint64_t b;
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + 8, 8);
      const std::uint64_t ma = special_mask(a);
      const std::uint64_t mb = special_mask(b);
      if ((ma | mb) != 0) {
        if (ma != 0) return p + (std::countr_zero(ma) >> 3);
        return p + 8 + (std::countr_zero(mb) >> 3);
      }
      p += 16;
    }
    if (end - p >= 8) {
      std::uint64_t a;
      std::memcpy(&a, p, 8);
      const std::uint64_t ma = special_mask(a);
      if (ma != 0) return p + (std::countr_zero(ma) >> 3);
      p += 8;
    }
  }
  while (p < end && !string_special[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

#if defined(ATLAS_JSON_AVX2)

// The UTF-8 check of Keiser and Lemire (the "lookup" algorithm, as in simdjson): each byte is judged with the byte
// before it through three 16-entry tables whose bits name the ways a pair of bytes can be wrong; a byte two or three
// after a 3- or 4-byte lead must be a continuation, which flips the one bit (two continuations in a row) that is
// otherwise an error. A nonzero byte of the result marks an error at that byte, found from it and the three before it.
namespace utf8_lookup {
constexpr std::uint8_t too_short = 1 << 0;     // 11______ 0_______  or  11______ 11______
constexpr std::uint8_t too_long = 1 << 1;      // 0_______ 10______
constexpr std::uint8_t overlong_3 = 1 << 2;    // 11100000 100_____
constexpr std::uint8_t too_large = 1 << 3;     // 11110100 1001____ and above U+10FFFF in general
constexpr std::uint8_t surrogate = 1 << 4;     // 11101101 101_____
constexpr std::uint8_t overlong_2 = 1 << 5;    // 1100000_ 10______
constexpr std::uint8_t too_large_1000 = 1 << 6;  // 11110101 1000____ and the like
constexpr std::uint8_t overlong_4 = 1 << 6;    // 11110000 1000____
constexpr std::uint8_t two_conts = 1 << 7;     // 10______ 10______
constexpr std::uint8_t carry = too_short | too_long | two_conts;
}  // namespace utf8_lookup

// The 32 bytes before v's, as they line up with v shifted by n bytes, assuming ASCII before v's first byte (the
// scan only ever starts a block at the start of a character).
template <int n>
__attribute__((target("avx2"))) inline __m256i avx2_previous(__m256i v) noexcept {
  const __m256i low_then_v = _mm256_permute2x128_si256(v, v, 0x08);  // (zero, low half of v)
  return _mm256_alignr_epi8(v, low_then_v, 16 - n);
}

// A 16-entry table in both lanes, for _mm256_shuffle_epi8.
__attribute__((target("avx2"))) inline __m256i avx2_table(const std::array<std::uint8_t, 16>& t) noexcept {
  const __m128i lane = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data()));
  return _mm256_broadcastsi128_si256(lane);
}

__attribute__((target("avx2"))) inline __m256i avx2_high_nibbles(__m256i v) noexcept {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

__attribute__((target("avx2"))) inline __m256i avx2_utf8_errors(__m256i v) noexcept {
  using namespace utf8_lookup;
  const __m256i low_nibbles = _mm256_set1_epi8(0x0F);
  const __m256i prev1 = avx2_previous<1>(v);
  const __m256i byte_1_high = _mm256_shuffle_epi8(
      avx2_table({too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long,  // 0___: ASCII
            two_conts, two_conts, two_conts, two_conts,                                      // 10__: continuation
            too_short | overlong_2,                                                          // 1100: 2-byte lead
            too_short,                                                                       // 1101: 2-byte lead
            too_short | overlong_3 | surrogate,                                              // 1110: 3-byte lead
            too_short | too_large | too_large_1000 | overlong_4}),                           // 1111: 4-byte lead
      avx2_high_nibbles(prev1));
  const __m256i byte_1_low = _mm256_shuffle_epi8(
      avx2_table({carry | overlong_3 | overlong_2 | overlong_4,  // ____0000
            carry | overlong_2,                            // ____0001
            carry, carry,                                  // ____001_
            carry | too_large,                             // ____0100
            carry | too_large | too_large_1000,            // ____0101
            carry | too_large | too_large_1000, carry | too_large | too_large_1000,  // ____011_
            carry | too_large | too_large_1000, carry | too_large | too_large_1000,  // ____1___
            carry | too_large | too_large_1000, carry | too_large | too_large_1000,
            carry | too_large | too_large_1000,
            carry | too_large | too_large_1000 | surrogate,  // ____1101
            carry | too_large | too_large_1000, carry | too_large | too_large_1000}),
      _mm256_and_si256(prev1, low_nibbles));
  const __m256i byte_2_high = _mm256_shuffle_epi8(
      avx2_table({too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short,  // 0___
            too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4,         // 1000
            too_long | overlong_2 | two_conts | overlong_3 | too_large,                           // 1001
            too_long | overlong_2 | two_conts | surrogate | too_large,                            // 101_
            too_long | overlong_2 | two_conts | surrogate | too_large,
            too_short, too_short, too_short, too_short}),  // 11__
      avx2_high_nibbles(v));
  const __m256i pair_errors = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
  // Two or three bytes after a 3- or 4-byte lead: must be a continuation (saturating subtraction sets the top bit
  // exactly for leads of at least 0xE0, two back, or 0xF0, three back).
  const __m256i third = _mm256_subs_epu8(avx2_previous<2>(v), _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(avx2_previous<3>(v), _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i must_continue =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(must_continue, pair_errors);
}

// find_string_stop for as long as 32 bytes remain; the caller finishes the last few bytes.
__attribute__((target("avx2"))) inline const char* avx2_find_string_stop(const char* p, const char* end) noexcept {
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i backslash = _mm256_set1_epi8('\\');
  const __m256i last_control = _mm256_set1_epi8(0x1F);
  const __m256i zero = _mm256_setzero_si256();
  while (end - p >= 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i control = _mm256_cmpeq_epi8(_mm256_subs_epu8(v, last_control), zero);  // v <= 0x1F
    const auto specials = static_cast<std::uint32_t>(_mm256_movemask_epi8(
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, backslash)), control)));
    const auto non_ascii = static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
    // Only the bytes before the first special one matter: after it, the reader takes over.
    const std::uint32_t before_limit = specials != 0 ? (specials & (0u - specials)) - 1 : 0xFFFFFFFFu;
    if ((non_ascii & before_limit) == 0) {
      if (specials != 0) return p + std::countr_zero(specials);
      p += 32;
      continue;
    }
    const auto errors =
        static_cast<std::uint32_t>(~_mm256_movemask_epi8(_mm256_cmpeq_epi8(avx2_utf8_errors(v), zero)));
    // A wrong sequence: the reader walks from the first non-ASCII byte and says exactly what and where.
    if ((errors & before_limit) != 0) return p + std::countr_zero(non_ascii);
    // A sequence cut by the limit is left to the next block, or to the reader when the limit is a special byte (the
    // error then is the missing continuation, at that byte): an error mark sits on the byte where a sequence goes
    // wrong, so the checked bytes say nothing about whether the last one is complete. limit >= 1 here.
    const int limit = specials != 0 ? std::countr_zero(specials) : 32;
    const auto* const bytes = reinterpret_cast<const unsigned char*>(p);
    int stop = limit;
    if (bytes[limit - 1] >= 0xC0)
      stop = limit - 1;
    else if (limit >= 2 && bytes[limit - 2] >= 0xE0)
      stop = limit - 2;
    else if (limit >= 3 && bytes[limit - 3] >= 0xF0)
      stop = limit - 3;
    if (specials != 0) return p + stop;
    p += stop;
  }
  return p;
}

// Whether this CPU runs the AVX2 scan. Read at static initialisation; until then (and on any other CPU) it is false
// and the SSE2 scan runs, so nothing can run the wrong code.
inline const bool cpu_has_avx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();

#endif  // ATLAS_JSON_AVX2

// See the top of this file.
inline const char* find_string_stop(const char* p, const char* end) noexcept {
#if defined(ATLAS_JSON_AVX2)
  if (cpu_has_avx2) {
    // Most strings (keys, enumerators, dates, ids) end within 16 bytes: a first look inline spares them the call.
    if (end - p >= 16) {
      const unsigned bits = sse2_special_bits(p);
      if (bits == 0) {
        p += 16;  // all ASCII, so the AVX2 scan starts at a character's start
      } else {
        const char* const stop = p + std::countr_zero(bits);
        if (static_cast<unsigned char>(*stop) < 0x80) return stop;  // '"', '\\' or a control character
      }
    }
    p = avx2_find_string_stop(p, end);
    if (end - p >= 32) return p;  // stopped early: a byte to look at
  }
#endif
  return find_string_special(p, end);
}

}  // namespace atlas::detail::json_impl

#endif  // ATLAS_DETAIL_STRING_SCAN_HPP
