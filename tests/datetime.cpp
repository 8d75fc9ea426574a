#include <atlas/datetime.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using atlas::check_date_time;
using atlas::date_time_check;
using atlas::date_time_status;
using namespace std::string_view_literals;

static_assert(check_date_time("2025-01-31T10:00:00Z").status == date_time_status::valid);
static_assert(check_date_time("2025-02-30T10:00:00Z").status == date_time_status::invalid);
static_assert(check_date_time("2025-02-30T10:00:00Z").offset == 8);
static_assert(!check_date_time("").ok());

namespace {

bool is_valid(std::string_view text) {
  const date_time_check r = check_date_time(text);
  return r.status == date_time_status::valid && r.ok() && r.offset == 0 && r.message.empty();
}

// An error that is `invalid`, at `offset`, with a non-empty message.
void require_invalid_at(std::string_view text, std::size_t offset) {
  CAPTURE(text);
  const date_time_check r = check_date_time(text);
  CHECK(r.status == date_time_status::invalid);
  CHECK_FALSE(r.ok());
  CHECK(r.offset == offset);
  CHECK_FALSE(r.message.empty());
}

}  // namespace

TEST_CASE("a plain UTC date-time is valid") {
  CHECK(is_valid("2025-01-31T10:00:00Z"));
  CHECK(is_valid("0000-01-01T00:00:00Z"));
  CHECK(is_valid("9999-12-31T23:59:59Z"));
}

TEST_CASE("lowercase t and z are accepted") {
  CHECK(is_valid("2025-01-31t10:00:00z"));
  CHECK(is_valid("2025-01-31t10:00:00Z"));
  CHECK(is_valid("2025-01-31T10:00:00z"));
}

TEST_CASE("numeric offsets are accepted, including -00:00 and the extremes") {
  CHECK(is_valid("2025-01-31T10:00:00+05:30"));
  CHECK(is_valid("2025-01-31T10:00:00-00:00"));
  CHECK(is_valid("2025-01-31T10:00:00+00:00"));
  CHECK(is_valid("2025-01-31T10:00:00+23:59"));
  CHECK(is_valid("2025-01-31T10:00:00-23:59"));
}

TEST_CASE("a fraction of a second may have any number of digits") {
  CHECK(is_valid("2025-01-31T10:00:00.5Z"));
  CHECK(is_valid("2025-01-31T10:00:00.12345678901234567890Z"));
  CHECK(is_valid("2025-01-31T10:00:00.000+05:30"));
}

TEST_CASE("second 60 is accepted as a leap second but 61 is not") {
  CHECK(is_valid("2016-12-31T23:59:60Z"));
  CHECK(is_valid("2016-12-31T23:59:60.5Z"));
  require_invalid_at("2016-12-31T23:59:61Z", 17);
  require_invalid_at("2016-12-31T23:59:99Z", 17);
}

TEST_CASE("29 February exists only in leap years") {
  CHECK(is_valid("2024-02-29T12:00:00Z"));
  CHECK(is_valid("2000-02-29T12:00:00Z"));
  CHECK(is_valid("1600-02-29T12:00:00Z"));
  CHECK(is_valid("0000-02-29T12:00:00Z"));
  require_invalid_at("2023-02-29T12:00:00Z", 8);
  require_invalid_at("1900-02-29T12:00:00Z", 8);
  require_invalid_at("2100-02-29T12:00:00Z", 8);
  CHECK(check_date_time("2023-02-29T12:00:00Z").message.find("leap year") != std::string_view::npos);
}

TEST_CASE("29 February exists in leap years that are not multiples of 8") {
  for (const char* year : {"1996", "2004", "2020", "2028"}) {
    CHECK(is_valid(std::string(year) + "-02-29T12:00:00Z"));
  }
}

TEST_CASE("30 and 31 February never exist") {
  CHECK(is_valid("2025-02-28T00:00:00Z"));
  require_invalid_at("2024-02-30T00:00:00Z", 8);
  require_invalid_at("2025-02-30T00:00:00Z", 8);
  require_invalid_at("2025-02-31T00:00:00Z", 8);
  CHECK(check_date_time("2025-02-30T00:00:00Z").message == "day 30 does not exist in February"sv);
}

TEST_CASE("day 31 exists only in months that have 31 days") {
  for (const char* month : {"01", "03", "05", "07", "08", "10", "12"}) {
    CHECK(is_valid(std::string("2025-") + month + "-31T00:00:00Z"));
  }
  for (const char* month : {"04", "06", "09", "11"}) {
    CHECK(is_valid(std::string("2025-") + month + "-30T00:00:00Z"));
    require_invalid_at(std::string("2025-") + month + "-31T00:00:00Z", 8);
  }
  CHECK(check_date_time("2025-04-31T00:00:00Z").message == "day 31 does not exist in April"sv);
}

