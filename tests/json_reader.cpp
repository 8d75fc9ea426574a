#include <atlas/detail/json_reader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

using atlas::detail::decode_json_string;
using atlas::detail::describe;
using atlas::detail::json_error;
using atlas::detail::json_reader;
using atlas::detail::json_token;
using atlas::detail::raw_offset_of_decoded;
using atlas::detail::token_kind;
namespace json_impl = atlas::detail::json_impl;

namespace {

// A heap copy of exactly text.size() bytes, so that AddressSanitizer catches any read past the end.
struct exact_buffer {
  std::unique_ptr<char[]> data;
  std::size_t size;
  explicit exact_buffer(std::string_view text) : data(new char[text.size()]), size(text.size()) {
    std::copy(text.begin(), text.end(), data.get());
  }
  std::string_view view() const { return {data.get(), size}; }
};

struct outcome {
  std::shared_ptr<exact_buffer> buffer;  // keeps the text alive for the tokens' raw views
  std::vector<json_token> tokens;  // including the final end_of_input or error token
  json_error error = json_error::none;
  std::size_t error_offset = 0;
  token_kind last() const { return tokens.back().kind; }
};

outcome run(std::string_view text, std::size_t max_depth = 512) {
  json_reader reader(text, max_depth);
  outcome out;
  for (;;) {
    json_token t = reader.next();
    out.tokens.push_back(t);
    if (t.kind == token_kind::end_of_input || t.kind == token_kind::error) break;
    REQUIRE(out.tokens.size() <= text.size() + 1);  // every token consumes at least one byte
  }
  out.error = reader.error();
  out.error_offset = reader.error_offset();
  return out;
}

outcome run_exact(std::string_view text, std::size_t max_depth = 512) {
  auto buffer = std::make_shared<exact_buffer>(text);
  outcome o = run(buffer->view(), max_depth);
  o.buffer = std::move(buffer);
  return o;
}

bool valid(std::string_view text) {
  const outcome o = run_exact(text);
  return o.last() == token_kind::end_of_input && o.error == json_error::none;
}

std::string decoded(std::string_view raw) {
  std::string out;
  decode_json_string(raw, out);
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<bool> duplicate_flags(std::string_view text) {
  std::vector<bool> flags;
  const outcome o = run_exact(text);
  REQUIRE(o.last() == token_kind::end_of_input);
  for (const json_token& t : o.tokens)
    if (t.kind == token_kind::key) flags.push_back(t.duplicate_key);
  return flags;
}

json_token single_number(std::string_view text) {
  const outcome o = run_exact(text);
  REQUIRE(o.tokens.size() == 2);
  REQUIRE(o.tokens[0].kind == token_kind::number);
  REQUIRE(o.last() == token_kind::end_of_input);
  return o.tokens[0];
}

}  // namespace

TEST_CASE("a small document produces the expected tokens with exact offsets") {
  const std::string_view text = R"( {"name": "a\"b", "n": [1, -2.5e3, true, false, null], "o": {}} )";
  const outcome o = run_exact(text);
  REQUIRE(o.error == json_error::none);

  struct expected {
    token_kind kind;
    std::size_t offset;
    std::size_t length;
    std::string_view raw;
  };
  const std::vector<expected> want = {
      {token_kind::object_begin, 1, 1, ""},
      {token_kind::key, 2, 6, "name"},
      {token_kind::string, 10, 6, R"(a\"b)"},
      {token_kind::key, 18, 3, "n"},
      {token_kind::array_begin, 23, 1, ""},
      {token_kind::number, 24, 1, "1"},
      {token_kind::number, 27, 6, "-2.5e3"},
      {token_kind::true_literal, 35, 4, ""},
      {token_kind::false_literal, 41, 5, ""},
      {token_kind::null_literal, 48, 4, ""},
      {token_kind::array_end, 52, 1, ""},
      {token_kind::key, 55, 3, "o"},
      {token_kind::object_begin, 60, 1, ""},
      {token_kind::object_end, 61, 1, ""},
      {token_kind::object_end, 62, 1, ""},
      {token_kind::end_of_input, text.size(), 0, ""},
  };
  REQUIRE(o.tokens.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(o.tokens[i].kind == want[i].kind);
    CHECK(o.tokens[i].offset == want[i].offset);
    CHECK(o.tokens[i].length == want[i].length);
    CHECK(o.tokens[i].raw == want[i].raw);
    if (want[i].kind != token_kind::end_of_input) CHECK(text.substr(o.tokens[i].offset, 1) != " ");
  }
  CHECK(o.tokens[2].has_escapes);
  CHECK_FALSE(o.tokens[1].has_escapes);
  CHECK(o.tokens[5].integer_literal);
  CHECK(o.tokens[5].fits_int64);
  CHECK(o.tokens[5].int_value == 1);
  CHECK_FALSE(o.tokens[6].integer_literal);
  CHECK_FALSE(o.tokens[6].fits_int64);
}

TEST_CASE("the depth counts the open containers after each token") {
  json_reader reader(R"([{"a":[]}])");
  std::vector<std::size_t> depths;
  for (json_token t = reader.next(); t.kind != token_kind::end_of_input; t = reader.next()) {
    REQUIRE(t.kind != token_kind::error);
    depths.push_back(reader.depth());
  }
  CHECK(depths == std::vector<std::size_t>{1, 2, 2, 3, 2, 1, 0});
}

TEST_CASE("any value may stand alone at the root, surrounded by whitespace") {
  CHECK(valid("0"));
  CHECK(valid(" \t\r\n-0.0e-0 \n"));
  CHECK(valid("\"\""));
  CHECK(valid("true"));
  CHECK(valid("false"));
  CHECK(valid("null"));
  CHECK(valid("[]"));
  CHECK(valid("{}"));
  CHECK(valid("[[],[[]],{},{\"\":{}}]"));
  CHECK(valid("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}"));
}

TEST_CASE("the reader never looks past the end of a view that is not null-terminated") {
  const std::string backing = "12345";
  json_reader reader(std::string_view(backing).substr(0, 2));
  const json_token t = reader.next();
  CHECK(t.kind == token_kind::number);
  CHECK(t.raw == "12");
  CHECK(t.int_value == 12);
  CHECK(reader.next().kind == token_kind::end_of_input);

  const std::string literal = "truex";
  json_reader lit(std::string_view(literal).substr(0, 4));
  CHECK(lit.next().kind == token_kind::true_literal);
  CHECK(lit.next().kind == token_kind::end_of_input);
}

