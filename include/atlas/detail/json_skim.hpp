// atlas internals: a token-free first read of small JSON texts, that vouches for the ordinary ones.
//
// The fields that hold JSON in a string (EnrichmentInfoSettings, RedialSettings, IdleMessages) are read on almost
// every payload, and their content is almost always plain JSON with nothing to report. The reader's
// read_to_end_unremarkable() answers exactly, but it builds a token for every value and registers every key; at a
// dozen tokens per content, that was a tenth of the validation's time. skim_json() reads the same bytes with no token
// and no table, and answers `unremarkable` only when it is sure that the reader would find no error, no duplicate key
// and no number too large for a double. Anything else, and anything rare (an escape in a key, a \u escape, more than
// 64 keys, nesting deeper than 32, an exponent that might overflow), answers `unsure`: the reader then decides, so
// the skim can make a check faster but never change its verdict.
#ifndef ATLAS_DETAIL_JSON_SKIM_HPP
#define ATLAS_DETAIL_JSON_SKIM_HPP

#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace atlas::detail {

enum class skim_result : std::uint8_t { unremarkable, unsure };

namespace json_impl {

inline constexpr std::size_t skim_max_depth = 32;  // deeper content is left to the reader
inline constexpr std::size_t skim_max_keys = 64;   // keys of all open objects together

// The closing quote of the string whose opening quote is at p, or nullptr when the string is not plainly valid
// (cut, a control character, bad UTF-8, a \u escape or an unknown one). `escapes` tells whether it had any.
inline const char* skim_string(const char* p, const char* end, bool& escapes) noexcept {
  ++p;
  for (;;) {
    p = find_string_stop(p, end);
    if (p == end) return nullptr;
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"') return p;
    if (c == '\\') {
      escapes = true;
      if (end - p < 2 || !is_simple_escape(p[1])) return nullptr;  // cut, \u (surrogates to pair up), or wrong
      p += 2;
      continue;
    }
    if (c < 0x80) return nullptr;  // a control character
    const utf8_sequence seq =
        read_utf8_sequence(reinterpret_cast<const unsigned char*>(p), static_cast<std::size_t>(end - p));
    if (seq.length == 0) return nullptr;
    p += seq.length;
  }
}

// Just past the number that starts at p, or nullptr when it is malformed or might not fit a double. The bound is
// coarse on purpose: a value below 10^300 is finite, whatever the digits.
inline const char* skim_number(const char* p, const char* end) noexcept {
  if (*p == '-' && ++p == end) return nullptr;
  const char* const digits = p;
  if (*p == '0') {
    ++p;
  } else if (is_digit(*p)) {
    while (p != end && is_digit(*p)) ++p;
  } else {
    return nullptr;
  }
  const auto int_digits = static_cast<std::size_t>(p - digits);
  if (p != end && *p == '.') {
    if (++p == end || !is_digit(*p)) return nullptr;
    while (p != end && is_digit(*p)) ++p;
  }
  std::size_t magnitude = int_digits;  // at least the decimal exponent of the value, plus one
  if (p != end && (*p == 'e' || *p == 'E')) {
    if (++p == end) return nullptr;
    bool negative = false;
    if (*p == '+' || *p == '-') {
      negative = *p == '-';
      if (++p == end) return nullptr;
    }
    if (!is_digit(*p)) return nullptr;
    std::size_t exponent = 0;
    for (; p != end && is_digit(*p); ++p) {
      if (exponent >= 1000) return nullptr;
      exponent = exponent * 10 + static_cast<std::size_t>(*p - '0');
    }
    if (!negative) magnitude += exponent;  // a negative exponent only makes the value smaller
  }
  if (magnitude >= 300) return nullptr;
  if (p != end && cannot_follow_number(*p)) return nullptr;
  return p;
}

}  // namespace json_impl

// See the top of this file. max_depth: as the reader's (an object or array opened at depth max_depth is an error).
inline skim_result skim_json(std::string_view text, std::size_t max_depth) noexcept {
  using namespace json_impl;
  const char* p = text.data();
  const char* const end = p + text.size();
  std::size_t depth = 0;
  std::uint64_t objects = 0;                                  // bit d: the container at depth d + 1 is an object
  // Left uninitialised (only entries written before are read): clearing them cost more than the skim of a
  // typical content.
  struct key_view {
    const char* data;
    std::size_t size;
  };
  std::size_t keys_begin[skim_max_depth + 1];  // per open object: its first key in `keys`
  key_view keys[skim_max_keys];
  std::size_t key_count = 0;
  const auto skip_ws = [&] {
    while (p != end && is_ws(*p)) ++p;
  };
  const auto in_object = [&] { return ((objects >> (depth - 1)) & 1u) != 0; };

  for (;;) {
    // A value.
    skip_ws();
    if (p == end) return skim_result::unsure;
    bool opened = false;
    switch (*p) {
      case '"': {
        bool escapes = false;
        const char* const quote = skim_string(p, end, escapes);
        if (quote == nullptr) return skim_result::unsure;
        p = quote + 1;
        break;
      }
      case '{':
      case '[': {
        if (depth >= max_depth || depth >= skim_max_depth) return skim_result::unsure;
        const bool object = *p == '{';
        ++p;
        ++depth;
        objects = object ? objects | (std::uint64_t{1} << (depth - 1)) : objects & ~(std::uint64_t{1} << (depth - 1));
        keys_begin[depth] = key_count;
        skip_ws();
        if (p != end && *p == (object ? '}' : ']')) {
          ++p;
          --depth;
          break;
        }
        opened = true;
        break;
      }
      case 't':
      case 'f':
      case 'n': {
        const std::string_view word = *p == 't' ? "true" : *p == 'f' ? "false" : "null";
        if (static_cast<std::size_t>(end - p) < word.size() || std::memcmp(p, word.data(), word.size()) != 0)
          return skim_result::unsure;
        p += word.size();
        if (p != end && is_alnum(*p)) return skim_result::unsure;
        break;
      }
      default:
        p = skim_number(p, end);
        if (p == nullptr) return skim_result::unsure;
        break;
    }

    // After the value (or after an opening bracket): closing brackets, then a comma, or the end.
    for (;;) {
      if (opened) {
        opened = false;
        if (!in_object()) break;  // the array's first value
      } else {
        skip_ws();
        if (depth == 0) return p == end ? skim_result::unremarkable : skim_result::unsure;
        if (p == end) return skim_result::unsure;
        const bool object = in_object();
        if (*p == (object ? '}' : ']')) {
          ++p;
          if (object) key_count = keys_begin[depth];
          --depth;
          continue;
        }
        if (*p != ',') return skim_result::unsure;
        ++p;
        if (!object) break;  // the array's next value
      }
      // A key, then its colon: a key that came before in the same object is a duplicate, which the reader reports.
      skip_ws();
      if (p == end || *p != '"') return skim_result::unsure;
      bool escapes = false;
      const char* const quote = skim_string(p, end, escapes);
      if (quote == nullptr || escapes || key_count == skim_max_keys) return skim_result::unsure;
      const key_view key{p + 1, static_cast<std::size_t>(quote - p - 1)};
      for (std::size_t k = keys_begin[depth]; k < key_count; ++k)
        if (keys[k].size == key.size && std::memcmp(keys[k].data, key.data, key.size) == 0) return skim_result::unsure;
      keys[key_count++] = key;
      p = quote + 1;
      skip_ws();
      if (p == end || *p != ':') return skim_result::unsure;
      ++p;
      break;
    }
  }
}

}  // namespace atlas::detail

#endif  // ATLAS_DETAIL_JSON_SKIM_HPP
