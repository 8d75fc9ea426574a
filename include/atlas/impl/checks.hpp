// atlas: the checks behind the rule table (rules.hpp). Each one reads the slots of a checker and
// reports through it; none throws on user input, none stops at the first problem.
#ifndef ATLAS_IMPL_CHECKS_HPP
#define ATLAS_IMPL_CHECKS_HPP

#include <atlas/datetime.hpp>
#include <atlas/detail/checker.hpp>
#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/json_skim.hpp>
#include <atlas/detail/mask.hpp>
#include <atlas/detail/suggest.hpp>
#include <atlas/detail/syntax_help.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/fields.hpp>
#include <atlas/timezone.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace atlas::detail {

inline std::string name_of(const checker& c, std::size_t i)
{
    return std::string(c.field(i).name);
}

inline std::string did_you_mean(std::string_view suggestion)
{
    return suggestion.empty() ? std::string() : "did you mean " + quote_value(suggestion) + "?";
}

// ---------------------------------------------------------------------------------------------
// Types

inline std::string list_values(std::span<const enum_value> values, bool with_null)
{
    std::string out;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (k > 0)
            out += (k + 1 == values.size() && !with_null) ? " or " : ", ";
        // Appended piece by piece: "literal" + std::string&& trips g++ 12's -Wrestrict false positive at -O3.
        out += '"';
        out += values[k].wire;
        out += '"';
        if (values.size() > 1 || with_null) {
            // "non-phone (voice bubble or Messages/SMS)" as "(non-phone: voice bubble or Messages/SMS)", not in
            // parentheses twice.
            const std::string_view meaning = values[k].meaning;
            const std::size_t inner = meaning.find(" (");
            out += " (";
            if (inner != std::string_view::npos && meaning.ends_with(')')) {
                out += meaning.substr(0, inner);
                out += ": ";
                out += meaning.substr(inner + 2, meaning.size() - inner - 3);
            } else
                out += meaning;
            out += ')';
        }
    }
    if (with_null)
        out += " or null";
    return out;
}

/// The number a text writes, all of it ("5", "2.5", "1e2", "inf"); nothing for any other text.
inline std::optional<double> number_in(std::string_view literal) noexcept
{
    double d = 0;
    const auto result = std::from_chars(literal.data(), literal.data() + literal.size(), d);
    if (literal.empty() || result.ec != std::errc() || result.ptr != literal.data() + literal.size())
        return std::nullopt;
    return d;
}

/// The whole number a literal writes ("5", "1.0", "1e2"), when it is one from min to max: the value of the hint
/// for an integer written another way.
inline std::optional<std::int64_t> whole_number(std::string_view literal, std::int64_t min, std::int64_t max) noexcept
{
    const std::optional<double> d = number_in(literal);
    if (!d || !std::isfinite(*d) || *d != std::trunc(*d) || *d < static_cast<double>(min) ||
        *d > static_cast<double>(max))
        return std::nullopt;
    return static_cast<std::int64_t>(*d);
}

/// A Unix time as RFC 3339 in UTC, with the unit it was read in: a date-time sent as a number (or a string of
/// digits) is most often one. Only the ranges the two usual units do not share are read: 10 digits of seconds
/// (2001-09-09 to 2286-11-20) and 13 of milliseconds; any other number gets no guess, as a unit would be a guess.
struct unix_time_reading {
    std::string date_time; // "2026-01-01T00:00:00Z"; empty when the number is no Unix time of either unit
    std::string_view unit; // "seconds" or "milliseconds"
};
inline unix_time_reading date_time_of_unix_time(std::string_view literal)
{
    const std::optional<std::int64_t> number = whole_number(literal, 1'000'000'000, 9'999'999'999'999);
    if (!number || (*number >= 10'000'000'000 && *number < 1'000'000'000'000))
        return {};
    const bool milliseconds = *number >= 1'000'000'000'000;
    const std::int64_t seconds = milliseconds ? *number / 1000 : *number;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted).
    const std::int64_t days = seconds / 86400, in_day = seconds % 86400;
    const std::int64_t shifted = days + 719468, era = shifted / 146097, day_of_era = shifted - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153; // from March
    const std::int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
    const std::int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    std::string out;
    const auto two = [&out](std::int64_t v) {
        out += static_cast<char>('0' + v / 10);
        out += static_cast<char>('0' + v % 10);
    };
    out = std::to_string(year) + "-";
    two(month);
    out += '-';
    two(day);
    out += 'T';
    two(in_day / 3600);
    out += ':';
    two(in_day / 60 % 60);
    out += ':';
    two(in_day % 60);
    if (milliseconds && *number % 1000 != 0) {
        const std::string fraction = std::to_string(1000 + *number % 1000); // "1xyz": the digits with their zeros
        out += '.';
        out += fraction.substr(1);
    }
    out += 'Z';
    return {std::move(out), milliseconds ? "milliseconds" : "seconds"};
}

/// The hint for a date-time written as a Unix time, `lead` before the instant ("write "), or empty.
inline std::string unix_time_hint(std::string_view literal, std::string_view lead)
{
    const unix_time_reading reading = date_time_of_unix_time(literal);
    if (reading.date_time.empty())
        return {};
    return std::string(lead) + quote_value(reading.date_time) + " (" + std::string(literal) + " read as " +
           std::string(reading.unit) + " since 1970-01-01, UTC)";
}

/// The fix of a number past a double's range (1e400), on the text path and the typed one alike.
inline constexpr std::string_view number_range_hint = "write a number a double can hold (up to about 1.8e308 either way)";

/// The value without the spaces around it, which people leave in pasted values.
constexpr std::string_view without_outer_spaces(std::string_view s) noexcept
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

inline json_type expected_type(value_kind k) noexcept
{
    switch (k) {
    case value_kind::boolean: return json_type::boolean;
    case value_kind::integer: return json_type::number;
    default: return json_type::string;
    }
}

inline std::string describe_value(const field_slot& s)
{
    switch (s.type) {
    case json_type::boolean: return s.boolean ? "true" : "false";
    case json_type::number: return "the number " + shown_number(s.raw);
    case json_type::string: return "the string " + quote_value(s.value);
    case json_type::array: return "an array";
    case json_type::object: return "an object";
    default: return "null";
    }
}

/// The array or object of slot i as JSON text on one line (white space between its tokens dropped), when it came
/// from text and has at most `most` bytes that way; else empty. The payload was read whole, so the value is JSON: its
/// end is where its brackets close, and nothing past `most` bytes of it is copied. Empty too when a string in it
/// (a key or a value, decoded) may name the credential: the hint quotes the value once more, and the masking of
/// messages reads only one level of escapes.
inline std::string compact_value_text(const checker& c, std::size_t i, std::size_t most)
{
    const field_slot& s = c.slot(i);
    if (!c.from_text() || s.value_offset == npos || s.value_offset >= c.text().size() ||
        (s.type != json_type::array && s.type != json_type::object))
        return {};
    const std::string_view value = c.text().substr(s.value_offset);
    std::string out, decoded;
    std::size_t depth = 0, string_from = 0;
    bool in_string = false;
    for (std::size_t k = 0; k < value.size() && out.size() <= most; ++k) {
        const char ch = value[k];
        if (in_string) {
            out += ch;
            if (ch == '\\' && k + 1 < value.size()) {
                out += value[++k];
            } else if (ch == '"') {
                in_string = false;
                decoded.clear();
                decode_json_string(std::string_view(out).substr(string_from, out.size() - 1 - string_from), decoded);
                if (may_name_api_key(decoded))
                    return {};
            }
            continue;
        }
        if (json_impl::is_ws(ch))
            continue;
        out += ch;
        if (ch == '"') {
            in_string = true;
            string_from = out.size();
        } else if (ch == '[' || ch == '{') {
            ++depth;
        } else if ((ch == ']' || ch == '}') && --depth == 0) {
            return out.size() <= most ? out : std::string();
        }
    }
    return {};
}

inline bool skim_time_windows(std::string_view content, std::size_t max_depth, std::vector<workspace::window>& windows);
inline bool voice_bubble_request(const checker& c);
inline bool surely_not_voice_bubble(const checker& c);
inline bool non_phone_request(const checker& c);
inline bool is_phone(const checker& c);

/// "omit CallType" on a campaign that is surely no phone one, "omit Position" on one that is surely no voice bubble;
/// "" for any other field or channel. Where the channel takes none of the field, a hint to give it another value or
/// type would trade the finding for a channel error (channel.call-type-omit, channel.position-omit).
inline std::string_view channel_takes_none_hint(const checker& c, std::string_view field)
{
    if (field == "CallType" && non_phone_request(c))
        return "omit CallType: only a phone campaign (campaignType \"1\") has one";
    if (field == "Position" && surely_not_voice_bubble(c))
        return "omit Position: only a voice bubble campaign has one";
    return {};
}

/// The boolean a string for a boolean field most likely means: "true" or "false" in any case, with spaces around,
/// one edit off ("ture", "flase"), "1" or "0", "yes" or "no"; nothing for anything else.
inline std::optional<bool> boolean_meant(std::string_view value)
{
    const std::string_view word = without_outer_spaces(value);
    if (word == "1" || iequals_ascii(word, "yes"))
        return true;
    if (word == "0" || iequals_ascii(word, "no"))
        return false;
    const bool near_true = iedit_distance_ascii(word, "true", 1) <= 1;
    const bool near_false = iedit_distance_ascii(word, "false", 1) <= 1;
    if (near_true != near_false)
        return near_true;
    return std::nullopt;
}

ATLAS_DECL void check_type(checker& c, std::size_t i)
{
    const field_slot& s = c.slot(i);
    const field_info& f = c.field(i);
    const json_type want = expected_type(f.kind);
    if (s.type == want)
        return;
    const std::string name = name_of(c, i);
    std::string message = name + " must be ";
    std::string hint;
    const std::string key = "\"" + name + "\": ";
    switch (want) {
    case json_type::boolean: {
        message += "true or false";
        const std::optional<bool> meant = s.type == json_type::string ? boolean_meant(s.value)
                                          : s.type == json_type::number && (s.raw == "0" || s.raw == "1")
                                              ? std::optional<bool>(s.raw == "1")
                                              : std::nullopt;
        if (meant && *meant && f.name == "MessagesCampaign" && c.kind() == payload_kind::request && is_phone(c))
            // true would trade this error for channel.messages-on-phone.
            hint = "omit MessagesCampaign: a phone campaign (campaignType \"1\") is no Messages campaign";
        else if (meant)
            hint = std::string(s.type == json_type::string ? "write the literal without quotes: " : "write ") + key +
                   (*meant ? "true" : "false");
        else
            hint = "write " + key + "true or " + key + "false";
        break;
    }
    case json_type::number:
        message += "an integer";
        if (s.type == json_type::string)
            if (const auto number = whole_number(s.value, f.min, f.max))
                hint = "write the number without quotes: " + key + std::to_string(*number);
        if (hint.empty())
            hint = "write a whole number from " + std::to_string(f.min) + " to " + std::to_string(f.max);
        break;
    default: {
        message += "a string";
        const bool scalar = s.type == json_type::number || s.type == json_type::boolean;
        std::string literal = !scalar                         ? std::string()
                              : s.type == json_type::boolean ? (s.boolean ? "true" : "false")
                                                              : std::string(s.raw);
        // A closed enum's number with a fraction or an exponent that is whole (2.0, 1e0) is that wire value.
        if (s.type == json_type::number && f.kind == value_kind::closed_enum)
            if (const auto number = whole_number(s.raw, 0, 999999))
                literal = std::to_string(*number);
        const bool is_wire_value = scalar && std::any_of(f.values.begin(), f.values.end(),
                                                 [&](const enum_value& v) { return v.wire == literal; });
        // Quoting the literal is the fix only where the quoted text would pass; else the hint shows a right value.
        if (const std::string_view omit = channel_takes_none_hint(c, f.name); !omit.empty())
            hint = omit;
        else if (f.kind == value_kind::closed_enum && !is_wire_value)
            hint = "write " + key + list_values(f.values, f.type == seed_type::enumeration_or_null);
        else if (f.kind == value_kind::time_zone)
            hint = "write an IANA time zone name as a string, e.g. " + key + "\"America/New_York\"";
        else if (f.kind == value_kind::date_time) {
            if (s.type == json_type::number)
                hint = unix_time_hint(s.raw, "write an RFC 3339 date-time as a string: " + key);
            if (hint.empty())
                hint = "write an RFC 3339 date-time as a string, e.g. " + key + "\"2026-03-02T09:00:00Z\"";
        }
        // A number quoted is no window list: TimeWindows's hint shows one whatever was sent.
        else if (scalar && f.kind != value_kind::time_windows)
            hint = "write it as a JSON string: " + key + quote_value(literal);
        else if (f.kind == value_kind::time_windows || f.kind == value_kind::json_text) {
            // The writer's own array or object as the text is the fix; one window alone goes in a list. Windows
            // only when they are right as they stand: else the example shows what a window list is.
            std::string own = compact_value_text(c, i, 160);
            if (!own.empty() && f.kind == value_kind::time_windows) {
                if (s.type == json_type::object)
                    own = "[" + own + "]";
                std::vector<workspace::window> windows;
                if (!skim_time_windows(own, c.opts().max_depth, windows))
                    own.clear();
            }
            if (!own.empty())
                hint = name + " carries JSON encoded in a string: send the value as text, " + key + quote_value(own, 200);
            else
                hint = name + " carries JSON encoded in a string: serialise the value and send the text, e.g. " + key +
                       (f.kind == value_kind::time_windows
                               ? "\"[{\\\"startHour\\\":9,\\\"startMinute\\\":0,\\\"endHour\\\":17,\\\"endMinute\\\":0}]\""
                               : "\"{}\"");
        }
        else if (f.kind == value_kind::tool_ids) // an array or object: the ids go in one string
            hint = "write the ids as one string, separated by commas: " + key + "\"tool_a,tool_b\"";
        else if (s.type == json_type::array || s.type == json_type::object)
            hint = "write one JSON string, not " + std::string(s.type == json_type::array ? "an array" : "an object") +
                   ": " + key + "\"" + (f.kind == value_kind::open_enum ? "value" : "text") + "\"";
        break;
    }
    }
    message += ", not " + describe_value(s);
    c.emit_on(rule::field_type, i, std::move(message), std::move(hint));
}

// ---------------------------------------------------------------------------------------------
// Strings and enums

ATLAS_DECL void check_not_empty(checker& c, std::size_t i)
{
    if (!c.slot(i).value.empty())
        return;
    const value_kind k = c.field(i).kind;
    // A voice bubble needs its Position: "omit it" would trade this error for channel.position-required; any other
    // channel takes none (channel_takes_none_hint).
    const bool required_here = c.field(i).name == "Position" && voice_bubble_request(c);
    const std::string_view omit = channel_takes_none_hint(c, c.field(i).name);
    std::string hint = k == value_kind::time_zone ? "omit Timezone, or give an IANA name such as \"America/New_York\""
                       : required_here  ? "give Position where the bubble sits on the page, such as \"bottom-right\""
                       : !omit.empty()  ? std::string(omit)
                       : k == value_kind::open_enum ? "omit " + name_of(c, i) + ", or give it a value"
                                                    : "give " + name_of(c, i) + " a value";
    c.emit_on(rule::field_empty, i, name_of(c, i) + " must not be an empty string", std::move(hint));
}

/// Whether f is true for some word of text, a word being a run of ASCII letters and digits ("voice bubble or
/// Messages/SMS": voice, bubble, or, Messages, SMS).
template <class F>
bool any_word(std::string_view text, F&& f)
{
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = at;
        while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])) != 0)
            ++end;
        if (end > at && f(text.substr(at, end - at)))
            return true;
        at = end + 1;
    }
    return false;
}

