// atlas: out-of-line definitions for validate.hpp -- reading the text into field slots, running the
// rule table, and finishing the report.
#ifndef ATLAS_IMPL_VALIDATE_HPP
#define ATLAS_IMPL_VALIDATE_HPP

#include <atlas/detail/checker.hpp>
#include <atlas/validate.hpp>
#include <atlas/detail/field_lookup.hpp>
#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/syntax_help.hpp>
#include <atlas/detail/mask.hpp>
#include <atlas/detail/suggest.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/fields.hpp>
#include <atlas/impl/checks.hpp>
#include <atlas/impl/rule_context.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <vector>

namespace atlas::detail {

template <std::size_t N>
constexpr std::array<std::string_view, N> names_of(const field_info (&table)[N]) noexcept
{
    std::array<std::string_view, N> names{};
    for (std::size_t i = 0; i < N; ++i)
        names[i] = table[i].name;
    return names;
}
inline constexpr auto request_field_names = names_of(request_fields);
inline constexpr auto response_field_names = names_of(response_fields);

inline rule rule_for(json_error e) noexcept
{
    switch (e) {
    case json_error::byte_order_mark:
    case json_error::invalid_utf8:
    case json_error::lone_surrogate: return rule::json_encoding;
    case json_error::too_deep:
    case json_error::string_too_long: return rule::json_limit;
    default: return rule::json_syntax;
    }
}

inline std::string hint_for(json_error e)
{
    switch (e) {
    case json_error::byte_order_mark: return "save the file as UTF-8 without a byte-order mark";
    case json_error::invalid_utf8: return "save the file as UTF-8";
    case json_error::lone_surrogate: return "pair every \\uD800-\\uDBFF escape with a \\uDC00-\\uDFFF escape";
    case json_error::too_deep: return "nest less deeply, or raise options::max_depth";
    case json_error::string_too_long: return "shorten the string, or raise options::max_string_bytes";
    default: return {};
    }
}

/// Whether text that is no JSON starts as UTF-16 or UTF-32 without a byte-order mark would: an ASCII character with
/// zero bytes beside it, in one of the four patterns of RFC 4627's section 3 (00 xx, xx 00, 00 00 00 xx).
inline bool looks_like_utf16_or_utf32(std::string_view text) noexcept
{
    if (text.size() < 2)
        return false;
    const auto ascii = [](char c) { return c != 0 && static_cast<unsigned char>(c) < 0x80; };
    if (ascii(text[0]))
        return text[1] == 0; // xx 00: UTF-16LE or UTF-32LE
    if (text[0] != 0)
        return false;
    if (ascii(text[1]))
        return true; // 00 xx: UTF-16BE
    return text.size() >= 4 && text[1] == 0 && text[2] == 0 && ascii(text[3]); // 00 00 00 xx: UTF-32BE
}

/// Adds the one root diagnostic of text that cannot be read as a JSON payload, dropping the rest.
inline void reject_text(checker& c, const json_reader& reader)
{
    const json_error e = reader.error();
    const std::size_t offset = reader.error_offset();
    c.discard_diagnostics();
    const rule r = rule_for(e);
    // Nothing but white space ends "in the middle of a value" only to the reader: to a person it is empty.
    if (e == json_error::unexpected_end &&
        c.text().find_first_not_of(" \t\r\n") == std::string_view::npos) {
        c.emit(r, "", offset,
            c.text().empty() ? "the input is empty: a payload is a JSON object"
                             : "the input holds only white space: a payload is a JSON object",
            "");
        return;
    }
    // A limit names its option and value, as the typed path and JSON held in a string do. Its path is the root, as
    // a syntax error's: the text is read no further, so no pointer below it is known to hold.
    if (e == json_error::too_deep || e == json_error::string_too_long) {
        c.emit(r, "", offset,
            e == json_error::too_deep
                ? "the input nests arrays and objects deeper than options::max_depth (" +
                      std::to_string(c.opts().max_depth) + ")"
                : "the input has a string longer than options::max_string_bytes (" +
                      std::to_string(c.opts().max_string_bytes) + " bytes, as written between its quotes)",
            hint_for(e));
        return;
    }
    // Saved as UTF-16 or UTF-32 without a mark, a file is read as ASCII with zero bytes between: the reader's
    // "\u0000 where a key must come" would hide what is wrong with the whole file, as a mark's error does not.
    if (r == rule::json_syntax && looks_like_utf16_or_utf32(c.text())) {
        c.emit(rule::json_encoding, "", 0,
            "the input is not valid UTF-8 JSON: it looks like UTF-16 or UTF-32 (zero bytes beside its characters)",
            "save the file as UTF-8");
        return;
    }
    syntax_help help = explain_syntax_error(reader);
    c.emit(r, "", offset,
        std::string(r == rule::json_encoding ? "the input is not valid UTF-8 JSON: " : "the input is not valid JSON: ") +
            (help.what.empty() ? std::string(describe(e)) : std::move(help.what)),
        help.what.empty() ? hint_for(e) : std::move(help.hint));
}

/// The name among `names` that `key` spells with other separators or case ("feature_redial_on_no_response",
/// "Template-Id"), or an empty view.
inline std::string_view same_words(std::string_view key, std::span<const std::string_view> names)
{
    if (key.size() > 128)
        return {};
    const std::string folded = words_folded(key);
    for (const std::string_view name : names)
        if (words_folded(name) == folded)
            return name;
    return {};
}

/// What the did-you-mean of an unknown field adds when the field it names is in the payload too: renamed, the key
/// would be that field twice.
inline constexpr std::string_view given_already_note = " (it is given already: keep one of the two)";

/// Reports an unknown field, with a did-you-mean among this side's names; a field of the other side, or a near
/// miss of one when no field of this side is near, is named as such ("partitionkey" in a request is
/// PartitionKey, which the server sets). The text and the typed path both report through here. `given`: bit i for
/// field i that the payload has (so far). Returns the position in `names` of the field the hint names, or
/// names.size() when it names none.
inline std::size_t emit_unknown_field(checker& c, std::string_view key, std::string path, std::size_t offset,
    std::span<const std::string_view> names, std::span<const std::string_view> other_side_names,
    std::uint64_t given = 0)
{
    // A field's name after the word "campaign" ("CampaignName", "campaign_TemplateId") is that field, whatever its
    // spelling is near: "CampaignName" is three edits from "campaignType", a guess that traded the warning for an
    // enum.value error.
    std::string_view after_campaign;
    if (key.size() > 8 && iequals_ascii(key.substr(0, 8), "campaign")) {
        after_campaign = key.substr(8);
        while (!after_campaign.empty() && is_name_separator(after_campaign.front()))
            after_campaign.remove_prefix(1);
    }
    std::string_view near;
    if (!after_campaign.empty())
        for (const std::string_view name : names)
            if (iequals_ascii(name, after_campaign))
                near = name;
    if (near.empty() && !after_campaign.empty())
        near = same_words(after_campaign, names);
    if (near.empty())
        near = best_suggestion(key, names);
    if (near.empty()) // words written apart ("feature_redial_on_no_response"): each separator counts as an edit
        near = same_words(key, names);
    std::string hint = did_you_mean(near);
    std::size_t named = near.empty() ? names.size()
                                     : static_cast<std::size_t>(std::find(names.begin(), names.end(), near) - names.begin());
    if (named < names.size() && named < 64 && ((given >> named) & 1u) != 0)
        hint += given_already_note;
    std::size_t named_field = names.size(); // what the hint names in the end
    std::string_view other;
    if (std::find(other_side_names.begin(), other_side_names.end(), key) != other_side_names.end())
        other = key;
    else if (hint.empty())
        other = best_suggestion(key, other_side_names);
    if (!other.empty())
        hint = (other == key ? std::string() : did_you_mean(other) + " ") + quote_value(other) +
               (c.kind() == payload_kind::request ? " is a response field: the server sets it"
                                                  : " is a request field, not part of the response");
    // The call's other two parts, put in the body by mistake.
    if (names_api_key(key))
        hint = "the api-key authenticates the call as a header: send it there, never in the body";
    else if (iequals_ascii(key, "id") || iequals_ascii(after_campaign, "id"))
        hint = "the campaign ID is the path parameter of the call, not a body field";
    else if (other.empty())
        named_field = named;
    c.emit(rule::field_unknown, std::move(path), offset,
        quote_value(key) + " is not a field of the " + (c.kind() == payload_kind::request ? "request" : "response"),
        std::move(hint));
    return named_field;
}

/// An unknown key whose did-you-mean names a field that comes later in the text: the note that the field is given
/// goes on once the whole payload is read (read_payload records such keys in ws.unknown_near_later).
inline void note_fields_given_later(report& out, const workspace& ws)
{
    for (const auto& [offset, field] : ws.unknown_near_later) {
        if (((ws.touched_slots >> field) & 1u) == 0)
            continue;
        for (diagnostic& d : out.diagnostics)
            if (d.offset == offset && d.rule == info(rule::field_unknown).id)
                d.hint += given_already_note;
    }
}

/// What a walk through the payload's values finds (a duplicate key, a number too large): reported as the payload's.
struct payload_report {
    checker& c;
    bool only_counted(rule r) const noexcept { return c.beyond_limit_after(0, c.rank_of(r)); }
    void operator()(rule r, std::string pointer, std::size_t offset, std::string message) const
    {
        c.emit(r, std::move(pointer), offset, std::move(message), walk_hint(r));
    }
};

/// A walk that only reads (a root that is no object gets one error of its own).
struct report_nothing {
    bool only_counted(rule) const noexcept { return true; }
    void operator()(rule, std::string, std::size_t, std::string) const noexcept {}
};

/// Reads the payload text into slots (one per known field), reporting what the text itself breaks:
/// syntax, encoding, limits, duplicate keys, non-finite numbers, unknown fields.
/// Returns false when the text is not a JSON object (the report then holds that one error).
template <std::size_t N, class Lookup>
bool read_payload(checker& c, workspace& ws, std::string_view text, const std::array<std::string_view, N>& names,
    std::span<const std::string_view> other_side_names, const Lookup& lookup)
{
    const auto fields = c.fields();
    const options& opts = c.opts();
    if (text.size() > opts.max_input_bytes) {
        // At the first byte: the whole input is too large, and placing the error at the limit would read up to it
        // for line and column (a C caller who gave a length beyond its buffer would be read there too).
        c.emit(rule::json_limit, "", 0,
            "the input is larger than options::max_input_bytes (" + std::to_string(opts.max_input_bytes) + " bytes)",
            "raise options::max_input_bytes, or send a smaller payload");
        return false;
    }
    json_reader& reader = ws.reader;
    reader.reset(text, opts.max_depth, opts.max_string_bytes);
    // Duplicates among the payload's own keys: a known field is a duplicate when its slot was already
    // written this time; only unknown keys go to the reader's table.
    reader.leave_root_keys_to_caller();
    const json_token first = reader.next();
    if (first.kind == token_kind::error) {
        reject_text(c, reader);
        return false;
    }
    if (first.kind != token_kind::object_begin) {
        const json_token& root = first;
        const bool read = walk_value(reader, first, "", ws.stack, report_nothing{});
        if (!read || reader.next().kind == token_kind::error) {
            reject_text(c, reader);
            return false;
        }
        c.discard_diagnostics();
        const char* what = root.kind == token_kind::array_begin ? "an array"
                           : root.kind == token_kind::string   ? "a string"
                           : root.kind == token_kind::number   ? "a number"
                           : root.kind == token_kind::null_literal ? "null"
                                                                   : "a boolean";
        c.emit(rule::json_root, "", root.offset, std::string("the payload must be a JSON object, not ") + what,
            "wrap the fields in { }");
        return false;
    }
    c.root_offset = first.offset;
    // Text fields are decoded only when something reads their value: no built-in rule does.
    const bool decode_text = !opts.user_rules.empty();

    // Each token is a fresh variable: assigning over an old one copies it through a temporary, and
    // that copy of a just-written token stalls on store forwarding (it cost a quarter of the time here).
    for (;;) {
        const json_token token = reader.next();
        if (token.kind == token_kind::object_end)
            break;
        if (token.kind != token_kind::key) {
            reject_text(c, reader);
            return false;
        }
        std::string_view key = raw_of(token);
        if (token.has_escapes) {
            ws.key.clear();
            decode_json_string(key, ws.key);
            key = ws.key;
        }
        const std::size_t key_offset = token.offset;
        const std::size_t index = lookup(key);
        const bool duplicate = index < N ? ((ws.touched_slots >> index) & 1u) != 0
                                         : reader.register_root_key(token.raw, token.has_escapes);
        // The pointer is built only when something needs it: valid payloads allocate nothing here.
        auto path = [&] {
            std::string p;
            append_pointer_token(p, key);
            return p;
        };
        const payload_report report_inside{c};
        // Past max_diagnostics a diagnostic is only counted, so its pointer, message and hint are not built:
        // a payload of 100,000 unknown keys paid a did-you-mean (and a pointer) for each. Asked only here,
        // off the path of known fields.
        if (duplicate && c.beyond_limit_after(0, c.rank_of(rule::json_duplicate_key)))
            c.emit(rule::json_duplicate_key, {}, key_offset, {});
        else if (duplicate)
            c.emit(rule::json_duplicate_key, path(), key_offset,
                "the key " + quote_value(key) + " appears more than once in the payload (the last one is checked)",
                "remove one of them");
        if (index == fields.size()) {
            // A repeated unknown key was reported at its first place: json.duplicate-key says the rest.
            if (!duplicate && c.beyond_limit_after(0, c.rank_of(rule::field_unknown)))
                c.emit(rule::field_unknown, {}, key_offset, {});
            else if (!duplicate) {
                const std::size_t named =
                    emit_unknown_field(c, key, path(), key_offset, names, other_side_names, ws.touched_slots);
                if (named < N && ((ws.touched_slots >> named) & 1u) == 0)
                    ws.unknown_near_later.emplace_back(key_offset, named);
            }
            // What the walk can find in the value is an error (a duplicate key, a number too large), which may
            // take a kept warning's place: its pointer needs the field's, unless nothing can be found in the value
            // (a string, a literal, an ordinary number) or no error can be kept any more.
            const json_token value = reader.next();
            const bool may_report = value.kind == token_kind::object_begin || value.kind == token_kind::array_begin ||
                                    (value.kind == token_kind::number && !value.finite);
            const bool base_needed = may_report && !c.beyond_limit_after(0, keep_rank::error);
            if (!walk_value(reader, value, base_needed ? path() : std::string(), ws.stack, report_inside)) {
                reject_text(c, reader);
                return false;
            }
            continue;
        }
        field_slot& s = ws.slots[index];
        const std::uint64_t bit = std::uint64_t{1} << index;
        if (ws.touched_slots & bit)
            s.clear(); // a duplicate: the last value is the one checked
        ws.touched_slots |= bit;
        s.key_offset = key_offset;
        const json_token value = reader.next();
        s.value_offset = value.offset;
        const std::string_view value_raw = raw_of(value);
        // Strings first, as a plain branch: most values are strings, and the switch is an indirect jump.
        if (value.kind == token_kind::string) [[likely]] {
            s.type = json_type::string;
            s.raw = value_raw;
            s.escaped = value.has_escapes;
            if (s.escaped && (decode_text || fields[index].kind != value_kind::text)) {
                decode_json_string(value_raw, s.decoded);
                s.value = s.decoded;
            } else
                s.value = value_raw; // escaped text no built-in rule reads: left raw
        } else switch (value.kind) {
        case token_kind::number:
            s.type = json_type::number;
            s.raw = value_raw;
            s.integer_literal = value.integer_literal;
            s.fits_int64 = value.fits_int64;
            s.finite = value.finite;
            s.int_value = value.int_value;
            break;
        case token_kind::true_literal:
        case token_kind::false_literal:
            s.type = json_type::boolean;
            s.boolean = value.kind == token_kind::true_literal;
            break;
        case token_kind::null_literal:
            s.type = json_type::null;
            ws.null_slots |= bit;
            break;
        case token_kind::object_begin:
        case token_kind::array_begin:
            s.type = value.kind == token_kind::object_begin ? json_type::object : json_type::array;
            if (!walk_value(reader, value, path(), ws.stack, report_inside)) {
                reject_text(c, reader);
                return false;
            }
            break;
        default:
            reject_text(c, reader);
            return false;
        }
        if (s.type != expected_type(fields[index].kind))
            ws.wrong_type_slots |= bit;
    }
    if (reader.next().kind == token_kind::error) {
        reject_text(c, reader);
        return false;
    }
    return true;
}

/// Validation never throws: only std::bad_alloc can reach the entry points, and it becomes one error.
/// Its strings fit the small-string buffer, so only the vector may need memory (it usually has some).
inline void report_out_of_memory(report& out) noexcept
{
    out.diagnostics.clear();
    try {
        diagnostic d;
        d.rule = "json.limit";
        d.message = "out of memory";
        out.diagnostics.push_back(std::move(d));
    } catch (...) {
    }
}

/// Masks a credential echoed in messages, orders diagnostics by their place in the text, adds line and column, and
/// the "N more" entry.
inline void finish_report(report& out, const checker& c)
{
    if (out.diagnostics.empty() && c.dropped() == 0)
        return; // the common case: nothing to order or place
    mask_api_key_assignments_in(out.diagnostics); // a value echoed from the payload may carry a pasted credential
    if (const auto found = c.kept_order(); !found.empty()) { // back to the order found, as a full report has it
        std::vector<std::size_t> by_found(found.size());
        std::iota(by_found.begin(), by_found.end(), std::size_t{0});
        std::sort(by_found.begin(), by_found.end(), [&](std::size_t a, std::size_t b) { return found[a] < found[b]; });
        std::vector<diagnostic> reordered;
        reordered.reserve(out.diagnostics.size());
        for (const std::size_t k : by_found)
            reordered.push_back(std::move(out.diagnostics[k]));
        out.diagnostics = std::move(reordered);
    }
    // By offset, npos last, equal offsets kept in emission order. Short reports (almost all) by insertion:
    // std::stable_sort asks the heap for a buffer even for one diagnostic.
    const auto by_offset = [](const diagnostic& a, const diagnostic& b) { return a.offset < b.offset; };
    if (out.diagnostics.size() > 16)
        std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), by_offset);
    else
        for (auto next = out.diagnostics.begin(); next != out.diagnostics.end(); ++next)
            std::rotate(std::upper_bound(out.diagnostics.begin(), next, *next, by_offset), next, next + 1);
    if (c.from_text()) {
        position_tracker tracker(c.text()); // one forward walk: offsets are sorted
        for (diagnostic& d : out.diagnostics) {
            if (d.offset == npos)
                continue;
            const text_position p = tracker.at(d.offset);
            d.line = p.line;
            d.column = p.column;
        }
    }
    if (c.dropped() > 0) {
        diagnostic more;
        more.severity = c.dropped_error() ? severity::error : severity::warning;
        more.rule = std::string(info(rule::report_truncated).id);
        // "More" only when some are listed above it (max_diagnostics = 0 in code, or one 10 MB key, lists none).
        const bool others = !out.diagnostics.empty();
        more.message = std::to_string(c.dropped()) + (others ? " more" : "") +
                       (c.dropped() == 1 ? " diagnostic was left out" : " diagnostics were left out");
        if (c.text_budget_full() && out.diagnostics.size() < c.opts().max_diagnostics) // the text, not the count
            more.hint = "a long key or value filled the report's text (options::max_diagnostics \u00d7 4 KiB): shorten "
                        "it, or raise options::max_diagnostics";
        else
            more.hint = others ? "fix the ones above, or raise options::max_diagnostics" : "raise options::max_diagnostics";
        if (c.from_text()) { // every diagnostic of text has a place: this one's is the root's, as its path says
            // Text that is no JSON object has no '{': its first byte that is no white space, then.
            const std::size_t root = c.root_offset != npos
                                         ? c.root_offset
                                         : std::min(c.text().size(), c.text().find_first_not_of(" \t\r\n"));
            const text_position p = position_tracker(c.text()).at(root);
            more.offset = root;
            more.line = p.line;
            more.column = p.column;
        }
        out.diagnostics.push_back(std::move(more));
    }
}

