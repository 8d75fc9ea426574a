// atlas: strict RFC 8259 JSON pull tokenizer with exact byte offsets.
//
// The reader walks a JSON text (a std::string_view that need not be null-terminated) and hands out one token per call
// to next(). It checks the whole grammar itself (commas, colons, matching brackets, one root value), validates strings
// (escapes, UTF-8, surrogate pairs) and numbers, and flags duplicate object keys. It never throws for bad input,
// never recurses (container nesting lives in a bit vector), never reads outside the view, and keeps all of its storage
// across reset() so that a reused reader does not allocate in steady state.
//
// On the first problem the reader stops: it returns an error token, error() says what went wrong and error_offset()
// says at which byte the text stops being valid JSON (text.size() when the input ends too early).
//
// Speed: strings are scanned many bytes at a time (detail/string_scan.hpp: AVX2 with UTF-8 checked in vectors when
// the CPU has it, else SSE2 or portable SWAR; define ATLAS_JSON_NO_SIMD to force the portable path); raw string
// contents are handed out as views into the input, never copied. Keys are checked for duplicates with a per-object
// hash table once an object has more than a few keys.
// Storage is allocated only when a document is bigger or deeper than any before it on the same reader; a failed
// allocation throws std::bad_alloc out of next() (validation turns it into its out-of-memory report: a payload of
// short unique keys takes about eight times its size), and there is no other way to fail.
#ifndef ATLAS_DETAIL_JSON_READER_HPP
#define ATLAS_DETAIL_JSON_READER_HPP

#include <atlas/detail/utf8.hpp>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <atlas/detail/string_scan.hpp>