/// The one value of a closed enum that a phrase of several words names ("outbound call", "2 (outbound)", "SMS
/// campaign"), or null: each word may name a value by its wire string, its meaning's first word ("non-phone" written
/// as one word or two, or one edit from it), a word its meaning explains it with ("voice", "inbound"), or a word of
/// also_written; words that name no value ("call", "campaign") are left out. A phrase that names two values
/// ("1 - outbound") names none, nor does a wire string with no word for it ("1 (phone)" in CallType: campaignType's).
inline const enum_value* value_named_by_phrase(std::string_view phrase, std::span<const enum_value> values)
{
    if (phrase.size() > 128)
        return nullptr;
    std::vector<std::string_view> words;
    any_word(phrase, [&words](std::string_view word) {
        words.push_back(word);
        return false;
    });
    if (words.size() < 2)
        return nullptr; // one word: check_enum_value's own matches
    const auto names = [](const enum_value& v, std::string_view word, std::string_view next) {
        const std::string_view first = v.meaning.substr(0, v.meaning.find(' '));
        if (words_folded(word) == words_folded(first) ||
            (word.size() >= 5 && character_distance(word, first, 1, iequal_char_ascii{}) <= 1))
            return std::size_t{1};
        if (!next.empty() && words_folded(std::string(word) + std::string(next)) == words_folded(first))
            return std::size_t{2}; // "non phone"
        // The words in the meaning's parentheses ("voice bubble or Messages/SMS", "inbound or outbound").
        const std::size_t open = v.meaning.find('(');
        const bool explained = open != std::string_view::npos &&
                               any_word(v.meaning.substr(open), [word](std::string_view explaining) {
                                   return explaining.size() >= 3 && explaining != "or" && iequals_ascii(word, explaining);
                               });
        const bool also = any_word(v.also_written, [word](std::string_view other) { return iequals_ascii(word, other); });
        return std::size_t{explained || also ? 1u : 0u};
    };
    const enum_value* named = nullptr;
    for (std::size_t w = 0; w < words.size();) {
        std::size_t step = 1;
        for (const enum_value& v : values) {
            const std::size_t taken = names(v, words[w], w + 1 < words.size() ? words[w + 1] : std::string_view{});
            if (taken == 0)
                continue;
            if (named != nullptr && named != &v)
                return nullptr;
            named = &v;
            step = std::max(step, taken);
        }
        w += step;
    }
    // The wire strings the phrase holds ("2 (outbound)") must agree with the words.
    for (const std::string_view word : words)
        for (const enum_value& v : values)
            if (word == v.wire && &v != named)
                return nullptr;
    return named;
}

ATLAS_DECL void check_enum_value(checker& c, std::size_t i)
{
    const field_info& f = c.field(i);
    const std::string_view value = c.slot(i).value;
    if (f.kind == value_kind::closed_enum) {
        for (const enum_value& v : f.values)
            if (v.wire == value)
                return;
        std::string hint;
        const std::string_view trimmed = without_outer_spaces(value);
        const auto use = [&](const enum_value& v) { return "use " + quote_value(v.wire) + " for " + std::string(v.meaning); };
        // People write the meaning ("outbound", "phone"), with stray case, spaces or separators ("nonphone"), or
        // another word for it ("incoming", "web").
        const std::string written_words = words_folded(trimmed);
        for (const enum_value& v : f.values) {
            const std::string_view meaning = v.meaning.substr(0, v.meaning.find(' '));
            if (iequals_ascii(trimmed, meaning) || iequals_ascii(trimmed, v.meaning) ||
                (!written_words.empty() && written_words == words_folded(meaning)))
                hint = use(v);
            if (hint.empty() &&
                any_word(v.also_written, [&](std::string_view other) { return written_words == words_folded(other); }))
                hint = use(v);
        }
        // Or a word of it, or a near miss of it ("SMS", "voice bubble", "outbond"): a value's first word before the
        // words that explain another ("phone" is "1", though "non-phone" holds it).
        for (int pass = 0; pass < 2 && hint.empty(); ++pass)
            for (const enum_value& v : f.values) {
                std::string_view words = v.meaning;
                if (pass == 0)
                    words = words.substr(0, words.find(' '));
                for (std::size_t at = 0; at < words.size() && hint.empty();) {
                    std::size_t end = at;
                    while (end < words.size() && (std::isalnum(static_cast<unsigned char>(words[end])) != 0))
                        ++end;
                    const std::string_view word = words.substr(at, end - at);
                    const bool near = word.size() >= 5 && trimmed.size() >= 5 &&
                                      character_distance(trimmed, word, 1, iequal_char_ascii{}) <= 1;
                    // Several words ("voice bubble") match where they start a word of the meaning.
                    const bool words_here = pass == 1 && trimmed.size() > word.size() && word.size() >= 3 &&
                                            iequals_ascii(v.meaning.substr(at, trimmed.size()), trimmed);
                    if ((word.size() >= 3 && (iequals_ascii(trimmed, word) || near)) || words_here)
                        hint = use(v);
                    at = end + 1;
                }
            }
        // Or the wire value as a number ("1.0", "01"). Another number gets no guess: "2" is no more a typo of "0"
        // than of "1", and the message lists the values.
        if (const auto number = whole_number(trimmed, 0, 999999); hint.empty() && number)
            for (const enum_value& v : f.values)
                if (v.wire == std::to_string(*number))
                    hint = use(v);
        // Or a letter that looks like a digit that is a wire value ("O" for "0", "l" or "I" for "1"): an edit from
        // every one-digit value alike, so no near miss says which.
        if (const char digit = trimmed == "O" || trimmed == "o" ? '0' : trimmed == "l" || trimmed == "I" ? '1' : '\0';
            hint.empty() && digit != '\0')
            for (const enum_value& v : f.values)
                if (v.wire == std::string_view(&digit, 1))
                    hint = use(v);
        if (const enum_value* named = hint.empty() ? value_named_by_phrase(trimmed, f.values) : nullptr)
            hint = use(*named);
        if (hint.empty() && !number_in(trimmed)) {
            std::array<std::string_view, 8> wires{};
            std::size_t n = 0;
            for (const enum_value& v : f.values)
                if (n < wires.size())
                    wires[n++] = v.wire;
            hint = did_you_mean(best_suggestion(trimmed, std::span(wires.data(), n)));
        }
        // CallType on a campaign that is surely no phone one: either value would be channel.call-type-omit.
        if (const std::string_view omit = channel_takes_none_hint(c, f.name); !omit.empty())
            hint = omit;
        const bool takes_null = f.type == seed_type::enumeration_or_null;
        const std::string key = "\"" + std::string(f.name) + "\": ";
        if (takes_null && iequals_ascii(trimmed, "null")) // the word in quotes
            hint = "write null without quotes: " + key + "null";
        else if (takes_null && hint.empty()) // another value ("openai"): the seed's "null otherwise"
            hint = "write " + key + list_values(f.values, true);
        c.emit_on(rule::enum_value, i,
            std::string(f.name) + std::string(" must be ") +
                list_values(f.values, f.type == seed_type::enumeration_or_null) + ", not " + quote_value(value),
            std::move(hint));
        return;
    }
    // An open enum: anything non-empty passes until the caller registers the allowed values.
    const auto registered = c.opts().allowed_values.find(f.name);
    if (registered == c.opts().allowed_values.end() || registered->second.empty())
        return;
    const auto& allowed = registered->second;
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end())
        return;
    // Each value once and "" never, as allow() registers them: options::allowed_values may be filled directly.
    std::array<std::string_view, 10> shown{};
    std::size_t shown_count = 0;
    std::string listed;
    for (const std::string& allowed_value : allowed) {
        if (allowed_value.empty() ||
            std::find(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(shown_count), allowed_value) !=
                shown.begin() + static_cast<std::ptrdiff_t>(shown_count))
            continue;
        if (shown_count == shown.size()) {
            listed += ", \u2026";
            break;
        }
        listed += (shown_count ? ", " : "") + quote_value(allowed_value);
        shown[shown_count++] = allowed_value;
    }
    // Nothing near: the value may be right and the registered set short of it, which only the caller can fix.
    std::string hint = did_you_mean(best_suggestion(value, allowed));
    if (hint.empty())
        hint = "use a registered value, or add " + quote_value(value) + " to the allowed values of " +
               std::string(f.name) + " if the server takes it";
    c.emit_on(rule::enum_value, i,
        std::string(f.name) + std::string(" must be one of the registered values (") + listed + "), not " + quote_value(value),
        std::move(hint));
}

// ---------------------------------------------------------------------------------------------
// Integers

ATLAS_DECL void check_integer(checker& c, std::size_t i)
{
    const field_slot& s = c.slot(i);
    const field_info& f = c.field(i);
    const std::string range = std::to_string(f.min) + " to " + std::to_string(f.max);
    if (!s.integer_literal) {
        std::string hint;
        if (const auto number = whole_number(s.raw, f.min, f.max))
            hint = "write \"" + std::string(f.name) + "\": " + std::to_string(*number);
        else
            hint = "write a whole number from " + range;
        c.emit_on(rule::integer_literal, i,
            std::string(f.name) + std::string(" must be an integer literal without fraction or exponent, not ") +
                shown_number(s.raw),
            std::move(hint));
        return;
    }
    if (!s.fits_int64 || s.int_value < f.min || s.int_value > f.max)
        c.emit_on(rule::integer_range, i,
            std::string(f.name) + std::string(" must be from ") + range + ", not " + shown_number(s.raw),
            "use a whole number from " + range);
}

// ---------------------------------------------------------------------------------------------
// Dates and time zones

