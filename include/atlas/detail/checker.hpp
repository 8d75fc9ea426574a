// atlas internals: the state the rule checks read and write.

// Outside the guard: rules.hpp ends by including the checks, which need this header complete.
#include <atlas/rules.hpp>

#ifndef ATLAS_DETAIL_CHECKER_HPP
#define ATLAS_DETAIL_CHECKER_HPP

#include <atlas/detail/field_lookup.hpp>
#include <atlas/detail/json_reader.hpp>
#include <atlas/detail/text.hpp>
#include <atlas/field_info.hpp>
#include <atlas/fields.hpp>
#include <atlas/options.hpp>
#include <atlas/report.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::detail {

inline constexpr std::size_t npos = diagnostic::no_position;

inline constexpr auto request_lookup = make_field_lookup(request_fields);
inline constexpr auto response_lookup = make_field_lookup(response_fields);

enum class json_type : std::uint8_t { absent, null, boolean, number, string, array, object };

/// What a payload holds for one known field, whether it came from text or from a typed struct.
struct field_slot {
    json_type type = json_type::absent;
    bool failed = false;   // an error was found in it (even one options turned off): rules that read it are skipped
    bool reported = false; // some diagnostic was reported on it
    bool boolean = false;
    // numbers
    bool integer_literal = false;
    bool fits_int64 = false;
    bool finite = true;
    std::int64_t int_value = 0;
    // where it is in the text (npos when not from text)
    std::size_t key_offset = npos;
    std::size_t value_offset = npos;
    std::string_view raw;   // strings: the raw contents between the quotes; numbers: the literal
    bool escaped = false;   // raw has escapes, so value views `decoded`
    std::string_view value; // strings: the decoded value; escaped text fields stay raw unless user rules run
    std::string decoded;    // storage for value when escaped
    decoded_cursor cursor;  // where the last content_offset() stopped in raw

    bool present() const noexcept { return type != json_type::absent && type != json_type::null; }
    /// Back to absent, keeping decoded's capacity. Member by member: assigning a fresh slot costs a
    /// string move and a block copy, and read_payload clears slots for every payload.
    void clear() noexcept
    {
        type = json_type::absent;
        failed = reported = boolean = integer_literal = fits_int64 = escaped = false;
        finite = true;
        int_value = 0;
        key_offset = value_offset = npos;
        raw = {};
        value = {}; // not `raw = value = {}`: reading value back just after its two 8-byte stores stalls store forwarding
        decoded.clear();
        cursor = {};
    }
};

enum class payload_kind : std::uint8_t { request, response, call };

/// The level of the rule with this id (a user rule's too) under `opts`: what options::rule_levels says for it,
/// else the severity it was given.
inline rule_level level_of_id(const options& opts, std::string_view id, severity given) noexcept
{
    if (!opts.rule_levels.empty())
        if (const auto it = opts.rule_levels.find(id); it != opts.rule_levels.end())
            return it->second;
    return given == severity::error ? rule_level::error : rule_level::warning;
}

/// The level rule r has when `opts` validate a payload of this kind: whatever options::rule_levels says for its id,
/// else the catalog's severity. Text that cannot be read keeps its errors, and so do unknown request fields in strict
/// mode: the contract makes them errors there, whatever a profile or config set for field.unknown (strict with the
/// server-compatible profile is strict). The checker and the schema generator both ask here.
inline rule_level level_in(const options& opts, payload_kind kind, rule r) noexcept
{
    if (level_is_fixed(r))
        return rule_level::error;
    if (r == rule::field_unknown && opts.strict && kind == payload_kind::request)
        return rule_level::error;
    return level_of_id(opts, info(r).id, info(r).severity);
}

/// One segment of a JSON Pointer while walking content: an object key or an array index.
struct walk_segment {
    bool in_array = false;
    std::size_t index = 0;    // arrays: index of the current element
    std::string_view key_raw; // objects: the current key, undecoded
    bool key_escaped = false;
};