namespace atlas::detail {

// Which error a few borderline inputs get (the offset is always the byte where the text stops being valid JSON):
//   "+1", ".5" (a value starting with '+' or '.')             -> invalid_number at that byte
//   a digit, letter, '.', '+' or '-' right after a number ("01", "1.5.2", "12abc", "0x1") -> invalid_number there
//   a letter or digit right after true/false/null ("nulll")    -> invalid_literal there
//   any other non-whitespace after the root value            -> trailing_content
//   a high surrogate escape not followed by a low one        -> lone_surrogate at the high escape's backslash
//   a malformed \u escape right after a high surrogate        -> invalid_escape at that second backslash
//   input cut inside a string, escape, UTF-8 sequence, number or literal -> unexpected_end at text.size()
enum class json_error : std::uint8_t {
  none,
  byte_order_mark,
  unexpected_end,
  unexpected_character,
  invalid_literal,
  invalid_number,
  invalid_escape,
  control_character_in_string,
  invalid_utf8,
  lone_surrogate,
  trailing_content,
  too_deep,
  string_too_long
};

// One sentence a person understands.
constexpr std::string_view describe(json_error e) noexcept {
  switch (e) {
    case json_error::none: return "the input is valid JSON so far";
    case json_error::byte_order_mark:
      return "the input starts with a byte order mark (U+FEFF, in UTF-8, UTF-16 or UTF-32), which JSON does not allow";
    case json_error::unexpected_end: return "the input ends in the middle of a value";
    case json_error::unexpected_character: return "a character appears where JSON does not allow it";
    case json_error::invalid_literal: return "a word is not exactly one of true, false or null";
    case json_error::invalid_number: return "a number is not written the way JSON requires";
    case json_error::invalid_escape:
      return "a backslash in a string is not followed by one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits";
    case json_error::control_character_in_string:
      return "a string contains a control character (U+0000 to U+001F) that must be written as an escape";
    case json_error::invalid_utf8: return "the input contains bytes that are not valid UTF-8";
    case json_error::lone_surrogate: return "a string contains a \\u escape for half of a surrogate pair without the other half";
    case json_error::trailing_content: return "something other than whitespace follows the end of the JSON value";
    case json_error::too_deep: return "arrays and objects are nested deeper than allowed";
    case json_error::string_too_long: return "a string is longer than allowed";
  }
  return "an unknown JSON error occurred";
}

enum class token_kind : std::uint8_t {
  object_begin,
  object_end,
  array_begin,
  array_end,
  key,
  string,
  number,
  true_literal,
  false_literal,
  null_literal,
  end_of_input,
  error
};

struct json_token {
  token_kind kind{};
  std::size_t offset = 0;      // byte offset of the token's first byte (the opening quote for key/string)
  std::size_t length = 0;      // bytes the token spans in the input (quotes included)
  std::string_view raw;        // key/string: bytes between the quotes, undecoded; number: the literal
  bool has_escapes = false;    // key/string: raw contains a backslash
  bool duplicate_key = false;  // key: the same decoded key already occurred in this object (RFC 7493)
  // number:
  bool integer_literal = false;  // no fraction and no exponent
  bool fits_int64 = false;       // integer_literal and within int64
  std::int64_t int_value = 0;    // valid when fits_int64
  bool finite = true;            // false when the value as a binary64 double overflows to infinity
};

// A token's raw view, read member by member. Copying the view whole compiles to one 16-byte load of the two 8-byte
// stores the reader has just made, and a load that spans two stores waits for them to retire (store forwarding
// fails): on every key and string that cost more than the key lookup.
inline std::string_view raw_of(const json_token& t) noexcept { return {t.raw.data(), t.raw.size()}; }

// Decodes the raw (already validated by the reader) contents of a string token into out (appending).
inline void decode_json_string(std::string_view raw, std::string& out);

// Given the raw contents of a string token and a byte offset into its decoded form, returns the byte offset into raw
// where that decoded byte comes from (the backslash of an escape for escaped characters; raw.size() for
// decoded.size() and beyond).
inline std::size_t raw_offset_of_decoded(std::string_view raw, std::size_t decoded_offset) noexcept;
// The same, resuming from where the previous call for the same string stopped, so that offsets
// asked in increasing order cost linear time in all (reports inside a long string stay linear).
struct decoded_cursor {
  std::size_t raw = 0, decoded = 0;
};
inline std::size_t raw_offset_of_decoded(std::string_view raw, std::size_t decoded_offset,
                                         decoded_cursor& cursor) noexcept;

namespace json_impl {

// Value of a hex digit, or -1.
inline constexpr std::array<std::int8_t, 256> hex_value = [] {
  std::array<std::int8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    std::int8_t v = -1;
    if (c >= '0' && c <= '9') v = static_cast<std::int8_t>(c - '0');
    if (c >= 'a' && c <= 'f') v = static_cast<std::int8_t>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') v = static_cast<std::int8_t>(c - 'A' + 10);
    t[static_cast<std::size_t>(c)] = v;
  }
  return t;
}();

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
// One compare and one bit test instead of four compares: this runs before and after every token.
constexpr bool is_ws(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  constexpr std::uint64_t ws_bits = (1ull << ' ') | (1ull << '\n') | (1ull << '\r') | (1ull << '\t');
  return byte <= ' ' && ((ws_bits >> byte) & 1u) != 0;
}
constexpr bool is_alnum(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// A byte that may not come right after a number ("01", "1.5.2", "12abc", "1-2"): the number is invalid there.
constexpr bool cannot_follow_number(char c) noexcept { return is_alnum(c) || c == '.' || c == '+' || c == '-'; }

inline std::uint64_t load64(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline std::uint64_t load32(const char* p) noexcept {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

// Hash of a key: one multiply for keys up to 8 bytes, only fixed-size loads (overlapping at the end), so short keys
// cost no byte loop and no store-forwarding stall. The length is mixed in, which makes the overlapping loads
// unambiguous. Tables index with the top bits of the result (the best mixed bits of a product).
inline std::uint64_t hash_bytes(const char* p, std::size_t n, std::uint64_t seed) noexcept {
  std::uint64_t h = seed + static_cast<std::uint64_t>(n);
  std::uint64_t w;
  if (n > 8) {
    const char* const last = p + n - 8;
    while (p < last) {
      h = std::rotl((h ^ load64(p)) * 0xbf58476d1ce4e5b9ull, 29);
      p += 8;
    }
    w = load64(last);
  } else if (n >= 4) {
    w = load32(p) | (load32(p + n - 4) << 32);
  } else if (n > 0) {
    w = static_cast<unsigned char>(p[0]) | (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8) |
        (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
  } else {
    w = 0;
  }
  return (h ^ w) * 0x9E3779B97F4A7C15ull;
}

// A hash seed that depends on the address space layout (of `owner` and of this library's statics), so that keys
// that collide in a hash table cannot be prepared in advance. Odd, never zero.
inline std::uint64_t address_seed(const void* owner) noexcept {
  static const char anchor = 0;
  std::uint64_t s = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(owner)) ^
                    (static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&anchor)) << 17);
  s ^= s >> 33;
  s *= 0xff51afd7ed558ccdull;
  s ^= s >> 33;
  return s | 1u;
}

// Reads four hex digits at p (requires end - p >= 4); false if one is not a hex digit.
inline bool read_hex4(const char* p, std::uint32_t& out) noexcept {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const int h = hex_value[static_cast<unsigned char>(p[i])];
    if (h < 0) return false;
    v = (v << 4) | static_cast<std::uint32_t>(h);
  }
  out = v;
  return true;
}

inline std::size_t utf8_length(std::uint32_t cp) noexcept {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

// Writes the UTF-8 form of cp (at most U+10FFFF) at w; returns the end of what it wrote.
inline char* write_utf8(char* w, std::uint32_t cp) noexcept {
  if (cp < 0x80) {
    *w++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *w++ = static_cast<char>(0xC0 | (cp >> 6));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *w++ = static_cast<char>(0xE0 | (cp >> 12));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *w++ = static_cast<char>(0xF0 | (cp >> 18));
    *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return w;
}

// Decodes one \u escape (or surrogate pair) whose backslash is at p; returns the code point (U+FFFD for anything
// malformed) and sets consumed to the raw bytes used. Never reads at or beyond end.
inline std::uint32_t decode_u_escape(const char* p, const char* end, std::size_t& consumed) noexcept {
  std::uint32_t cp = 0;
  if (end - p < 6 || !read_hex4(p + 2, cp)) {
    consumed = 2;
    return 0xFFFD;
  }
  consumed = 6;
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    std::uint32_t lo = 0;
    if (end - p >= 12 && p[6] == '\\' && p[7] == 'u' && read_hex4(p + 8, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
      consumed = 12;
      return 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    return 0xFFFD;
  }
  if (cp >= 0xDC00 && cp <= 0xDFFF) return 0xFFFD;
  return cp;
}

// Whether a backslash then c is one of JSON's two-character escapes (all of them but \u).
constexpr bool is_simple_escape(char c) noexcept {
  switch (c) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't': return true;
    default: return false;
  }
}

inline char simple_escape(char c) noexcept {
  switch (c) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return c;  // '"', '\\', '/'
  }
}

}  // namespace json_impl

class json_reader {
public:
  json_reader() noexcept = default;
  explicit json_reader(std::string_view text, std::size_t max_depth = 512) noexcept { reset(text, max_depth); }