/// The date-time the writer most likely meant, written as RFC 3339, when only its form is off: one-digit
/// months, days or hours, '/' between the date's parts, a space for "T", a missing ":ss", a ',' before the
/// fraction, ISO 8601's basic form (20260302T090000Z), an offset as +hhmm or +hh, spaces around it. Empty when
/// that does not give a valid date-time (30 February stays wrong: no guess).
inline std::string corrected_date_time(std::string_view value)
{
    value = without_outer_spaces(value);
    if (value.size() > 64)
        return {};
    std::size_t p = 0;
    // Up to `most` digits, at least one, zero-padded to `width`.
    const auto number = [&](std::size_t most, std::size_t width, std::string& out) {
        const std::size_t from = p;
        while (p < value.size() && p - from < most && json_impl::is_digit(value[p]))
            ++p;
        if (p == from)
            return false;
        out.append(width > p - from ? width - (p - from) : 0, '0');
        out.append(value.substr(from, p - from));
        return true;
    };
    const auto digit_next = [&] { return p < value.size() && json_impl::is_digit(value[p]); };
    // Exactly two digits: a part of the basic form, which has no separator to end it.
    const auto two_digits = [&](std::string& out) {
        if (p + 2 > value.size() || !json_impl::is_digit(value[p]) || !json_impl::is_digit(value[p + 1]))
            return false;
        out.append(value.substr(p, 2));
        p += 2;
        return true;
    };
    const auto take = [&](std::string_view chars) {
        if (p < value.size() && chars.find(value[p]) != std::string_view::npos) {
            ++p;
            return true;
        }
        return false;
    };
    std::string out;
    // A separator (any of `separators`, written as `written`), then a number.
    const auto part = [&](std::string_view separators, char written, std::size_t most, std::size_t width) {
        if (!take(separators))
            return false;
        out += written;
        return number(most, width, out);
    };
    if (!number(4, 4, out))
        return {};
    if (digit_next()) { // 20260302: the basic form's date
        out += '-';
        if (!two_digits(out))
            return {};
        out += '-';
        if (!two_digits(out))
            return {};
    } else if (!part("-/", '-', 2, 2) || !part("-/", '-', 2, 2))
        return {};
    if (!part("Tt ", 'T', 2, 2))
        return {};
    out += ':';
    const bool basic_time = digit_next(); // T0900, T090000
    if (basic_time ? !two_digits(out) : !(take(":") && number(2, 2, out)))
        return {};
    out += ':';
    if (basic_time ? digit_next() : take(":")) {
        if (basic_time ? !two_digits(out) : !number(2, 2, out))
            return {};
        if (take(".,")) {
            out += '.';
            if (!number(9, 1, out))
                return {};
        }
    } else
        out += "00";
    while (take(" "))
        ;
    if (const std::string_view rest = value.substr(p); iequals_ascii(rest, "UTC") || iequals_ascii(rest, "GMT")) {
        out += 'Z'; // the name of UTC itself, where RFC 3339 writes Z
        p = value.size();
    } else if (take("Zz"))
        out += 'Z';
    else if (p < value.size() && (value[p] == '+' || value[p] == '-')) {
        out += value[p++];
        if (!number(2, 2, out))
            return {};
        out += ':';
        take(":");
        if (p == value.size())
            out += "00";
        else if (!number(2, 2, out))
            return {};
    }
    if (p != value.size())
        return {};
    // Without an offset it is still the form's fix (the missing offset is a warning of its own).
    const date_time_status status = atlas::check_date_time(out).status;
    return status == date_time_status::valid || status == date_time_status::missing_offset ? out : std::string();
}

/// Whether the first n (at most 19) characters of s have the form of RFC 3339's "yyyy-mm-ddThh:mm:ss", digits where
/// digits go, whatever their values.
inline bool has_rfc3339_prefix(std::string_view s, std::size_t n) noexcept
{
    constexpr std::string_view skeleton = "dddd-dd-ddTdd:dd:dd";
    if (n > skeleton.size() || s.size() < n)
        return false;
    for (std::size_t k = 0; k < n; ++k) {
        const char want = skeleton[k], got = s[k];
        if (want == 'd' ? !json_impl::is_digit(got) : want == 'T' ? got != 'T' && got != 't' : got != want)
            return false;
    }
    return true;
}

/// Whether a value has RFC 3339's form, digits where digits go, whatever their values (or a date alone's form):
/// when it does and still fails, a part is out of range (month 13, 30 February, hour 24) and the message names it;
/// no example date would be the writer's fix.
inline bool has_rfc3339_form(std::string_view s) noexcept
{
    if (s.size() == 10)
        return has_rfc3339_prefix(s, 10);
    if (!has_rfc3339_prefix(s, 19))
        return false;
    std::size_t at = 19;
    if (at < s.size() && s[at] == '.') {
        const std::size_t first = ++at;
        while (at < s.size() && json_impl::is_digit(s[at]))
            ++at;
        if (at == first)
            return false;
    }
    if (at + 1 == s.size())
        return s[at] == 'Z' || s[at] == 'z';
    const auto digits = [&s](std::size_t from) { return json_impl::is_digit(s[from]) && json_impl::is_digit(s[from + 1]); };
    return at + 6 == s.size() && (s[at] == '+' || s[at] == '-') && digits(at + 1) && s[at + 3] == ':' && digits(at + 4);
}

ATLAS_DECL void check_date_time(checker& c, std::size_t i)
{
    const std::string_view value = c.slot(i).value;
    date_time_check result = atlas::check_date_time(value);
    if (result.status == date_time_status::valid)
        return;
    // A space where "T" goes can hide what else is wrong ("2025-01-16 22:60:31"): judged with the T, the message
    // names that, and "put T" is offered only where it is the fix.
    std::string judged(value);
    bool space_too = false; // the message then names the space as well: the contract makes it an error of its own
    if (result.status == date_time_status::space_separator) {
        judged[10] = 'T';
        if (const date_time_check with_t = atlas::check_date_time(judged); !with_t.ok()) {
            result = with_t;
            space_too = true;
        } else
            judged = value;
    }
    const std::string name = name_of(c, i);
    // At the value (emit_on's default), as the contract places every finding about a plain string; only JSON held
    // in a string is placed at the spot inside it. The message names the part that is wrong.
    if (result.status == date_time_status::missing_offset) {
        c.emit_on(rule::datetime_offset, i, name + " has no time zone offset, so the server's zone decides the instant",
            "append \"Z\" for UTC or an offset such as \"-05:00\"");
        return;
    }
    std::string hint;
    if (result.status == date_time_status::date_only)
        hint = "add a time and an offset: " + quote_value(std::string(value.substr(0, 10)) + "T00:00:00Z");
    else if (const std::string corrected = corrected_date_time(value); !corrected.empty())
        hint = "write " + quote_value(corrected); // the same instant in RFC 3339's form
    else if (std::string unix_time = unix_time_hint(value, "write "); !unix_time.empty())
        hint = std::move(unix_time);
    else if (result.status == date_time_status::space_separator)
        hint = "put \"T\" between the date and the time";
    else if (!has_rfc3339_form(judged)) // else the message names the part out of range
        hint = "write it as RFC 3339, e.g. \"2026-03-02T09:00:00-05:00\"";
    c.emit_on(rule::datetime_format, i,
        name + " is not an RFC 3339 date-time: " + std::string(result.message) +
            (space_too ? ", and 'T', not a space, goes between the date and the time" : ""),
        std::move(hint));
}

/// The zone people mean by the abbreviations they write most (IANA keeps a few as names of their own: EST, MST,
/// HST, CET, EET, WET, UTC, GMT pass as they are). A near name would be a wrong zone here: "PST" is one letter from
/// "EST", three hours away.
inline constexpr std::pair<std::string_view, std::string_view> zone_abbreviations[] = {{"PST", "America/Los_Angeles"},
    {"PDT", "America/Los_Angeles"}, {"MDT", "America/Denver"}, {"CST", "America/Chicago"},
    {"CDT", "America/Chicago"}, {"EDT", "America/New_York"}, {"AKST", "America/Anchorage"},
    {"BST", "Europe/London"}, {"IST", "Asia/Kolkata"}, {"CEST", "Europe/Paris"}, {"EEST", "Europe/Athens"},
    {"MSK", "Europe/Moscow"}, {"JST", "Asia/Tokyo"}, {"KST", "Asia/Seoul"}, {"AEST", "Australia/Sydney"},
    {"AEDT", "Australia/Sydney"}, {"NZST", "Pacific/Auckland"}, {"SGT", "Asia/Singapore"},
    {"HKT", "Asia/Hong_Kong"}, {"WIB", "Asia/Jakarta"}, {"BRT", "America/Sao_Paulo"}, {"ART",
    "America/Argentina/Buenos_Aires"}, {"SAST", "Africa/Johannesburg"}, {"WAT", "Africa/Lagos"},
    {"EAT", "Africa/Nairobi"}, {"GST", "Asia/Dubai"}};

/// Cities people write as zones that the tz database does not name (it names a zone by one city of it): the zone
/// they keep the time of. A near name would be another city, hours away ("Asia/Mumbai" is two edits from
/// "Asia/Dubai", 90 minutes off). Matched on the last part, in any case, spaces for underscores.
inline constexpr std::pair<std::string_view, std::string_view> zone_cities[] = {
    {"Mumbai", "Asia/Kolkata"}, {"Bombay", "Asia/Kolkata"}, {"Delhi", "Asia/Kolkata"}, {"New Delhi", "Asia/Kolkata"},
    {"Bangalore", "Asia/Kolkata"}, {"Bengaluru", "Asia/Kolkata"}, {"Chennai", "Asia/Kolkata"},
    {"Madras", "Asia/Kolkata"}, {"Hyderabad", "Asia/Kolkata"}, {"Pune", "Asia/Kolkata"},
    {"Miami", "America/New_York"}, {"Boston", "America/New_York"}, {"Washington", "America/New_York"},
    {"Washington DC", "America/New_York"}, {"Atlanta", "America/New_York"}, {"Philadelphia", "America/New_York"},
    {"Dallas", "America/Chicago"}, {"Houston", "America/Chicago"}, {"Austin", "America/Chicago"},
    {"San Francisco", "America/Los_Angeles"}, {"Seattle", "America/Los_Angeles"},
    {"San Diego", "America/Los_Angeles"}, {"Las Vegas", "America/Los_Angeles"},
    {"San Jose", "America/Los_Angeles"}, {"Beijing", "Asia/Shanghai"}, {"Shenzhen", "Asia/Shanghai"},
    {"Guangzhou", "Asia/Shanghai"}, {"Osaka", "Asia/Tokyo"}, {"Kyoto", "Asia/Tokyo"}, {"Abu Dhabi", "Asia/Dubai"},
    {"Frankfurt", "Europe/Berlin"}, {"Munich", "Europe/Berlin"}, {"Hamburg", "Europe/Berlin"},
    {"Milan", "Europe/Rome"}, {"Barcelona", "Europe/Madrid"}, {"Manchester", "Europe/London"},
    {"Edinburgh", "Europe/London"}, {"Geneva", "Europe/Zurich"}, {"St Petersburg", "Europe/Moscow"},
    {"Saint Petersburg", "Europe/Moscow"}, {"Rio de Janeiro", "America/Sao_Paulo"},
    {"Brasilia", "America/Sao_Paulo"}, {"Wellington", "Pacific/Auckland"},
    {"Ottawa", "America/Toronto"}, {"Calgary", "America/Edmonton"},
    {"Islamabad", "Asia/Karachi"}, {"Lahore", "Asia/Karachi"},
    {"Ankara", "Europe/Istanbul"}, {"Cape Town", "Africa/Johannesburg"}};

