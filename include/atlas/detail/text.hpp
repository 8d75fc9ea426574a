// atlas internals: safe text for reports -- escaping, cutting, positions.
#ifndef ATLAS_DETAIL_TEXT_HPP
#define ATLAS_DETAIL_TEXT_HPP

#include <atlas/detail/suggest.hpp>
#include <atlas/detail/utf8.hpp>

#include <cstddef>
#include <cstring>
#include <span>
#include <cstdint>
#include <string>
#include <string_view>

#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
#include <emmintrin.h>
#endif

namespace atlas::detail {

/// Length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes there are not one.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept
{
    return read_utf8_sequence(reinterpret_cast<const unsigned char*>(s.data() + i), s.size() - i).length;
}

/// Whether s is whole, valid UTF-8 (a typed value is built in code, so nothing has vouched for it).
inline bool is_utf8(std::string_view s) noexcept
{
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) { // most of it
            ++i;
            continue;
        }
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

inline void append_hex4(std::string& out, unsigned value)
{
    static constexpr char digits[] = "0123456789abcdef";
    out += digits[(value >> 12) & 0xF];
    out += digits[(value >> 8) & 0xF];
    out += digits[(value >> 4) & 0xF];
    out += digits[value & 0xF];
}

/// The code point of the valid n-byte UTF-8 sequence at s[i].
inline unsigned code_point_at(std::string_view s, std::size_t i, std::size_t n) noexcept
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[i + k])); };
    switch (n) {
    case 2: return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    case 3: return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    case 4: return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    default: return byte(0);
    }
}

/// The code point of the n-byte UTF-8 sequence at s[i] when no report may show it raw, else 0: C1 controls
/// (U+0080..U+009F), the line and paragraph separators (U+2028, U+2029) and the bidirectional overrides and isolates
/// (U+202A..U+202E, U+2066..U+2069, which reorder what a reader sees), and the invisible characters below.
inline unsigned unprintable_code_point(std::string_view s, std::size_t i, std::size_t n) noexcept
{
    if (n < 2 || n > 4)
        return 0;
    const unsigned cp = code_point_at(s, i, n);
    if (n == 2) // C1 controls; the soft hyphen, the combining grapheme joiner and the Arabic letter mark
        return cp <= 0x9F || cp == 0xAD || cp == 0x34F || cp == 0x61C ? cp : 0;
    if (n == 4) // tag characters, invisible
        return cp >= 0xE0000 && cp <= 0xE007F ? cp : 0;
    // Also the invisible ones: zero-width spaces and joiners, the left-to-right and right-to-left marks, word
    // joiners, a byte-order mark, and U+FFFE/U+FFFF (no characters): a value that looks right but holds one
    // ("Europe/Berlin" with a zero-width space) must show why it is wrong.
    // And the fillers and invisible vowels that render as nothing (Hangul, Khmer, the Mongolian vowel separator).
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
                   (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) || cp >= 0xFFFE ||
                   cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 || cp == 0x180E || cp == 0x3164 ||
                   cp == 0xFFA0
               ? cp
               : 0;
}