/// Everything a validation needs to grow; kept by atlas::validator so that a stream of valid
/// payloads allocates nothing once the buffers have grown.
struct workspace {
    json_reader reader;         // the payload
    json_reader content_reader; // JSON carried in a string field
    std::vector<field_slot> slots;
    // Slots that may differ from a cleared one: bit i for slot i, or all of them while slots_dirty.
    // A payload without diagnostics only writes the slots of its fields, so the next one clears those alone.
    std::uint64_t touched_slots = 0;
    std::uint64_t null_slots = 0; // slots the payload set to null (a later duplicate may have replaced it)
    std::uint64_t wrong_type_slots = 0; // slots given a value of another JSON type than the field's (ditto)
    bool slots_dirty = true;
    std::vector<walk_segment> stack;
    std::string key;  // a decoded key
    std::string path; // a pointer under construction
    // Unknown keys whose did-you-mean names a field not read yet: (the key's offset, the field's position).
    std::vector<std::pair<std::size_t, std::size_t>> unknown_near_later;
    struct window {
        std::size_t index, offset;
        int start, end; // minutes since midnight
    };
    std::vector<window> windows;
    std::vector<std::uint32_t> minute_owner; // many windows: which window first covers each minute
    struct held_diagnostic { // about a string field's content, reported once the content is known to be JSON
        rule which;
        std::size_t offset; // a byte of the content
        std::string path, message, hint;
        bool superseded = false; // about a window's value that a later duplicate of its key replaced
    };
    std::vector<held_diagnostic> held;
    std::array<std::size_t, std::size(rules)> held_counted{}; // per rule: findings past the limit, only counted
    bool any_held_counted = false; // held_counted is not all zero
    std::array<std::size_t, 3> held_by_rank{}; // held, not withdrawn, by keep_rank: what will be kept before a finding
    struct item {
        std::string_view id;
        std::size_t number; // 1-based, as the messages count items
    };
    std::vector<item> items;
    std::vector<std::size_t> item_table; // open addressing over items: index + 1, 0 when empty
    // Once a diagnostic took another's place in a full report: the order each kept one was found in, which
    // finish_report restores before ordering by place (equal places stay in the order found, cut short or not).
    std::vector<std::size_t> kept_order;
};

constexpr bool applies(rule_scope scope, payload_kind kind) noexcept
{
    switch (scope) {
    case rule_scope::both: return kind != payload_kind::call;
    case rule_scope::request: return kind == payload_kind::request;
    case rule_scope::response: return kind == payload_kind::response;
    case rule_scope::call: return kind == payload_kind::call;
    default: return false;
    }
}

/// A field table's fields that some payload checks look for, as bit masks (bit i: field i), so that those
/// checks visit the few fields that matter instead of all of them on every payload. Field tables have at most 64
/// fields (validate_text asserts it for the slots' bit set).
struct field_masks {
    std::uint64_t required = 0;
    std::uint64_t outbound_only = 0; // channels == channels::outbound_only
    std::uint64_t inbound_only = 0;  // channels == channels::inbound_only
};
constexpr field_masks masks_of(std::span<const field_info> table) noexcept
{
    field_masks m;
    for (std::size_t i = 0; i < table.size() && i < 64; ++i) {
        const std::uint64_t bit = std::uint64_t{1} << i;
        m.required |= table[i].required ? bit : 0;
        m.outbound_only |= table[i].channels == channels::outbound_only ? bit : 0;
        m.inbound_only |= table[i].channels == channels::inbound_only ? bit : 0;
    }
    return m;
}
inline constexpr field_masks request_field_masks = masks_of(request_fields);
inline constexpr field_masks response_field_masks = masks_of(response_fields);
inline constexpr field_masks call_field_masks = masks_of(call_fields);

/// Calls f(i) for each set bit i of bits, lowest first (the order of the field table).
template <class F>
void for_each_field_in(std::uint64_t bits, F&& f)
{
    for (; bits != 0; bits &= bits - 1)
        f(static_cast<std::size_t>(std::countr_zero(bits)));
}

/// Which diagnostics a report cut short by max_diagnostics keeps first: errors of the catalog (and of user rules),
/// then warnings that options raised to errors (unknown fields in strict mode), then warnings.
enum class keep_rank : std::uint8_t { warning, raised, error };

/// The context every check gets: the fields, their slots, the options, and the report to add to.
class checker {
public:
    /// `from_text`: the payload was read from `text`, so diagnostics get positions (even in "").
    checker(payload_kind kind, std::span<const field_info> fields, std::span<field_slot> slots, const options& opts,
        report& out, std::string_view text, bool from_text, workspace& ws) noexcept
        : kind_(kind), fields_(fields), slots_(slots), options_(opts), report_(out), text_(text), from_text_(from_text),
          ws_(ws)
    {
        ws_.kept_order.clear();
    }