/// Windows time-zone names (.NET's TimeZoneInfo ids, "Eastern Standard Time") without their " Standard Time", and
/// the zone CLDR's windowsZones maps each to for the world (territory 001). A few names people say are here too
/// ("Eastern Time", "Hawaii Time"): the Windows name's words with " Time".
inline constexpr std::pair<std::string_view, std::string_view> windows_zones[] = {
    {"Dateline", "Etc/GMT+12"}, {"Aleutian", "America/Adak"}, {"Hawaiian", "Pacific/Honolulu"},
    {"Hawaii", "Pacific/Honolulu"}, {"Marquesas", "Pacific/Marquesas"}, {"Alaskan", "America/Anchorage"},
    {"Alaska", "America/Anchorage"}, {"Pacific", "America/Los_Angeles"}, {"Pacific (Mexico)", "America/Tijuana"},
    {"US Mountain", "America/Phoenix"}, {"Mountain", "America/Denver"}, {"Central America", "America/Guatemala"},
    {"Central", "America/Chicago"}, {"Easter Island", "Pacific/Easter"}, {"Central (Mexico)", "America/Mexico_City"},
    {"Canada Central", "America/Regina"}, {"SA Pacific", "America/Bogota"}, {"Eastern (Mexico)", "America/Cancun"},
    {"Eastern", "America/New_York"}, {"Haiti", "America/Port-au-Prince"}, {"Cuba", "America/Havana"},
    {"US Eastern", "America/Indiana/Indianapolis"}, {"Turks And Caicos", "America/Grand_Turk"},
    {"Paraguay", "America/Asuncion"}, {"Atlantic", "America/Halifax"}, {"Venezuela", "America/Caracas"},
    {"Central Brazilian", "America/Cuiaba"}, {"SA Western", "America/La_Paz"}, {"Pacific SA", "America/Santiago"},
    {"Newfoundland", "America/St_Johns"}, {"Tocantins", "America/Araguaina"},
    {"E. South America", "America/Sao_Paulo"}, {"SA Eastern", "America/Cayenne"},
    {"Argentina", "America/Argentina/Buenos_Aires"}, {"Greenland", "America/Nuuk"},
    {"Montevideo", "America/Montevideo"}, {"Magallanes", "America/Punta_Arenas"}, {"Saint Pierre", "America/Miquelon"},
    {"Bahia", "America/Bahia"}, {"Azores", "Atlantic/Azores"}, {"Cape Verde", "Atlantic/Cape_Verde"},
    {"GMT", "Europe/London"}, {"Greenwich", "Atlantic/Reykjavik"}, {"Sao Tome", "Africa/Sao_Tome"},
    {"Morocco", "Africa/Casablanca"}, {"W. Europe", "Europe/Berlin"}, {"Central Europe", "Europe/Budapest"},
    {"Romance", "Europe/Paris"}, {"Central European", "Europe/Warsaw"}, {"W. Central Africa", "Africa/Lagos"},
    {"Jordan", "Asia/Amman"}, {"GTB", "Europe/Bucharest"}, {"Middle East", "Asia/Beirut"}, {"Egypt", "Africa/Cairo"},
    {"E. Europe", "Europe/Chisinau"}, {"Syria", "Asia/Damascus"}, {"West Bank", "Asia/Hebron"},
    {"South Africa", "Africa/Johannesburg"}, {"FLE", "Europe/Kyiv"}, {"Israel", "Asia/Jerusalem"},
    {"South Sudan", "Africa/Juba"}, {"Kaliningrad", "Europe/Kaliningrad"}, {"Sudan", "Africa/Khartoum"},
    {"Libya", "Africa/Tripoli"}, {"Namibia", "Africa/Windhoek"}, {"Arabic", "Asia/Baghdad"},
    {"Turkey", "Europe/Istanbul"}, {"Arab", "Asia/Riyadh"}, {"Belarus", "Europe/Minsk"}, {"Russian", "Europe/Moscow"},
    {"E. Africa", "Africa/Nairobi"}, {"Volgograd", "Europe/Volgograd"}, {"Iran", "Asia/Tehran"},
    {"Arabian", "Asia/Dubai"}, {"Astrakhan", "Europe/Astrakhan"}, {"Azerbaijan", "Asia/Baku"},
    {"Mauritius", "Indian/Mauritius"}, {"Saratov", "Europe/Saratov"}, {"Georgian", "Asia/Tbilisi"},
    {"Caucasus", "Asia/Yerevan"}, {"Afghanistan", "Asia/Kabul"}, {"West Asia", "Asia/Tashkent"},
    {"Ekaterinburg", "Asia/Yekaterinburg"}, {"Pakistan", "Asia/Karachi"}, {"Qyzylorda", "Asia/Qyzylorda"},
    {"India", "Asia/Kolkata"}, {"Sri Lanka", "Asia/Colombo"}, {"Nepal", "Asia/Kathmandu"},
    {"Bangladesh", "Asia/Dhaka"}, {"Omsk", "Asia/Omsk"}, {"Myanmar", "Asia/Yangon"}, {"SE Asia", "Asia/Bangkok"},
    {"Altai", "Asia/Barnaul"}, {"W. Mongolia", "Asia/Hovd"}, {"North Asia", "Asia/Krasnoyarsk"},
    {"N. Central Asia", "Asia/Novosibirsk"}, {"Tomsk", "Asia/Tomsk"}, {"China", "Asia/Shanghai"},
    {"North Asia East", "Asia/Irkutsk"}, {"Singapore", "Asia/Singapore"}, {"W. Australia", "Australia/Perth"},
    {"Taipei", "Asia/Taipei"}, {"Ulaanbaatar", "Asia/Ulaanbaatar"}, {"Aus Central W.", "Australia/Eucla"},
    {"Transbaikal", "Asia/Chita"}, {"Tokyo", "Asia/Tokyo"}, {"North Korea", "Asia/Pyongyang"},
    {"Korea", "Asia/Seoul"}, {"Yakutsk", "Asia/Yakutsk"}, {"Cen. Australia", "Australia/Adelaide"},
    {"AUS Central", "Australia/Darwin"}, {"E. Australia", "Australia/Brisbane"},
    {"AUS Eastern", "Australia/Sydney"}, {"West Pacific", "Pacific/Port_Moresby"}, {"Tasmania", "Australia/Hobart"},
    {"Vladivostok", "Asia/Vladivostok"}, {"Lord Howe", "Australia/Lord_Howe"},
    {"Bougainville", "Pacific/Bougainville"}, {"Magadan", "Asia/Magadan"}, {"Norfolk", "Pacific/Norfolk"},
    {"Sakhalin", "Asia/Sakhalin"}, {"Central Pacific", "Pacific/Guadalcanal"}, {"New Zealand", "Pacific/Auckland"},
    {"Fiji", "Pacific/Fiji"}, {"Chatham Islands", "Pacific/Chatham"}, {"Tonga", "Pacific/Tongatapu"},
    {"Samoa", "Pacific/Apia"}, {"Line Islands", "Pacific/Kiritimati"}};

/// The zone a Windows name ("Eastern Standard Time", "eastern_daylight_time") or a spoken one ("Eastern Time")
/// means; empty for anything else.
inline std::string_view windows_zone(std::string_view value)
{
    std::string words(without_outer_spaces(value));
    std::replace(words.begin(), words.end(), '_', ' ');
    std::string_view base = words;
    const auto cut = [&base](std::string_view suffix) {
        if (base.size() <= suffix.size() || !iequals_ascii(base.substr(base.size() - suffix.size()), suffix))
            return false;
        base.remove_suffix(suffix.size());
        return true;
    };
    const bool windows_id = cut(" Standard Time");
    if (!windows_id && !cut(" Daylight Time") && !cut(" Summer Time") && !cut(" Time"))
        return {};
    if (!windows_id && iequals_ascii(base, "GMT")) // "GMT Time" is GMT itself; Windows' "GMT Standard Time" is London
        return {};
    for (const auto& [name, zone] : windows_zones)
        if (iequals_ascii(base, name))
            return zone;
    return {};
}

/// The last part of a zone-like value ("Asia/Mumbai": "Mumbai"), underscores read as spaces, outer spaces trimmed.
inline std::string zone_city(std::string_view value)
{
    value = without_outer_spaces(value);
    const std::size_t slash = value.rfind('/');
    std::string city(slash == std::string_view::npos ? value : value.substr(slash + 1));
    std::replace(city.begin(), city.end(), '_', ' ');
    return city;
}

/// The hint for a Timezone written as an offset: [UTC|GMT|Etc/GMT]±h[h][:mm] ("UTC+2", "+01:00", "Etc/GMT+02").
/// Spaces around it are forgiven ("Etc/GMT+2 "); nothing when the value is no offset ("Etc/GMT+2x" is a near name's
/// to hint).
inline std::optional<std::string> time_zone_offset_hint(std::string_view value)
{
    using json_impl::is_digit;
    // IANA's Etc zones count the other way (Etc/GMT-2 is UTC+2).
    std::string_view rest = without_outer_spaces(value);
    const std::string_view written = rest;
    bool etc = false;
    for (const std::string_view prefix : {"Etc/GMT", "UTC", "GMT", "utc", "gmt"})
        if (rest.starts_with(prefix)) {
            etc = prefix == "Etc/GMT";
            rest.remove_prefix(prefix.size());
            break;
        }
    if (rest.size() >= 2 && (rest[0] == '+' || rest[0] == '-') && is_digit(rest[1])) {
        // A zone's own name in another case ("gmt+0", "Etc/gmt-2") is a case fix, as every wrong-case name gets.
        if (tz_exact(written, tz_search().by_size, [](std::size_t k) { return tz_names[k]; }) !=
            tz_search_index::count)
            return std::nullopt;
        const bool ahead = rest[0] == '+';
        std::size_t k = 1;
        int hours = 0;
        while (k < rest.size() && k <= 2 && is_digit(rest[k]))
            hours = hours * 10 + (rest[k++] - '0');
        bool whole_hours = true;
        if (k < rest.size() && rest[k] == ':')
            ++k;
        if (rest.size() - k == 2 && is_digit(rest[k]) && is_digit(rest[k + 1]))
            whole_hours = rest.substr(k) == "00";
        else if (k != rest.size())
            return std::nullopt;
        if (etc) { // the writer used IANA's own sign, with a leading zero or minutes
            const std::string zone = "Etc/GMT" + std::string(1, rest[0]) + std::to_string(hours);
            return whole_hours && is_time_zone(zone) ? did_you_mean(zone) : std::string();
        }
        if (whole_hours && hours == 0)
            return "did you mean \"UTC\"?";
        const std::string place = "use the zone of a place, which also follows its daylight saving time";
        // UTC+2 is Etc/GMT-2: IANA's Etc zones have POSIX signs (and only whole hours, UTC-12 to UTC+14).
        const std::string zone = "Etc/GMT" + std::string(ahead ? "-" : "+") + std::to_string(hours);
        if (!whole_hours || !is_time_zone(zone))
            return place + " (an offset is not a zone name)";
        return place + ", or \"" + zone + "\" for a fixed UTC" + (ahead ? "+" : "-") + std::to_string(hours) +
               " (IANA's Etc zones invert the sign)";
    }
    return std::nullopt;
}

/// The hint for a Timezone that is no IANA name: what the writer meant when it is an offset, "Z" or a common
/// abbreviation; else a near name (a typo, a wrong case, a missing region); else none.
inline std::string time_zone_hint(std::string_view value)
{
    if (value == "Z" || value == "z")
        return "did you mean \"UTC\"? (Z is how a date-time writes UTC)";
    if (std::optional<std::string> offset = time_zone_offset_hint(value))
        return *std::move(offset);
    // Spaces around it are forgiven here too ("PST "). Read with accents off its letters, as near names are: an
    // accented abbreviation ("\u00c9DT") is still one, never a near name such as "EET", a zone 7 hours off.
    const std::string_view written = without_outer_spaces(value);
    char word_buffer[max_unit_input] = {};
    const std::string_view word = character_units(written, word_buffer);
    for (const auto& [abbreviation, zone] : zone_abbreviations)
        if (iequals_ascii(word, abbreviation))
            return did_you_mean(zone);
    if (const std::string_view zone = windows_zone(value); !zone.empty())
        return did_you_mean(zone) + " (the tz database names a zone by a city, not as Windows does)";
    const std::string city = zone_city(value);
    for (const auto& [name, zone] : zone_cities)
        if (iequals_ascii(city, name))
            return did_you_mean(zone) + " (" + std::string(name) + " keeps its time; the tz database names a zone by one city)";
    // suggest_time_zone gives no near name of another city, whose zone may be hours off ("America/Miami" is not
    // "America/Lima").
    const std::string_view near = suggest_time_zone(value);
    if (near.empty())
        return {};
    // Other short capitals are abbreviations too: a near name ("EST" for "PST") would be a wrong zone. Unless they
    // spell a zone in other case ("CUBA", "EIRE": links of one word).
    if (word.size() <= 5 && std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }) &&
        !iequals_ascii(near, word))
        return {};
    return did_you_mean(near);
}

ATLAS_DECL void check_time_zone(checker& c, std::size_t i)
{
    const std::string_view value = c.slot(i).value;
    if (value.empty() || is_time_zone(value)) // "" is field.empty's
        return;
    c.emit_on(rule::timezone_known, i,
        name_of(c, i) + " " + quote_value(value) + " is not an IANA time zone name (tz database " +
            std::string(tzdata_version) + ")",
        time_zone_hint(value));
}

// ---------------------------------------------------------------------------------------------
// JSON carried in strings

/// Whether content that is not JSON gets the straight-quotes hint. The contract's rule: when it holds typographic
/// double quotes (the seed's TimeWindows example does), wherever they stand. Single ones are apostrophes as often
/// as quotes ("don\u2019t"), so content holding only those gets the hint when straight quotes in their place would
/// take it further: it then parses, or breaks later than it does ({"mode": \u2018fast\u2019}, not ["don\u2019t]).
inline bool straight_quotes_help(std::string_view content, std::size_t error_offset, std::size_t max_depth)
{
    bool single = false;
    for (std::size_t k = content.find('\xE2'); k != std::string_view::npos; k = content.find('\xE2', k + 1)) {
        const typographic_quote quote = typographic_quote_at(content, k);
        if (quote == typographic_quote::double_quote)
            return true;
        single = single || quote == typographic_quote::single;
    }
    if (!single)
        return false;
    std::string straight;
    std::size_t shift = 0; // bytes the replacements before error_offset saved: 2 for each
    straight.reserve(content.size());
    for (std::size_t k = 0; k < content.size(); ++k) {
        if (typographic_quote_at(content, k) == typographic_quote::single) {
            straight += '"';
            if (k < error_offset)
                shift += 2;
            k += 2;
        } else
            straight += content[k];
    }
    json_reader reader;
    reader.reset(straight, max_depth);
    for (;;) {
        const token_kind kind = reader.next().kind;
        if (kind == token_kind::end_of_input)
            return true;
        if (kind == token_kind::error)
            return reader.error_offset() > error_offset - shift;
    }
}