/// The terminal columns a printable code point takes, so that a caret stands under its spot after Chinese,
/// Japanese, Korean or emoji on the same line: 2 for East Asian Wide and Fullwidth characters and for emoji shown
/// as pictures, 0 for the combining marks of the Latin, Greek, Cyrillic, Hebrew and Arabic scripts and for
/// variation selectors, 1 for the rest. (Unicode 15's East Asian Width, in ranges; terminals differ on the
/// "ambiguous" ones, which count 1 here, as most terminals outside East Asian locales show them. The emoji blocks
/// U+1F300-1F64F and U+1F900-1F9FF count 2 whole: a few text-style symbols in them take 1.)
inline unsigned display_columns(unsigned cp) noexcept
{
    if (cp < 0x300)
        return 1;
    struct range {
        unsigned first, last, columns;
    };
    static constexpr range ranges[] = {{0x0300, 0x036F, 0}, {0x0483, 0x0489, 0}, {0x0591, 0x05BD, 0},
        {0x05BF, 0x05BF, 0}, {0x05C1, 0x05C2, 0}, {0x05C4, 0x05C5, 0}, {0x05C7, 0x05C7, 0}, {0x0610, 0x061A, 0},
        {0x064B, 0x065F, 0}, {0x0670, 0x0670, 0}, {0x06D6, 0x06DC, 0}, {0x06DF, 0x06E4, 0}, {0x06E7, 0x06E8, 0},
        {0x06EA, 0x06ED, 0}, {0x1100, 0x115F, 2}, {0x1AB0, 0x1AFF, 0}, {0x1DC0, 0x1DFF, 0}, {0x20D0, 0x20FF, 0},
        {0x231A, 0x231B, 2}, {0x2329, 0x232A, 2}, {0x23E9, 0x23EC, 2}, {0x23F0, 0x23F0, 2}, {0x23F3, 0x23F3, 2},
        {0x25FD, 0x25FE, 2}, {0x2614, 0x2615, 2}, {0x2648, 0x2653, 2}, {0x267F, 0x267F, 2}, {0x2693, 0x2693, 2},
        {0x26A1, 0x26A1, 2}, {0x26AA, 0x26AB, 2}, {0x26BD, 0x26BE, 2}, {0x26C4, 0x26C5, 2}, {0x26CE, 0x26CE, 2},
        {0x26D4, 0x26D4, 2}, {0x26EA, 0x26EA, 2}, {0x26F2, 0x26F3, 2}, {0x26F5, 0x26F5, 2}, {0x26FA, 0x26FA, 2},
        {0x26FD, 0x26FD, 2}, {0x2705, 0x2705, 2}, {0x270A, 0x270B, 2}, {0x2728, 0x2728, 2}, {0x274C, 0x274C, 2},
        {0x274E, 0x274E, 2}, {0x2753, 0x2755, 2}, {0x2757, 0x2757, 2}, {0x2795, 0x2797, 2}, {0x27B0, 0x27B0, 2},
        {0x27BF, 0x27BF, 2}, {0x2B1B, 0x2B1C, 2}, {0x2B50, 0x2B50, 2}, {0x2B55, 0x2B55, 2}, {0x2E80, 0x3029, 2},
        {0x302A, 0x302D, 0}, {0x302E, 0x303E, 2}, {0x3041, 0x3098, 2}, {0x3099, 0x309A, 0}, {0x309B, 0x33FF, 2},
        {0x3400, 0x4DBF, 2}, {0x4DC0, 0x4DFF, 2}, {0x4E00, 0x9FFF, 2},
        {0xA000, 0xA4CF, 2}, {0xA960, 0xA97F, 2}, {0xAC00, 0xD7A3, 2}, {0xF900, 0xFAFF, 2}, {0xFE00, 0xFE0F, 0},
        {0xFE10, 0xFE19, 2}, {0xFE20, 0xFE2F, 0}, {0xFE30, 0xFE6F, 2}, {0xFF00, 0xFF60, 2}, {0xFFE0, 0xFFE6, 2},
        {0x16FE0, 0x16FE4, 2}, {0x16FF0, 0x16FF1, 2}, {0x17000, 0x18CFF, 2}, {0x18D00, 0x18D08, 2},
        {0x1AFF0, 0x1AFFE, 2}, {0x1B000, 0x1B2FF, 2}, {0x1F004, 0x1F004, 2},
        {0x1F0CF, 0x1F0CF, 2}, {0x1F18E, 0x1F18E, 2}, {0x1F191, 0x1F19A, 2}, {0x1F200, 0x1F2FF, 2},
        {0x1F300, 0x1F64F, 2}, {0x1F680, 0x1F6FF, 2}, {0x1F7E0, 0x1F7EB, 2}, {0x1F7F0, 0x1F7F0, 2}, {0x1F900, 0x1F9FF, 2},
        {0x1FA70, 0x1FAFF, 2}, {0x20000, 0x2FFFD, 2}, {0x30000, 0x3FFFD, 2}, {0xE0100, 0xE01EF, 0}};
    std::size_t lo = 0, hi = std::size(ranges);
    while (lo < hi) { // the first range that ends at or after cp
        const std::size_t mid = (lo + hi) / 2;
        if (ranges[mid].last < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < std::size(ranges) && ranges[lo].first <= cp ? ranges[lo].columns : 1;
}

/// Appends code point cp as a JSON escape: \uXXXX, or a surrogate pair of them above U+FFFF.
inline void append_code_point_escape(std::string& out, unsigned cp)
{
    if (cp > 0xFFFF) {
        cp -= 0x10000;
        out += "\\u";
        append_hex4(out, 0xD800 + (cp >> 10));
        cp = 0xDC00 + (cp & 0x3FF);
    }
    out += "\\u";
    append_hex4(out, cp);
}

/// The typographic quote that starts at content[at]: a double one (\u201c \u201d \u201e \u201f), a single one
/// (\u2018 \u2019), or none. Each is three bytes of UTF-8, E2 80 98-9F.
enum class typographic_quote : std::uint8_t { none, single, double_quote };
inline typographic_quote typographic_quote_at(std::string_view content, std::size_t at) noexcept
{
    if (at + 3 > content.size() || content[at] != '\xE2' || content[at + 1] != '\x80')
        return typographic_quote::none;
    switch (static_cast<unsigned char>(content[at + 2])) {
    case 0x9C: case 0x9D: case 0x9E: case 0x9F: return typographic_quote::double_quote;
    case 0x98: case 0x99: return typographic_quote::single;
    default: return typographic_quote::none;
    }
}

/// Whether a key names the credential: api-key in any case, and the spellings people paste for it (apikey,
/// api_key, ApiKey, x-api-key, "api key", api-keys), also after a prefix (ATLAS_API_KEY, X-Atlas-Api-Key). A
/// credential is masked whatever the key it was pasted under.
/// The bytes a credential's name may have between and around its words (api-key, api_key, "api key", api.key).
constexpr bool is_name_separator(char c) noexcept
{
    return c == '-' || c == '_' || c == ' ' || c == '.';
}

/// A name or word in lower case without separators: "Template-Id", "template_id" and "non-phone" as "templateid"
/// and "nonphone", for matching words written apart or together.
inline std::string words_folded(std::string_view s)
{
    std::string out;
    for (const char ch : s)
        if (!is_name_separator(ch))
            out += to_lower_ascii(ch);
    return out;
}

inline bool names_api_key(std::string_view key) noexcept
{
    // From the end, separators skipped: "apikey" or "apikeys" last, whatever comes before (no length cap: a long
    // prefix, ATLAS_PRODUCTION_ENVIRONMENT_API_KEY, is a credential too).
    const auto ends_with_folded = [&](std::string_view word) {
        std::size_t at = key.size();
        for (std::size_t k = word.size(); k > 0; --k) {
            while (at > 0 && is_name_separator(key[at - 1]))
                --at;
            if (at == 0)
                return false;
            const char c = key[--at];
            if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != word[k - 1])
                return false;
        }
        return true;
    };
    return ends_with_folded("apikey") || ends_with_folded("apikeys");
}

/// Appends `s` as the contents of a JSON string (no quotes): escapes quotes, backslashes and
/// control characters; replaces bytes that are not UTF-8 with U+FFFD so the output always parses.
inline void append_json_escaped(std::string& out, std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8_sequence_length(s, i);
            if (n == 0) {
                out += "\\ufffd";
                ++i;
            } else if (const unsigned cp = unprintable_code_point(s, i, n); cp != 0) {
                // Valid in JSON, but U+2028 and U+2029 are line breaks to many readers (JavaScript before ES2019,
                // Python's splitlines: the one line per report would be two), and C1 and bidirectional controls
                // drive or reorder a terminal that shows the line: escaped, as append_printable_character does.
                append_code_point_escape(out, cp);
                i += n;
            } else {
                out.append(s.substr(i, n));
                i += n;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u";
                append_hex4(out, c);
            } else
                out += static_cast<char>(c);
        }
        ++i;
    }
}