  // Starts over on a new text, keeping the capacity of all internal storage. A string (or key) with
  // more than max_string_bytes bytes between its quotes, as written, is the error string_too_long.
  void reset(std::string_view text, std::size_t max_depth = 512,
             std::size_t max_string_bytes = static_cast<std::size_t>(-1)) noexcept;

  // The next token; after an error keeps returning the error token, after the end keeps returning end_of_input.
  json_token next();

  json_error error() const noexcept { return error_; }
  std::size_t error_offset() const noexcept { return error_offset_; }
  // Where the reader was when it failed, to say what it expected (detail/syntax_help.hpp): inside an object (else an
  // array, or no container), after a key (a colon next), after a value (a comma or the container's end next).
  bool in_object() const noexcept { return depth_ > 0 && top_is_object(); }
  bool failed_expecting_colon() const noexcept { return error_ != json_error::none && failed_in_ == state_t::colon; }
  bool failed_after_value() const noexcept { return error_ != json_error::none && failed_in_ == state_t::after_value; }
  std::size_t depth() const noexcept { return depth_; }
  // Byte offset just past the last token handed out (or where the reader stopped).
  std::size_t position() const noexcept { return pos_; }
  std::string_view text() const noexcept { return text_; }
  std::size_t max_depth() const noexcept { return max_depth_; }

  // After a key token, at the root or inside an array: consumes exactly one whole value (scalar or container) and
  // returns true. Where a key is expected it consumes one whole member (key and value). Returns false on error, and
  // also (consuming nothing, error() staying none) when the enclosing container ends instead or the input is done.
  bool skip_value();

  // Reads the rest of the text without handing out tokens, and says whether there is nothing in it that a reader of
  // the tokens would report: no error, no duplicate key, no number too large for a double. Checking JSON held in a
  // string field is this one call for almost every payload; on false, reset() and read the tokens to learn what.
  bool read_to_end_unremarkable();

  // The keys of the root object are left to the caller, who may know them faster (a payload reader
  // knows its fields by index): key tokens at depth 1 then have duplicate_key false, and the caller
  // asks register_root_key for the keys it cannot tell apart itself. Until the next reset.
  void leave_root_keys_to_caller() noexcept { root_keys_by_caller_ = true; }
  // Right after a key token of the root object: whether the same decoded key came before in it.
  bool register_root_key(std::string_view raw, bool has_escapes) { return register_key(raw, has_escapes); }

private:
  enum class state_t : std::uint8_t { root, array_first, object_first, colon, after_value, done, failed };

  struct key_entry {
    std::size_t pos;    // offset in text_ (no escapes) or in key_arena_ (decoded)
    std::size_t size;
    std::uint64_t hash;
    bool in_arena;
  };
  struct object_scope {
    std::size_t keys_begin;
    std::size_t arena_begin;
    std::size_t table_begin;
    std::size_t table_cap;  // 0 while the object is small and searched linearly
    int table_shift;        // 64 - log2(table_cap): slots are the top bits of a hash
  };

  static constexpr std::size_t linear_key_limit = 8;

  // All token producers write into the caller's token (the return slot of next()), so that no token is built on the
  // stack and copied: that copy of partially written bytes defeats store forwarding and costs more than the scanning.
  // Out of line and cold: fail() is inlined at every error branch of the hot token code.
  [[gnu::cold, gnu::noinline]] void reclassify_non_utf8(json_error& e, std::size_t& offset) const noexcept {
    if (offset >= text_.size() || static_cast<unsigned char>(text_[offset]) < 0x80) return;
    const utf8_sequence seq =
        read_utf8_sequence(reinterpret_cast<const unsigned char*>(text_.data()) + offset, text_.size() - offset);
    if (seq.length == 0) {
      e = json_error::invalid_utf8;
      offset += seq.bad;
    }
  }
  void fail(json_token& t, json_error e, std::size_t offset) noexcept {
    // A byte outside the strings that starts no UTF-8 character: the text is not UTF-8 at all (Latin-1, a cut
    // byte-order mark), which says more than "a character JSON does not allow".
    if (e == json_error::unexpected_character) reclassify_non_utf8(e, offset);  // e is a constant at every call
    error_ = e;
    error_offset_ = offset;
    failed_in_ = state_;
    state_ = state_t::failed;
    error_token(t);
  }
  void error_token(json_token& t) const noexcept {
    t = json_token{};
    t.kind = token_kind::error;
    t.offset = error_offset_;
  }
  void end_token(json_token& t) const noexcept {
    t.kind = token_kind::end_of_input;
    t.offset = text_.size();
  }
  static void simple_token(json_token& t, token_kind k, std::size_t offset, std::size_t length) noexcept {
    t.kind = k;
    t.offset = offset;
    t.length = length;
  }
  void skip_ws() noexcept {
    const char* const s = text_.data();
    const std::size_t n = text_.size();
    std::size_t p = pos_;
    while (p < n && json_impl::is_ws(s[p])) ++p;
    pos_ = p;
  }
  bool top_is_object() const noexcept {
    const std::size_t i = depth_ - 1;
    return ((kinds_[i >> 6] >> (i & 63)) & 1u) != 0;
  }