/// "byte N" counts from 1, as people count and as the report's columns do (the reader's offsets count from 0).
inline std::string content_byte(std::size_t content_offset)
{
    return "byte " + std::to_string(content_offset + 1) + " of its content";
}

inline std::string json_error_rule_message(const std::string& name, json_error e, std::size_t content_offset,
    std::string_view what = {})
{
    return name + " does not hold valid JSON: " + std::string(what.empty() ? describe(e) : what) + " at " +
           (e == json_error::unexpected_end ? std::string("the end of its content") : content_byte(content_offset));
}

inline std::string walk_pointer(std::string_view base, const std::vector<walk_segment>& stack, std::size_t depth)
{
    std::string p(base);
    for (std::size_t k = 0; k < depth && k < stack.size(); ++k) {
        if (stack[k].in_array)
            append_pointer_index(p, stack[k].index);
        else if (stack[k].key_escaped) {
            std::string key;
            decode_json_string(stack[k].key_raw, key);
            append_pointer_token(p, key);
        } else
            append_pointer_token(p, stack[k].key_raw);
    }
    return p;
}

/// Where a walk through a JSON value is.
enum class walk_state : std::uint8_t { reading, done, syntax_error };

/// Follows one JSON value token by token as someone else reads it, keeping the pointer to the current
/// place in `stack`, and reports duplicate keys and non-finite numbers under `base` + the pointer inside.
/// Report: `report(rule, pointer, offset, message)`, and `only_counted(rule)`, true when what is reported is
/// surely only counted (an empty pointer and message then).
template <class Report>
class value_walk {
public:
    value_walk(std::string_view base, std::vector<walk_segment>& stack, Report report)
        : base_(base), stack_(stack), report_(std::move(report))
    {
        stack_.clear();
    }

    /// When the current place is inside the value of a credential member (see names_api_key), at any depth: how
    /// many of the stack's segments lead to that member. The contract never prints the key, so nothing of its value
    /// (a key in it, a number) goes into a message or a pointer: both stop at the member.
    /// Of the first `segments` of the stack: a key token just read is the last segment's key, not above it.
    std::optional<std::size_t> credential_depth(std::size_t segments) const
    {
        const std::size_t last_slash = base_.rfind('/');
        if (last_slash != std::string_view::npos && names_api_key(base_.substr(last_slash + 1)))
            return 0;
        for (std::size_t k = 0; k < segments && k < stack_.size(); ++k) {
            const walk_segment& segment = stack_[k];
            if (segment.in_array || segment.key_raw.empty())
                continue;
            std::string key;
            if (segment.key_escaped)
                decode_json_string(segment.key_raw, key);
            if (names_api_key(segment.key_escaped ? std::string_view(key) : segment.key_raw))
                return k + 1;
        }
        return std::nullopt;
    }

    /// Takes the value's next token, its first one first.
    walk_state step(const json_token& token)
    {
        switch (token.kind) {
        case token_kind::error: return walk_state::syntax_error;
        case token_kind::end_of_input: return walk_state::done;
        case token_kind::object_begin:
        case token_kind::array_begin:
            stack_.push_back({token.kind == token_kind::array_begin, 0, {}, false});
            return walk_state::reading;
        case token_kind::object_end:
        case token_kind::array_end:
            stack_.pop_back();
            return next_element();
        case token_kind::key:
            stack_.back().key_raw = raw_of(token);
            stack_.back().key_escaped = token.has_escapes;
            if (token.duplicate_key) {
                if (report_.only_counted(rule::json_duplicate_key)) { // no pointer past the limit: it repeats every key above
                    report_(rule::json_duplicate_key, {}, token.offset, {});
                    return walk_state::reading;
                }
                if (const auto credential = credential_depth(stack_.size() - 1)) {
                    report_(rule::json_duplicate_key, walk_pointer(base_, stack_, *credential), token.offset,
                        "a key inside an api-key's value appears more than once in one object");
                    return walk_state::reading;
                }
                // The key as the payload means it: "\u0061" and "a" are the one key "a".
                std::string key;
                if (token.has_escapes)
                    decode_json_string(token.raw, key);
                report_(rule::json_duplicate_key, walk_pointer(base_, stack_, stack_.size()), token.offset,
                    "the key " + quote_value(token.has_escapes ? std::string_view(key) : token.raw) +
                        " appears more than once in one object");
            }
            return walk_state::reading;
        default: // a scalar
            if (token.kind == token_kind::number && !token.finite) {
                if (report_.only_counted(rule::json_number_range))
                    report_(rule::json_number_range, {}, token.offset, {});
                else if (const auto credential = credential_depth(stack_.size()))
                    report_(rule::json_number_range, walk_pointer(base_, stack_, *credential), token.offset,
                        "a number in an api-key's value is too large for a double");
                else
                    report_(rule::json_number_range, walk_pointer(base_, stack_, stack_.size()), token.offset,
                        "the number " + shown_number(token.raw) + " is too large for a double");
            }
            return next_element();
        }
    }

private:
    /// A value inside the walked one has just ended.
    walk_state next_element() noexcept
    {
        if (stack_.empty())
            return walk_state::done;
        if (stack_.back().in_array)
            ++stack_.back().index;
        return walk_state::reading;
    }

    std::string_view base_;
    std::vector<walk_segment>& stack_;
    Report report_;
};

/// Reads one whole value from `reader` whose first token is `first`, reporting duplicate keys and
/// non-finite numbers under `base` + the pointer inside. Returns false when the reader hit a syntax
/// error (reader.error() says which).
template <class Report>
bool walk_value(json_reader& reader, const json_token& first, std::string_view base, std::vector<walk_segment>& stack,
    Report&& report)
{
    value_walk walk(base, stack, std::forward<Report>(report));
    for (walk_state state = walk.step(first); state != walk_state::done;) {
        if (state == walk_state::syntax_error)
            return false;
        const json_token token = reader.next(); // a fresh variable each time: see read_payload
        state = walk.step(token);
    }
    return true;
}

/// The hint of what a walk finds, the same wherever it is found (and on the typed path).
inline std::string walk_hint(rule r)
{
    return r == rule::json_duplicate_key ? "remove one of them"
           : r == rule::json_number_range ? std::string(number_range_hint)
                                          : std::string();
}

/// Reports what a walk finds inside string field i's content: `inside` is the pointer within the
/// content, `offset` a byte of it. The field's pointer is put in front only then: content is walked for
/// every payload.
struct content_report {
    checker& c;
    std::size_t i;
    bool only_counted(rule r) const noexcept { return c.beyond_limit_after(0, c.rank_of(r)); }
    void operator()(rule r, std::string inside, std::size_t offset, std::string message) const
    {
        c.emit_on(r, i, std::move(message), walk_hint(r), c.content_offset(i, offset), c.pointer(i) + inside);
    }
};

/// Reads the JSON text carried in string field i, each token through a value_walk: duplicate keys and
/// non-finite numbers are reported as they go by, in whatever the caller looks at or skips.
class content_walk {
public:
    content_walk(checker& c, std::size_t i) : reader_(c.ws().content_reader), walk_("", c.ws().stack, {c, i})
    {
        reader_.reset(c.slot(i).value, c.opts().max_depth);
    }

    /// The next token (after a syntax error, the error token again).
    json_token next()
    {
        const json_token token = reader_.next();
        state_ = walk_.step(token);
        return token;
    }
    /// Reads the rest of the value whose first token, `first`, was just read.
    void skip_rest_of(const json_token& first)
    {
        if (first.kind != token_kind::object_begin && first.kind != token_kind::array_begin)
            return;
        for (const std::size_t depth = reader_.depth(); reader_.depth() >= depth && state_ == walk_state::reading;)
            next();
    }
    bool failed() const noexcept { return state_ == walk_state::syntax_error; }
    /// Reads what is left; whether the content is one JSON value and nothing else. When it is not, the
    /// reader (workspace::content_reader) says why.
    bool read_to_end()
    {
        while (state_ == walk_state::reading)
            next();
        return state_ == walk_state::done && reader_.next().kind != token_kind::error;
    }

private:
    json_reader& reader_;
    value_walk<content_report> walk_;
    walk_state state_ = walk_state::reading;
};

/// Reports that string field i does not hold JSON, as `syntax_rule`, where `reader` stopped.
inline void report_not_json(checker& c, std::size_t i, rule syntax_rule, const json_reader& reader)
{
    const std::string_view content = c.slot(i).value;
    const std::string name = name_of(c, i);
    if (reader.error() == json_error::too_deep) { // JSON, but past options::max_depth: a limit, as at the root
        c.emit_on(rule::json_limit, i,
            name + " nests arrays and objects deeper than options::max_depth (" + std::to_string(c.opts().max_depth) +
                ") at " + content_byte(reader.error_offset()),
            "nest less deeply, or raise options::max_depth", c.content_offset(i, reader.error_offset()));
        return;
    }
    std::string hint;
    if (straight_quotes_help(content, reader.error_offset(), c.opts().max_depth))
        hint = "use straight quotes (\") instead of typographic quotes (\u201c \u201d)";
    else if (content.empty())
        hint = "omit " + name + ", or send JSON text such as " +
               std::string(syntax_rule == rule::time_windows_syntax ? "\"[]\"" : "\"{}\"");
    syntax_help help = explain_syntax_error(reader);
    if (hint.empty())
        hint = std::move(help.hint);
    // Inside the field's string in payload text a quote is written \" (a typed struct's string holds it as it is).
    if (c.from_text() && hint.find("in double quotes") != std::string::npos)
        hint += ", each written \\\" inside the string " + name;
    c.emit_on(syntax_rule, i, json_error_rule_message(name, reader.error(), reader.error_offset(), help.what),
        std::move(hint), c.content_offset(i, reader.error_offset()));
}

/// JSON text fields: the content is JSON; duplicates and non-finite numbers inside it are reported
/// with pointers into the content.
ATLAS_DECL void check_json_text(checker& c, std::size_t i)
{
    // Almost always there is nothing to report: the skim says so for ordinary content, one read without
    // tokens for the rest; walking the tokens cost twice as much as that read, the read twice the skim.
    const std::string_view text = c.slot(i).value;
    if (skim_json(text, c.opts().max_depth) == skim_result::unremarkable)
        return;
    json_reader& reader = c.ws().content_reader;
    reader.reset(text, c.opts().max_depth);
    if (reader.read_to_end_unremarkable())
        return;
    content_walk content(c, i);
    if (!content.read_to_end())
        report_not_json(c, i, rule::json_text_syntax, c.ws().content_reader);
}

// ---------------------------------------------------------------------------------------------
// TimeWindows

/// The stretches of the day a window covers, in its own order: [start, end), or across midnight
/// [start, 1440) then [0, end).
struct window_stretches {
    std::array<std::pair<int, int>, 2> part;
    std::size_t count;
};
inline window_stretches stretches_of(const workspace::window& w) noexcept
{
    constexpr int day = 24 * 60;
    if (w.start < w.end)
        return {{{{w.start, w.end}, {0, 0}}}, 1};
    return {{{{w.start, day}, {0, w.end}}}, 2};
}

/// For window w of `windows` (in index order), the index of the earlier window that first covers a
/// minute of w, walking w's minutes in order; the lowest such index when several cover that minute.
/// No earlier window overlapping: static_cast<std::size_t>(-1).
/// Few windows (the usual case) are compared pairwise; many go through a minute map of the day
/// (`minute_owner`, filled as w goes up), so that 20,000 windows still cost linear time.
inline std::size_t first_overlap(const std::vector<workspace::window>& windows, std::size_t w,
    std::vector<std::uint32_t>& minute_owner, std::size_t pairwise_up_to = 16)
{
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    const window_stretches mine = stretches_of(windows[w]);
    if (windows.size() <= pairwise_up_to) {
        std::size_t best_position = none, best = none; // a position in w's own order of minutes
        for (std::size_t v = 0; v < w; ++v) {
            const window_stretches theirs = stretches_of(windows[v]);
            std::size_t walked = 0, position = none;
            for (std::size_t a = 0; a < mine.count && position == none; ++a) {
                for (std::size_t b = 0; b < theirs.count; ++b) {
                    const int from = std::max(mine.part[a].first, theirs.part[b].first);
                    const int to = std::min(mine.part[a].second, theirs.part[b].second);
                    if (from < to)
                        position = std::min(position, walked + static_cast<std::size_t>(from - mine.part[a].first));
                }
                walked += static_cast<std::size_t>(mine.part[a].second - mine.part[a].first);
            }
            if (position < best_position) // ties keep the lower index: v goes up
                best_position = position, best = windows[v].index;
        }
        return best;
    }
    constexpr std::uint32_t nobody = 0xFFFFFFFFu;
    if (w == 0)
        minute_owner.assign(24 * 60, nobody);
    std::size_t earlier = none;
    for (std::size_t a = 0; a < mine.count; ++a)
        for (int m = mine.part[a].first; m < mine.part[a].second; ++m) {
            std::uint32_t& owner = minute_owner[static_cast<std::size_t>(m)];
            if (owner == nobody)
                owner = static_cast<std::uint32_t>(w);
            else if (earlier == none)
                earlier = windows[owner].index;
        }
    return earlier;
}