/// Back to absent, every slot that may differ from a cleared one: all of them after a payload with a diagnostic
/// (or an exception), else only those the last payload read. The slots are the other side's after a switch between
/// requests and responses: those past this side's count were dropped by the resize, so only bits below it count.
inline void clear_slots(workspace& ws) noexcept
{
    if (ws.slots_dirty) {
        for (auto& s : ws.slots)
            s.clear();
    } else {
        const std::uint64_t in_range =
            ws.slots.size() >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << ws.slots.size()) - 1;
        for (std::uint64_t bits = ws.touched_slots & in_range; bits != 0; bits &= bits - 1)
            ws.slots[static_cast<std::size_t>(std::countr_zero(bits))].clear();
    }
    ws.touched_slots = 0;
    ws.null_slots = 0;
    ws.wrong_type_slots = 0;
}

template <std::size_t N>
report validate_text(payload_kind kind, std::string_view text, const options& opts, const field_info (&fields)[N],
    const std::array<std::string_view, N>& names, const field_lookup<N>& lookup,
    std::span<const std::string_view> other_side_names, workspace& ws) noexcept
{
    static_assert(N <= 64, "workspace::touched_slots has a bit per field");
    report out;
    try {
        ws.slots.resize(N);
        clear_slots(ws);
        ws.slots_dirty = true; // until the payload turns out clean (an exception leaves it so)
        checker c(kind, fields, std::span(ws.slots.data(), N), opts, out, text, true, ws);
        ws.unknown_near_later.clear();
        if (read_payload(c, ws, text, names, other_side_names, lookup)) {
            if (!ws.unknown_near_later.empty())
                note_fields_given_later(out, ws);
            c.limit_to_read_slots(ws.touched_slots, ws.null_slots, ws.wrong_type_slots);
            run_rules(c);
            if (kind == payload_kind::request)
                run_user_rules<update_campaign_request>(c, nullptr);
            else
                run_user_rules<campaign_response>(c, nullptr);
        }
        finish_report(out, c);
        // Without a diagnostic no check marked a slot failed or reported: only the fields read were written.
        ws.slots_dirty = !out.diagnostics.empty();
    } catch (...) {
        report_out_of_memory(out);
    }
    return out;
}

