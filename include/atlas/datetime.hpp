// atlas/datetime.hpp: checking RFC 3339 date-time strings.
//
// Accepted form (RFC 3339, section 5.6, "date-time"):
//
//   YYYY-MM-DDTHH:MM:SS[.frac](Z|z|+hh:mm|-hh:mm)
//
// * the year is exactly four ASCII digits (0000 to 9999); every other field
//   is exactly two ASCII digits;
// * the date must exist in the proleptic Gregorian calendar (no 30 February;
//   29 February only in leap years: divisible by 4, except centuries not
//   divisible by 400, so 2000 and 2024 are leap years and 1900 is not);
// * the separator is 'T' or 't';
// * hour 00-23, minute 00-59, second 00-60 (60 is a leap second, accepted in
//   any minute, since with an offset a leap second can fall on any local
//   minute);
// * an optional fraction: '.' followed by one or more digits, any length;
// * the offset is 'Z', 'z', or '+'/'-' then hh:mm with hh 00-23, mm 00-59;
// * nothing may follow the offset.
//
// A valid date and time without an offset is ISO 8601 local time, which
// RFC 3339 lacks: it is reported as date_time_status::missing_offset, a
// warning (ok() is true), because the server's time zone then decides.
// A date alone, or a space instead of 'T', is an error with its own status.
//
// Messages are static strings (see date_time_check::message).
// check_date_time never throws, never reads outside `text`, and stops at the
// first problem: the only part of the input it scans beyond a fixed-length
// prefix is the run of fraction digits, so even megabytes of input are
// answered in a single pass at most.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace atlas {

enum class date_time_status : std::uint8_t {
  valid,            // full RFC 3339
  missing_offset,   // valid date and time but no offset: a warning, not an error
  date_only,        // "2025-01-31": error
  space_separator,  // "2025-01-31 10:00:00Z": error
  invalid           // anything else: error
};

struct date_time_check {
  date_time_status status = date_time_status::invalid;
  // Byte offset in the input where the problem is (0 when valid). For
  // missing_offset it is where the offset should start (the end of input);
  // for date_only it is the end of the date (10).
  std::size_t offset = 0;
  // One sentence naming what is wrong; empty when valid. Always a view of a
  // string literal (static storage), never of the input or of this object,
  // so it stays valid after the struct is copied, moved or destroyed.
  std::string_view message;

  constexpr bool ok() const noexcept {
    return status == date_time_status::valid || status == date_time_status::missing_offset;
  }
};

namespace detail::datetime {

constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';  // ASCII only; NUL and bytes >= 0x80 fail
}

constexpr bool is_leap_year(unsigned year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr date_time_check fail(std::size_t offset, std::string_view message,
                               date_time_status status = date_time_status::invalid) noexcept {
  date_time_check r;
  r.status = status;
  r.offset = offset;
  r.message = message;
  return r;
}

// Reads `count` ASCII digits at `pos`. On success stores the value and
// returns true; otherwise stores in `bad` the offset of the first character
// that is not a digit (text.size() if the text ends first).
constexpr bool read_digits(std::string_view text, std::size_t pos, std::size_t count,
                           unsigned& value, std::size_t& bad) noexcept {
  value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t at = pos + i;
    if (at >= text.size() || !is_digit(text[at])) {
      bad = at < text.size() ? at : text.size();
      return false;
    }
    value = value * 10 + static_cast<unsigned>(text[at] - '0');
  }
  return true;
}

constexpr bool char_at(std::string_view text, std::size_t pos, char c) noexcept {
  return pos < text.size() && text[pos] == c;
}

// Offset of `pos` if it lies inside the text, else the end of the text.
constexpr std::size_t clamp(std::string_view text, std::size_t pos) noexcept {
  return pos < text.size() ? pos : text.size();
}

// Message for a day in 29..31 that does not exist in `month` of `year`,
// or an empty view if the day exists.
constexpr std::string_view missing_day(unsigned year, unsigned month, unsigned day) noexcept {
  if (month == 2) {
    if (day == 29 && !is_leap_year(year))
      return "day 29 does not exist in February of this year: it is not a leap year";
    if (day == 30) return "day 30 does not exist in February";
    if (day == 31) return "day 31 does not exist in February";
    return {};
  }
  if (day == 31) {
    switch (month) {
      case 4: return "day 31 does not exist in April";
      case 6: return "day 31 does not exist in June";
      case 9: return "day 31 does not exist in September";
      case 11: return "day 31 does not exist in November";
      default: break;
    }
  }
  return {};
}

}  // namespace detail::datetime