inline std::string window_label(std::size_t index)
{
    return "time window " + std::to_string(index);
}

/// Whether two windows share a minute.
inline bool windows_overlap(const workspace::window& x, const workspace::window& y) noexcept
{
    const window_stretches a = stretches_of(x), b = stretches_of(y);
    for (std::size_t i = 0; i < a.count; ++i)
        for (std::size_t j = 0; j < b.count; ++j)
            if (std::max(a.part[i].first, b.part[j].first) < std::min(a.part[i].second, b.part[j].second))
                return true;
    return false;
}

/// The message of window w's overlap: every earlier window it overlaps, so that fixing the one named does not
/// bring up another ("time window 2 overlaps time windows 0 and 1"; past three, how many more). Built only for a
/// finding that is reported, each reading the windows before it: `comparisons_left` bounds what all of them read
/// (a raised max_diagnostics over a million windows would be quadratic), past which a message names `earlier`, the
/// window that owns the first minute w covers, alone.
inline std::string overlap_message(const std::vector<workspace::window>& windows, std::size_t w, std::size_t earlier,
    std::size_t& comparisons_left)
{
    if (comparisons_left < w)
        return window_label(windows[w].index) + " overlaps " + window_label(earlier);
    comparisons_left -= w;
    constexpr std::size_t named_at_most = 3;
    std::vector<std::size_t> named;
    std::size_t more = 0;
    for (std::size_t v = 0; v < w; ++v)
        if (windows_overlap(windows[v], windows[w])) {
            if (named.size() < named_at_most)
                named.push_back(windows[v].index);
            else
                ++more;
        }
    if (named.empty()) // first_overlap and windows_overlap read windows alike: never, but a message must name one
        return window_label(windows[w].index) + " overlaps " + window_label(earlier);
    std::string out = window_label(windows[w].index) + " overlaps time window" + (named.size() > 1 ? "s " : " ");
    for (std::size_t k = 0; k < named.size(); ++k)
        out += (k == 0 ? "" : k + 1 == named.size() && more == 0 ? " and " : ", ") + std::to_string(named[k]);
    if (more > 0)
        out += " and " + std::to_string(more) + " more";
    return out;
}

inline constexpr std::size_t no_window = static_cast<std::size_t>(-1);

/// A held diagnostic's message and hint.
struct window_texts {
    std::string message, hint;
};

/// Holds back a diagnostic about TimeWindows field i, at content byte `offset`, under the pointer of the
/// window (if any) and its key (if any): check_time_windows reports it once the content is known to be JSON.
/// `texts()` gives its message and hint. Past max_diagnostics whatever the walk still finds is only counted, in
/// ws.held_counted, with no record and no text: content of a million empty windows held 120 bytes and four
/// messages for each, 250 times its size.
template <class Texts>
void hold_window_diagnostic(checker& c, std::size_t i, rule r, std::size_t window, std::optional<std::string_view> key,
    std::size_t offset, Texts texts)
{
    if (c.level_of(r) == rule_level::off)
        return; // never reported (emit_on ignores it), and it must not count below
    workspace& ws = c.ws();
    // Surely left out when the held findings it cannot push out (of its rank or above, not withdrawn) fill the
    // report, and no held one of a lower rank could make room: a held warning is evicted by a later error, in the
    // report as at the top level, so that unknown keys in windows cannot push out a window's missing key.
    const keep_rank rank = c.rank_of(r);
    std::size_t not_below = 0, below = 0;
    for (std::size_t k = 0; k < ws.held_by_rank.size(); ++k)
        (k >= static_cast<std::size_t>(rank) ? not_below : below) += ws.held_by_rank[k];
    if (below == 0 && c.beyond_limit_after(not_below, rank)) {
        ++ws.held_counted[static_cast<std::size_t>(r)];
        ws.any_held_counted = true;
        return;
    }
    ++ws.held_by_rank[static_cast<std::size_t>(rank)];
    std::string path(c.pointer_view(i));
    if (window != no_window)
        append_pointer_index(path, window);
    if (key) // "" is a key too: its pointer ends in "/"
        append_pointer_token(path, *key);
    window_texts t = texts();
    ws.held.push_back({r, offset, std::move(path), std::move(t.message), std::move(t.hint)});
}