    payload_kind kind() const noexcept { return kind_; }
    const options& opts() const noexcept { return options_; }
    std::string_view text() const noexcept { return text_; }
    bool from_text() const noexcept { return from_text_; }
    std::span<const field_info> fields() const noexcept { return fields_; }
    const field_info& field(std::size_t i) const noexcept { return fields_[i]; }
    field_slot& slot(std::size_t i) noexcept { return slots_[i]; }
    const field_slot& slot(std::size_t i) const noexcept { return slots_[i]; }
    std::size_t index_of(std::string_view name) const noexcept
    {
        if (fields_.data() == request_fields)
            return request_lookup(name);
        if (fields_.data() == response_fields)
            return response_lookup(name);
        for (std::size_t i = 0; i < fields_.size(); ++i)
            if (fields_[i].name == name)
                return i;
        return fields_.size();
    }
    field_masks masks() const noexcept
    {
        return fields_.data() == request_fields    ? request_field_masks
               : fields_.data() == response_fields ? response_field_masks
               : fields_.data() == call_fields     ? call_field_masks
                                                   : masks_of(fields_);
    }
    /// Fields whose slot may hold something (a value or null): every one, unless the reader said which it wrote.
    std::uint64_t maybe_present() const noexcept { return maybe_present_ & all_fields(); }
    /// Fields whose slot may hold null: every one, unless the reader said which it set so.
    std::uint64_t maybe_null() const noexcept { return maybe_null_ & all_fields(); }
    /// Fields whose value may not have its JSON type: every one, unless the reader said which.
    std::uint64_t maybe_wrong_type() const noexcept { return maybe_wrong_type_ & all_fields(); }
    /// The reader wrote only the slots of `written`, set to null only some of `nulls`, and saw a JSON type other than
    /// the field's only in some of `wrong_types`; the other slots are as cleared (absent). Checks never make a slot
    /// present, so this holds for the whole rule pass.
    void limit_to_read_slots(std::uint64_t written, std::uint64_t nulls, std::uint64_t wrong_types) noexcept
    {
        maybe_present_ = written;
        maybe_null_ = nulls;
        maybe_wrong_type_ = wrong_types;
    }

    /// A field the rules may read: present with a value, and no error reported on it.
    bool usable(std::size_t i) const noexcept { return i < slots_.size() && slots_[i].present() && !slots_[i].failed; }
    bool failed(std::size_t i) const noexcept { return i < slots_.size() && slots_[i].failed; }

    std::size_t root_offset = npos; // the '{' of the payload, for diagnostics about missing fields

    std::string pointer(std::size_t i) const
    {
        std::string p;
        append_pointer_token(p, fields_[i].name);
        return p;
    }

    /// Where a diagnostic about field i points: its value, else its key, else the object that lacks it.
    std::size_t place_of(std::size_t i) const noexcept
    {
        const field_slot& s = slots_[i];
        return s.value_offset != npos ? s.value_offset : s.key_offset != npos ? s.key_offset : root_offset;
    }

    /// The text offset of byte `decoded_offset` of a string field's decoded value.
    std::size_t content_offset(std::size_t i, std::size_t decoded_offset) noexcept
    {
        field_slot& s = slots_[i];
        if (s.value_offset == npos)
            return npos;
        const std::size_t raw = s.escaped ? raw_offset_of_decoded(s.raw, decoded_offset, s.cursor)
                                          : (decoded_offset < s.raw.size() ? decoded_offset : s.raw.size());
        return s.value_offset + 1 + raw; // + 1: the opening quote
    }

    /// The level a rule has in this validation: by its id (user rules), or as level_in says (built-in rules).
    rule_level level_of(std::string_view id, severity catalog) const noexcept
    {
        return level_of_id(options_, id, catalog);
    }
    rule_level level_of(rule r) const noexcept { return level_in(options_, kind_, r); }
    severity severity_of(rule r) const noexcept
    {
        return level_of(r) == rule_level::error ? severity::error : severity::warning;
    }
    keep_rank rank_of(rule r) const noexcept
    {
        if (level_of(r) != rule_level::error)
            return keep_rank::warning;
        return info(r).severity == severity::warning ? keep_rank::raised : keep_rank::error;
    }