[[nodiscard]] constexpr date_time_check check_date_time(std::string_view text) noexcept {
  using namespace detail::datetime;
  if (text.empty()) return fail(0, "the date-time is empty");

  unsigned v = 0;
  std::size_t bad = 0;

  // Date: YYYY-MM-DD
  if (!read_digits(text, 0, 4, v, bad))
    return fail(bad, "the year must be four digits (0000 to 9999)");
  const unsigned year = v;
  if (!char_at(text, 4, '-')) return fail(clamp(text, 4), "expected '-' between the year and the month");

  if (!read_digits(text, 5, 2, v, bad)) return fail(bad, "the month must be two digits");
  const unsigned month = v;
  if (month < 1 || month > 12) return fail(5, "month must be 01 to 12");
  if (!char_at(text, 7, '-')) return fail(clamp(text, 7), "expected '-' between the month and the day");

  if (!read_digits(text, 8, 2, v, bad)) return fail(bad, "the day must be two digits");
  const unsigned day = v;
  if (day < 1 || day > 31) return fail(8, "day must be 01 to 31");
  if (const std::string_view m = missing_day(year, month, day); !m.empty()) return fail(8, m);

  // Separator
  if (text.size() == 10)
    return fail(10, "a date alone is not a date-time: expected 'T' and a time after the date",
                date_time_status::date_only);
  if (text[10] == ' ')
    return fail(10, "expected 'T' between the date and the time, not a space",
                date_time_status::space_separator);
  if (text[10] != 'T' && text[10] != 't') return fail(10, "expected 'T' between the date and the time");

  // Time: HH:MM:SS
  if (!read_digits(text, 11, 2, v, bad)) return fail(bad, "the hour must be two digits");
  if (v > 23) return fail(11, "hour must be 00 to 23");
  if (!char_at(text, 13, ':')) return fail(clamp(text, 13), "expected ':' between the hour and the minute");

  if (!read_digits(text, 14, 2, v, bad)) return fail(bad, "the minute must be two digits");
  if (v > 59) return fail(14, "minute must be 00 to 59");
  if (!char_at(text, 16, ':'))
    return fail(clamp(text, 16), "expected ':' and the seconds after the minute (seconds are required)");

  if (!read_digits(text, 17, 2, v, bad)) return fail(bad, "the second must be two digits");
  if (v > 60) return fail(17, "second must be 00 to 60 (60 only for a leap second)");

  std::size_t pos = 19;

  // Optional fraction: '.' and one or more digits, any length.
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t first = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    if (pos == first) return fail(pos, "expected at least one digit after '.' in the fraction of a second");
  } else if (pos < text.size() && text[pos] == ',') {
    return fail(pos, "a fraction of a second must start with '.', not ','");
  }

  // Offset
  if (pos == text.size())
    return fail(pos, "no offset (Z or +hh:mm): this is local time, so the server's time zone decides",
                date_time_status::missing_offset);

  const char sign = text[pos];
  if (sign == 'Z' || sign == 'z') {
    ++pos;
  } else if (sign == '+' || sign == '-') {
    const std::size_t hour_at = pos + 1;
    if (!read_digits(text, hour_at, 2, v, bad)) return fail(bad, "the offset hour must be two digits");
    if (v > 23) return fail(hour_at, "the offset hour must be 00 to 23");
    if (!char_at(text, hour_at + 2, ':'))
      return fail(clamp(text, hour_at + 2), "expected ':' between the offset hour and minute");
    const std::size_t minute_at = hour_at + 3;
    if (!read_digits(text, minute_at, 2, v, bad)) return fail(bad, "the offset minute must be two digits");
    if (v > 59) return fail(minute_at, "the offset minute must be 00 to 59");
    pos = minute_at + 2;
  } else {
    return fail(pos, "expected an offset: 'Z' or +hh:mm or -hh:mm");
  }

  if (pos != text.size()) return fail(pos, "unexpected text after the offset");

  date_time_check r;
  r.status = date_time_status::valid;
  return r;
}

}  // namespace atlas