/// The windows of TimeWindows content written the ordinary way, appended to `windows` as read_time_windows
/// keeps them; false (windows then partly filled) for anything read_time_windows or the walk could report, and for
/// anything unusual: an escape, a number not written as 0-99, a key twice. An array of objects, each with the four
/// keys once and in range, that does not end where it starts, is all it accepts; the token walk does the rest.
inline bool skim_time_windows(std::string_view content, std::size_t max_depth, std::vector<workspace::window>& windows)
{
    const char* const begin = content.data();
    const char* const end = begin + content.size();
    const char* p = begin;
    const auto skip_ws = [&] {
        while (p != end && json_impl::is_ws(*p))
            ++p;
    };
    // Steps over white space, then over `c` if it comes next.
    const auto take = [&](char c) {
        skip_ws();
        if (p == end || *p != c)
            return false;
        ++p;
        return true;
    };
    const auto at_end = [&] {
        skip_ws();
        return p == end;
    };
    if (max_depth < 2 || !take('['))
        return false;
    if (take(']'))
        return at_end();
    for (std::size_t index = 0;; ++index) {
        if (!take('{'))
            return false;
        const auto window_offset = static_cast<std::size_t>(p - 1 - begin);
        std::array<int, 4> values{};
        unsigned seen = 0;
        do {
            if (!take('"'))
                return false;
            const char* const name = p;
            while (p != end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
                ++p;
            const std::string_view key(name, static_cast<std::size_t>(p - name));
            const auto known = std::find(std::begin(time_window_keys), std::end(time_window_keys), key);
            const auto k = static_cast<std::size_t>(known - std::begin(time_window_keys));
            // The closing quote right after the name: take('"') would skip white space inside the key.
            if (known == std::end(time_window_keys) || ((seen >> k) & 1u) != 0 || p == end || *p++ != '"' ||
                !take(':'))
                return false;
            skip_ws();
            if (p == end || !json_impl::is_digit(*p))
                return false;
            int value = *p++ - '0';
            if (value != 0 && p != end && json_impl::is_digit(*p))
                value = value * 10 + (*p++ - '0');
            if (p != end && json_impl::cannot_follow_number(*p))
                return false; // a third digit, a leading zero, a fraction, an exponent, or not JSON
            if (value > time_window_max[k])
                return false;
            values[k] = value;
            seen |= 1u << k;
        } while (take(','));
        if (!take('}') || seen != 0xFu)
            return false;
        const int start = values[0] * 60 + values[1], end_minute = values[2] * 60 + values[3];
        if (start == end_minute)
            return false;
        windows.push_back({index, window_offset, start, end_minute});
        if (take(']'))
            return at_end();
        if (!take(','))
            return false;
    }
}

/// Checks the shape of TimeWindows field i as `content` reads it: an array of objects with the four
/// keys, in range. Keeps the complete windows in ws.windows for the overlap check. Stops at a syntax error.
inline void read_time_windows(checker& c, std::size_t i, content_walk& content)
{
    workspace& ws = c.ws();
    const json_token root = content.next();
    if (root.kind != token_kind::array_begin) {
        hold_window_diagnostic(c, i, rule::time_windows_shape, no_window, {}, root.offset, [&] {
            const bool object = root.kind == token_kind::object_begin;
            return window_texts{"TimeWindows must hold a JSON array of time windows, not " +
                                    std::string(object ? "an object" : "a single value"),
                object ? "wrap the window in [ ]" : ""};
        });
        return;
    }
    for (std::size_t index = 0;; ++index) {
        const json_token element = content.next(); // fresh tokens throughout: see read_payload
        if (element.kind == token_kind::array_end || element.kind == token_kind::error)
            return;
        if (element.kind != token_kind::object_begin) {
            hold_window_diagnostic(c, i, rule::time_windows_shape, index, {}, element.offset,
                [&] { return window_texts{window_label(index) + " must be an object", {}}; });
            content.skip_rest_of(element);
            continue;
        }
        const std::size_t window_offset = element.offset;
        std::array<int, 4> values{};
        std::array<bool, 4> seen{}, valid{};
        // Where in ws.held each key's value was reported: a duplicated key's last value is the one checked (as for
        // the payload's own fields), so a report about an earlier value is withdrawn.
        std::array<std::size_t, 4> value_report;
        value_report.fill(no_window);
        std::array<std::optional<rule>, 4> value_counted; // or the rule under which it was only counted
        for (;;) {
            const json_token key_token = content.next();
            if (key_token.kind != token_kind::key)
                break; // object_end, or a syntax error
            std::string_view key = raw_of(key_token);
            if (key_token.has_escapes) {
                ws.key.clear();
                decode_json_string(key, ws.key);
                key = ws.key;
            }
            const std::size_t key_offset = key_token.offset;
            const auto known = std::find(std::begin(time_window_keys), std::end(time_window_keys), key);
            if (known == std::end(time_window_keys)) {
                if (!key_token.duplicate_key) // a repeated one was reported at its first place; json.duplicate-key says the rest
                    hold_window_diagnostic(c, i, rule::time_windows_unknown_key, index, key, key_offset, [&] {
                        return window_texts{window_label(index) + " has the unknown key " + quote_value(key),
                            did_you_mean(best_suggestion(key, time_window_keys))};
                    });
                content.skip_rest_of(content.next());
                continue;
            }
            const std::size_t k = static_cast<std::size_t>(known - std::begin(time_window_keys));
            key = time_window_keys[k]; // ws.key may be reused below
            seen[k] = true;
            valid[k] = false; // a duplicated key: only its last value counts (json.duplicate-key reports it)
            if (value_report[k] != no_window) {
                ws.held[value_report[k]].superseded = true;
                --ws.held_by_rank[static_cast<std::size_t>(c.rank_of(ws.held[value_report[k]].which))];
            }
            if (value_counted[k])
                --ws.held_counted[static_cast<std::size_t>(*value_counted[k])];
            value_report[k] = no_window;
            value_counted[k].reset();
            const std::size_t held_before = ws.held.size();
            const auto counted = [&](rule r) -> std::size_t& { return ws.held_counted[static_cast<std::size_t>(r)]; };
            const std::size_t range_counted = counted(rule::time_windows_range);
            const std::size_t type_counted = counted(rule::time_windows_type);
            const auto note_value_report = [&](rule r) {
                if (ws.held.size() > held_before)
                    value_report[k] = held_before;
                else if (counted(r) > (r == rule::time_windows_range ? range_counted : type_counted))
                    value_counted[k] = r;
            };
            const json_token token = content.next();
            const int max = time_window_max[k];
            if (token.kind == token_kind::number && !token.finite)
                continue; // json.number-range, from the walk, is the one error about it
            if (token.kind == token_kind::number && token.integer_literal) {
                if (token.fits_int64 && token.int_value >= 0 && token.int_value <= max) {
                    values[k] = static_cast<int>(token.int_value);
                    valid[k] = true;
                } else
                    hold_window_diagnostic(c, i, rule::time_windows_range, index, key, token.offset, [&] {
                        return window_texts{std::string(key) + " of " + window_label(index) + " must be from 0 to " +
                                                std::to_string(max) + ", not " + shown_number(token.raw),
                            {}};
                    });
                note_value_report(rule::time_windows_range);
                continue;
            }
            hold_window_diagnostic(c, i, rule::time_windows_type, index, key, token.offset, [&] {
                std::string hint, shown;
                // As the key is written: in payload text, inside the string TimeWindows, with its quotes escaped;
                // in a typed request's string, as it stands.
                const std::string quote = c.from_text() ? "\\\"" : "\"";
                switch (token.kind) {
                case token_kind::object_begin: shown = "an object"; break;
                case token_kind::array_begin: shown = "an array"; break;
                case token_kind::string: {
                    // The value as the content means it ("\u0039" is "9"), as a field's own string value is shown.
                    std::string decoded;
                    if (token.has_escapes)
                        decode_json_string(token.raw, decoded);
                    const std::string_view value = token.has_escapes ? std::string_view(decoded) : token.raw;
                    shown = "the string " + quote_value(value);
                    if (const auto number = whole_number(value, 0, max))
                        hint = "write the number without quotes: " + quote + std::string(key) + quote + ":" +
                               std::to_string(*number);
                    break;
                }
                case token_kind::number: // 9.0, 1e1
                    shown = shown_number(token.raw);
                    if (const auto number = whole_number(token.raw, 0, max))
                        hint = "write " + quote + std::string(key) + quote + ":" + std::to_string(*number);
                    break;
                case token_kind::null_literal: shown = "null"; break;
                default: shown = token.kind == token_kind::true_literal ? "true" : "false"; break;
                }
                return window_texts{std::string(key) + " of " + window_label(index) + " must be an integer, not " + shown,
                    std::move(hint)};
            });
            note_value_report(rule::time_windows_type);
            content.skip_rest_of(token);
        }
        if (content.failed())
            return;
        // At the missing key's pointer (as a missing field is at its own) and the { of the window that lacks it.
        for (std::size_t k = 0; k < 4; ++k)
            if (!seen[k])
                hold_window_diagnostic(c, i, rule::time_windows_missing_key, index, time_window_keys[k], window_offset, [&] {
                    return window_texts{window_label(index) + " has no " + std::string(time_window_keys[k]),
                        "every window needs startHour, startMinute, endHour and endMinute"};
                });
        if (valid[0] && valid[1] && valid[2] && valid[3]) {
            const int start = values[0] * 60 + values[1], end = values[2] * 60 + values[3];
            if (start == end)
                hold_window_diagnostic(c, i, rule::time_windows_empty, index, {}, window_offset, [&] {
                    return window_texts{window_label(index) + " ends where it starts, so it covers no time", {}};
                });
            else
                ws.windows.push_back({index, window_offset, start, end});
        }
    }
}

ATLAS_DECL void check_time_windows(checker& c, std::size_t i)
{
    // One read of the content checks its shape while the walk reports duplicate keys and non-finite
    // numbers as they go by. The shape's diagnostics are held back, and reported after the walk's ones
    // only when the content is JSON, so that what is reported, and in which order, stays as when the
    // content was read twice: the order of emission decides the order at equal offsets, the whole order
    // of a typed payload's report (no offsets), and which diagnostics a max_diagnostics limit leaves out.
    // Pointers and messages are built only when something is reported: a valid TimeWindows allocates nothing.
    workspace& ws = c.ws();
    ws.held.clear();
    ws.held_by_rank.fill(0);
    if (ws.any_held_counted) {
        ws.held_counted.fill(0);
        ws.any_held_counted = false;
    }
    ws.windows.clear();
    // Windows written the ordinary way are read without tokens, at a third of the cost.
    if (!skim_time_windows(c.slot(i).value, c.opts().max_depth, ws.windows)) {
        ws.windows.clear();
        content_walk content(c, i);
        read_time_windows(c, i, content);
        if (!content.read_to_end()) {
            report_not_json(c, i, rule::time_windows_syntax, ws.content_reader);
            return;
        }
    }
    // Overlaps, one warning on each later window that overlaps an earlier one, naming all the earlier ones.
    std::size_t comparisons_left = std::size_t{1} << 24;
    for (std::size_t w = 0; w < ws.windows.size(); ++w) {
        const std::size_t earlier = first_overlap(ws.windows, w, ws.minute_owner);
        if (earlier == no_window)
            continue;
        hold_window_diagnostic(c, i, rule::time_windows_overlap, ws.windows[w].index, {}, ws.windows[w].offset, [&] {
            return window_texts{overlap_message(ws.windows, w, earlier, comparisons_left), {}};
        });
    }
    // Placed in the text in the order of their offsets, where content_offset's cursor only moves forward: in the
    // order found (a window's values before its own brace) each step back rescanned the content from its start, and
    // 20,000 windows with two findings each took 13 seconds. Then reported in the order found.
    std::vector<std::pair<std::size_t, std::size_t>> by_offset; // (content offset, index in held)
    by_offset.reserve(ws.held.size());
    for (std::size_t k = 0; k < ws.held.size(); ++k)
        by_offset.emplace_back(ws.held[k].offset, k);
    std::sort(by_offset.begin(), by_offset.end());
    for (const auto& [offset, k] : by_offset)
        ws.held[k].offset = c.content_offset(i, offset);
    for (workspace::held_diagnostic& d : ws.held)
        if (!d.superseded)
            c.emit_on(d.which, i, std::move(d.message), std::move(d.hint), d.offset, std::move(d.path));
    if (ws.any_held_counted)
        for (std::size_t r = 0; r < ws.held_counted.size(); ++r)
            c.count_on(static_cast<rule>(r), i, ws.held_counted[r]);
}

// ---------------------------------------------------------------------------------------------
// ToolIds

/// Calls on_repeat(item, number of its first occurrence) for every item whose id came before, in the order of
/// `items`: up to 16 ids pairwise, without a table; more through a hash table of the ids seen (`table`: index + 1,
/// 0 when empty), seeded per table address as the reader's key table is, so that a list of colliding ids cannot be
/// prepared in advance. Linear: sorting the ids was n log n and, past the cache, the slowest part of a long list.
template <class OnRepeat>
void find_repeated_ids(const std::vector<workspace::item>& items, std::vector<std::size_t>& table, OnRepeat on_repeat)
{
    if (items.size() <= 16) {
        for (std::size_t k = 1; k < items.size(); ++k)
            for (std::size_t j = 0; j < k; ++j)
                if (items[j].id == items[k].id) {
                    on_repeat(items[k], items[j].number);
                    break;
                }
        return;
    }
    std::size_t capacity = 16;
    while (capacity < items.size() * 2)
        capacity *= 2;
    table.assign(capacity, 0);
    const int shift = 64 - std::countr_zero(capacity);
    const std::uint64_t seed = json_impl::address_seed(&table);
    for (std::size_t k = 0; k < items.size(); ++k) {
        const std::string_view id = items[k].id;
        for (std::size_t slot = json_impl::hash_bytes(id.data(), id.size(), seed) >> shift;; slot = (slot + 1) & (capacity - 1)) {
            if (table[slot] == 0) {
                table[slot] = k + 1;
                break;
            }
            if (items[table[slot] - 1].id == id) {
                on_repeat(items[k], items[table[slot] - 1].number);
                break;
            }
        }
    }
}

/// White space around an id: ASCII's six (a line break pasted from a list is as wrong as a space).
constexpr bool is_id_space(char ch) noexcept
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/// The list with the white space around each id taken away: what the whitespace hint shows.
inline std::string without_id_spaces(std::string_view list)
{
    std::string out;
    for (std::size_t start = 0;;) {
        const std::size_t comma = list.find(',', start);
        std::string_view item = list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        while (!item.empty() && is_id_space(item.front()))
            item.remove_prefix(1);
        while (!item.empty() && is_id_space(item.back()))
            item.remove_suffix(1);
        out += item;
        if (comma == std::string_view::npos)
            return out;
        out += ',';
        start = comma + 1;
    }
}

ATLAS_DECL void check_tool_ids(checker& c, std::size_t i)
{
    const std::string_view list = c.slot(i).value;
    if (list.empty())
        return; // an empty list
    auto& items = c.ws().items;
    items.clear();
    // The hint is the whole list without its spaces while the list is short; a long one's whole list in every
    // warning would cost n squared (a 120 KB list took 19 seconds), so each names its own id instead. Every hint
    // stands alone: max_diagnostics may keep any of them.
    constexpr std::size_t whole_list_hint_limit = 256;
    std::size_t start = 0;
    for (std::size_t item_number = 1;; ++item_number) {
        const std::size_t comma = list.find(',', start);
        const std::size_t end = comma == std::string_view::npos ? list.size() : comma;
        const std::string_view item = list.substr(start, end - start);
        std::size_t lead = 0;
        while (lead < item.size() && is_id_space(item[lead]))
            ++lead;
        std::string_view trimmed = item.substr(lead);
        while (!trimmed.empty() && is_id_space(trimmed.back()))
            trimmed.remove_suffix(1);
        if (trimmed.empty()) {
            // "a,,b" has an extra comma; " " or "a, ,b" a blank item, which no comma explains.
            const bool blank = !item.empty();
            const bool whole_list = comma == std::string_view::npos && start == 0;
            if (c.beyond_limit_after(0, c.rank_of(rule::tool_ids_empty_item)))
                c.emit_on(rule::tool_ids_empty_item, i, {}); // only counted
            else
                c.emit_on(rule::tool_ids_empty_item, i,
                    whole_list ? "ToolIds holds only white space"
                               : "ToolIds has an empty item (number " + std::to_string(item_number) + ")" +
                                     (blank ? ": only white space" : ""),
                    whole_list ? "send \"\" for no tools, or the tool ids separated by commas"
                    : blank    ? "remove the blank item and its comma; an empty list is \"\""
                               : "remove the extra comma; an empty list is \"\"");
        } else {
            if (trimmed.size() != item.size() && c.level_of(rule::tool_ids_whitespace) != rule_level::off) {
                if (c.beyond_limit_after(0, c.rank_of(rule::tool_ids_whitespace)))
                    c.emit_on(rule::tool_ids_whitespace, i, {}); // only counted: no text to build
                else
                    c.emit_on(rule::tool_ids_whitespace, i, "ToolIds item " + quote_value(trimmed) + " has white space around it",
                        list.size() <= whole_list_hint_limit
                            ? "write the ids with commas only: \"ToolIds\": " +
                                  quote_value(without_id_spaces(list), whole_list_hint_limit) // whole, to paste
                            : "write " + quote_value(trimmed) + " without the white space around it");
            }
            items.push_back({trimmed, item_number});
        }
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    // Duplicates: every occurrence after the first, in the order of the text, at the value (as every finding about
    // a plain string, see check_date_time). Past max_diagnostics only counted: no text for a million repeats.
    if (c.level_of(rule::tool_ids_duplicate) == rule_level::off)
        return;
    find_repeated_ids(items, c.ws().item_table, [&c, i](const workspace::item& repeat, std::size_t first_number) {
        if (c.beyond_limit_after(0, c.rank_of(rule::tool_ids_duplicate)))
            c.emit_on(rule::tool_ids_duplicate, i, {});
        else
            c.emit_on(rule::tool_ids_duplicate, i,
                "ToolIds names " + quote_value(repeat.id) + " more than once: item " + std::to_string(repeat.number) +
                    " repeats item " + std::to_string(first_number),
                "list each tool id once");
    });
}

// ---------------------------------------------------------------------------------------------
// The payload: required fields, the channel, pairs, nulls

ATLAS_DECL void check_required(checker& c)
{
    for_each_field_in(c.masks().required, [&c](std::size_t i) {
        const field_info& f = c.field(i);
        const field_slot& s = c.slot(i);
        if (s.present())
            return;
        std::string hint = f.name == "campaignType" ? "add \"campaignType\": \"1\" (phone) or \"0\" (non-phone)"
                           : f.name == "TemplateId" ? "add \"TemplateId\" with the ID of a starter template"
                                                    : "add \"" + std::string(f.name) + "\" with a non-empty string";
        c.emit_on(rule::field_required, i,
            std::string(f.name) + std::string(s.type == json_type::null ? " is required and must not be null" : " is required"),
            std::move(hint));
    });
}

inline std::size_t field_at(const checker& c, std::string_view name)
{
    return c.index_of(name);
}

/// The index of a request field, found at compile time: the channel rules only run on requests.
consteval std::size_t request_field(std::string_view name)
{
    for (std::size_t i = 0; i < std::size(request_fields); ++i)
        if (request_fields[i].name == name)
            return i;
    throw "not a request field";
}

inline bool is_phone(const checker& c)
{
    return c.slot(request_field("campaignType")).value == "1";
}

inline bool messages_true(const checker& c)
{
    const field_slot& s = c.slot(request_field("MessagesCampaign"));
    return s.type == json_type::boolean && s.boolean;
}

/// A request whose channel is surely a voice bubble: campaignType "0" without a true MessagesCampaign. One of the
/// wrong type leaves the channel unknown, as it does for the channel rules ("true" in quotes most likely meant SMS).
inline bool voice_bubble_request(const checker& c)
{
    return c.kind() == payload_kind::request && c.slot(request_field("campaignType")).value == "0" &&
           !c.failed(request_field("MessagesCampaign")) && !messages_true(c);
}

/// A request of campaignType "0": a voice bubble or a Messages campaign, which take no CallType.
inline bool non_phone_request(const checker& c)
{
    return c.kind() == payload_kind::request && c.slot(request_field("campaignType")).value == "0";
}

/// A request whose channel surely has no Position: a phone campaign, or a Messages one (campaignType "0" with
/// MessagesCampaign true).
inline bool surely_not_voice_bubble(const checker& c)
{
    return (c.kind() == payload_kind::request && is_phone(c)) || (non_phone_request(c) && messages_true(c));
}

ATLAS_DECL void check_call_type_required(checker& c)
{
    const std::size_t call = request_field("CallType");
    if (!is_phone(c) || c.slot(call).present())
        return;
    c.emit_on(rule::channel_call_type_required, call, "CallType is required when campaignType is \"1\" (phone)",
        "set \"CallType\": \"1\" (inbound) or \"2\" (outbound)");
}

ATLAS_DECL void check_call_type_omitted(checker& c)
{
    const std::size_t call = request_field("CallType");
    if (is_phone(c) || !c.slot(call).present())
        return;
    c.emit_on(rule::channel_call_type_omit, call,
        "CallType must be omitted when campaignType is \"0\" (voice bubble or Messages)",
        "remove CallType, or use campaignType \"1\" for a phone campaign");
}

ATLAS_DECL void check_messages_on_phone(checker& c)
{
    if (!is_phone(c) || !messages_true(c))
        return;
    c.emit_on(rule::channel_messages_on_phone, request_field("MessagesCampaign"),
        "MessagesCampaign must not be true on a phone campaign (campaignType \"1\")",
        "remove MessagesCampaign, or use campaignType \"0\" for a Messages campaign");
}

ATLAS_DECL void check_messages_false(checker& c)
{
    const std::size_t messages = request_field("MessagesCampaign");
    const field_slot& s = c.slot(messages);
    if (is_phone(c) || s.type != json_type::boolean || s.boolean)
        return;
    c.emit_on(rule::channel_messages_false, messages,
        "MessagesCampaign false is read as absent: this is a voice bubble campaign",
        "omit MessagesCampaign for a voice bubble, as the seed says");
}

ATLAS_DECL void check_position_required(checker& c)
{
    const std::size_t position = request_field("Position");
    if (!voice_bubble_request(c) || c.slot(position).present())
        return;
    c.emit_on(rule::channel_position_required, position,
        "Position is required for a voice bubble (campaignType \"0\" without MessagesCampaign)",
        "set Position to where the bubble sits on the page, or set \"MessagesCampaign\": true for SMS");
}

ATLAS_DECL void check_position_omitted(checker& c)
{
    // On a phone campaign Position must be absent whatever MessagesCampaign says (even a true one that
    // channel.messages-on-phone reported); only a MessagesCampaign of the wrong type leaves the channel unknown.
    const std::size_t position = request_field("Position");
    const field_slot& messages = c.slot(request_field("MessagesCampaign"));
    if (messages.present() && messages.type != json_type::boolean)
        return;
    if (!c.slot(position).present() || !(is_phone(c) || messages_true(c)))
        return;
    c.emit_on(rule::channel_position_omit, position,
        std::string("Position must be omitted for ") +
            (is_phone(c) ? "a phone campaign (campaignType \"1\")" : "a Messages campaign"),
        "remove Position: it only places a voice bubble");
}

/// "an outbound phone campaign", "a voice bubble campaign": the channel in a sentence.
inline std::string channel_in_words(campaign_channel channel)
{
    const std::string_view name = to_string(channel);
    const bool vowel = name.find_first_of("aeiou") == 0;
    return (vowel ? "an " : "a ") + std::string(name) + " campaign";
}

/// The channel, or none when it cannot be known: a phone campaign without a usable CallType, or a non-phone one
/// whose MessagesCampaign is not a boolean (voice bubble or Messages, nobody can say).
inline std::optional<campaign_channel> known_channel(const checker& c)
{
    if (is_phone(c)) {
        const std::size_t call = request_field("CallType");
        if (!c.usable(call))
            return std::nullopt;
        return c.slot(call).value == "1" ? campaign_channel::inbound_phone : campaign_channel::outbound_phone;
    }
    const field_slot& messages = c.slot(request_field("MessagesCampaign"));
    if (messages.present() && messages.type != json_type::boolean)
        return std::nullopt;
    return messages_true(c) ? campaign_channel::messages : campaign_channel::voice_bubble;
}

inline void check_channel_only(checker& c, rule r, channel_set only, std::uint64_t only_fields)
{
    // Both non-phone channels ignore these fields, so a non-phone campaign gets the warning even when its
    // MessagesCampaign leaves the channel unknown; the hint then names no channel it cannot know.
    const auto channel = known_channel(c);
    if (channel ? only.contains(*channel) : is_phone(c))
        return;
    const std::string_view where = only == channels::outbound_only ? "outbound phone" : "inbound phone";
    for_each_field_in(only_fields & c.maybe_present(), [&](std::size_t i) {
        if (c.slot(i).present()) // texts built only here: a payload without such a field allocates nothing
            c.emit_on(r, i, name_of(c, i) + " applies to " + std::string(where) + " campaigns only and will be ignored",
                "remove it, or check campaignType and CallType (this is " +
                    (channel ? channel_in_words(*channel) : std::string("a non-phone campaign")) + ")");
    });
}

ATLAS_DECL void check_outbound_only(checker& c)
{
    check_channel_only(c, rule::channel_outbound_only, channels::outbound_only, c.masks().outbound_only);
}

ATLAS_DECL void check_inbound_only(checker& c)
{
    check_channel_only(c, rule::channel_inbound_only, channels::inbound_only, c.masks().inbound_only);
}

ATLAS_DECL void check_sms_pair(checker& c)
{
    const std::size_t trigger = request_field("SMSTrigger"), body = request_field("SMSBody");
    // Text fields may hold their raw text (see read_payload): empty exactly when the decoded value is.
    const bool has_trigger = c.slot(trigger).present() && !c.slot(trigger).value.empty();
    const bool has_body = c.slot(body).present() && !c.slot(body).value.empty();
    if (has_trigger && !has_body)
        c.emit_on(rule::sms_pair, trigger, "SMSTrigger is set but SMSBody is not, so the trigger sends nothing",
            "add SMSBody, or remove SMSTrigger");
    else if (has_body && !has_trigger)
        c.emit_on(rule::sms_pair, body, "SMSBody is set but SMSTrigger is not, so the SMS is never sent",
            "add SMSTrigger, or remove SMSBody");
}

inline const template_info* find_template(const checker& c, std::string_view id) noexcept
{
    for (const template_info& t : c.opts().templates)
        if (t.id == id)
            return &t;
    return nullptr;
}

ATLAS_DECL void check_template_known(checker& c)
{
    const std::size_t field = request_field("TemplateId");
    if (c.opts().templates.empty() || !c.usable(field) || find_template(c, c.slot(field).value))
        return;
    const auto& templates = c.opts().templates;
    const std::string_view value = c.slot(field).value;
    const std::size_t limit = suggestion_limit(value.size());
    std::string_view suggestion;
    std::size_t best = limit + 1;
    for (const template_info& t : templates) { // the catalog is the caller's: no fixed array of names
        const std::size_t d = iedit_distance_ascii(value, t.id, limit);
        if (d < best) {
            best = d;
            suggestion = t.id;
        }
    }
    c.emit_on(rule::template_known, field,
        "TemplateId " + quote_value(c.slot(field).value) + " is not in the template catalog", did_you_mean(suggestion));
}

ATLAS_DECL void check_template_channel(checker& c)
{
    const std::size_t field = request_field("TemplateId");
    if (c.opts().templates.empty() || !c.usable(field))
        return;
    const template_info* t = find_template(c, c.slot(field).value);
    const auto channel = known_channel(c);
    if (!t || !channel || t->channel == *channel)
        return;
    c.emit_on(rule::template_channel, field,
        "template " + quote_value(t->id) + " is for " + std::string(to_string(t->channel)) + " campaigns, but this is " +
            channel_in_words(*channel),
        "pick the template of the same language written for this channel");
}

ATLAS_DECL void check_null(checker& c)
{
    for_each_field_in(c.maybe_null(), [&c](std::size_t i) {
        if (c.slot(i).type != json_type::null || c.slot(i).reported || c.slot(i).failed)
            return;
        if (c.field(i).type == seed_type::enumeration_or_null) // AIAssistantProvider: null is a real value
            return;
        // A request's null reads as an omitted field; a response's is kept as null (the contract's "Responses").
        if (c.kind() == payload_kind::request)
            c.emit_on(rule::field_null, i, name_of(c, i) + " is null, which is read as omitted",
                "omit " + name_of(c, i) + " instead of sending null");
        else
            c.emit_on(rule::field_null, i,
                name_of(c, i) + " is null: the seed gives it a value, and only AIAssistantProvider may be null");
    });
}

// ---------------------------------------------------------------------------------------------
// The call

/// C0 controls, DEL, and the C1 controls U+0080..U+009F (UTF-8 C2 80..C2 9F).
inline bool has_control_character(std::string_view s) noexcept
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u < 0x20 || u == 0x7F)
            return true;
        if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
            static_cast<unsigned char>(s[i + 1]) >= 0x80)
            return true;
    }
    return false;
}