  void dispatch(json_token& t);
  void after_value_token(json_token& t);  // dispatch() in state after_value
  void colon_token(json_token& t);        // dispatch() in state colon
  void value_token(json_token& t);
  void open_token(json_token& t, bool object);
  void close_token(json_token& t, bool object) noexcept;
  // One copy for keys and one for values: they end in different places, and apart each copy's branches predict better.
  template <bool is_key>
  void string_token(json_token& t);
  void number_token(json_token& t) noexcept;
  void literal_token(json_token& t, std::string_view word, token_kind kind) noexcept;
  bool register_key(std::string_view raw, bool has_escapes);
  void rebuild_table(object_scope& scope, std::size_t cap);
  void push_key(const key_entry& entry) {
    if (key_count_ == keys_.size()) grow_keys();
    keys_[key_count_++] = entry;
  }
  static std::uint64_t table_entry(std::uint64_t hash, std::size_t index) noexcept {
    const auto tag = static_cast<std::uint32_t>(hash ^ (hash >> 29));
    return (static_cast<std::uint64_t>(tag) << 32) | static_cast<std::uint32_t>(index + 1);
  }
  void grow_keys() { keys_.resize(keys_.size() < 16 ? 16 : keys_.size() * 2); }
  const char* key_data(const key_entry& k) const noexcept {
    return k.in_arena ? key_arena_.data() + k.pos : text_.data() + k.pos;
  }