inline report validate_request_text(std::string_view text, const options& opts, workspace& ws) noexcept
{
    return validate_text(payload_kind::request, text, opts, request_fields, request_field_names, request_lookup,
        response_field_names, ws);
}

inline report validate_response_text(std::string_view text, const options& opts, workspace& ws) noexcept
{
    return validate_text(payload_kind::response, text, opts, response_fields, response_field_names,
        response_lookup, request_field_names, ws);
}

} // namespace atlas::detail

namespace atlas {

namespace detail {

/// The options of the overloads that take none: built on first use, never changed.
inline const options& default_options() noexcept
{
    static const options defaults; // default-constructing allocates nothing, so it cannot throw
    return defaults;
}

} // namespace detail

ATLAS_DECL report validate_request(std::string_view json_text, const options& opts) noexcept
{
    detail::workspace ws;
    return detail::validate_request_text(json_text, opts, ws);
}

ATLAS_DECL report validate_request(std::string_view json_text) noexcept
{
    return validate_request(json_text, detail::default_options());
}

ATLAS_DECL report validate_response(std::string_view json_text, const options& opts) noexcept
{
    detail::workspace ws;
    return detail::validate_response_text(json_text, opts, ws);
}

ATLAS_DECL report validate_response(std::string_view json_text) noexcept
{
    return validate_response(json_text, detail::default_options());
}

ATLAS_DECL report validate_call(std::string_view id, std::string_view api_key, const options& opts) noexcept
{
    report out;
    try {
        std::array<detail::field_slot, std::size(call_fields)> slots;
        const std::string_view values[] = {id, api_key}; // in call_fields order
        for (std::size_t i = 0; i < slots.size(); ++i) {
            slots[i].type = detail::json_type::string;
            slots[i].raw = slots[i].value = values[i];
        }
        detail::workspace ws;
        detail::checker c(detail::payload_kind::call, call_fields, slots, opts, out, {}, false, ws);
        detail::run_rules(c);
        detail::finish_report(out, c);
    } catch (...) {
        detail::report_out_of_memory(out);
    }
    return out;
}

ATLAS_DECL report validate_call(std::string_view id, std::string_view api_key) noexcept
{
    return validate_call(id, api_key, detail::default_options());
}

} // namespace atlas

#endif