TEST_CASE("every error kind is reported at the byte where the text stops being valid") {
  struct error_case {
    std::string_view text;
    json_error error;
    std::size_t offset;
  };
  using e = json_error;
  const std::vector<error_case> cases = {
      {"\xEF\xBB\xBF{}", e::byte_order_mark, 0},
      {"\xEF\xBB\xBF", e::byte_order_mark, 0},
      {std::string_view("\0\0\xFE\xFF{}", 6), e::byte_order_mark, 0}, // UTF-32BE's
      // Outside the strings, a byte that starts no UTF-8 character makes the text not UTF-8 (a cut byte-order
      // mark, Latin-1); a valid character there is a syntax error.
      {"\xEF\xBB{}", e::invalid_utf8, 2},
      {"[\xFF]", e::invalid_utf8, 1},
      {"{\"a\":\xE9}", e::invalid_utf8, 6}, // where the sequence breaks, as in strings
      {"{\"a\":\xC3\xA9}", e::unexpected_character, 5},
      {"", e::unexpected_end, 0},
      {"   ", e::unexpected_end, 3},
      {"[", e::unexpected_end, 1},
      {"[1,", e::unexpected_end, 3},
      {"{\"a\"", e::unexpected_end, 4},
      {"{\"a\":", e::unexpected_end, 5},
      {"{\"a\":1", e::unexpected_end, 6},
      {"\"abc", e::unexpected_end, 4},
      {"\"ab\\", e::unexpected_end, 4},
      {"\"\\u12", e::unexpected_end, 5},
      {"\"\\uD800", e::unexpected_end, 7},
      {"\"\\uD800\\", e::unexpected_end, 8},
      {"\"\\uD800\\uDC", e::unexpected_end, 11},
      {"\"\xE2\x82", e::unexpected_end, 3},
      {"-", e::unexpected_end, 1},
      {"1.", e::unexpected_end, 2},
      {"1e", e::unexpected_end, 2},
      {"1e-", e::unexpected_end, 3},
      {"tr", e::unexpected_end, 2},
      {"[1 2]", e::unexpected_character, 3},
      {"[1,]", e::unexpected_character, 3},
      {"[,1]", e::unexpected_character, 1},
      {"{\"a\":1,}", e::unexpected_character, 7},
      {"{\"a\" 1}", e::unexpected_character, 5},
      {"{\"a\":1 \"b\":2}", e::unexpected_character, 7},
      {"{1:2}", e::unexpected_character, 1},
      {"{'a':2}", e::unexpected_character, 1},
      {"[}", e::unexpected_character, 1},
      {"{]", e::unexpected_character, 1},
      {"[1}", e::unexpected_character, 2},
      {"]", e::unexpected_character, 0},
      {"/* c */ 1", e::unexpected_character, 0},
      {"[1] // c", e::trailing_content, 4},
      {"\x0C[]", e::unexpected_character, 0},
      {"[\xC3\xA9]", e::unexpected_character, 1},
      {"[True]", e::unexpected_character, 1},
      {"[NaN]", e::unexpected_character, 1},
      {"[Infinity]", e::unexpected_character, 1},
      {"[tru]", e::invalid_literal, 4},
      {"nul", e::unexpected_end, 3},
      {"nulL", e::invalid_literal, 3},
      {"falsey", e::invalid_literal, 5},
      {"[01]", e::invalid_number, 2},
      {"-01", e::invalid_number, 2},
      {"+1", e::invalid_number, 0},
      {".5", e::invalid_number, 0},
      {"[1.]", e::invalid_number, 3},
      {"1.e5", e::invalid_number, 2},
      {"-a", e::invalid_number, 1},
      {"-Infinity", e::invalid_number, 1},
      {"1e+x", e::invalid_number, 3},
      {"0x1F", e::invalid_number, 1},
      {"1.5.2", e::invalid_number, 3},
      {"12abc", e::invalid_number, 2},
      // At the edge of each class of the table above json_error: the last letter after a literal, a sign after a
      // number, the first continuation byte, and two bytes that only look like a UTF-16 byte-order mark.
      {"truez", e::invalid_literal, 4},        // 'z', the last lower-case letter
      {"[nullZ]", e::invalid_literal, 5},
      {"[0z]", e::invalid_number, 2},
      {"1+2", e::invalid_number, 1},           // not trailing content: the number is what is wrong
      {"[1-2]", e::invalid_number, 2},
      {"{\"a\": 12+3}", e::invalid_number, 8},
      {"[\x80]", e::invalid_utf8, 1},          // the first continuation byte starts no character
      {"\x80", e::invalid_utf8, 0},
      {"\xFF\xFF{}", e::invalid_utf8, 0},      // two equal bytes are no UTF-16 byte-order mark
      {"\xFE\xFE", e::invalid_utf8, 0},
      {std::string_view("\0\0\xFE\xFF", 4), e::byte_order_mark, 0},  // UTF-32BE's mark, and nothing after it
      {"\"a\\x\"", e::invalid_escape, 2},
      {"\"a\\U0041\"", e::invalid_escape, 2},
      {"\"\\u12G4\"", e::invalid_escape, 1},
      {"\"\\uD800\\u12G4\"", e::invalid_escape, 7},
      {"\"\\'\"", e::invalid_escape, 1},
      {"\"a\tb\"", e::control_character_in_string, 2},
      {"\"a\nb\"", e::control_character_in_string, 2},
      {std::string_view("\"a\0b\"", 5), e::control_character_in_string, 2},
      {"\"\x1F\"", e::control_character_in_string, 1},
      {"\"\x80\"", e::invalid_utf8, 1},
      {"\"ab\xBF\"", e::invalid_utf8, 3},
      {"\"\xC0\xAF\"", e::invalid_utf8, 1},
      {"\"\xC1\xBF\"", e::invalid_utf8, 1},
      {"\"\xE0\x80\xAF\"", e::invalid_utf8, 2},
      {"\"\xED\xA0\x80\"", e::invalid_utf8, 2},
      {"\"\xF0\x80\x80\xAF\"", e::invalid_utf8, 2},
      {"\"\xF4\x90\x80\x80\"", e::invalid_utf8, 2},
      {"\"\xF5\x80\x80\x80\"", e::invalid_utf8, 1},
      {"\"\xFF\"", e::invalid_utf8, 1},
      {"\"\xE2\x82\x41\"", e::invalid_utf8, 3},
      {"\"\xE2\x82\"", e::invalid_utf8, 3},
      {"\"\\uDC00\"", e::lone_surrogate, 1},
      {"\"ab\\uD800x\"", e::lone_surrogate, 3},
      {"\"\\uD800\\n\"", e::lone_surrogate, 1},
      {"\"\\uD800\\u0041\"", e::lone_surrogate, 1},
      {"\"\\uD800\\uD800\"", e::lone_surrogate, 1},
      {"\"\\uDBFF\"", e::lone_surrogate, 1},
      {"1 2", e::trailing_content, 2},
      {"[1]]", e::trailing_content, 3},
      {"{}}", e::trailing_content, 2},
      {"\"a\"\"b\"", e::trailing_content, 3},
      {std::string_view("1\0", 2), e::trailing_content, 1},
      {"null x", e::trailing_content, 5},
  };
  for (const error_case& c : cases) {
    CAPTURE(c.text);
    const outcome o = run_exact(c.text);
    CHECK(o.last() == token_kind::error);
    CHECK(o.error == c.error);
    CHECK(o.error_offset == c.offset);
    CHECK(o.tokens.back().offset == c.offset);
  }
}