    /// Adds a diagnostic; past options::max_diagnostics only counts it.
    void emit(rule r, std::string path, std::size_t offset, std::string message, std::string hint = {})
    {
        const rule_level level = level_of(r);
        if (level == rule_level::off)
            return;
        keep(info(r).id, level == rule_level::error ? severity::error : severity::warning, rank_of(r), std::move(path),
            offset, std::move(message), std::move(hint));
    }

    /// Adds a diagnostic under any rule id (the user rules'): an error keeps as one of the catalog's.
    void emit_as(std::string_view id, severity level, std::string path, std::size_t offset, std::string message,
        std::string hint = {})
    {
        keep(id, level, level == severity::error ? keep_rank::error : keep_rank::warning, std::move(path), offset,
            std::move(message), std::move(hint));
    }

    /// Adds a diagnostic of this rank. Past options::max_diagnostics it is only counted, except that it takes the
    /// place of a kept one of a lower rank (a warning first): a report cut short keeps its errors first, so that a
    /// thousand unknown fields, warnings or errors in strict mode, cannot hide a missing required one. A
    /// diagnostic without a message was made only to be counted (see beyond_limit_after) and is never kept.
    void keep(std::string_view id, severity level, keep_rank rank, std::string path, std::size_t offset,
        std::string message, std::string hint)
    {
        auto& kept = report_.diagnostics;
        const std::size_t bytes = path.size() + message.size() + hint.size();
        // Once one of a rank found no room, so do the later ones, small or not: the same whether or not the caller
        // asked beyond_limit_after first (which then spares their texts: else each of a thousand duplicates under a
        // long key would build its long pointer).
        const bool no_room = !message.empty() && (text_refused_[static_cast<std::size_t>(rank)] ||
                                                     kept_text_bytes_ + bytes > text_cap(rank));
        // One only counted because the kept text had already reached the cap (beyond_limit_after) found no room
        // either: as if its text had been built, so that the "N more" entry names the text budget.
        if (no_room || (message.empty() && kept_text_bytes_ >= text_cap(rank)))
            text_refused_[static_cast<std::size_t>(rank)] = true;
        const bool counted_only = message.empty() || no_room;
        const bool full = kept.size() >= options_.max_diagnostics;
        if (full && !counted_only && kept_below(rank) > 0) {
            // Once the report is full nothing of the victim's rank is kept after its cursor (a newcomer put before
            // the cursor of its own rank moves that cursor past it), so a cursor mostly moves back: a million errors
            // past the limit cost about one walk of the kept ones.
            const keep_rank victim = kept_count_[0] > 0 ? keep_rank::warning : keep_rank::raised;
            std::size_t& cursor = evict_from_[static_cast<std::size_t>(victim)];
            cursor = std::min(cursor, kept.size());
            while (rank_of_kept(kept[--cursor]) != victim) {
            }
            const std::size_t at = cursor;
            auto& order = ws_.kept_order;
            if (order.empty()) { // the first replacement: the kept ones were found in the order they are in
                order.resize(kept.size());
                std::iota(order.begin(), order.end(), std::size_t{0});
            }
            order[at] = kept.size() + dropped_; // found after every one kept or counted so far
            --kept_count_[static_cast<std::size_t>(victim)];
            ++dropped_; // the one replaced is now one of those left out
            dropped_error_ = dropped_error_ || victim == keep_rank::raised;
            kept_text_bytes_ -= text_bytes(kept[at]);
            kept_text_bytes_ += bytes;
            kept[at] = make_diagnostic(id, level, std::move(path), offset, std::move(message), std::move(hint));
            ++kept_count_[static_cast<std::size_t>(rank)];
            if (std::size_t& raised_from = evict_from_[1]; rank == keep_rank::raised && raised_from != npos && raised_from <= at)
                raised_from = at + 1;
            return;
        }
        if (full || counted_only) {
            ++dropped_;
            dropped_error_ = dropped_error_ || level == severity::error;
            return;
        }
        if (kept.empty())
            kept.reserve(4); // one allocation for most reports, not one per growth to 1, 2, 4
        kept_text_bytes_ += bytes;
        kept.push_back(make_diagnostic(id, level, std::move(path), offset, std::move(message), std::move(hint)));
        ++kept_count_[static_cast<std::size_t>(rank)];
    }