/// A number literal as shown in a message: cut to 64 characters like any echoed value, with "…" when cut, so
/// that a cut number does not read as another value.
inline std::string shown_number(std::string_view literal)
{
    return literal.size() <= 64 ? std::string(literal) : std::string(literal.substr(0, 64)) + "\u2026";
}

/// Appends the character at s[i] so that it cannot drive a terminal, and returns where the next one starts:
/// C0 controls, DEL, C1 controls (U+0080..U+009F), the line and paragraph separators (U+2028, U+2029, line breaks
/// to some terminals and editors) and the bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069,
/// which reorder what a reader sees) as \uXXXX; a byte that is not UTF-8 as \xNN.
inline std::size_t append_printable_character(std::string& out, std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        if (c < 0x20 || c == 0x7F) {
            out += "\\u";
            append_hex4(out, c);
        } else
            out += static_cast<char>(c);
        return i + 1;
    }
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
        out += "\\x";
        out += "0123456789abcdef"[c >> 4];
        out += "0123456789abcdef"[c & 0xF];
        return i + 1;
    }
    if (const unsigned code_point = unprintable_code_point(s, i, n); code_point != 0)
        append_code_point_escape(out, code_point);
    else
        out.append(s.substr(i, n));
    return i + n;
}

/// A value from the input, made safe to echo in a message: in double quotes, cut after
/// `max_code_points` (with "…"), quotes and backslashes escaped and the rest as append_printable_character
/// writes it, so nothing in it can drive a terminal or break a report.
inline std::string quote_value(std::string_view s, std::size_t max_code_points = 64)
{
    std::string out = "\"";
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        if (count == max_code_points) {
            out += "\u2026";
            break;
        }
        if (s[i] == '"' || s[i] == '\\') {
            out += '\\';
            out += s[i++];
        } else
            i = append_printable_character(out, s, i);
    }
    out += '"';
    return out;
}