TEST_CASE("nesting deeper than max_depth is too_deep at the offending bracket") {
  CHECK(run_exact("[[[]]]", 3).error == json_error::none);
  const outcome o = run_exact("[[[[]]]]", 3);
  CHECK(o.error == json_error::too_deep);
  CHECK(o.error_offset == 3);
  const outcome objects = run_exact(R"({"a":{"b":{}}})", 2);
  CHECK(objects.error == json_error::too_deep);
  CHECK(objects.error_offset == 10);
  CHECK(run_exact("1", 0).error == json_error::none);
  CHECK(run_exact("[]", 0).error == json_error::too_deep);

  std::string deep(513, '[');
  const outcome too_deep = run_exact(deep);  // default max_depth is 512
  CHECK(too_deep.error == json_error::too_deep);
  CHECK(too_deep.error_offset == 512);
}

TEST_CASE("very deep nesting within max_depth is handled without recursion") {
  constexpr std::size_t levels = 200000;
  std::string text;
  for (std::size_t i = 0; i < levels; ++i) text += (i % 2 == 0) ? "[" : "{\"k\":";
  text += "0";
  for (std::size_t i = levels; i-- > 0;) text += (i % 2 == 0) ? "]" : "}";
  json_reader reader(text, levels);
  std::size_t max_seen = 0;
  json_token t;
  while ((t = reader.next()).kind != token_kind::end_of_input && t.kind != token_kind::error)
    max_seen = std::max(max_seen, reader.depth());
  CHECK(t.kind == token_kind::end_of_input);
  CHECK(max_seen == levels);
  CHECK(reader.depth() == 0);
}

TEST_CASE("after an error the reader keeps returning the same error token") {
  json_reader reader("[1,,2]");
  CHECK(reader.next().kind == token_kind::array_begin);
  CHECK(reader.error() == json_error::none);
  CHECK(reader.next().kind == token_kind::number);
  for (int i = 0; i < 3; ++i) {
    const json_token t = reader.next();
    CHECK(t.kind == token_kind::error);
    CHECK(t.offset == 3);
    CHECK(reader.error() == json_error::unexpected_character);
    CHECK(reader.error_offset() == 3);
  }
  CHECK_FALSE(reader.skip_value());
}

TEST_CASE("after the end the reader keeps returning end_of_input") {
  json_reader reader("[] ");
  reader.next();
  reader.next();
  for (int i = 0; i < 3; ++i) {
    const json_token t = reader.next();
    CHECK(t.kind == token_kind::end_of_input);
    CHECK(t.offset == 3);
  }
  CHECK(reader.error() == json_error::none);
}

TEST_CASE("a default-constructed reader reports an empty input") {
  json_reader reader;
  CHECK(reader.next().kind == token_kind::error);
  CHECK(reader.error() == json_error::unexpected_end);
  CHECK(reader.error_offset() == 0);
}

TEST_CASE("describe gives a distinct sentence for every error kind") {
  std::vector<std::string_view> seen;
  for (int i = 0; i <= static_cast<int>(json_error::too_deep); ++i) {
    const std::string_view d = describe(static_cast<json_error>(i));
    CHECK(d.size() > 10);
    CHECK(std::find(seen.begin(), seen.end(), d) == seen.end());
    seen.push_back(d);
  }
  static_assert(describe(json_error::unexpected_end) == "the input ends in the middle of a value");
}

TEST_CASE("strings with all allowed escapes and valid UTF-8 are accepted") {
  CHECK(valid(R"("\" \\ \/ \b \f \n \r \t \u0041 \uabcd \uABCD \uD83D\uDE00 \uDBFF\uDFFF")"));
  CHECK(valid("\"\x7F\""));
  CHECK(valid("\"\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF\""));
  CHECK(valid("\"\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF \xF3\xBF\xBF\xBF\""));
  CHECK(valid("\"caf\xC3\xA9 na\xC3\xAFve \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80\""));
  // Long strings cross the 8- and 16-byte fast path in every alignment.
  for (std::size_t len = 0; len < 70; ++len) {
    for (const char* insert : {"", "\\n", "\xC3\xA9", "\xF0\x9F\x98\x80"}) {
      std::string s(1, '"');
      s.append(len, 'x');
      s += insert;
      s.append(len % 17, 'y');
      s += '"';
      CAPTURE(s);
      CHECK(valid(s));
      const outcome o = run_exact(s);
      CHECK(o.tokens[0].length == s.size());
      s.insert(1 + len, 1, '\x01');
      const outcome bad = run_exact(s);
      CHECK(bad.error == json_error::control_character_in_string);
      CHECK(bad.error_offset == 1 + len);
    }
  }
}

namespace {

// One UTF-8 sequence at text[p] by RFC 3629, a byte at a time: its length when whole and valid, else length 0 and
// where it goes wrong (invalid_utf8 at the bad byte, or unexpected_end at text.size() when the text ends inside it).
struct utf8_judgement {
  std::size_t length;
  json_error error;
  std::size_t at;
};
utf8_judgement judge_utf8_sequence(std::string_view text, std::size_t p) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned c = byte(p);
  std::size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  if (len == 0) return {0, json_error::invalid_utf8, p};
  for (std::size_t i = 1; i < len; ++i) {
    if (p + i >= text.size()) return {0, json_error::unexpected_end, text.size()};
    if (byte(p + i) < lo || byte(p + i) > hi) return {0, json_error::invalid_utf8, p + i};
    lo = 0x80, hi = 0xBF;
  }
  return {len, json_error::none, p};
}

// The string rules, one byte at a time in text order: what the reader's block-wise scan and
// separate UTF-8 pass must reproduce, error kind and offset included.
std::pair<json_error, std::size_t> reference_string_outcome(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto hex = [&](std::size_t i) { return i < text.size() && std::isxdigit(byte(i)) != 0; };
  const std::size_t n = text.size();
  std::size_t p = 1;  // text[0] is the opening quote
  for (;;) {
    if (p >= n) return {json_error::unexpected_end, n};
    const unsigned c = byte(p);
    if (c == '"') return {json_error::none, 0};
    if (c == '\\') {
      if (p + 1 >= n) return {json_error::unexpected_end, n};
      const char e = text[p + 1];
      if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) {
        p += 2;
        continue;
      }
      if (e != 'u') return {json_error::invalid_escape, p};
      for (std::size_t i = 2; i < 6; ++i) {
        if (p + i >= n) return {json_error::unexpected_end, n};
        if (!hex(p + i)) return {json_error::invalid_escape, p};
      }
      const unsigned long cp = std::stoul(std::string(text.substr(p + 2, 4)), nullptr, 16);
      if (cp >= 0xDC00 && cp <= 0xDFFF) return {json_error::lone_surrogate, p};
      if (cp < 0xD800 || cp > 0xDBFF) {
        p += 6;
        continue;
      }
      const std::size_t q = p + 6;
      if (q >= n) return {json_error::unexpected_end, n};
      if (text[q] != '\\') return {json_error::lone_surrogate, p};
      if (q + 1 >= n) return {json_error::unexpected_end, n};
      if (text[q + 1] != 'u') return {json_error::lone_surrogate, p};
      for (std::size_t i = 2; i < 6; ++i) {
        if (q + i >= n) return {json_error::unexpected_end, n};
        if (!hex(q + i)) return {json_error::invalid_escape, q};
      }
      const unsigned long lo = std::stoul(std::string(text.substr(q + 2, 4)), nullptr, 16);
      if (lo < 0xDC00 || lo > 0xDFFF) return {json_error::lone_surrogate, p};
      p += 12;
      continue;
    }
    if (c < 0x20) return {json_error::control_character_in_string, p};
    if (c < 0x80) {
      ++p;
      continue;
    }
    const utf8_judgement sequence = judge_utf8_sequence(text, p);
    if (sequence.length == 0) return {sequence.error, sequence.at};
    p += sequence.length;
  }
}

}  // namespace