    /// Adds a diagnostic about field i, at `offset` (default: the field's place). A finding the catalog calls an
    /// error marks the field failed, even when options turn it down or off: the value is still wrong, and rules
    /// that read it must not guess from it (a missing campaignType read as non-phone). A warning raised to an
    /// error does not: the value means what it meant (MessagesCampaign false is still a voice bubble, which
    /// needs Position), so raising a level never hides another rule's finding.
    void emit_on(rule r, std::size_t i, std::string message, std::string hint = {}, std::size_t offset = npos,
        std::string path = {})
    {
        if (!mark_finding(r, i))
            return;
        emit(r, path.empty() ? pointer(i) : std::move(path), offset == npos ? place_of(i) : offset, std::move(message),
            std::move(hint));
    }

    /// Counts n diagnostics of rule r about field i that beyond_limit_after said are only counted, as emit_on with
    /// an empty message counts one: hostile content with a million findings holds a number, not a million records.
    void count_on(rule r, std::size_t i, std::size_t n) noexcept
    {
        if (n == 0 || !mark_finding(r, i))
            return;
        dropped_ += n;
        dropped_error_ = dropped_error_ || level_of(r) == rule_level::error;
    }

    /// What a finding of rule r about field i does to its slot, reported or only counted: failed when the catalog
    /// calls it an error, reported unless the rule is off. Whether it is reported at all.
    bool mark_finding(rule r, std::size_t i) noexcept
    {
        field_slot& s = slots_[i];
        if (info(r).severity == severity::error) {
            s.failed = true;
            // Even with the rule off and nothing reported, the slot now differs from a cleared one: the next
            // payload must clear it (a reused validator skipped every check of that field then).
            ws_.touched_slots |= std::uint64_t{1} << i;
        }
        if (level_of(r) == rule_level::off)
            return false;
        s.reported = true;
        return true;
    }

    std::size_t dropped() const noexcept { return dropped_; }
    /// Whether a diagnostic of this rank, reported after `before` more kept ones, is surely left out by
    /// max_diagnostics (only counted), whatever else is reported first: then its text need not be built. It is
    /// not while a kept one of a lower rank could make room for it.
    bool beyond_limit_after(std::size_t before, keep_rank rank) const noexcept
    {
        return text_refused_[static_cast<std::size_t>(rank)] || kept_text_bytes_ >= text_cap(rank) ||
               (report_.diagnostics.size() + before >= options_.max_diagnostics && kept_below(rank) == 0);
    }
    /// Bytes of text (paths, messages and hints) the kept diagnostics of this rank and those below may fill, past
    /// which one of this rank is only counted, as past max_diagnostics: about 4 KiB a diagnostic in all, far above
    /// what real ones take (messages quote at most 64 characters of a value), but a pointer repeats every key above
    /// its place, and a thousand duplicate keys under one 1 MB key made a 1 GB report. Warnings may fill half of it
    /// and raised warnings three quarters, so that errors always have room: text, like the count, cannot let a
    /// thousand long unknown keys push a missing required field out.
    std::size_t text_cap(keep_rank rank) const noexcept
    {
        constexpr std::size_t per_diagnostic = 4096;
        const std::size_t budget = options_.max_diagnostics > std::numeric_limits<std::size_t>::max() / per_diagnostic
                                       ? std::numeric_limits<std::size_t>::max()
                                       : options_.max_diagnostics * per_diagnostic;
        return rank == keep_rank::error ? budget : budget / 4 * (rank == keep_rank::raised ? 3 : 2);
    }
    /// Forgets everything reported so far (text that turns out not to be JSON gets one error only).
    void discard_diagnostics() noexcept
    {
        report_.diagnostics.clear();
        dropped_ = 0;
        dropped_error_ = false;
        kept_text_bytes_ = 0;
        text_refused_ = {};
        ws_.kept_order.clear();
        kept_count_ = {};
        evict_from_ = {npos, npos};
    }
    bool dropped_error() const noexcept { return dropped_error_; }
    /// Whether some diagnostic was left out because the report's text budget was full (see text_cap), not its count.
    bool text_budget_full() const noexcept { return text_refused_[0] || text_refused_[1] || text_refused_[2]; }
    /// The order the kept diagnostics were found in, when one took another's place; else empty (they are in it).
    std::span<const std::size_t> kept_order() const noexcept { return ws_.kept_order; }

    /// Scratch space, reused across checks and payloads.
    workspace& ws() noexcept { return ws_; }

