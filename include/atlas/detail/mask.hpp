// atlas: masking the credential in free text (source lines, messages), byte for byte so that offsets stay.
#ifndef ATLAS_DETAIL_MASK_HPP
#define ATLAS_DETAIL_MASK_HPP

#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/diagnostic.hpp>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
#include <emmintrin.h>
#endif

namespace atlas::detail {

/// Writes '*' over text[from, to) in masked (a copy of the text made on the first call).
inline void mask_bytes(std::string& masked, std::string_view text, std::size_t from, std::size_t to)
{
    if (masked.empty())
        masked.assign(text);
    for (std::size_t k = from; k < to && k < masked.size(); ++k)
        masked[k] = '*';
}

/// A byte of a word that may be a credential: an API key's letters, digits and the marks of base64 and URLs.
constexpr bool secret_byte(char c) noexcept
{
    return json_impl::is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
}

/// The last net, for text that is neither JSON nor a header line: the credential's name anywhere as a word, in quotes
/// or not, then ':' or '=' and a value, masked to its closing quote or to the end of the word. A Python dict
/// ({'api-key': '...'}), a bare key ({api-key: "..."}), a header after JSON on its line, "api-key = ...",
/// "--header=api-key:..." and "--api-key=..." all leaked through the passes above; so did “api-key”: “...”, pasted
/// from a document. Masking more than a credential hides only bytes after a credential's name and its ':', '=' or space,
/// in a source line or a message's echo of a value, never a diagnostic.
inline void mask_api_key_assignments(std::string_view text, std::string& masked, bool in_message = false)
{
    const auto word_byte = [](char c) { return json_impl::is_alnum(c) || c == '-' || c == '_' || c == '.'; };
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    for (std::size_t p = 0; p < text.size();) {
        if (!word_byte(text[p])) {
            ++p;
            continue;
        }
        const std::size_t name = p;
        while (p < text.size() && word_byte(text[p]))
            ++p;
        const std::string_view word = text.substr(name, p - name);
        // "self.api_key", "client.api-key": names_api_key reads any prefix and takes '.' as a separator.
        if (!names_api_key(word))
            continue;
        std::size_t q = p;
        if (q + 1 < text.size() && text[q] == '\\' && text[q + 1] == '"')
            q += 2; // \" closing the name inside a string's content
        else if (q < text.size() && (text[q] == '"' || text[q] == '\''))
            ++q;
        else if (typographic_quote_at(text, q) != typographic_quote::none)
            q += 3; // “api-key”: pasted from a document
        if (q < text.size() && text[q] == ']')
            ++q; // headers["api-key"] = ...
        const std::size_t name_end = q;
        while (q < text.size() && space(text[q]))
            ++q;
        if (q >= text.size() || (text[q] != ':' && text[q] != '=')) {
            // "api-key sk_live_...", "Authorization: api-key ...": the name, a space and a word that looks like a key
            // (letters and digits both, eight bytes or more), as a header's scheme and credential are written.
            // Prose ("the api-key header") has no such word.
            if (q > name_end) {
                std::size_t to = q;
                bool letter = false, digit = false;
                while (to < text.size() && secret_byte(text[to])) {
                    letter = letter || (json_impl::is_alnum(text[to]) && !json_impl::is_digit(text[to]));
                    digit = digit || json_impl::is_digit(text[to]);
                    ++to;
                }
                if (to - q >= 8 && letter && digit) {
                    mask_bytes(masked, text, q, to);
                    p = to;
                }
            }
            continue;
        }
        ++q;
        if (text[q - 1] == '=' && q < text.size() && text[q] == '>')
            ++q; // Ruby's and PHP's "=>"
        while (q < text.size() && space(text[q]))
            ++q;
        std::size_t from = q, to = q;
        std::size_t run = 0; // backslashes before a quote: \" in a string's content, \\\" in content's content
        while (q + run < text.size() && text[q + run] == '\\')
            ++run;
        if (run > 0 && q + run < text.size() && text[q + run] == '"') {
            // To the quote escaped as often as the opening one (one escaped more often is inside the value).
            from = to = q + run + 1;
            for (; to < text.size() && text[to] != '\n'; ++to) {
                if (text[to] != '"')
                    continue;
                std::size_t before = 0;
                while (to - before > from && text[to - before - 1] == '\\')
                    ++before;
                if (before <= run) {
                    to -= before;
                    break;
                }
            }
        } else if (in_message && q < text.size() && text[q] == '"') {
            continue; // a message's own quote, closing the value it echoes ("see api-key:"): nothing assigned
        } else if (q < text.size() && (text[q] == '"' || text[q] == '\'')) {
            from = to = q + 1;
            while (to < text.size() && text[to] != '\n' && text[to] != text[q])
                to += text[to] == '\\' && to + 1 < text.size() && text[to + 1] != '\n' ? 2u : 1u;
        } else if (typographic_quote_at(text, q) != typographic_quote::none) { // to any closing quote, typographic or not
            from = to = q + 3;
            while (to < text.size() && text[to] != '\n' && text[to] != '"' && typographic_quote_at(text, to) == typographic_quote::none)
                ++to;
        } else
            while (to < text.size() && !space(text[to]) && text[to] != '\n' && text[to] != '\r' && text[to] != ',' &&
                   text[to] != '}' && text[to] != ']' && text[to] != ';' && text[to] != '&' && text[to] != '"' &&
                   text[to] != '\'')
                ++to;
        mask_bytes(masked, text, from, std::min(to, text.size()));
        p = std::max(p, to);
    }
}

/// The first "api" in any case at or after from, or npos. Every diagnostic's message, hint and path is searched
/// for it, and a report of many diagnostics spent more time here than on ordering and placing them: sixteen
/// bytes are compared at a time where SSE2 is there.
inline std::size_t find_api_ascii(std::string_view s, std::size_t from) noexcept
{
    const auto at = [&](std::size_t i) {
        return (s[i] | 0x20) == 'a' && (s[i + 1] | 0x20) == 'p' && (s[i + 2] | 0x20) == 'i';
    };
    std::size_t i = from;
#if defined(__SSE2__) && !defined(ATLAS_JSON_NO_SIMD)
    const __m128i lower = _mm_set1_epi8(0x20);
    const auto block = [&](std::size_t k) {
        return _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + k)), lower);
    };
    for (; i + 18 <= s.size(); i += 16) { // the blocks at i, i + 1 and i + 2 are all inside s
        const __m128i hits = _mm_and_si128(_mm_cmpeq_epi8(block(i), _mm_set1_epi8('a')),
            _mm_and_si128(_mm_cmpeq_epi8(block(i + 1), _mm_set1_epi8('p')), _mm_cmpeq_epi8(block(i + 2), _mm_set1_epi8('i'))));
        if (const int mask = _mm_movemask_epi8(hits); mask != 0)
            return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
#endif
    for (; i + 3 <= s.size(); ++i)
        if (at(i))
            return i;
    return std::string_view::npos;
}