TEST_CASE("strings are judged as a byte-at-a-time reading would, error and offset included") {
  // Random strings built from pieces that stress the block scan and the UTF-8 pass: long ASCII
  // runs, accents, CJK, emoji, broken and cut sequences, escapes, control characters, quotes.
  const std::vector<std::string> good = {
      "abcdefghijklmnopq", "x", " ", "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xED\x9F\xBF",
      "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "\x7F", "\\n", "\\\"", "\\u00e9", "\\uD83D\\uDE00"};
  const std::vector<std::string> bad = {
      "\xC3", "\xE6\x97", "\xF0\x9F\x98", "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80",
      "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x01", "\x1F", "\\uDE00",
      "\\uD83Dx", "\\uD83D\\u0041", "\\u12G4", "\\x", "\\", "\""};
  std::mt19937 rng(1616);
  std::size_t errors = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = "\"";
    const std::size_t count = rng() % 12;
    for (std::size_t k = 0; k < count; ++k) text += rng() % 16 == 0 ? bad[rng() % bad.size()] : good[rng() % good.size()];
    if (rng() % 4 != 0) text += '"';     // most strings are closed
    if (rng() % 2 == 0) text += " \xE6"; // bytes after the string never matter to it
    const auto expected = reference_string_outcome(text);
    const outcome o = run_exact(text);
    CAPTURE(text);
    CHECK(o.tokens[0].kind == (expected.first == json_error::none ? token_kind::string : token_kind::error));
    if (expected.first != json_error::none) {
      ++errors;
      CHECK(o.error == expected.first);
      CHECK(o.error_offset == expected.second);
    }
  }
  CHECK(errors > 5000);  // both sides are well represented
  CHECK(errors < 15000);

  // Every place of one broken byte against every place of the closing quote, with room after
  // the string: the blocks of sixteen bytes see the broken byte before, at and after the quote.
  for (std::size_t length = 1; length < 40; ++length)
    for (std::size_t at = 0; at < length; ++at) {
      std::string text = "\"" + std::string(length, 'a') + "\"" + std::string(20, ' ');
      text[1 + at] = '\xFF';
      CAPTURE(text);
      const outcome o = run_exact(text);
      CHECK(o.error == json_error::invalid_utf8);
      CHECK(o.error_offset == 1 + at);
    }
}

namespace {

// The longest run from p that a string scan may skip: plain ASCII and whole, valid UTF-8 sequences.
const char* reference_plain_end(const char* p, const char* end) {
  while (p != end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) return p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    const utf8_judgement sequence = judge_utf8_sequence(std::string_view(p, static_cast<std::size_t>(end - p)), 0);
    if (sequence.length == 0) return p;
    p += sequence.length;
  }
  return end;
}

// Whether q is where a character starts, walking whole sequences from p (only called for q within the plain run).
bool starts_a_character(const char* p, const char* q) {
  while (p < q) {
    const auto c = static_cast<unsigned char>(*p);
    p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return p == q;
}

// Text that is mostly long runs of characters in several scripts, with now and then a byte the scan must stop at.
std::string scan_text(std::mt19937& rng) {
  static const std::vector<std::string> good = {
      "plain ascii words ", "x", "\xC3\xA9", "\xC3\xA9t\xC3\xA9 ", "\xE6\x97\xA5\xE6\x9C\xAC", "\xF0\x9F\x98\x80",
      "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF0\x90\x80\x80", "\xE0\xA0\x80",
      "\xD0\x9F\xD1\x80\xD0\xB8", "\xC2\x80", "\xDF\xBF", "\x7F"};
  static const std::vector<std::string> stop = {
      "\"", "\\", "\x01", "\x1F", "\xC3", "\xE6\x97", "\xF0\x9F\x98", "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF",
      "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8", "\xFF",
      "\xC3\xC3", "\xE6\x41\x41", "\xF0\x9F\x41\x41"};
  std::string text;
  const std::size_t pieces = rng() % 60;
  for (std::size_t k = 0; k < pieces; ++k) text += rng() % 24 == 0 ? stop[rng() % stop.size()] : good[rng() % good.size()];
  return text;
}

}  // namespace

TEST_CASE("every level of the string scan stops inside the run a byte-at-a-time reading may skip") {
  // The scan may stop early (the reader then reads on one character at a time), but never past a quote, backslash,
  // control character or broken UTF-8 sequence, and only where a character starts.
  std::mt19937 rng(2611);
  std::size_t long_runs = 0;
  for (int round = 0; round < 30000; ++round) {
    const std::string text = scan_text(rng);
    const exact_buffer buffer(text);  // the scans must not read a byte past the end
    const char* const begin = buffer.data.get();
    const char* const end = begin + buffer.size;
    for (std::size_t from : {std::size_t{0}, text.size() / 3}) {
      if (!starts_a_character(begin, begin + from) || reference_plain_end(begin, end) < begin + from) continue;
      const char* const p = begin + from;
      const char* const plain_end = reference_plain_end(p, end);
      CAPTURE(text);
      CAPTURE(from);
      const char* const special = json_impl::find_string_special(p, end);
      CHECK(special <= plain_end);
      CHECK(starts_a_character(p, special));
      CHECK((special == end || static_cast<unsigned char>(*special) >= 0x80 || special == plain_end));
      const char* const stop = json_impl::find_string_stop(p, end);
      CHECK(stop >= special);  // never stops before the first byte that is not plain ASCII
      CHECK(stop <= plain_end);
      CHECK(starts_a_character(p, stop));
      long_runs += plain_end - p >= 64;
    }
  }
  CHECK(long_runs > 10000);  // the generator gives the 32-byte scan room to run
}

