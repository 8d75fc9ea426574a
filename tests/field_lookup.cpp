#include <atlas/detail/checker.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace {

using atlas::detail::same_name;

// Every wire name, as a key in a buffer of its own (the comparison must not depend on where a key lives).
template <class Lookup, std::size_t N>
void check_every_name_and_every_one_byte_change(const Lookup& lookup, const atlas::field_info (&fields)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    const std::string key(fields[i].name);
    CAPTURE(key);
    CHECK(lookup(key) == i);
    // The same name with any one byte changed, one byte longer or one shorter is no field.
    for (std::size_t at = 0; at < key.size(); ++at) {
      std::string changed = key;
      changed[at] = static_cast<char>(changed[at] ^ 0x20);
      CAPTURE(at);
      CHECK(lookup(changed) != i);
    }
    CHECK(lookup(key + "x") != i);
    CHECK(lookup(key.substr(0, key.size() - 1)) != i);
  }
}

}  // namespace

TEST_CASE("field lookup finds every request and response field by its wire name, and nothing a byte away") {
  check_every_name_and_every_one_byte_change(atlas::detail::request_lookup, atlas::request_fields);
  check_every_name_and_every_one_byte_change(atlas::detail::response_lookup, atlas::response_fields);
  CHECK(atlas::detail::request_lookup("") == std::size(atlas::request_fields));
}

TEST_CASE("names compare equal exactly when every byte is equal, at every length and every position") {
  // Lengths on both sides of the 4- and 8-byte loads, a difference at each byte.
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    const std::string a = base.substr(0, n);
    const std::string b = a;  // another buffer
    CAPTURE(n);
    CHECK(same_name(a, b));
    for (std::size_t at = 0; at < n; ++at) {
      std::string c = a;
      c[at] = '#';
      CAPTURE(at);
      CHECK_FALSE(same_name(a, c));
      CHECK_FALSE(same_name(c, a));
    }
    CHECK_FALSE(same_name(a, a + "!"));
  }
  // In constant evaluation too (the lookup table is built at compile time).
  static_assert(same_name("CallType", "CallType") && !same_name("CallType", "CallTypf"));
}