TEST_CASE("the month must be 01 to 12") {
  CHECK(is_valid("2025-01-01T00:00:00Z"));
  CHECK(is_valid("2025-12-01T00:00:00Z"));
  require_invalid_at("2025-00-01T00:00:00Z", 5);
  require_invalid_at("2025-13-01T00:00:00Z", 5);
  CHECK(check_date_time("2025-13-01T00:00:00Z").message == "month must be 01 to 12"sv);
}

TEST_CASE("the day must be 01 to 31") {
  CHECK(is_valid("2025-01-01T00:00:00Z"));
  require_invalid_at("2025-01-00T00:00:00Z", 8);
  require_invalid_at("2025-01-32T00:00:00Z", 8);
}

TEST_CASE("the hour must be 00 to 23") {
  CHECK(is_valid("2025-01-31T00:00:00Z"));
  CHECK(is_valid("2025-01-31T23:00:00Z"));
  require_invalid_at("2025-01-31T24:00:00Z", 11);
}

TEST_CASE("the minute must be 00 to 59") {
  CHECK(is_valid("2025-01-31T10:59:00Z"));
  require_invalid_at("2025-01-31T10:60:00Z", 14);
}

TEST_CASE("the offset hour must be 00 to 23 and the offset minute 00 to 59") {
  CHECK(is_valid("2025-01-31T10:00:00+23:00"));
  CHECK(is_valid("2025-01-31T10:00:00+05:59"));
  require_invalid_at("2025-01-31T10:00:00+24:00", 20);
  require_invalid_at("2025-01-31T10:00:00-24:00", 20);
  require_invalid_at("2025-01-31T10:00:00+05:60", 23);
  CHECK(check_date_time("2025-01-31T10:00:00+24:00").message == "the offset hour must be 00 to 23"sv);
}

TEST_CASE("a numeric offset needs a colon and exactly two digits on each side") {
  require_invalid_at("2025-01-31T10:00:00+0530", 22);
  require_invalid_at("2025-01-31T10:00:00+05", 22);
  require_invalid_at("2025-01-31T10:00:00+05:", 23);
  require_invalid_at("2025-01-31T10:00:00+05:3", 24);
  require_invalid_at("2025-01-31T10:00:00+5:30", 21);
  require_invalid_at("2025-01-31T10:00:00+", 20);
}

TEST_CASE("nothing may follow the offset") {
  require_invalid_at("2025-01-31T10:00:00Z ", 20);
  require_invalid_at("2025-01-31T10:00:00ZZ", 20);
  require_invalid_at("2025-01-31T10:00:00+05:30Z", 25);
  require_invalid_at("2025-01-31T10:00:00+05:300", 25);
  CHECK(check_date_time("2025-01-31T10:00:00Z ").message == "unexpected text after the offset"sv);
}

TEST_CASE("an offset that is neither Z nor a signed hh:mm is an error") {
  require_invalid_at("2025-01-31T10:00:00 Z", 19);
  require_invalid_at("2025-01-31T10:00:00UTC", 19);
  require_invalid_at("2025-01-31T10:00:00.5X", 21);
}

TEST_CASE("every date and time field needs exactly its number of digits") {
  require_invalid_at("2025-1-31T10:00:00Z", 6);
  require_invalid_at("2025-01-1T10:00:00Z", 9);
  require_invalid_at("25-01-31T10:00:00Z", 2);
  require_invalid_at("20250-01-31T10:00:00Z", 4);
  require_invalid_at("2025-01-31T1:00:00Z", 12);
  require_invalid_at("2025-01-31T10:0:00Z", 15);
  require_invalid_at("2025-01-31T10:00:0Z", 18);
  require_invalid_at("2025-01-31T10:00:000Z", 19);
}

TEST_CASE("the date and time separators must be '-' and ':'") {
  require_invalid_at("2025/01/31T10:00:00Z", 4);
  require_invalid_at("2025-01/31T10:00:00Z", 7);
  require_invalid_at("2025-01-31T10.00:00Z", 13);
  require_invalid_at("20250131T100000Z", 4);
}

TEST_CASE("seconds are required") {
  require_invalid_at("2025-01-31T10:00Z", 16);
  require_invalid_at("2025-01-31T10:00", 16);
  require_invalid_at("2025-01-31T10", 13);
  require_invalid_at("2025-01-31T", 11);
}

TEST_CASE("a dot with no digits after it is an error") {
  require_invalid_at("2025-01-31T10:00:00.Z", 20);
  require_invalid_at("2025-01-31T10:00:00.", 20);
  require_invalid_at("2025-01-31T10:00:00..5Z", 20);
}

TEST_CASE("a comma as the decimal sign is an error") {
  require_invalid_at("2025-01-31T10:00:00,5Z", 19);
}

TEST_CASE("a comma as the decimal sign is named as such in the message") {
  const date_time_check r = check_date_time("2025-01-31T10:00:00,5Z");
  CHECK(r.message.find("','") != std::string_view::npos);
}

