// atlas: out-of-line definitions for validate_typed.hpp.
#ifndef ATLAS_IMPL_VALIDATE_TYPED_HPP
#define ATLAS_IMPL_VALIDATE_TYPED_HPP

#include <atlas/detail/checker.hpp>
#include <atlas/detail/model.hpp>
#include <atlas/impl/rule_context.hpp>
#include <atlas/validate_typed.hpp>
#include <atlas/impl/validate.hpp>

#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace atlas::detail {

template <class T>
void fill_slot(field_slot& s, const field<T>& f)
{
    if (f.absent())
        return;
    if (f.is_null()) {
        s.type = json_type::null;
        return;
    }
    const T& v = f.value();
    if constexpr (std::is_same_v<T, std::string>) {
        s.type = json_type::string;
        s.raw = s.value = v;
    } else if constexpr (std::is_same_v<T, open_enum>) {
        s.type = json_type::string;
        s.raw = s.value = v.value;
    } else if constexpr (closed_enum<T>) {
        s.type = json_type::string;
        s.raw = s.value = to_wire(v);
    } else if constexpr (std::is_same_v<T, bool>) {
        s.type = json_type::boolean;
        s.boolean = v;
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        s.type = json_type::number;
        s.decoded = std::to_string(v); // the literal, for messages
        s.raw = s.decoded;
        s.integer_literal = s.fits_int64 = true;
        s.int_value = v;
    }
}

/// What the text reader would have refused in an unknown member a typed payload carries in `extra`: a number
/// that is not finite (Boost.JSON reads 1e400 as infinity), text that is not UTF-8, nesting past max_depth
/// (the member's value starts at depth 2, as in text). With its own stack: code may build any depth.
inline void check_extra_member(checker& c, std::string_view key, const boost::json::value& value)
{
    struct entry {
        const boost::json::value* value;
        std::string pointer;
        std::size_t depth;
    };
    std::vector<entry> stack;
    std::string root;
    append_pointer_token(root, key);
    if (!is_utf8(key))
        c.emit(rule::json_encoding, root, npos, "the key of an unknown member is not valid UTF-8", "use UTF-8 text");
    stack.push_back({&value, std::move(root), 2});
    while (!stack.empty()) {
        entry e = std::move(stack.back());
        stack.pop_back();
        const boost::json::value& v = *e.value;
        if (v.is_double() && !std::isfinite(v.get_double()))
            c.emit(rule::json_number_range, e.pointer, npos, "the number at " + quote_value(e.pointer) +
                " is not finite (NaN, or too large for a double)", std::string(number_range_hint));
        else if (v.is_string() && !is_utf8(v.get_string()))
            c.emit(rule::json_encoding, e.pointer, npos, "the string at " + quote_value(e.pointer) +
                " is not valid UTF-8", "use UTF-8 text");
        if (!v.is_object() && !v.is_array())
            continue;
        if (e.depth > c.opts().max_depth) { // the root object is depth 1, as in the text reader
            c.emit(rule::json_limit, e.pointer, npos,
                "arrays and objects are nested deeper than options::max_depth (" +
                    std::to_string(c.opts().max_depth) + ")",
                "nest less deeply, or raise options::max_depth");
            continue;
        }
        if (v.is_array()) {
            const auto& a = v.get_array();
            for (std::size_t k = a.size(); k-- > 0;) {
                std::string pointer = e.pointer;
                append_pointer_index(pointer, k);
                stack.push_back({&a[k], std::move(pointer), e.depth + 1});
            }
        } else {
            const auto& o = v.get_object();
            for (auto it = o.end(); it != o.begin();) {
                --it;
                const std::string_view member(it->key().data(), it->key().size());
                std::string pointer = e.pointer;
                append_pointer_token(pointer, member);
                if (!is_utf8(member))
                    c.emit(rule::json_encoding, pointer, npos, "a key is not valid UTF-8", "use UTF-8 text");
                stack.push_back({&it->value(), std::move(pointer), e.depth + 1});
            }
        }
    }
}

template <class Model>
report validate_model(const Model& model, payload_kind kind, const options& opts) noexcept
{
    report out;
    try {
        constexpr auto fields = fields_of<Model>;
        std::array<field_slot, fields.size()> slots;
        std::size_t index = 0;
        boost::mp11::mp_for_each<model_members<Model>>([&](auto D) { fill_slot(slots[index++], model.*D.pointer); });
        workspace ws;
        checker c(kind, fields, slots, opts, out, {}, false, ws);
        // Text the reader would have refused. The call's id and api-key are no JSON text (a path and a header):
        // their own rules judge them, as validate_call does.
        if constexpr (!std::is_same_v<Model, campaign_call>)
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (slots[i].type == json_type::string && !is_utf8(slots[i].value))
                    c.emit_on(rule::json_encoding, i, std::string(fields[i].name) + " is not valid UTF-8",
                        "use UTF-8 text");
        if constexpr (requires { model.extra; }) {
            for (const auto& member : model.extra) {
                const std::string_view key(member.key().data(), member.key().size());
                if (field_index(fields, key) != fields.size())
                    continue; // written under the member's name instead (see convert.hpp)
                std::string path;
                append_pointer_token(path, key);
                // The members the struct holds: a rename of this key would give one of them twice.
                std::uint64_t given = 0;
                for (std::size_t i = 0; i < fields.size() && i < 64; ++i)
                    if (slots[i].present())
                        given |= std::uint64_t{1} << i;
                if constexpr (std::is_same_v<Model, update_campaign_request>)
                    emit_unknown_field(c, key, std::move(path), npos, request_field_names, response_field_names, given);
                else
                    emit_unknown_field(c, key, std::move(path), npos, response_field_names, request_field_names, given);
                check_extra_member(c, key, member.value());
            }
        }
        run_rules(c);
        if constexpr (!std::is_same_v<Model, campaign_call>)
            run_user_rules(c, &model);
        finish_report(out, c);
    } catch (...) {
        report_out_of_memory(out);
    }
    return out;
}

} // namespace atlas::detail

namespace atlas {

ATLAS_DECL report validate(const update_campaign_request& request, const options& opts) noexcept
{
    return detail::validate_model(request, detail::payload_kind::request, opts);
}

ATLAS_DECL report validate(const update_campaign_request& request) noexcept
{
    return validate(request, detail::default_options());
}

ATLAS_DECL report validate(const campaign_response& response, const options& opts) noexcept
{
    return detail::validate_model(response, detail::payload_kind::response, opts);
}

ATLAS_DECL report validate(const campaign_response& response) noexcept
{
    return validate(response, detail::default_options());
}

ATLAS_DECL report validate(const campaign_call& call, const options& opts) noexcept
{
    return detail::validate_model(call, detail::payload_kind::call, opts);
}

ATLAS_DECL report validate(const campaign_call& call) noexcept
{
    return validate(call, detail::default_options());
}

} // namespace atlas

#endif