  std::string_view text_{};
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::size_t max_depth_ = 512;
  std::size_t max_string_bytes_ = static_cast<std::size_t>(-1);
  bool root_keys_by_caller_ = false;
  std::size_t error_offset_ = 0;
  std::uint64_t seed_ = 0;
  json_error error_ = json_error::none;
  state_t state_ = state_t::root;
  state_t failed_in_ = state_t::root;
  std::vector<std::uint64_t> kinds_;  // bit i set: open container i (0 = outermost) is an object
  std::vector<object_scope> scopes_;  // one per open object
  std::vector<key_entry> keys_;       // storage for the keys of all open objects, innermost last
  std::size_t key_count_ = 0;         // keys_ entries in use
  std::vector<std::uint64_t> table_;  // open-addressing tables of large open objects: (tag << 32) | (index + 1)
  std::string key_arena_;             // decoded keys that contained escapes
};

// ---------------------------------------------------------------------------------------------------------------------

inline void json_reader::reset(std::string_view text, std::size_t max_depth, std::size_t max_string_bytes) noexcept {
  text_ = text;
  pos_ = 0;
  depth_ = 0;
  max_depth_ = max_depth;
  max_string_bytes_ = max_string_bytes;
  root_keys_by_caller_ = false;
  error_offset_ = 0;
  error_ = json_error::none;
  state_ = state_t::root;
  scopes_.clear();
  key_count_ = 0;
  table_.clear();
  key_arena_.clear();
  seed_ = json_impl::address_seed(this);
}

inline json_token json_reader::next() {
  json_token t;
  dispatch(t);
  return t;
}

inline void json_reader::dispatch(json_token& t) {
  const char* const s = text_.data();
  const std::size_t n = text_.size();
  // The two states of almost every token come first, as plain branches: a switch here compiles to one indirect
  // jump whose target alternates, and that jump was the reader's most mispredicted branch.
  if (state_ == state_t::after_value) [[likely]]
    return after_value_token(t);
  if (state_ == state_t::colon) return colon_token(t);
  switch (state_) {
    case state_t::failed: return error_token(t);
    case state_t::done: return end_token(t);
    case state_t::root:
      // A byte-order mark: UTF-8's, or UTF-16's (FF FE, FE FF: the text is not UTF-8 at all).
      if (pos_ == 0 && n >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
          static_cast<unsigned char>(s[2]) == 0xBF)
        return fail(t, json_error::byte_order_mark, 0);
      if (pos_ == 0 && n >= 2 && (static_cast<unsigned char>(s[0]) | 1) == 0xFF &&
          (static_cast<unsigned char>(s[1]) | 1) == 0xFF && s[0] != s[1])
        return fail(t, json_error::byte_order_mark, 0);
      // UTF-32BE's (00 00 FE FF); UTF-32LE's starts as UTF-16LE's, above.
      if (pos_ == 0 && n >= 4 && s[0] == 0 && s[1] == 0 && static_cast<unsigned char>(s[2]) == 0xFE &&
          static_cast<unsigned char>(s[3]) == 0xFF)
        return fail(t, json_error::byte_order_mark, 0);
      skip_ws();
      if (pos_ == n) return fail(t, json_error::unexpected_end, n);
      return value_token(t);
    case state_t::array_first:
      skip_ws();
      if (pos_ == n) return fail(t, json_error::unexpected_end, n);
      if (s[pos_] == ']') return close_token(t, false);
      return value_token(t);
    case state_t::object_first:
      skip_ws();
      if (pos_ == n) return fail(t, json_error::unexpected_end, n);
      if (s[pos_] == '"') return string_token<true>(t);
      if (s[pos_] == '}') return close_token(t, true);
      return fail(t, json_error::unexpected_character, pos_);
    case state_t::colon:
    case state_t::after_value: break;  // above
  }
  return error_token(t);
}

inline void json_reader::colon_token(json_token& t) {
  const char* const s = text_.data();
  const std::size_t n = text_.size();
  skip_ws();
  if (pos_ == n) return fail(t, json_error::unexpected_end, n);
  if (s[pos_] != ':') return fail(t, json_error::unexpected_character, pos_);
  ++pos_;
  skip_ws();
  if (pos_ == n) return fail(t, json_error::unexpected_end, n);
  return value_token(t);
}

inline void json_reader::after_value_token(json_token& t) {
  const char* const s = text_.data();
  const std::size_t n = text_.size();
  skip_ws();
  if (depth_ == 0) {
    if (pos_ == n) {
      state_ = state_t::done;
      return end_token(t);
    }
    return fail(t, json_error::trailing_content, pos_);
  }
  if (pos_ == n) return fail(t, json_error::unexpected_end, n);
  const char c = s[pos_];
  const bool object = top_is_object();
  if (c == ',') {
    ++pos_;
    skip_ws();
    if (pos_ == n) return fail(t, json_error::unexpected_end, n);
    if (!object) return value_token(t);
    if (s[pos_] == '"') return string_token<true>(t);
    return fail(t, json_error::unexpected_character, pos_);
  }
  if (c == (object ? '}' : ']')) return close_token(t, object);
  return fail(t, json_error::unexpected_character, pos_);
}

inline void json_reader::value_token(json_token& t) {
  if (text_[pos_] == '"') return string_token<false>(t);  // most values, spared the switch's indirect jump
  switch (text_[pos_]) {
    case '{': return open_token(t, true);
    case '[': return open_token(t, false);
    case 't': return literal_token(t, "true", token_kind::true_literal);
    case 'f': return literal_token(t, "false", token_kind::false_literal);
    case 'n': return literal_token(t, "null", token_kind::null_literal);
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': return number_token(t);
    case '+':
    case '.': return fail(t, json_error::invalid_number, pos_);
    default: return fail(t, json_error::unexpected_character, pos_);
  }
}

inline void json_reader::open_token(json_token& t, bool object) {
  if (depth_ >= max_depth_) return fail(t, json_error::too_deep, pos_);
  const std::size_t word = depth_ >> 6;
  if (word >= kinds_.size()) kinds_.push_back(0);
  const std::uint64_t bit = std::uint64_t{1} << (depth_ & 63);
  if (object) {
    kinds_[word] |= bit;
    scopes_.push_back(object_scope{key_count_, key_arena_.size(), table_.size(), 0, 64});
    state_ = state_t::object_first;
  } else {
    kinds_[word] &= ~bit;
    state_ = state_t::array_first;
  }
  ++depth_;
  const std::size_t at = pos_++;
  return simple_token(t, object ? token_kind::object_begin : token_kind::array_begin, at, 1);
}

inline void json_reader::close_token(json_token& t, bool object) noexcept {
  --depth_;
  if (object) {
    const object_scope& scope = scopes_.back();
    key_count_ = scope.keys_begin;
    key_arena_.resize(scope.arena_begin);
    table_.resize(scope.table_begin);
    scopes_.pop_back();
  }
  state_ = state_t::after_value;
  const std::size_t at = pos_++;
  return simple_token(t, object ? token_kind::object_end : token_kind::array_end, at, 1);
}

template <bool is_key>
inline void json_reader::string_token(json_token& t) {
  const char* const s = text_.data();
  const char* const end = s + text_.size();
  const std::size_t start = pos_;
  const char* p = s + start + 1;
  bool escapes = false;
  for (;;) {
    p = json_impl::find_string_stop(p, end);
    if (p == end) return fail(t, json_error::unexpected_end, text_.size());
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"') break;
    if (c == '\\') {
      escapes = true;
      if (end - p < 2) return fail(t, json_error::unexpected_end, text_.size());
      if (json_impl::is_simple_escape(p[1])) {
        p += 2;
        continue;
      }
      if (p[1] != 'u') return fail(t, json_error::invalid_escape, static_cast<std::size_t>(p - s));
      // \uXXXX
      std::uint32_t cp = 0;
      for (int i = 0; i < 4; ++i) {
        if (p + 2 + i == end) return fail(t, json_error::unexpected_end, text_.size());
        const int h = json_impl::hex_value[static_cast<unsigned char>(p[2 + i])];
        if (h < 0) return fail(t, json_error::invalid_escape, static_cast<std::size_t>(p - s));
        cp = (cp << 4) | static_cast<std::uint32_t>(h);
      }
      if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(t, json_error::lone_surrogate, static_cast<std::size_t>(p - s));
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        const char* q = p + 6;
        if (q == end) return fail(t, json_error::unexpected_end, text_.size());
        if (*q != '\\') return fail(t, json_error::lone_surrogate, static_cast<std::size_t>(p - s));
        if (q + 1 == end) return fail(t, json_error::unexpected_end, text_.size());
        if (q[1] != 'u') return fail(t, json_error::lone_surrogate, static_cast<std::size_t>(p - s));
        std::uint32_t lo = 0;
        for (int i = 0; i < 4; ++i) {
          if (q + 2 + i == end) return fail(t, json_error::unexpected_end, text_.size());
          const int h = json_impl::hex_value[static_cast<unsigned char>(q[2 + i])];
          if (h < 0) return fail(t, json_error::invalid_escape, static_cast<std::size_t>(q - s));
          lo = (lo << 4) | static_cast<std::uint32_t>(h);
        }
        if (lo < 0xDC00 || lo > 0xDFFF) return fail(t, json_error::lone_surrogate, static_cast<std::size_t>(p - s));
        p += 12;
      } else {
        p += 6;
      }
      continue;
    }
    if (c < 0x20) return fail(t, json_error::control_character_in_string, static_cast<std::size_t>(p - s));
    if (c < 0x80) {  // not reached: find_string_stop stops only at special bytes
      ++p;
      continue;
    }
    // UTF-8 sequences, possibly several in a row (text in most scripts but Latin ones). With AVX2 the scan has
    // vouched for all but a wrong sequence and the input's last few bytes, so this loop is rarely hot there.
    do {
      const utf8_sequence seq =
          read_utf8_sequence(reinterpret_cast<const unsigned char*>(p), static_cast<std::size_t>(end - p));
      if (seq.length == 0)
        return seq.cut ? fail(t, json_error::unexpected_end, text_.size())
                       : fail(t, json_error::invalid_utf8, static_cast<std::size_t>(p - s) + seq.bad);
      p += seq.length;
    } while (p != end && static_cast<unsigned char>(*p) >= 0x80);
  }
  // p is at the closing quote.
  if (static_cast<std::size_t>(p - s) - start - 1 > max_string_bytes_)
    return fail(t, json_error::string_too_long, start);
  t.kind = is_key ? token_kind::key : token_kind::string;
  t.offset = start;
  t.length = static_cast<std::size_t>(p - s) + 1 - start;
  t.raw = std::string_view(s + start + 1, static_cast<std::size_t>(p - s) - start - 1);
  t.has_escapes = escapes;
  pos_ = static_cast<std::size_t>(p - s) + 1;
  if constexpr (is_key) {
    t.duplicate_key = depth_ == 1 && root_keys_by_caller_ ? false : register_key(t.raw, escapes);
    state_ = state_t::colon;
  } else {
    state_ = state_t::after_value;
  }
}