TEST_CASE("with AVX2 the string scan reads through text in any script and stops only where the reader must look") {
#if defined(ATLAS_JSON_AVX2)
  if (!json_impl::cpu_has_avx2) {
    MESSAGE("this CPU has no AVX2: the SSE2 scan is the one in use, and is tested above");
    return;
  }
  // 2-, 3- and 4-byte characters at every alignment against the 32-byte blocks, then a stop (with padding after it:
  // the tail shorter than a block is the SSE2 scan's). A quote, backslash or control character is reached in one
  // call; at broken UTF-8 the scan stops at most one block early, where a character starts, and the reader walks on.
  const std::vector<std::string> characters = {"\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xED\x9F\xBF",
                                               "\xF4\x8F\xBF\xBF", "\xE0\xA0\x80", "\xC2\x80"};
  const std::vector<std::string> specials = {"\"", "\\", "\x1F", "\x01"};
  const std::vector<std::string> broken = {"\xC3\x41", "\xE6\x97\x41", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF", "\x80"};
  for (const std::string& character : characters)
    for (std::size_t ascii = 0; ascii < 33; ++ascii)
      for (const auto* stops : {&specials, &broken})
        for (const std::string& stop_text : *stops) {
          std::string text(ascii, 'a');
          while (text.size() < 100) text += character;
          const auto stop_at = static_cast<std::ptrdiff_t>(text.size());
          text += stop_text + std::string(40, ' ');
          const exact_buffer buffer(text);
          CAPTURE(character);
          CAPTURE(ascii);
          CAPTURE(stop_text);
          const char* const begin = buffer.data.get();
          const char* const stop = json_impl::find_string_stop(begin, begin + buffer.size);
          if (stops == &specials) {
            CHECK(stop - begin == stop_at);
          } else {
            CHECK(stop - begin <= stop_at);
            CHECK(stop - begin > stop_at - 32);
            CHECK(starts_a_character(begin, stop));
          }
        }
#else
  MESSAGE("built without the AVX2 scan (ATLAS_JSON_NO_AVX2, ATLAS_JSON_NO_SIMD or not x86-64 GCC/Clang)");
#endif
}

TEST_CASE("long strings with broken bytes at every place against the blocks are judged as a byte-at-a-time reading would") {
  // The string scan reads 32 bytes at a time where it can: a broken sequence straddling, starting or ending a block
  // must still be reported at its exact byte by the reader, as the reference reading does.
  const std::vector<std::string> broken = {"\xC3", "\xE6\x97", "\xF0\x9F\x98", "\x80", "\xC0\xAF", "\xE0\x9F\xBF",
                                           "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x01"};
  const std::vector<std::string> characters = {"a", "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80"};
  std::size_t errors = 0;
  for (const std::string& character : characters)
    for (const std::string& bad : broken)
      for (std::size_t before = 0; before < 70; ++before) {
        std::string text = "\"";
        for (std::size_t k = 0; k < before; ++k) text += character;
        text = text.substr(0, 1 + before);  // cut to a byte count, so sequences before the bad one may be cut too
        text += bad;
        for (std::size_t k = 0; k < 30; ++k) text += character;
        text += "\"  ";
        const auto expected = reference_string_outcome(text);
        const outcome o = run_exact(text);
        CAPTURE(text);
        CHECK(o.error == expected.first);  // none where a cut character and the bad bytes happen to make one
        if (expected.first != json_error::none) CHECK(o.error_offset == expected.second);
        errors += expected.first != json_error::none;
      }
  CHECK(errors > 3000);  // of 3080
}

TEST_CASE("a duplicate key is flagged even when written with an escape") {
  CHECK(duplicate_flags(R"({"a":1,"\u0061":2})") == std::vector<bool>{false, true});
  CHECK(duplicate_flags(R"({"\u00e9":1,"é":2,"\u00E9":3})") == std::vector<bool>{false, true, true});
  CHECK(duplicate_flags(R"({"\ud83d\ude00":1,"😀":2})") == std::vector<bool>{false, true});
  CHECK(duplicate_flags(R"({"a\/b":1,"a/b":2,"a\\b":3})") == std::vector<bool>{false, true, false});
  CHECK(duplicate_flags(R"({"":1,"":2," ":3})") == std::vector<bool>{false, true, false});
  CHECK(duplicate_flags(R"({"a":1,"A":2,"ab":3,"b":4})") == std::vector<bool>{false, false, false, false});
}

TEST_CASE("duplicate keys are tracked per object at any depth") {
  const std::string_view text = R"({"a":{"a":1,"b":{"a":2,"a":3},"a":4},"b":0,"a":5})";
  // keys in order: a, a, b, a, a(dup), a(dup in middle object), b, a(dup at root)
  CHECK(duplicate_flags(text) == std::vector<bool>{false, false, false, false, true, true, false, true});
}

TEST_CASE("objects inside an array are separate scopes for duplicate keys") {
  CHECK(duplicate_flags(R"([{"id":1,"x":2},{"id":3,"x":4},{"id":5,"id":6}])") ==
        std::vector<bool>{false, false, false, false, false, true});
  CHECK(duplicate_flags(R"({"k":[{"k":1}],"k":2})") == std::vector<bool>{false, false, true});
}

TEST_CASE("large objects use hashing and still find every duplicate") {
  // Crosses the switch from linear search to hashing and several table growths, with keys that need decoding.
  std::string text = "{";
  constexpr int keys = 300;
  for (int i = 0; i < keys; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  for (int i = 0; i < keys; i += 7) text += "\"\\u006b" + std::to_string(i) + "\":0,";  // \u006b is "k"
  text += "\"nested\":{\"k1\":1,\"k2\":2},\"k3\":3}";
  const std::vector<bool> flags = duplicate_flags(text);
  REQUIRE(flags.size() == keys + (keys + 6) / 7 + 4);
  for (int i = 0; i < keys; ++i) CHECK_FALSE(flags[static_cast<std::size_t>(i)]);
  for (std::size_t i = keys; i < keys + (keys + 6) / 7; ++i) CHECK(flags[i]);
  CHECK_FALSE(flags[flags.size() - 4]);  // "nested"
  CHECK_FALSE(flags[flags.size() - 3]);  // nested "k1": new scope
  CHECK_FALSE(flags[flags.size() - 2]);  // nested "k2"
  CHECK(flags[flags.size() - 1]);        // "k3" again at the outer level
}

TEST_CASE("an object with 200000 keys is checked for duplicates in linear time") {
  constexpr int keys = 200000;
  std::string text = "{";
  for (int i = 0; i < keys; ++i) text += "\"key" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text += "\"key123456\":0,\"key-1\":0}";
  json_reader reader(text);
  std::size_t key_count = 0;
  std::size_t duplicates = 0;
  json_token t;
  while ((t = reader.next()).kind != token_kind::end_of_input) {
    REQUIRE(t.kind != token_kind::error);
    if (t.kind == token_kind::key) {
      ++key_count;
      if (t.duplicate_key) {
        ++duplicates;
        CHECK(t.raw == "key123456");
      }
    }
  }
  CHECK(key_count == keys + 2);
  CHECK(duplicates == 1);

  // The same reader, reset, is used again on another large object (storage is reused).
  reader.reset(text);
  std::size_t again = 0;
  while ((t = reader.next()).kind != token_kind::end_of_input) again += t.duplicate_key ? 1 : 0;
  CHECK(again == 1);
}

TEST_CASE("truncating a valid document at every byte never crashes and ends in end_of_input or error") {
  const std::string_view doc =
      "{\"name\": \"caf\xC3\xA9 \\u00e9\\uD83D\\uDE00\\n\", \"list\": [0, -1, 2.5e-3, 1E+2, true, false, null, [], {}],"
      " \"nested\": {\"a\": {\"b\": [\"\xF0\x9F\x98\x80\", \"\xE6\x97\xA5\"]}}, \"big\": 123456789012345678901234567890,"
      " \"long\": \"abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\"}\n";
  REQUIRE(valid(doc));
  for (std::size_t cut = 0; cut <= doc.size(); ++cut) {
    CAPTURE(cut);
    const outcome o = run_exact(doc.substr(0, cut));
    const bool ok = o.last() == token_kind::end_of_input || o.last() == token_kind::error;
    CHECK(ok);
    if (o.last() == token_kind::error) {
      CHECK(o.error_offset <= cut);
      CHECK(o.error != json_error::none);
    }
    if (cut < doc.size() - 1 && o.last() == token_kind::error) {
      // A prefix of a valid document can only be invalid because it ends early, or (for numbers and literals cut
      // short but complete at the root) not at all.
      CHECK(o.error == json_error::unexpected_end);
      CHECK(o.error_offset == cut);
    }
  }
}

TEST_CASE("every single-byte change of a document is handled without crashing") {
  const std::string doc = "{\"a\\u0041\":[1.5e3,\"x\xC3\xA9y\",true,{\"b\":null}],\"c\":-0}";
  const char replacements[] = {'"', '\\', '{', '}', '[', ']', ',', ':', '0', 'e', '-', '\x80', '\xC3', '\0', ' '};
  std::size_t errors = 0;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    for (const char r : replacements) {
      std::string changed = doc;
      changed[i] = r;
      const outcome o = run_exact(changed);
      REQUIRE((o.last() == token_kind::end_of_input || o.last() == token_kind::error));
      if (o.last() == token_kind::error) {
        ++errors;
        CHECK(o.error_offset <= changed.size());
      }
    }
  }
  CHECK(errors > 0);
}

TEST_CASE("decode_json_string turns escapes and surrogate pairs into UTF-8") {
  CHECK(decoded("plain") == "plain");
  CHECK(decoded("") == "");
  CHECK(decoded(R"(\"\\\/\b\f\n\r\t)") == "\"\\/\b\f\n\r\t");
  CHECK(decoded(R"(\u0041\u00e9\u00E9\u20AC)") == "A\xC3\xA9\xC3\xA9\xE2\x82\xAC");
  CHECK(decoded(R"(\uD83D\uDE00)") == "\xF0\x9F\x98\x80");
  CHECK(decoded(R"(\ud834\udd1e)") == "\xF0\x9D\x84\x9E");
  CHECK(decoded(R"(\uDBFF\uDFFF)") == "\xF4\x8F\xBF\xBF");
  CHECK(decoded(R"(\u0000)") == std::string(1, '\0'));
  CHECK(decoded("a\xC3\xA9\\nb") == "a\xC3\xA9\nb");
  std::string out = "prefix:";
  decode_json_string(R"(x\ty)", out);
  CHECK(out == "prefix:x\ty");

  // Raw text the reader would reject still decodes safely: a malformed \u gives U+FFFD (three
  // bytes for two), a lone trailing backslash stays.
  CHECK(decoded(R"(\u)") == "\xEF\xBF\xBD");
  CHECK(decoded(R"(\u12)") == "\xEF\xBF\xBD" "12");
  CHECK(decoded(R"(\uD800x)") == "\xEF\xBF\xBD" "x");
  CHECK(decoded("a\\") == "a\\");
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "\\u";
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += "\xEF\xBF\xBD";
  CHECK(decoded(many) == expected);
}

// What read_to_end_unremarkable must say: the tokens hold no error, no duplicate key and no non-finite number.
bool unremarkable_by_tokens(std::string_view text, std::size_t max_depth) {
  const outcome o = run_exact(text, max_depth);
  for (const json_token& t : o.tokens)
    if (t.kind == token_kind::error || t.duplicate_key || (t.kind == token_kind::number && !t.finite)) return false;
  return true;
}

bool unremarkable_without_tokens(std::string_view text, std::size_t max_depth) {
  const exact_buffer buffer(text);
  json_reader reader(buffer.view(), max_depth);
  return reader.read_to_end_unremarkable();
}

TEST_CASE("reading to the end without tokens says unremarkable exactly when the tokens hold nothing to report") {
  const std::string_view doc =
      R"({"fields": ["company", {"a": 1, "b": [2, 3.5e2]}], "timeoutMs": 800, "x": null, "t": true})";
  const std::vector<std::string_view> replacements = {"\"", "\\", "1e999", "-1E400", "}", "]", ",", ":", "{\"a\":1,\"a\":2}",
                                                      "\"fields\"", "nul", "\x80", "\x01", "[[[[", " "};
  std::size_t remarkable = 0, unremarkable = 0;
  for (std::size_t at = 0; at <= doc.size(); ++at) {
    // Cut at every byte, and one byte replaced at every place by each of a few troublemakers.
    std::vector<std::string> texts = {std::string(doc.substr(0, at))};
    for (std::string_view r : replacements)
      if (at < doc.size()) texts.push_back(std::string(doc.substr(0, at)) + std::string(r) + std::string(doc.substr(at + 1)));
    for (const std::string& text : texts) {
      CAPTURE(text);
      for (std::size_t depth : {std::size_t{3}, std::size_t{512}}) {
        const bool expected = unremarkable_by_tokens(text, depth);
        CHECK(unremarkable_without_tokens(text, depth) == expected);
        (expected ? unremarkable : remarkable) += 1;
      }
    }
  }
  // Both answers came up many times (the replacements keep the text JSON at some places).
  CHECK(remarkable > 1000);
  CHECK(unremarkable > 100);
}

// Decoding by the book, one byte at a time, for the test below.
std::string decoded_by_reference(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      out += raw[i++];
      continue;
    }
    if (raw[i + 1] != 'u') {
      const char c = raw[i + 1];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'b' ? '\b' : c == 'f' ? '\f' : c;
      i += 2;
      continue;
    }
    const auto cp = std::stoul(std::string(raw.substr(i + 2, 4)), nullptr, 16);  // only \u00XX below
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
    i += 6;
  }
  return out;
}