/// Whether s has "api", separators (as names_api_key skips them) and "key", in any case: every name of the
/// credential has them, so a text without them names none.
inline bool may_name_api_key(std::string_view s) noexcept
{
    const auto at = [&](std::size_t i, std::string_view lower) {
        if (i + lower.size() > s.size())
            return false;
        for (std::size_t k = 0; k < lower.size(); ++k)
            if ((s[i + k] | 0x20) != lower[k])
                return false;
        return true;
    };
    for (std::size_t i = find_api_ascii(s, 0); i != std::string_view::npos && i + 6 <= s.size(); i = find_api_ascii(s, i + 1)) {
        std::size_t k = i + 3;
        while (k < s.size() && is_name_separator(s[k]))
            ++k;
        if (at(k, "key"))
            return true;
    }
    return false;
}

/// Masks, in place, a credential assigned inside a diagnostic's message or hint: a value echoed from the payload
/// ("Timezone \"api-key=...\" is not ...") would otherwise print it in every report form. A text that names no
/// credential, which is nearly every message, is neither walked nor copied.
inline void mask_api_key_assignments_in(std::string& s, bool in_message = true)
{
    if (!may_name_api_key(s))
        return;
    std::string masked;
    mask_api_key_assignments(s, masked, in_message);
    if (!masked.empty())
        s = std::move(masked);
}

/// The same over every diagnostic of a report: out of line, so that the path of a clean payload stays as small.
/// (Diagnostics, not the report: report.hpp includes its definitions, which include this, in header-only builds.)
[[gnu::noinline]] inline void mask_api_key_assignments_in(std::vector<diagnostic>& diagnostics)
{
    for (diagnostic& d : diagnostics) {
        mask_api_key_assignments_in(d.message);
        mask_api_key_assignments_in(d.hint);
        // An unknown key "api-key: ..." is its own pointer's last token. A pointer has no quotes of its own: a '"'
        // after the name opens the value, as in payload text.
        mask_api_key_assignments_in(d.path, false);
    }
}

} // namespace atlas::detail

#endif