inline void json_reader::number_token(json_token& t) noexcept {
  using json_impl::is_digit;
  const char* const s = text_.data();
  const char* const end = s + text_.size();
  const char* const start = s + pos_;
  const char* p = start;
  bool negative = false;
  if (*p == '-') {
    negative = true;
    if (++p == end) return fail(t, json_error::unexpected_end, text_.size());
  }
  std::uint64_t mantissa = 0;  // integer part; wraps harmlessly beyond 19 digits (then it is not used)
  std::size_t int_digits = 0;
  bool zero_int = false;
  if (*p == '0') {
    zero_int = true;
    int_digits = 1;
    ++p;
  } else if (is_digit(*p)) {
    const char* d = p;
    while (p != end && is_digit(*p)) {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
      ++p;
    }
    int_digits = static_cast<std::size_t>(p - d);
  } else {
    return fail(t, json_error::invalid_number, static_cast<std::size_t>(p - s));
  }
  bool integer = true;
  bool all_zero = zero_int;
  std::int64_t first_fraction_nonzero = 0;  // 1-based position of the first nonzero fraction digit (zero_int only)
  if (p != end && *p == '.') {
    integer = false;
    ++p;
    if (p == end) return fail(t, json_error::unexpected_end, text_.size());
    if (!is_digit(*p)) return fail(t, json_error::invalid_number, static_cast<std::size_t>(p - s));
    const char* f = p;
    if (zero_int) {
      while (p != end && *p == '0') ++p;
      if (p != end && is_digit(*p)) {
        first_fraction_nonzero = static_cast<std::int64_t>(p - f) + 1;
        all_zero = false;
      }
    }
    while (p != end && is_digit(*p)) ++p;
  }
  std::int64_t exponent = 0;
  if (p != end && (*p == 'e' || *p == 'E')) {
    integer = false;
    ++p;
    if (p == end) return fail(t, json_error::unexpected_end, text_.size());
    bool exp_negative = false;
    if (*p == '+' || *p == '-') {
      exp_negative = *p == '-';
      ++p;
      if (p == end) return fail(t, json_error::unexpected_end, text_.size());
    }
    if (!is_digit(*p)) return fail(t, json_error::invalid_number, static_cast<std::size_t>(p - s));
    while (p != end && is_digit(*p)) {
      if (exponent < 1'000'000'000'000'000) exponent = exponent * 10 + (*p - '0');  // saturates, far past any double
      ++p;
    }
    if (exp_negative) exponent = -exponent;
  }
  if (p != end && json_impl::cannot_follow_number(*p))
    return fail(t, json_error::invalid_number, static_cast<std::size_t>(p - s));
  t.kind = token_kind::number;
  t.offset = pos_;
  t.length = static_cast<std::size_t>(p - start);
  t.raw = std::string_view(start, t.length);
  t.integer_literal = integer;
  if (integer && int_digits <= 19) {
    constexpr std::uint64_t max_pos = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (negative ? mantissa <= max_pos + 1 : mantissa <= max_pos) {
      t.fits_int64 = true;
      t.int_value = negative ? static_cast<std::int64_t>(std::uint64_t{0} - mantissa) : static_cast<std::int64_t>(mantissa);
    }
  }
  if (!all_zero) {
    // Decimal exponent of the leading significant digit: the value lies in [10^mag, 10^(mag+1)).
    const std::int64_t mag =
        zero_int ? exponent - first_fraction_nonzero : static_cast<std::int64_t>(int_digits) - 1 + exponent;
    if (mag >= 309) {
      t.finite = false;
    } else if (mag == 308) {  // around DBL_MAX (1.797...e308): let the correctly rounding parser decide
      double v = 0;
      const auto r = std::from_chars(start, p, v);
      if (r.ec == std::errc::result_out_of_range)
        t.finite = false;
      else if (r.ec == std::errc{})
        t.finite = std::isfinite(v);
    }
  }
  pos_ = static_cast<std::size_t>(p - s);
  state_ = state_t::after_value;
}

inline void json_reader::literal_token(json_token& t, std::string_view word, token_kind kind) noexcept {
  const char* const s = text_.data();
  const std::size_t n = text_.size();
  const std::size_t at = pos_;
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (at + i == n) return fail(t, json_error::unexpected_end, n);
    if (s[at + i] != word[i]) return fail(t, json_error::invalid_literal, at + i);
  }
  const std::size_t after = at + word.size();
  if (after < n && json_impl::is_alnum(s[after])) return fail(t, json_error::invalid_literal, after);
  pos_ = after;
  state_ = state_t::after_value;
  return simple_token(t, kind, at, word.size());
}