TEST_CASE("decoding gives the same text wherever escapes fall against the 16 bytes copied at a time") {
  // Runs of every length from 0 to 40 between escapes, so that each escape lands at every place in a block and near
  // the end of the text, where the copy goes byte by byte.
  const std::string plain = "The quick brown fox jumps over the lazy dog, caf\xC3\xA9!";
  for (std::string_view escape : {"\\\"", "\\n", "\\\\", "\\u00e9"}) {
    for (std::size_t run = 0; run <= 40; ++run) {
      std::string raw;
      for (int piece = 0; piece < 4; ++piece) {
        raw += plain.substr(0, run);
        raw += escape;
      }
      raw += plain.substr(0, run);
      CAPTURE(raw);
      CHECK(decoded(raw) == decoded_by_reference(raw));
      std::string appended = "kept";
      decode_json_string(raw, appended);
      CHECK(appended == "kept" + decoded_by_reference(raw));
    }
  }
}

TEST_CASE("raw_offset_of_decoded maps decoded bytes back to the escapes they come from") {
  // raw: a \n b \u00e9 c \uD83D\uDE00 d
  const std::string_view raw = R"(a\nb\u00e9c\uD83D\uDE00d)";
  const std::string dec = decoded(raw);
  REQUIRE(dec == "a\nb\xC3\xA9" "c\xF0\x9F\x98\x80" "d");
  const std::vector<std::size_t> want = {0, 1, 3, 4, 4, 10, 11, 11, 11, 11, 23};
  REQUIRE(dec.size() == want.size());
  for (std::size_t i = 0; i < dec.size(); ++i) {
    CAPTURE(i);
    CHECK(raw_offset_of_decoded(raw, i) == want[i]);
  }
  CHECK(raw_offset_of_decoded(raw, dec.size()) == raw.size());
  CHECK(raw_offset_of_decoded(raw, dec.size() + 5) == raw.size());
  CHECK(raw_offset_of_decoded("", 0) == 0);
  CHECK(raw_offset_of_decoded("caf\xC3\xA9", 4) == 4);  // raw non-ASCII maps byte for byte
  CHECK(raw_offset_of_decoded(R"(\\\")", 1) == 2);
}