TEST_CASE("a missing offset is a warning, not an error") {
  for (std::string_view text : {"2025-01-31T10:00:00"sv, "2025-01-31t10:00:00.123"sv}) {
    CAPTURE(text);
    const date_time_check r = check_date_time(text);
    CHECK(r.status == date_time_status::missing_offset);
    CHECK(r.ok());
    CHECK(r.offset == text.size());
    CHECK_FALSE(r.message.empty());
  }
}

TEST_CASE("a missing offset does not excuse an invalid date or time") {
  require_invalid_at("2025-02-30T10:00:00", 8);
  require_invalid_at("2025-01-31T24:00:00", 11);
}

TEST_CASE("a date alone is an error of its own kind") {
  const date_time_check r = check_date_time("2025-01-31");
  CHECK(r.status == date_time_status::date_only);
  CHECK_FALSE(r.ok());
  CHECK(r.offset == 10);
  CHECK_FALSE(r.message.empty());
  // An impossible date alone is reported as the impossible date.
  require_invalid_at("2025-02-30", 8);
}

TEST_CASE("a space instead of T is an error of its own kind") {
  for (std::string_view text : {"2025-01-31 10:00:00Z"sv, "2025-01-31 10:00:00"sv, "2025-01-31 "sv}) {
    CAPTURE(text);
    const date_time_check r = check_date_time(text);
    CHECK(r.status == date_time_status::space_separator);
    CHECK_FALSE(r.ok());
    CHECK(r.offset == 10);
    CHECK_FALSE(r.message.empty());
  }
}

TEST_CASE("any other separator between date and time is an error") {
  require_invalid_at("2025-01-31_10:00:00Z", 10);
  require_invalid_at("2025-01-31x10:00:00Z", 10);
  CHECK(check_date_time("2025-01-31_10:00:00Z").message ==
        "expected 'T' between the date and the time"sv);
}

TEST_CASE("empty input and garbage are errors") {
  require_invalid_at("", 0);
  require_invalid_at("garbage", 0);
  require_invalid_at("2025", 4);
  require_invalid_at("2025-", 5);
  require_invalid_at("-2025-01-31T10:00:00Z", 0);
  require_invalid_at("+2025-01-31T10:00:00Z", 0);
  require_invalid_at(" 2025-01-31T10:00:00Z", 0);
}

TEST_CASE("embedded NUL bytes are errors at the NUL") {
  const std::string_view nul_in_month("2025-0\0-31T10:00:00Z", 20);
  require_invalid_at(nul_in_month, 6);
  const std::string_view nul_after("2025-01-31T10:00:00Z\0", 21);
  require_invalid_at(nul_after, 20);
  const std::string_view nul_as_offset("2025-01-31T10:00:00\0", 20);
  require_invalid_at(nul_as_offset, 19);
}

TEST_CASE("empty input is told to be empty, not to lack a year") {
  const date_time_check r = check_date_time("");
  CHECK(r.status == date_time_status::invalid);
  CHECK(r.offset == 0);
  CHECK(r.message == "the date-time is empty"sv);
}

TEST_CASE("only ASCII digits count as digits") {
  // Fullwidth digit two (U+FF12) in place of the first year digit.
  require_invalid_at("\xEF\xBC\x92" "025-01-31T10:00:00Z", 0);
  // Arabic-Indic digit five (U+0665) in the minutes.
  require_invalid_at("2025-01-31T10:\xD9\xA5" "0:00Z", 14);
  // Non-ASCII after the offset and a non-ASCII "T".
  require_invalid_at("2025-01-31T10:00:00Z\xC3\xA9", 20);
  require_invalid_at("2025-01-31\xC3\x94" "10:00:00Z", 10);
}

TEST_CASE("huge inputs are answered quickly") {
  std::string huge(5 * 1024 * 1024, 'x');
  require_invalid_at(huge, 0);

  std::string trailing = "2025-01-31T10:00:00Z" + std::string(5 * 1024 * 1024, ' ');
  require_invalid_at(trailing, 20);

  // A 5 MB fraction is valid; the scan is a single linear pass.
  std::string long_fraction = "2025-01-31T10:00:00." + std::string(5 * 1024 * 1024, '7') + "Z";
  CHECK(is_valid(long_fraction));
}

TEST_CASE("the message stays valid after copying or after the input is gone") {
  date_time_check copy;
  {
    std::string text = "2023-02-29T12:00:00Z";
    const date_time_check original = check_date_time(text);
    copy = original;
    text.assign(text.size(), '#');
  }
  CHECK(copy.status == date_time_status::invalid);
  CHECK(copy.offset == 8);
  CHECK(copy.message ==
        "day 29 does not exist in February of this year: it is not a leap year"sv);
}

TEST_CASE("a default date_time_check is an invalid result") {
  const date_time_check r;
  CHECK(r.status == date_time_status::invalid);
  CHECK_FALSE(r.ok());
}