inline void json_reader::rebuild_table(object_scope& scope, std::size_t cap) {
  table_.resize(scope.table_begin);
  table_.resize(scope.table_begin + cap, 0u);
  scope.table_cap = cap;
  scope.table_shift = 64 - std::countr_zero(cap);
  const std::size_t mask = cap - 1;
  std::uint64_t* const t = table_.data() + scope.table_begin;
  for (std::size_t i = scope.keys_begin; i < key_count_; ++i) {
    std::size_t slot = static_cast<std::size_t>(keys_[i].hash >> scope.table_shift);
    while (t[slot] != 0) slot = (slot + 1) & mask;
    t[slot] = table_entry(keys_[i].hash, i);
  }
}

inline bool json_reader::register_key(std::string_view raw, bool has_escapes) {
  object_scope& scope = scopes_.back();
  key_entry entry;
  const char* data;
  if (!has_escapes) {
    entry.pos = static_cast<std::size_t>(raw.data() - text_.data());
    entry.size = raw.size();
    entry.in_arena = false;
    data = raw.data();
  } else {
    entry.pos = key_arena_.size();
    decode_json_string(raw, key_arena_);
    entry.size = key_arena_.size() - entry.pos;
    entry.in_arena = true;
    data = key_arena_.data() + entry.pos;
  }
  entry.hash = json_impl::hash_bytes(data, entry.size, seed_);
  const auto same = [&](const key_entry& k) {
    return k.hash == entry.hash && k.size == entry.size && std::memcmp(key_data(k), data, entry.size) == 0;
  };
  if (scope.table_cap == 0) {
    for (std::size_t i = scope.keys_begin; i < key_count_; ++i) {
      if (same(keys_[i])) {
        if (entry.in_arena) key_arena_.resize(entry.pos);
        return true;
      }
    }
    push_key(entry);
    if (key_count_ - scope.keys_begin > linear_key_limit) rebuild_table(scope, 64);
    return false;
  }
  const std::size_t mask = scope.table_cap - 1;
  std::uint64_t* const t = table_.data() + scope.table_begin;
  std::size_t slot = static_cast<std::size_t>(entry.hash >> scope.table_shift);
  const std::uint64_t tag = table_entry(entry.hash, 0) >> 32;
  // The tag keeps probing inside the table: keys_ is only touched when 32 more hash bits agree.
  while (t[slot] != 0) {
    if ((t[slot] >> 32) == tag && same(keys_[(t[slot] & 0xFFFFFFFFu) - 1])) {
      if (entry.in_arena) key_arena_.resize(entry.pos);
      return true;
    }
    slot = (slot + 1) & mask;
  }
  t[slot] = table_entry(entry.hash, key_count_);
  push_key(entry);
  if ((key_count_ - scope.keys_begin) * 2 > scope.table_cap) rebuild_table(scope, scope.table_cap * 2);
  return false;
}

inline bool json_reader::skip_value() {
  if (state_ == state_t::failed || state_ == state_t::done) return false;
  if (depth_ > 0 &&
      (state_ == state_t::array_first || state_ == state_t::object_first || state_ == state_t::after_value)) {
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == (top_is_object() ? '}' : ']')) return false;
  }
  const std::size_t base = depth_;
  json_token t = next();
  if (t.kind == token_kind::key) t = next();
  switch (t.kind) {
    case token_kind::error:
    case token_kind::end_of_input:
    case token_kind::object_end:
    case token_kind::array_end: return false;
    case token_kind::object_begin:
    case token_kind::array_begin:
      while (depth_ > base) {
        if (next().kind == token_kind::error) return false;
      }
      return true;
    default: return true;
  }
}