TEST_CASE("skip_value consumes exactly one whole value") {
  json_reader reader(R"({"skip":{"x":[1,{"y":[]}],"z":"s"},"keep":[10,[20,21],{"a":1},30],"last":true})");
  CHECK(reader.next().kind == token_kind::object_begin);
  CHECK(reader.next().raw == "skip");
  CHECK(reader.skip_value());
  CHECK(reader.depth() == 1);
  const json_token keep = reader.next();
  CHECK(keep.kind == token_kind::key);
  CHECK(keep.raw == "keep");
  CHECK(reader.next().kind == token_kind::array_begin);
  CHECK(reader.skip_value());  // 10
  CHECK(reader.skip_value());  // [20,21]
  const json_token obj = reader.next();
  CHECK(obj.kind == token_kind::object_begin);
  CHECK(reader.skip_value());  // skips the member "a":1
  CHECK(reader.next().kind == token_kind::object_end);
  CHECK(reader.skip_value());        // 30
  CHECK_FALSE(reader.skip_value());  // the array ends: nothing consumed, no error
  CHECK(reader.error() == json_error::none);
  CHECK(reader.next().kind == token_kind::array_end);
  CHECK(reader.next().raw == "last");
  CHECK(reader.skip_value());
  CHECK(reader.next().kind == token_kind::object_end);
  CHECK_FALSE(reader.skip_value());
  CHECK(reader.next().kind == token_kind::end_of_input);

  json_reader root("[1,[2,3]] ");
  CHECK(root.skip_value());
  CHECK(root.next().kind == token_kind::end_of_input);

  json_reader broken(R"({"a":[1,2,}])");
  broken.next();
  broken.next();
  CHECK_FALSE(broken.skip_value());
  CHECK(broken.error() == json_error::unexpected_character);
  CHECK(broken.error_offset() == 10);

  json_reader empty("[]");
  empty.next();
  CHECK_FALSE(empty.skip_value());
  CHECK(empty.next().kind == token_kind::array_end);
}

TEST_CASE("int64 boundaries are exact") {
  const json_token max = single_number("9223372036854775807");
  CHECK(max.integer_literal);
  CHECK(max.fits_int64);
  CHECK(max.int_value == std::numeric_limits<std::int64_t>::max());

  const json_token min = single_number("-9223372036854775808");
  CHECK(min.fits_int64);
  CHECK(min.int_value == std::numeric_limits<std::int64_t>::min());

  const json_token over = single_number("9223372036854775808");
  CHECK(over.integer_literal);
  CHECK_FALSE(over.fits_int64);

  CHECK_FALSE(single_number("-9223372036854775809").fits_int64);
  CHECK_FALSE(single_number("18446744073709551615").fits_int64);
  CHECK_FALSE(single_number("18446744073709551616").fits_int64);
  CHECK_FALSE(single_number("99999999999999999999").fits_int64);
  CHECK_FALSE(single_number("-123456789012345678901234567890").fits_int64);

  const json_token zero = single_number("-0");
  CHECK(zero.fits_int64);
  CHECK(zero.int_value == 0);
  CHECK(single_number("1000000000000000000").int_value == 1000000000000000000);
  CHECK(single_number("-42").int_value == -42);

  const json_token real = single_number("1.0");
  CHECK_FALSE(real.integer_literal);
  CHECK_FALSE(real.fits_int64);
  CHECK_FALSE(single_number("1e2").integer_literal);
  CHECK_FALSE(single_number("1E2").fits_int64);
}

TEST_CASE("the finite flag tells whether a number overflows a double") {
  for (const std::string_view big : {"1e400", "-1e400", "1.5e309", "1e309", "10e308", "0.1e310", "1.8e308",
                                     "-1.8e308", "1.7976931348623159e308", "1e999999999999999999999999",
                                     "0.000000000000001e324"}) {
    CAPTURE(big);
    CHECK_FALSE(single_number(big).finite);
  }
  for (const std::string_view ok :
       {"0", "-0", "1", "1e308", "-1e308", "123e306", "1.7976931348623157e308", "-1.7976931348623157e308",
        "1.7976931348623158e308", "1e-400", "-1e-400", "0e400", "0.0e99999", "0.01e310", "0.1e309",
        "9999999999999999999999999999999", "1e-999999999999999999999999"}) {
    CAPTURE(ok);
    CHECK(single_number(ok).finite);
  }
  std::string long_int(400, '9');
  CHECK_FALSE(single_number(long_int).finite);
  std::string tiny = "0." + std::string(400, '0') + "1e400";  // = 1e-1
  CHECK(single_number(tiny).finite);
}

TEST_CASE("number grammar follows RFC 8259 exactly") {
  for (const std::string_view ok : {"0", "-0", "0.0", "-0.0", "0e0", "0E+0", "0e-0", "1", "10", "-10", "123.456",
                                    "1e10", "1E10", "1e+10", "1e-10", "1.5e3", "[1,2]", "[-1]", "{\"a\":0}"}) {
    CAPTURE(ok);
    CHECK(valid(ok));
  }
  for (const std::string_view bad : {"00", "-00", "01.5", "+0", "-", "--1", ".1", "1.", "1.e1", "1e", "1e+", "1e+-1",
                                     "0x10", "1_000", "1,000", "- 1", "1 .5", "Infinity", "NaN", "1e1.5"}) {
    CAPTURE(bad);
    CHECK_FALSE(valid(bad));
  }
}