    /// The pointer of field i, built in the workspace's buffer (valid until the next call).
    std::string_view pointer_view(std::size_t i)
    {
        ws_.path.clear();
        append_pointer_token(ws_.path, fields_[i].name);
        return ws_.path;
    }

private:
    payload_kind kind_;
    std::span<const field_info> fields_;
    std::span<field_slot> slots_;
    const options& options_;
    report& report_;
    std::string_view text_;
    bool from_text_;
    workspace& ws_;
    std::size_t dropped_ = 0;
    bool dropped_error_ = false;
    std::size_t kept_text_bytes_ = 0; // of the kept diagnostics: see text_cap
    std::array<bool, 3> text_refused_{}; // a diagnostic of this keep_rank found no room in the text budget
    std::array<std::size_t, 3> kept_count_{};            // kept diagnostics of each keep_rank
    std::array<std::size_t, 2> evict_from_{npos, npos};  // where the search for a warning, a raised one goes back from

    /// The rank of a kept diagnostic, worked out again from its rule: only a full report asks, so its diagnostics
    /// carry no rank of their own (and a fresh workspace allocates nothing more for one).
    static keep_rank rank_of_kept(const diagnostic& d) noexcept
    {
        if (d.severity == severity::warning)
            return keep_rank::warning;
        const rule_info* built_in = find_rule(d.rule);
        return built_in && built_in->severity == severity::warning ? keep_rank::raised : keep_rank::error;
    }
    static std::size_t text_bytes(const diagnostic& d) noexcept { return d.path.size() + d.message.size() + d.hint.size(); }
    /// Kept diagnostics that one of this rank takes the place of, past the limit.
    std::size_t kept_below(keep_rank rank) const noexcept
    {
        return rank == keep_rank::error ? kept_count_[0] + kept_count_[1]
               : rank == keep_rank::raised ? kept_count_[0]
                                            : 0;
    }

    diagnostic make_diagnostic(std::string_view id, severity level, std::string path, std::size_t offset,
        std::string message, std::string hint) const
    {
        diagnostic d;
        d.severity = level;
        d.path = std::move(path);
        d.rule = std::string(id);
        d.message = std::move(message);
        d.hint = std::move(hint);
        d.offset = from_text_ ? offset : npos;
        return d;
    }
    std::uint64_t maybe_present_ = ~std::uint64_t{0};
    std::uint64_t maybe_null_ = ~std::uint64_t{0};
    std::uint64_t maybe_wrong_type_ = ~std::uint64_t{0};

    std::uint64_t all_fields() const noexcept
    {
        return fields_.size() >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << fields_.size()) - 1;
    }
};

/// One check of the rule pass: a field check with the fields it runs on, or a payload check with the fields
/// it reads resolved to indices.
struct rule_step {
    std::uint64_t fields = 0;            // field checks: bit i for field i
    std::uint8_t rule = 0;               // index in atlas::rules of the first rule the check reports
    std::uint8_t read_count = 0;         // payload checks: how many of reads are set
    std::array<std::uint8_t, 3> reads{}; // payload checks: the fields whose failure skips the check
};

static_assert(
    [] {
        for (const rule_info& r : rules)
            if (r.reads.size() > rule_step{}.reads.size())
                return false;
        return true;
    }(),
    "a payload rule reads more fields than rule_step holds");

/// The rule pass of one payload kind over one field table, worked out once: which check runs on which
/// fields, in rule-table order. A check shared by several consecutive rules (one walk finds them all)
/// runs once.
template <std::size_t Capacity>
struct rule_plan {
    std::array<rule_step, Capacity> steps{};
    std::size_t size = 0;
};

namespace plan_detail {
/// An upper bound of a plan's steps, at compile time. Only scopes are read: comparing function
/// addresses is not a constant expression under some flags (g++ with -fsanitize=undefined).
consteval std::size_t plan_capacity(payload_kind kind)
{
    std::size_t count = 0;
    for (const rule_info& rule : rules)
        count += applies(rule.scope, kind);
    return count;
}

/// Whether rule r runs its check for this kind: it has one, it applies, and the rule before it does
/// not share its check.
inline bool starts_a_check(std::size_t r, payload_kind kind) noexcept
{
    const rule_info& rule = rules[r];
    if (!applies(rule.scope, kind) || (!rule.on_field && !rule.on_payload))
        return false;
    if (r == 0 || !applies(rules[r - 1].scope, kind))
        return true;
    return rule.on_field ? rules[r - 1].on_field != rule.on_field : rules[r - 1].on_payload != rule.on_payload;
}
} // namespace plan_detail