inline bool json_reader::read_to_end_unremarkable() {
  // The token just read says which state the reader is in (colon after a key, after_value after a scalar or a
  // closing bracket), so the next one comes from that state's step directly: the switch on the kind, needed anyway,
  // replaces dispatch()'s test of the state. The first token, and those after an opening bracket, go through
  // dispatch().
  json_token t;
  dispatch(t);
  for (;;) {
    switch (t.kind) {
      case token_kind::end_of_input: return true;
      case token_kind::error: return false;
      case token_kind::key:
        if (t.duplicate_key) return false;
        colon_token(t);
        break;
      case token_kind::object_begin:
      case token_kind::array_begin: dispatch(t); break;
      case token_kind::number:
        if (!t.finite) return false;
        after_value_token(t);
        break;
      default: after_value_token(t); break;  // a string, a literal or a closing bracket
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------

inline void decode_json_string(std::string_view raw, std::string& out) {
  // The bytes are written straight into room made beforehand, then the rest is cut off: no per-piece append. Valid
  // escapes never lengthen the text (2, 6 or 12 bytes give 1 to 4); a malformed "\\u" (never in a string the reader
  // accepted) gives U+FFFD, 3 bytes for 2, hence the room for half as much again.
  const std::size_t base = out.size();
  out.resize(base + raw.size() + raw.size() / 2 + 1);
  char* w = out.data() + base;
  const char* p = raw.data();
  const char* const end = p + raw.size();
  while (p != end) {
#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
    // Runs between escapes are short in JSON held in a string (every quote is \"): 16 bytes are copied at a time
    // whatever they hold, and the room made above always has those 16 bytes while 16 remain to read.
    const __m128i backslash = _mm_set1_epi8('\\');
    while (end - p >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(w), v);
      const int bits = _mm_movemask_epi8(_mm_cmpeq_epi8(v, backslash));
      const int run = bits != 0 ? std::countr_zero(static_cast<unsigned>(bits)) : 16;
      p += run;
      w += run;
      if (bits != 0) break;
    }
    if (end - p < 16)
#endif
    {
      const auto* b = static_cast<const char*>(std::memchr(p, '\\', static_cast<std::size_t>(end - p)));
      const char* const run_end = b == nullptr ? end : b;
      std::memcpy(w, p, static_cast<std::size_t>(run_end - p));
      w += run_end - p;
      p = run_end;
    }
    if (p == end) break;
    if (end - p < 2) {  // a lone trailing backslash: not produced by the reader, kept as is
      *w++ = '\\';
      break;
    }
    if (p[1] == 'u') {
      std::size_t used = 0;
      w = json_impl::write_utf8(w, json_impl::decode_u_escape(p, end, used));
      p += used;
    } else {
      *w++ = json_impl::simple_escape(p[1]);
      p += 2;
    }
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
}

inline std::size_t raw_offset_of_decoded(std::string_view raw, std::size_t decoded_offset) noexcept {
  decoded_cursor from_start;
  return raw_offset_of_decoded(raw, decoded_offset, from_start);
}

inline std::size_t raw_offset_of_decoded(std::string_view raw, std::size_t decoded_offset,
                                         decoded_cursor& cursor) noexcept {
  const char* const s = raw.data();
  const char* const end = s + raw.size();
  if (decoded_offset < cursor.decoded || cursor.raw > raw.size()) cursor = {};
  const char* p = s + cursor.raw;
  std::size_t decoded = cursor.decoded;
  while (p != end) {
    cursor = {static_cast<std::size_t>(p - s), decoded};  // a run or escape starts here: resume from it
    if (*p != '\\') {
      const auto* b = static_cast<const char*>(std::memchr(p, '\\', static_cast<std::size_t>(end - p)));
      const char* run_end = b == nullptr ? end : b;
      const auto run = static_cast<std::size_t>(run_end - p);
      if (decoded_offset < decoded + run) return static_cast<std::size_t>(p - s) + (decoded_offset - decoded);
      decoded += run;
      p = run_end;
      continue;
    }
    std::size_t used;
    std::size_t produced;
    if (end - p < 2) {
      used = 1;
      produced = 1;
    } else if (p[1] == 'u') {
      produced = json_impl::utf8_length(json_impl::decode_u_escape(p, end, used));
    } else {
      used = 2;
      produced = 1;
    }
    if (decoded_offset < decoded + produced) return static_cast<std::size_t>(p - s);
    decoded += produced;
    p += used;
  }
  return raw.size();
}

/// The first key an object of the text repeats, if any (empty when none, or when the text is not JSON: the parser
/// says that). For what Boost.JSON's parse reads, options and typed payloads, held to the rule payloads are held to
/// (RFC 7493): it keeps the last of a repeated key, silently. on_number sees every number token up to the end of the
/// text or its first syntax error, so that one pass serves a caller that also looks at the numbers.
template <class OnNumber>
inline std::string repeated_key(std::string_view text, OnNumber&& on_number)
{
  json_reader reader;
  reader.reset(text);
  std::string key;
  bool repeated = false;
  for (;;) {
    const json_token t = reader.next();
    if (t.kind == token_kind::end_of_input || t.kind == token_kind::error)
      return key;
    if (t.kind == token_kind::number)
      on_number(t);
    if (t.kind == token_kind::key && t.duplicate_key && !repeated) {
      repeated = true;
      if (t.has_escapes)
        decode_json_string(t.raw, key);
      else
        key = t.raw;
    }
  }
}

inline std::string repeated_key(std::string_view text)
{
  return repeated_key(text, [](const json_token&) {});
}

}  // namespace atlas::detail

#endif  // ATLAS_DETAIL_JSON_READER_HPP