/// Text from the input or the caller (a pointer, a file name) made safe for a terminal, whole and unquoted.
inline std::string printable(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();)
        i = append_printable_character(out, s, i);
    return out;
}

/// RFC 6901: appends "/" and the token with '~' as "~0" and '/' as "~1".
inline void append_pointer_token(std::string& pointer, std::string_view token)
{
    pointer += '/';
    for (char c : token) {
        if (c == '~')
            pointer += "~0";
        else if (c == '/')
            pointer += "~1";
        else
            pointer += c;
    }
}

inline void append_pointer_index(std::string& pointer, std::size_t index)
{
    pointer += '/';
    pointer += std::to_string(index);
}

/// 1-based line and column (in code points) of a byte offset. Lines end at '\n'.
struct text_position {
    std::size_t line = 1;
    std::size_t column = 1;
};

/// How many bytes of [first, last) start a code point (are not UTF-8 continuation bytes 10xxxxxx).
inline std::size_t count_code_points(const char* first, const char* last) noexcept
{
    std::size_t continuation = 0;
    const char* p = first;
#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
    // Sixteen bytes at a time: a continuation byte is below -64 as a signed char.  Each byte lane
    // counts down by one per hit (a compare gives -1) for at most 255 hits, then the lanes are
    // summed with a sum of absolute differences. Four blocks a step: most payloads are one line, and
    // a diagnostic's column counted the line up to it at one block a step.
    const __m128i below = _mm_set1_epi8(-64);
    const auto hits = [&](const char* at) {
        return _mm_cmplt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(at)), below);
    };
    while (last - p >= 16) {
        __m128i lanes = _mm_setzero_si128();
        int step = 0;
        for (; step < 63 && last - p >= 64; ++step, p += 64)
            lanes = _mm_add_epi8(lanes,
                _mm_add_epi8(_mm_add_epi8(hits(p), hits(p + 16)), _mm_add_epi8(hits(p + 32), hits(p + 48))));
        for (int block = 0; block < 3 && last - p >= 16; ++block, p += 16) // 63 x 4 + 3 = 255 at most
            lanes = _mm_add_epi8(lanes, hits(p));
        const __m128i sums = _mm_sad_epu8(_mm_sub_epi8(_mm_setzero_si128(), lanes), _mm_setzero_si128());
        continuation += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
                        static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
    }
#endif
    for (; last - p >= 8; p += 8) { // eight bytes at a time: bit 7 set and bit 6 clear
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        // One bit per continuation byte, summed by a multiply (std::popcount is a libgcc call
        // on x86-64 without -mpopcnt).
        const std::uint64_t marks = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        continuation += static_cast<std::size_t>((marks * 0x0101010101010101ull) >> 56);
    }
    for (; p != last; ++p)
        continuation += (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
    return static_cast<std::size_t>(last - first) - continuation;
}

/// Walks the text forward from a known position; call with increasing offsets for linear cost.
/// Lines are found with memchr and columns counted a word at a time: a report on a large payload
/// pays for the walk only up to its last diagnostic.
class position_tracker {
public:
    explicit position_tracker(std::string_view text) noexcept : text_(text) {}

    text_position at(std::size_t offset) noexcept
    {
        if (offset < offset_) { // going back: start over (only when offsets are not sorted)
            offset_ = 0;
            position_ = {};
        }
        if (offset > text_.size())
            offset = text_.size();
        const char* p = text_.data() + offset_;
        const char* const target = text_.data() + offset;
        while (p < target) { // never memchr(nullptr, ...): an empty text may have no data
            const void* newline = std::memchr(p, '\n', static_cast<std::size_t>(target - p));
            if (!newline)
                break;
            ++position_.line;
            position_.column = 1;
            p = static_cast<const char*>(newline) + 1;
        }
        position_.column += count_code_points(p, target);
        offset_ = offset;
        return position_;
    }

private:
    std::string_view text_;
    std::size_t offset_ = 0;
    text_position position_;
};

/// "unknown profile "stric": did you mean "strict"?", or with no near name the list of the names that do when
/// it is short: the one message of every misspelt name of the options and the CLI.
inline std::string unknown_name(std::string_view what, std::string_view name, std::span<const std::string_view> known)
{
    std::string s = "unknown " + std::string(what) + " " + quote_value(name);
    if (const auto suggestion = best_suggestion(name, known); !suggestion.empty())
        s += ": did you mean " + quote_value(suggestion) + "?";
    else if (known.size() <= 12) { // nothing near: a short list says what would do
        s += " (one of ";
        for (std::size_t k = 0; k < known.size(); ++k)
            s += (k ? ", " : "") + quote_value(known[k]);
        s += ")";
    }
    return s;
}

} // namespace atlas::detail

#endif