TEST_CASE("a reused reader gives the same results after reset") {
  json_reader reader;
  const std::vector<std::string> docs = {R"({"a":1,"a":2})", "[1,2", R"([{"x":1},{"x":2}])", "\"\\u0041\"", "{}"};
  for (int round = 0; round < 3; ++round) {
    for (const std::string& doc : docs) {
      CAPTURE(doc);
      reader.reset(doc);
      const outcome fresh = run(doc);
      std::size_t i = 0;
      for (;; ++i) {
        const json_token t = reader.next();
        REQUIRE(i < fresh.tokens.size());
        CHECK(t.kind == fresh.tokens[i].kind);
        CHECK(t.offset == fresh.tokens[i].offset);
        CHECK(t.duplicate_key == fresh.tokens[i].duplicate_key);
        if (t.kind == token_kind::end_of_input || t.kind == token_kind::error) break;
      }
      CHECK(i + 1 == fresh.tokens.size());
      CHECK(reader.error() == fresh.error);
    }
  }
}

TEST_CASE("JSONTestSuite: n_ files are rejected, y_ files accepted, i_ files terminate") {
#ifdef ATLAS_TESTDATA_DIR
  const std::filesystem::path root = ATLAS_TESTDATA_DIR;
#else
  const std::filesystem::path root = "../shared/testdata";
#endif
  const std::filesystem::path dir = root / "JSONTestSuite" / "test_parsing";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    FAIL("JSONTestSuite directory not found: " << dir.string() << " (current directory "
                                               << std::filesystem::current_path(ec).string()
                                               << "); define ATLAS_TESTDATA_DIR or run from the repository root");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  std::size_t yes = 0;
  std::size_t no = 0;
  std::size_t implementation = 0;
  std::size_t implementation_accepted = 0;
  json_reader reader;
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    const std::string content = read_file(path);
    CAPTURE(name);
    const outcome o = run_exact(content);
    const bool accepted = o.last() == token_kind::end_of_input && o.error == json_error::none;
    const bool terminated = o.last() == token_kind::end_of_input || o.last() == token_kind::error;
    CHECK(terminated);
    if (o.last() == token_kind::error) CHECK(o.error_offset <= content.size());
    if (name.rfind("y_", 0) == 0) {
      ++yes;
      CHECK_MESSAGE(accepted, name << " rejected: " << describe(o.error) << " at byte " << o.error_offset);
    } else if (name.rfind("n_", 0) == 0) {
      ++no;
      CHECK_MESSAGE(o.last() == token_kind::error, name << " accepted");
    } else if (name.rfind("i_", 0) == 0) {
      ++implementation;
      implementation_accepted += accepted ? 1 : 0;
    }
    // A reused reader gives the same verdict.
    reader.reset(content);
    json_token t;
    while ((t = reader.next()).kind != token_kind::end_of_input && t.kind != token_kind::error) {
    }
    CHECK(t.kind == o.last());
    CHECK(reader.error() == o.error);
  }
  MESSAGE("JSONTestSuite: " << yes << " y_ accepted-expected, " << no << " n_ rejected-expected, " << implementation
                            << " i_ (" << implementation_accepted << " accepted)");
  CHECK(yes >= 90);
  CHECK(no >= 180);
}

TEST_CASE("surrogate escapes at the edges of their ranges pair or stand alone as RFC 8259 says") {
  // High surrogates are D800-DBFF, low ones DC00-DFFF: every high one pairs with every low one.
  for (const std::string_view pair : {R"("\uD800\uDC00")", R"("\uD800\uDFFF")", R"("\uDBFF\uDC00")", R"("\uDBFF\uDFFF")"}) {
    CAPTURE(pair);
    CHECK(valid(pair));
  }
  // A low surrogate alone is lone_surrogate at its backslash, at either end of its range.
  for (const std::string_view lone : {R"(["\uDC00"])", R"(["\uDFFF"])"}) {
    CAPTURE(lone);
    const outcome o = run_exact(lone);
    CHECK(o.error == json_error::lone_surrogate);
    CHECK(o.error_offset == 2);
  }
  // A high one followed by an escape just outside the low range does not pair: lone_surrogate at the high one.
  for (const std::string_view unpaired : {R"(["\uD800\uDBFF"])", R"(["\uD800\uE000"])"}) {
    CAPTURE(unpaired);
    const outcome o = run_exact(unpaired);
    CHECK(o.error == json_error::lone_surrogate);
    CHECK(o.error_offset == 2);
  }
}

TEST_CASE("decode_json_string writes the shortest UTF-8 at the boundaries of one, two, three and four bytes") {
  // RFC 3629: U+0000-007F one byte, U+0080-07FF two, U+0800-FFFF three, U+10000 and above four.
  CHECK(decoded(R"(\u007F)") == "\x7F");
  CHECK(decoded(R"(\u0080)") == "\xC2\x80");
  CHECK(decoded(R"(\u07FF)") == "\xDF\xBF");
  CHECK(decoded(R"(\u0800)") == "\xE0\xA0\x80");
  CHECK(decoded(R"(\uFFFF)") == "\xEF\xBF\xBF");
  CHECK(decoded(R"(\uD800\uDC00)") == "\xF0\x90\x80\x80");  // U+10000, the first pair
  CHECK(decoded(R"(\uDBFF\uDC00)") == "\xF4\x8F\xB0\x80");  // U+10FC00
}

TEST_CASE("raw_offset_of_decoded counts the bytes an escape decodes to at the boundaries of UTF-8 lengths") {
  // raw: \u07FF (two bytes decoded) x \u0800 (three) y \uD800\uDC00 (four) z
  const std::string_view raw = R"(\u07FFx\u0800y\uD800\uDC00z)";
  const std::string dec = decoded(raw);
  REQUIRE(dec == "\xDF\xBF" "x" "\xE0\xA0\x80" "y" "\xF0\x90\x80\x80" "z");
  const std::vector<std::size_t> want = {0, 0, 6, 7, 7, 7, 13, 14, 14, 14, 14, 26};
  REQUIRE(dec.size() == want.size());
  for (std::size_t i = 0; i < dec.size(); ++i) {
    CAPTURE(i);
    CHECK(raw_offset_of_decoded(raw, i) == want[i]);
  }
}

TEST_CASE("repeated_key names a key repeated with an escape as it reads decoded") {
  // What the message of an options file or typed payload says: the key as the person wrote it the first time.
  CHECK(atlas::detail::repeated_key(R"({"a": 1, "\u0061": 2})") == "a");
  CHECK(atlas::detail::repeated_key(R"({"x": {"caf\u00e9": 1, "caf\u00E9": 2}})") == "caf\xC3\xA9");
  CHECK(atlas::detail::repeated_key(R"({"a": 1, "b": 2})").empty());
}
