// The skim (detail/json_skim.hpp): it may leave any content to the reader, but it must never vouch for content in
// which the reader finds an error, a duplicate key or a number too large for a double.
#include <atlas/detail/json_skim.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

using atlas::detail::json_reader;
using atlas::detail::skim_json;
using atlas::detail::skim_result;

namespace {

// A heap copy of exactly the text's bytes, so that AddressSanitizer catches a read past the end.
bool skims_unremarkable(std::string_view text, std::size_t max_depth) {
  const std::unique_ptr<char[]> copy(new char[text.size()]);
  std::copy(text.begin(), text.end(), copy.get());
  return skim_json({copy.get(), text.size()}, max_depth) == skim_result::unremarkable;
}

// The reader's exact answer (tests/json_reader.cpp holds it to the tokens).
bool reader_unremarkable(std::string_view text, std::size_t max_depth) {
  json_reader reader(text, max_depth);
  return reader.read_to_end_unremarkable();
}

// Counts how often the skim vouched, and fails on any text it vouches for that the reader would report.
struct skim_tally {
  std::size_t vouched = 0, left = 0, remarkable = 0;
  void check(std::string_view text, std::size_t max_depth) {
    CAPTURE(text);
    CAPTURE(max_depth);
    const bool exact = reader_unremarkable(text, max_depth);
    const bool skimmed = skims_unremarkable(text, max_depth);
    if (skimmed) CHECK(exact);
    remarkable += exact ? 0 : 1;
    (skimmed ? vouched : left) += 1;
  }
};

std::string nested(std::size_t depth, std::string_view inner) {
  return std::string(depth, '[') + std::string(inner) + std::string(depth, ']');
}

std::string object_with_keys(std::size_t count, bool repeat_first_at_end) {
  std::string text = "{";
  for (std::size_t k = 0; k < count; ++k) text += (k ? ",\"k" : "\"k") + std::to_string(k) + "\":" + std::to_string(k);
  if (repeat_first_at_end) text += ",\"k0\":true";
  return text + "}";
}

}  // namespace

TEST_CASE("the skim vouches for ordinary settings and message lists") {
  for (std::string_view text : {
           R"({"fields": ["company"], "timeoutMs": 800})",
           R"({"maxAttempts":3,"intervalMinutes":[15,60,240],"onBusy":true})",
           R"(["Are you still there?","I'll wait a moment."])",
           R"(["¿Sigue ahí?", "Un momento, por favor 🙂", "He said \"wait\"\n"])",
           R"({"a": {"b": {"c": [null, false, -0.5, 1.25e2, 0, -12]}}, "d": {}, "e": []})",
           " \t\r\n{ \"x\" : [ ] , \"y\" : { } } \n",
           R"("just a string")", "42", "true", "[]", "{}",
       }) {
    CAPTURE(text);
    CHECK(skims_unremarkable(text, 512));
    CHECK(reader_unremarkable(text, 512));
  }
}

TEST_CASE("the skim never vouches for what the reader would report, cut or changed at any byte") {
  const std::string_view doc = R"({"fields": ["company", {"a": 1, "b": [2, 3.5e2]}], "timeoutMs": 800, "x": null, "t": true})";
  const std::vector<std::string_view> replacements = {"\"",  "\\",   "1e999", "-1E400", "}",    "]",   ",",    ":",
                                                      "{\"a\":1,\"a\":2}", "\"fields\"", "nul", "\x80", "\x01", "[[[[",
                                                      " ",   "\\u0041", "\\q", "01",  "1.", "-", "+1", "\xED\xA0\x80",
                                                      "\xEF\xBB\xBF", "truex", "\"\\u0061\":0,\"a\""};
  skim_tally tally;
  for (std::size_t at = 0; at <= doc.size(); ++at) {
    std::vector<std::string> texts = {std::string(doc.substr(0, at))};
    for (std::string_view r : replacements)
      if (at < doc.size()) texts.push_back(std::string(doc.substr(0, at)) + std::string(r) + std::string(doc.substr(at + 1)));
    for (const std::string& text : texts)
      for (std::size_t depth : {std::size_t{3}, std::size_t{512}}) tally.check(text, depth);
  }
  CHECK(tally.remarkable > 1000);  // the changes made many texts that the reader reports
  CHECK(tally.vouched > 100);      // and left many that the skim still vouched for
}

TEST_CASE("the skim leaves duplicates, deep nesting, many keys and huge numbers to the reader") {
  skim_tally tally;
  // Duplicate keys, also spelled with escapes, also at depth: the reader reports them all.
  for (std::string_view text : {R"({"a":1,"a":2})", R"({"a":1,"\u0061":2})", R"({"a\n":1,"a\u000a":2})",
                                R"({"x":{"a":1,"b":{"a":3},"a":2}})", R"([{"a":1},{"a":1,"a":1}])"}) {
    tally.check(text, 512);
    CHECK_FALSE(skims_unremarkable(text, 512));
  }
  // The same key in sibling or nested objects is no duplicate.
  CHECK(skims_unremarkable(R"([{"a":1},{"a":1}])", 512));
  CHECK(skims_unremarkable(R"({"a":{"a":{"a":1}},"b":{"a":2}})", 512));
  CHECK(skims_unremarkable(R"({"x":{"a":1},"a":2})", 512));  // an inner object's keys end with it
  // Up to the reader's max_depth and past the skim's own bound.
  for (std::size_t depth = 1; depth <= 40; ++depth)
    for (std::size_t max_depth : {depth - 1, depth, std::size_t{512}}) tally.check(nested(depth, "1"), max_depth);
  CHECK(skims_unremarkable(nested(32, "1"), 32));
  CHECK_FALSE(skims_unremarkable(nested(32, "1"), 31));
  // Many keys, with and without the first repeated at the end.
  for (std::size_t count : {1, 8, 9, 63, 64, 65, 200})
    for (bool repeat : {false, true}) tally.check(object_with_keys(count, repeat), 512);
  CHECK_FALSE(skims_unremarkable(object_with_keys(64, true), 512));
  // Numbers around the largest double and far below the smallest.
  for (std::string_view number : {"1e299", "1e300", "9e307", "1.7976931348623157e308", "1.8e308", "1e309", "-1e400",
                                  "123456789012345678901234567890e280", "0.5e308", "1e-400", "0.0000e999", "1E+2",
                                  "1e0001", "-0", "0e0"}) {
    tally.check(number, 512);
    tally.check("[" + std::string(number) + "]", 512);
  }
  CHECK_FALSE(skims_unremarkable("1e309", 512));
  CHECK_FALSE(skims_unremarkable("[-1e400]", 512));
  CHECK(skims_unremarkable("[1e298, -2.5E-400, 1E+2]", 512));
}

TEST_CASE("the skim never vouches for a JSONTestSuite file the reader would report") {
  const std::filesystem::path dir = std::filesystem::path(ATLAS_TESTDATA_DIR) / "JSONTestSuite" / "test_parsing";
  REQUIRE(std::filesystem::is_directory(dir));
  skim_tally tally;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().filename().string());
    tally.check(text, 512);
  }
  CHECK(tally.remarkable > 150);  // every n_ file at least
  CHECK(tally.vouched > 50);
}