/// The id as a message echoes it, with the call's api-key written over wherever the id holds it or a part of it:
/// an id cut from a URL or a line that also holds the key would otherwise print the key. Three nets:
/// - every occurrence of the key as given;
/// - every occurrence of the key without its outer white space and control characters (a key read from a file
///   keeps its line's "\n", which is itself an error, and the id then holds the key without it);
/// - every run of 8 bytes or more that the key also holds (a key cut short, or one of a header line's words).
/// Only as much of the id is read as the message can echo (64 code points, 4 bytes at most each), so the cost is
/// one pass over the key however long both are.
inline std::string id_as_echoed(std::string_view id, std::string_view api_key)
{
    constexpr std::size_t echoed_reach = 64 * 4 + 8;
    std::string echoed(id.substr(0, echoed_reach));
    const std::string_view shown(echoed.data(), echoed.size());
    const auto write_over = [&](std::string_view part) {
        if (part.empty())
            return;
        // Only where it can start within what is shown; a key past its end is cut off from the message anyway.
        const std::string_view reach = id.substr(0, echoed.size() + part.size() - 1);
        for (std::size_t at = reach.find(part); at != std::string_view::npos; at = reach.find(part, at + 1))
            echoed.replace(at, std::min(part.size(), echoed.size() - at), std::min(part.size(), echoed.size() - at), '*');
    };
    const auto loose = [](char ch) { return static_cast<unsigned char>(ch) <= 0x20 || ch == 0x7F; };
    std::string_view trimmed = api_key;
    while (!trimmed.empty() && loose(trimmed.front()))
        trimmed.remove_prefix(1);
    while (!trimmed.empty() && loose(trimmed.back()))
        trimmed.remove_suffix(1);
    // The 8-byte windows of the shown id, in a small open-addressed table (each window keeps its slot), marked
    // found in one pass over the key.
    constexpr std::size_t window = 8;
    constexpr std::size_t slots = 1024; // more than twice echoed_reach's windows
    std::vector<std::uint16_t> slot_of_window;
    std::array<bool, slots> found{};
    if (api_key.size() >= window && shown.size() >= window) {
        std::array<std::uint64_t, slots> value{};
        std::array<bool, slots> used{};
        const auto load = [](const char* p) {
            std::uint64_t x;
            std::memcpy(&x, p, window);
            return x;
        };
        // The slot that holds x, or the free one where it goes.
        const auto slot_for = [&](std::uint64_t x) {
            std::size_t slot = static_cast<std::size_t>((x * 0x9E3779B97F4A7C15ull) >> 54);
            while (used[slot] && value[slot] != x)
                slot = (slot + 1) % slots;
            return slot;
        };
        slot_of_window.resize(shown.size() - window + 1);
        for (std::size_t i = 0; i < slot_of_window.size(); ++i) {
            const std::uint64_t x = load(shown.data() + i);
            const std::size_t slot = slot_for(x);
            used[slot] = true;
            value[slot] = x;
            slot_of_window[i] = static_cast<std::uint16_t>(slot);
        }
        for (std::size_t k = 0; k + window <= api_key.size(); ++k)
            if (const std::size_t slot = slot_for(load(api_key.data() + k)); used[slot])
                found[slot] = true;
    }
    write_over(api_key);
    write_over(trimmed);
    for (std::size_t i = 0; i < slot_of_window.size(); ++i)
        if (found[slot_of_window[i]])
            echoed.replace(i, window, window, '*');
    return quote_value(echoed);
}

ATLAS_DECL void check_call_id(checker& c)
{
    const std::size_t id = field_at(c, "id");
    const std::string_view value = c.slot(id).value;
    if (!c.slot(id).present() || value.empty()) {
        c.emit_on(rule::call_id, id, "the path id is required and must not be empty", "pass the campaign ID");
        return;
    }
    const std::string_view api_key = c.slot(field_at(c, "api-key")).value;
    if (has_control_character(value)) {
        c.emit_on(rule::call_id, id, "the path id " + id_as_echoed(value, api_key) + " contains a control character");
        return;
    }
    for (char ch : value) {
        if (ch == '/') {
            c.emit_on(rule::call_id, id,
                "the path id " + id_as_echoed(value, api_key) + " contains '/', which changes the URL path",
                "pass the campaign ID alone");
            return;
        }
    }
}

ATLAS_DECL void check_api_key(checker& c)
{
    // Never echo the key: not its value, not a part of it.
    const std::size_t key = field_at(c, "api-key");
    if (has_control_character(c.slot(key).value))
        c.emit_on(rule::call_api_key, key,
            "the api-key contains a control character (CR or LF would inject HTTP headers)",
            "copy the key again from the Atlas Portal, Settings > API Keys");
}

} // namespace atlas::detail

#endif