template <std::size_t Capacity, std::size_t N>
rule_plan<Capacity> make_rule_plan(payload_kind kind, const field_info (&fields)[N]) noexcept
{
    static_assert(N < 0xFF && std::size(rules) < 0xFF);
    static_assert(N <= 64, "run_plan keeps a bit per field");
    rule_plan<Capacity> plan;
    for (std::size_t r = 0; r < std::size(rules); ++r) {
        const rule_info& rule = rules[r];
        if (!plan_detail::starts_a_check(r, kind))
            continue;
        rule_step step;
        step.rule = static_cast<std::uint8_t>(r);
        if (rule.on_field) {
            for (std::size_t i = 0; i < N; ++i)
                if (has_kind(rule.kinds, fields[i].kind))
                    step.fields |= std::uint64_t{1} << i;
            if (step.fields == 0)
                continue;
        } else {
            for (std::string_view name : rule.reads)
                for (std::size_t i = 0; i < N && step.read_count < step.reads.size(); ++i)
                    if (fields[i].name == name)
                        step.reads[step.read_count++] = static_cast<std::uint8_t>(i);
        }
        plan.steps[plan.size++] = step;
    }
    return plan;
}

// Made on first use (a function-local static: thread-safe, and then one load per validation).
#define ATLAS_DETAIL_RULE_PLAN(name, kind, table)                                                        \
    inline const auto& name()                                                                           \
    {                                                                                                   \
        static const auto plan = make_rule_plan<plan_detail::plan_capacity(kind)>(kind, table);         \
        return plan;                                                                                    \
    }
ATLAS_DETAIL_RULE_PLAN(request_plan, payload_kind::request, request_fields)
ATLAS_DETAIL_RULE_PLAN(response_plan, payload_kind::response, response_fields)
ATLAS_DETAIL_RULE_PLAN(call_plan, payload_kind::call, call_fields)
#undef ATLAS_DETAIL_RULE_PLAN

/// The rules whose check has to run: a check runs when some rule it reports is not turned off, or is an error
/// in the catalog (what it finds then still marks the field failed, see checker::emit_on).
inline std::uint64_t wanted_rules(const checker& c) noexcept
{
    static_assert(std::size(rules) <= 64);
    if (c.opts().rule_levels.empty())
        return ~std::uint64_t{0};
    std::uint64_t wanted = 0;
    for (const rule_info& r : rules)
        for (const rule_info& other : rules)
            if (other.on_field == r.on_field && other.on_payload == r.on_payload &&
                (c.level_of(other.key) != rule_level::off || other.severity == severity::error)) {
                wanted |= std::uint64_t{1} << static_cast<unsigned>(r.key);
                break;
            }
    return wanted;
}

template <std::size_t Capacity>
void run_plan(checker& c, const rule_plan<Capacity>& plan)
{
    const std::uint64_t wanted = wanted_rules(c);
    const std::uint64_t maybe_present = c.maybe_present(); // absent fields' slots are not even read
    for (std::size_t k = 0; k < plan.size; ++k) {
        const rule_step& step = plan.steps[k];
        if (!((wanted >> step.rule) & 1u))
            continue;
        const rule_info& r = rules[step.rule];
        if (r.on_field) { // in field order, as the fields' bits come
            std::uint64_t candidates = step.fields & maybe_present;
            // The type check finds nothing where the reader saw the field's own type: most fields, spared a call.
            if (step.rule == static_cast<std::uint8_t>(rule::field_type))
                candidates &= c.maybe_wrong_type();
            for (std::uint64_t bits = candidates; bits != 0; bits &= bits - 1) {
                const auto i = static_cast<std::size_t>(std::countr_zero(bits));
                if (c.usable(i))
                    r.on_field(c, i);
            }
            continue;
        }
        bool reads_failed = false;
        for (std::size_t i = 0; i < step.read_count; ++i)
            reads_failed = reads_failed || c.failed(step.reads[i]);
        if (!reads_failed)
            r.on_payload(c);
    }
}

/// Runs every rule of the table that applies to this payload, in table order. The checker's fields are
/// the table of its kind (request_fields, response_fields, call_fields), which the plans were made from.
inline void run_rules(checker& c)
{
    switch (c.kind()) {
    case payload_kind::request: return run_plan(c, request_plan());
    case payload_kind::response: return run_plan(c, response_plan());
    case payload_kind::call: return run_plan(c, call_plan());
    }
}

} // namespace atlas::detail

#endif
